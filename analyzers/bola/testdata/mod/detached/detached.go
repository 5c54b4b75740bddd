// Package detached registers routes on routers handed to a dispatcher
// the model cannot follow: their chains lack the mount's middleware
// (here auth), so an unauthenticated chain is no sign of a public read.
package detached

import (
	"encoding/json"
	"net/http"

	"github.com/go-chi/chi/v5"
	"gorm.io/gorm"

	"example.com/bolatest/auth"
	"example.com/bolatest/store"
)

var db *gorm.DB

func getOrder(w http.ResponseWriter, r *http.Request) {
	var o store.Order
	db.First(&o, chi.URLParam(r, "id")) // want `no ownership check: path parameter "id" selects store.Order in \(\*gorm.DB\).First on GET /orders/\{id\}`
	json.NewEncoder(w).Encode(o.Total)
}

func getPublicOrder(w http.ResponseWriter, r *http.Request) {
	var o store.Order
	db.First(&o, chi.URLParam(r, "id")) // a visible route with no authentication: a public read
	json.NewEncoder(w).Encode(o.Total)
}

// dispatch keeps its routers in a way the walk does not follow.
func dispatch(rs []chi.Router) http.Handler {
	var h http.Handler = http.NotFoundHandler()
	for _, r := range rs {
		h = r
	}
	return h
}

func Routes() http.Handler {
	root := chi.NewRouter()
	root.Get("/public/orders/{id}", getPublicOrder)
	v4 := chi.NewRouter()
	v4.Get("/orders/{id}", getOrder)
	root.With(auth.Middleware).Mount("/v4", dispatch([]chi.Router{v4}))
	return root
}
