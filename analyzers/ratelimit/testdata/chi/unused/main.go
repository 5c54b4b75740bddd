// A limiter is built but never put on the chain.
package main

import (
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/httprate"
)

func main() {
	limiter := httprate.NewRateLimiter(100, time.Minute)
	_ = limiter
	r := chi.NewRouter()
	r.Get("/orders", listOrders)
	http.ListenAndServe(":8080", r) // want `serves 1 route \(GET /orders\) with no rate limiting`
}

func listOrders(w http.ResponseWriter, r *http.Request) {}
