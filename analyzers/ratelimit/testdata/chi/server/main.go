// A server whose handler comes from a parameter: the caller's argument is
// what is served (a ServesParamFact on run).
package main

import (
	"net/http"
	"time"

	"github.com/go-chi/httprate"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/orders", func(w http.ResponseWriter, r *http.Request) {})
	run(mux) // want `run serves 1 route \(ANY /orders\) with no rate limiting`
	// Wrapped by httprate's middleware value directly.
	http.ListenAndServe(":8081", httprate.LimitByIP(10, time.Minute)(mux))
}

func run(h http.Handler) {
	http.ListenAndServe(":8080", h)
}
