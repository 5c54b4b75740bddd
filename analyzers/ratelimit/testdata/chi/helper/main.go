// Project middleware from another package: one limits (fact), one does not.
package main

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"example.com/chiapp/mw"
)

func main() {
	limited := chi.NewRouter()
	limited.Use(mw.PerIP(10, 20))
	limited.Get("/orders", listOrders)
	go http.ListenAndServe(":8080", limited)

	logged := chi.NewRouter()
	logged.Use(mw.Logger)
	logged.Get("/orders", listOrders)
	http.ListenAndServe(":8081", logged) // want `serves 1 route \(GET /orders\) with no rate limiting`
}

func listOrders(w http.ResponseWriter, r *http.Request) {}
