// Only the API group is limited: the auth routes are not.
package main

import (
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/httprate"
)

func main() {
	r := chi.NewRouter()
	r.Group(func(r chi.Router) {
		r.Use(httprate.LimitByIP(100, time.Minute))
		r.Get("/orders", listOrders)
		r.Get("/orders/{id}", getOrder)
	})
	r.Post("/login", login)
	r.Route("/admin", func(r chi.Router) {
		r.Get("/users", listOrders)
	})
	r.Get("/healthz", health) // ignored path
	srv := &http.Server{Addr: ":8080", Handler: r}
	srv.ListenAndServe() // want `srv.ListenAndServe rate-limits 2 of its routes but not GET /admin/users, POST /login: put the limiter on these routes too`
}

func listOrders(w http.ResponseWriter, r *http.Request) {}
func getOrder(w http.ResponseWriter, r *http.Request)   {}
func login(w http.ResponseWriter, r *http.Request)      {}
func health(w http.ResponseWriter, r *http.Request)     {}
