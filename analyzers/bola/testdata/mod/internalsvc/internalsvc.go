// Package internalsvc holds services whose routes are in sight. Admin
// authenticates no route and none of its methods learns the caller (an
// internal backend, or one behind an authenticating gateway): its
// changes by client-chosen IDs are one warning for the service (its
// public reads are silent, as before). Known
// and Guarded know their callers: each access is its own finding.
package internalsvc

import (
	"encoding/json"
	"net/http"

	"gorm.io/gorm"

	"example.com/bolatest/auth"
	"example.com/bolatest/store"
)

type Admin struct{ DB *gorm.DB }

func (a *Admin) Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("DELETE /orders/{id}", a.deleteOrder)
	mux.HandleFunc("GET /documents/{id}", a.getDocument)
	mux.HandleFunc("PATCH /documents/{id}", a.renameDocument)
	return mux
}

func (a *Admin) deleteOrder(w http.ResponseWriter, r *http.Request) {
	a.DB.Delete(&store.Order{}, r.PathValue("id")) // want `no caller known: Admin's 2 routes act on owned objects by client-chosen IDs \(DELETE /orders/\{id\}: path parameter "id" selects store.Order\), and none authenticates`
}

func (a *Admin) getDocument(w http.ResponseWriter, r *http.Request) {
	var d store.Document
	a.DB.First(&d, "id = ?", r.PathValue("id"))
	json.NewEncoder(w).Encode(d)
}

func (a *Admin) renameDocument(w http.ResponseWriter, r *http.Request) {
	a.DB.Model(&store.Document{}).Where("id = ?", r.PathValue("id")).Update("title", r.FormValue("title")) // reported with deleteOrder
}

// Known learns the caller in one method: its service has users, so each
// unchecked access is a finding of its own.
type Known struct{ DB *gorm.DB }

func (k *Known) Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("DELETE /known/orders/{id}", k.deleteOrder)
	mux.HandleFunc("GET /known/me", k.me)
	return mux
}

func (k *Known) deleteOrder(w http.ResponseWriter, r *http.Request) {
	k.DB.Delete(&store.Order{}, r.PathValue("id")) // want `no ownership check: path parameter "id" selects store.Order .* on DELETE /known/orders/\{id\}`
}

func (k *Known) me(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(auth.FromContext(r.Context()))
}

// Guarded's routes authenticate: its callers are users.
type Guarded struct{ DB *gorm.DB }

func (g *Guarded) Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("DELETE /guarded/orders/{id}", g.deleteOrder)
	return auth.Middleware(mux)
}

func (g *Guarded) deleteOrder(w http.ResponseWriter, r *http.Request) {
	g.DB.Delete(&store.Order{}, r.PathValue("id")) // want `no ownership check: path parameter "id" selects store.Order .* on DELETE /guarded/orders/\{id\}`
}

// deleteFree is a plain function on an unauthenticated route: judged
// alone, as before.
func deleteFree(db *gorm.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		db.Delete(&store.Order{}, r.PathValue("id")) // want `no ownership check: path parameter "id" selects store.Order .* on DELETE /free/orders/\{id\}`
	}
}

func FreeRoutes(db *gorm.DB) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("DELETE /free/orders/{id}", deleteFree(db))
	return mux
}
