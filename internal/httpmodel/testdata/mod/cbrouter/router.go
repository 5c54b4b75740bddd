// Package cbrouter builds routers and hands them to route callbacks.
package cbrouter

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"example.com/hm/auth"
)

// Config is a router's configuration; its callbacks register routes.
type Config struct {
	Register func(r chi.Router)
	Unused   func(r chi.Router)
}

var saved func(chi.Router)

// New builds a router and calls cfg.Register with it.
func New(cfg Config) chi.Router {
	r := chi.NewRouter()
	r.Use(middleware.RequestID)
	if cfg.Register != nil {
		cfg.Register(r)
	}
	return r
}

// Keep stores a callback and never calls it with a router.
func Keep(cfg Config) chi.Router {
	r := chi.NewRouter()
	saved = cfg.Unused
	return r
}

// Other calls the callback with a router it does not return.
func Other(cfg Config) chi.Router {
	r := chi.NewRouter()
	r.Use(auth.Middleware)
	o := chi.NewRouter()
	o.Use(middleware.NoCache)
	cfg.Register(o)
	return r
}

// WithAuth gives fn an authenticated group of r.
func WithAuth(r chi.Router, fn func(chi.Router)) {
	r.Group(func(g chi.Router) {
		g.Use(auth.Middleware)
		fn(g)
	})
}

// Handler is not a router: a callback given one registers nothing here.
func Handler(fn func(http.Handler)) {
	fn(http.NotFoundHandler())
}
