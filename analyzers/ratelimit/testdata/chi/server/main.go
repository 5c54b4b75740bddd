// A server whose handler comes from a parameter: routes unseen, not reported.
package main

import (
	"net/http"
	"time"

	"github.com/go-chi/httprate"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/orders", func(w http.ResponseWriter, r *http.Request) {})
	run(mux)
	// Wrapped by httprate's middleware value directly.
	http.ListenAndServe(":8081", httprate.LimitByIP(10, time.Minute)(mux))
}

func run(h http.Handler) {
	http.ListenAndServe(":8080", h)
}
