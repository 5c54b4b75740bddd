// Routes registered on routers another package's constructor returns.
package main

import (
	"net/http"

	"example.com/chiapp/ctor/routers"
)

func main() {
	limited := routers.NewLimited()
	limited.Get("/orders", listOrders)
	go http.ListenAndServe(":8080", limited)

	bare := routers.New()
	bare.Get("/orders", listOrders)
	bare.Post("/orders", listOrders)
	http.ListenAndServe(":8081", bare) // want `serves 2 routes \(GET /orders, POST /orders\) with no rate limiting`
}

func listOrders(w http.ResponseWriter, r *http.Request) {}
