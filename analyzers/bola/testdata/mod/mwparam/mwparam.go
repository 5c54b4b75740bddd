// Package mwparam registers its routes behind the middleware its caller
// passes: whether a read needs a caller is decided by that argument.
package mwparam

import (
	"encoding/json"
	"net/http"

	"github.com/go-chi/chi/v5"
	"gorm.io/gorm"

	"example.com/bolatest/store"
)

var db *gorm.DB

func getOrder(w http.ResponseWriter, r *http.Request) {
	var o store.Order
	db.First(&o, chi.URLParam(r, "id"))
	json.NewEncoder(w).Encode(o.Total)
}

// Register mounts the order routes behind guard.
func Register(r chi.Router, guard func(http.Handler) http.Handler) { // want Register:`partial routes: GET /orders/\{id\} mwparam.getOrder`
	r.With(guard).Get("/orders/{id}", getOrder)
}
