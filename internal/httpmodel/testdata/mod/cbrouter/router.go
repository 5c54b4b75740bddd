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

// Negotiated mounts a dispatcher serving one of routers per request.
func Negotiated(mw func(http.Handler) http.Handler, routers map[string]chi.Router) (chi.Router, error) {
	d, err := newDispatcher(routers)
	if err != nil {
		return nil, err
	}
	r := chi.NewRouter()
	r.Use(mw)
	r.Mount("/", d) // want `route \* /\* -> newDispatcher@router.go:\d+ \[mw\]`
	return r, nil
}

type dispatcher struct {
	routers map[string]chi.Router
}

func newDispatcher(routers map[string]chi.Router) (*dispatcher, error) {
	if len(routers) == 0 {
		return nil, http.ErrNotSupported
	}
	return &dispatcher{routers: routers}, nil
}

func (d *dispatcher) ServeHTTP(w http.ResponseWriter, r *http.Request) { // want `handler \(\*dispatcher\).ServeHTTP net/http`
	d.routers[r.Header.Get("Version")].ServeHTTP(w, r) // want `input header Version`
}
