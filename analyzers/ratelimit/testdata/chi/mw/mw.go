// Package mw holds the service's middleware and a router built for other
// packages (facts cross the package boundary).
package mw

import (
	"net/http"
	"sync"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/httprate"
	"golang.org/x/time/rate"
)

// PerIP limits each client IP with a token bucket (project middleware that
// consults golang.org/x/time/rate).
func PerIP(r rate.Limit, burst int) func(http.Handler) http.Handler {
	var mu sync.Mutex
	buckets := map[string]*rate.Limiter{}
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
			mu.Lock()
			l, ok := buckets[req.RemoteAddr]
			if !ok {
				l = rate.NewLimiter(r, burst)
				buckets[req.RemoteAddr] = l
			}
			mu.Unlock()
			if !l.Allow() {
				http.Error(w, "slow down", http.StatusTooManyRequests)
				return
			}
			next.ServeHTTP(w, req)
		})
	}
}

// Logger logs requests; it does not limit them.
func Logger(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		next.ServeHTTP(w, r)
		_ = time.Since(start)
	})
}

// NewRouter returns the limited API router.
func NewRouter() http.Handler {
	r := chi.NewRouter()
	r.Use(httprate.LimitByIP(100, time.Minute))
	r.Get("/orders", func(w http.ResponseWriter, r *http.Request) {})
	return r
}

// NewOpenRouter returns a router without limits.
func NewOpenRouter() http.Handler {
	r := chi.NewRouter()
	r.Use(Logger)
	r.Get("/orders", func(w http.ResponseWriter, r *http.Request) {})
	r.Post("/login", func(w http.ResponseWriter, r *http.Request) {})
	return r
}
