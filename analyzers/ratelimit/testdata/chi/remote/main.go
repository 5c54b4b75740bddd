// Routers built in another package.
package main

import (
	"net/http"

	"example.com/chiapp/mw"
)

func main() {
	go http.ListenAndServe(":8080", mw.NewRouter())
	http.ListenAndServe(":8081", mw.NewOpenRouter()) // want `serves 2 routes \(GET /orders, POST /login\) with no rate limiting`
}
