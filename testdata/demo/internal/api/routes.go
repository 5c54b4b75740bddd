// Package api is the HTTP layer.
package api

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"gorm.io/gorm"

	"example.com/demo/internal/auth"
	"example.com/demo/internal/config"
	"example.com/demo/internal/support"
)

// NewRouter builds the API router.
func NewRouter(db *gorm.DB, cfg config.Config) http.Handler {
	r := chi.NewRouter()
	r.Use(middleware.RequestID, middleware.Logger, middleware.Recoverer, allowOrigin)
	mountPublic(r, db)

	r.Group(func(r chi.Router) {
		r.Use(auth.Middleware(cfg.JWTSecret))
		mountOrders(r, db)
		mountUsers(r, db)
		mountSearch(r, db)

		// Good: the support tools are mounted behind the admin check.
		r.With(requireAdmin).Route("/staff", func(r chi.Router) { support.Routes(r, db) })
		// Bad: a preview of the same tools, left mounted for every
		// signed-in customer: any of them can refund any order.
		r.Route("/preview/support", func(r chi.Router) { support.Routes(r, db) })
	})
	return r
}
