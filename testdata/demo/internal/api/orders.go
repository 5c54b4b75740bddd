package api

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/render"
	"gorm.io/gorm"

	"example.com/demo/internal/auth"
	"example.com/demo/internal/store"
)

func mountOrders(r chi.Router, db *gorm.DB) {
	r.Get("/orders/{id}", getOrder(db))
	r.Get("/me/orders/{id}", getMyOrder(db))
}

// Bad: any authenticated caller can read any order by guessing its id.
func getOrder(db *gorm.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var o store.Order
		if err := db.First(&o, chi.URLParam(r, "id")).Error; err != nil {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		render.JSON(w, r, o)
	}
}

// Good: the query is scoped to the caller.
func getMyOrder(db *gorm.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		me := auth.FromContext(r.Context())
		var o store.Order
		if err := db.Where("user_id = ?", me.UserID).First(&o, chi.URLParam(r, "id")).Error; err != nil {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		render.JSON(w, r, o)
	}
}
