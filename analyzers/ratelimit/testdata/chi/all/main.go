// Router-wide httprate: every route is covered.
package main

import (
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/httprate"
)

func main() {
	r := chi.NewRouter()
	r.Use(httprate.LimitByIP(100, time.Minute))
	r.Get("/orders", listOrders)
	r.Post("/login", login)
	http.ListenAndServe(":8080", r)
}

func listOrders(w http.ResponseWriter, r *http.Request) {}
func login(w http.ResponseWriter, r *http.Request)      {}
