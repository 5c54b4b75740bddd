// Package routers builds the service's routers (signoz's
// app.NewRouter() *mux.Router): the routes are registered by callers.
package routers

import (
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/httprate"
)

// New returns a bare router.
func New() *chi.Mux {
	return chi.NewRouter()
}

// NewLimited returns a router that rate-limits every route.
func NewLimited() *chi.Mux {
	r := chi.NewRouter()
	r.Use(httprate.LimitByIP(100, time.Minute))
	return r
}
