// Package configured exercises the bola settings (see bola_test.go).
package configured

import (
	"encoding/json"
	"net/http"
	"sync"

	"github.com/go-chi/chi/v5"
	"gorm.io/gorm"

	"example.com/bolatest/auth"
	"example.com/bolatest/store"
)

type API struct{ DB *gorm.DB }

func (a *API) Routes() http.Handler {
	r := chi.NewRouter()
	r.Use(auth.Middleware)
	r.Get("/profiles/{id}", a.getProfile)
	r.Get("/posts/{id}", a.getPost)
	r.Get("/shared/orders/{id}", a.getSharedOrder)
	r.Get("/gated/orders/{id}", a.getGatedOrder)
	r.Get("/session/orders/{id}", a.getSessionOrder)
	r.With(tier2).Get("/tier2/orders/{id}", a.getTier2Order)
	return r
}

func writeJSON(w http.ResponseWriter, v any) { json.NewEncoder(w).Encode(v) }

// Owned by configuration although no field names an owner.
func (a *API) getProfile(w http.ResponseWriter, r *http.Request) {
	var p store.Profile
	a.DB.First(&p, chi.URLParam(r, "id")) // want `path parameter "id" selects store.Profile`
	writeJSON(w, p)
}

// Public by configuration although AuthorID names an owner.
func (a *API) getPost(w http.ResponseWriter, r *http.Request) {
	var p store.Post
	a.DB.First(&p, chi.URLParam(r, "id"))
	writeJSON(w, p)
}

// Ignored route (share links).
func (a *API) getSharedOrder(w http.ResponseWriter, r *http.Request) {
	var o store.Order
	a.DB.First(&o, chi.URLParam(r, "id"))
	writeJSON(w, o)
}

// gate is the project's access check under a name bola does not know.
func gate(r *http.Request, kind, id string) error { return nil }

// Configured authorization function.
func (a *API) getGatedOrder(w http.ResponseWriter, r *http.Request) {
	id := chi.URLParam(r, "id")
	if err := gate(r, "order", id); err != nil {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	var o store.Order
	a.DB.First(&o, id)
	writeJSON(w, o)
}

var sessions sync.Map

// sessionUser returns the caller from a session store the HTTP model does
// not know (configured as a principal function).
func sessionUser(r *http.Request) uint {
	c, err := r.Cookie("sid")
	if err != nil {
		return 0
	}
	v, _ := sessions.Load(c.Value)
	id, _ := v.(uint)
	return id
}

// Scoped by a configured principal function.
func (a *API) getSessionOrder(w http.ResponseWriter, r *http.Request) {
	var o store.Order
	a.DB.Where("user_id = ?", sessionUser(r)).First(&o, chi.URLParam(r, "id"))
	writeJSON(w, o)
}

// tier2 is configured as authorizing middleware.
func tier2(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { next.ServeHTTP(w, r) })
}

func (a *API) getTier2Order(w http.ResponseWriter, r *http.Request) {
	var o store.Order
	a.DB.First(&o, chi.URLParam(r, "id"))
	writeJSON(w, o)
}
