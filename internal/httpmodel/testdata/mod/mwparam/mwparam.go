// Package mwparam registers routes behind middleware it is given as a
// parameter: the caller's argument is what guards them.
package mwparam

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

func getItem(w http.ResponseWriter, r *http.Request) { // want `handler getItem net/http`
	w.Write([]byte(chi.URLParam(r, "id"))) // want `input path id` `response bytes`
}

// Register puts its routes on r behind authn.
func Register(r chi.Router, authn func(http.Handler) http.Handler) {
	r.With(authn).Get("/items/{id}", getItem) // want `route GET /items/\{id\} -> getItem@mwparam.go:\d+ \[authn\] partial`
}

// New builds a router guarded by the middleware it is given.
func New(guard func(http.Handler) http.Handler) chi.Router {
	r := chi.NewRouter()
	r.Use(guard)
	r.Get("/things/{id}", getItem) // want `route GET /things/\{id\} -> getItem@mwparam.go:\d+ \[guard\]`
	return r
}
