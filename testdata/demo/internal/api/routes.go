// Package api is the HTTP layer.
package api

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"gorm.io/gorm"

	"example.com/demo/internal/auth"
	"example.com/demo/internal/config"
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
	})
	return r
}
