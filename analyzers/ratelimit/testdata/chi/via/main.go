// Routers served through a helper of another package.
package main

import (
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/httprate"

	"example.com/chiapp/runner"
)

func main() {
	open := chi.NewRouter()
	open.Post("/login", login)
	go runner.Run(":8080", open) // want `runner.Run serves 1 route \(POST /login\) with no rate limiting`

	limited := chi.NewRouter()
	limited.Use(httprate.LimitByIP(10, time.Minute))
	limited.Post("/login", login)
	runner.Run(":8081", limited)
}

func login(w http.ResponseWriter, r *http.Request) {}
