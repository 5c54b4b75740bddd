// Package api type-checks: its routes are listed even though another
// package of the module does not.
package api

import "net/http"

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /orders/{id}", func(w http.ResponseWriter, r *http.Request) {})
}
