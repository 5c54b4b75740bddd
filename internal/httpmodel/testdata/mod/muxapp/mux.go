package muxapp

import (
	"encoding/json"
	"net/http"

	"github.com/gorilla/mux"

	"example.com/hm/auth"
	"example.com/hm/store"
)

type H struct{ repo *store.Repo }

func Routes(h *H) *mux.Router {
	r := mux.NewRouter()
	r.HandleFunc("/items/{id:[0-9]+}", h.item).Methods("GET", "HEAD") // want `route GET /items/\{id:\[0-9\]\+\} -> \(\*H\).item@mux.go:\d+ \[Limit\(ratelimit\)\]` `route HEAD /items/\{id:\[0-9\]\+\} -> \(\*H\).item@mux.go:\d+ \[Limit\(ratelimit\)\]`
	api := r.PathPrefix("/api").Subrouter()
	api.Use(auth.Middleware)
	api.Methods("POST").Path("/items").HandlerFunc(h.create) // want `route POST /api/items -> \(\*H\).create@mux.go:\d+ \[Limit\(ratelimit\) Middleware\(auth\)\]`
	r.Use(auth.Limit)
	return r
}

func (h *H) item(w http.ResponseWriter, r *http.Request) { // want `handler \(\*H\).item net/http`
	vars := mux.Vars(r)
	o, _ := h.repo.GetOwnedOrder(r.Context(), auth.FromContext(r.Context()).ID, vars["id"]) // want `access repo read GetOwnedOrder \[auth.FromContext\(r.Context\(\)\).ID<principal, vars\["id"\]<path:id\] conds=0` `principal example.com/hm/auth.FromContext` `input path id`
	json.NewEncoder(w).Encode(o)                                                            // want `response json o`
}

func (h *H) create(w http.ResponseWriter, r *http.Request) { // want `handler \(\*H\).create net/http`
	var o store.Order
	json.NewDecoder(r.Body).Decode(&o) // want `input body `
}
