// Package stages serves one router from a dev and a prod branch: one
// server, one finding, at the first call.
package stages

import (
	"encoding/json"
	"net/http"
	"os"
)

func create(w http.ResponseWriter, r *http.Request) {
	var v map[string]any
	json.NewDecoder(r.Body).Decode(&v)
}

func Run() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /items", create)
	if os.Getenv("ENV") == "dev" {
		http.ListenAndServe(":8080", mux) // want `http.ListenAndServe serves 1 route that reads the whole request body`
		return
	}
	http.ListenAndServeTLS(":8443", "cert.pem", "key.pem", mux)
}

// RunTwo serves two routers: two servers, two findings.
func RunTwo() {
	a := http.NewServeMux()
	a.HandleFunc("POST /a", create)
	b := http.NewServeMux()
	b.HandleFunc("POST /b", create)
	go http.ListenAndServe(":8081", a) // want `http.ListenAndServe serves 1 route that reads`
	http.ListenAndServe(":8082", b)    // want `http.ListenAndServe serves 1 route that reads`
}
