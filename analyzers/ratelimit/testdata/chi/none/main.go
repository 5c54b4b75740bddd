// No limiter at all.
package main

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
)

func main() {
	r := chi.NewRouter()
	r.Use(middleware.Logger, middleware.Recoverer)
	r.Get("/orders", listOrders)
	r.Post("/login", login)
	http.ListenAndServe(":8080", r) // want `http.ListenAndServe serves 2 routes \(GET /orders, POST /login\) with no rate limiting in the handler chain.*\.apivet\.yml \(ratelimit: \{upstream:`
}

func listOrders(w http.ResponseWriter, r *http.Request) {}
func login(w http.ResponseWriter, r *http.Request)      {}
