// Package support is the customer-support toolkit: staff look up and
// refund any customer's order. Its routes are registered on whatever
// router the caller passes, so whether only staff reach them is decided
// where it is mounted (internal/api/routes.go).
package support

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/render"
	"gorm.io/gorm"

	"example.com/demo/internal/store"
)

// Routes registers the support tools on r.
func Routes(r chi.Router, db *gorm.DB) {
	r.Get("/orders/{id}", lookupOrder(db))
	r.Post("/orders/{id}/refund", refundOrder(db))
}

func lookupOrder(db *gorm.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var o store.Order
		if err := db.First(&o, chi.URLParam(r, "id")).Error; err != nil {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		render.JSON(w, r, map[string]any{"id": o.ID, "item": o.Item, "total": o.Total})
	}
}

func refundOrder(db *gorm.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var o store.Order
		if err := db.First(&o, chi.URLParam(r, "id")).Error; err != nil {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		db.Model(&o).Update("total", 0)
		w.WriteHeader(http.StatusNoContent)
	}
}
