// Only health and metrics endpoints are left unlimited: not reported.
package main

import (
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/httprate"
)

func main() {
	r := chi.NewRouter()
	r.Get("/healthz", ok)
	r.Get("/metrics", ok)
	r.Group(func(r chi.Router) {
		r.Use(httprate.LimitByIP(100, time.Minute))
		r.Get("/orders", ok)
	})
	http.ListenAndServe(":8080", r)
}

func ok(w http.ResponseWriter, r *http.Request) {}
