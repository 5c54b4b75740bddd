// Package app imports dep; its own files type-check with or without cgo.
package app

import (
	"net/http"

	"example.com/cgodep/dep"
)

// stripeKey is a finding that must survive dep's failure.
const stripeKey = "sk_live_51HxAbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEFGH"

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /health", func(w http.ResponseWriter, r *http.Request) {
		if err := dep.Open("file.db"); dep.IsBusy(err) {
			http.Error(w, "busy", http.StatusServiceUnavailable)
		}
	})
	_ = stripeKey
}
