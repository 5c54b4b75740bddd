// http.HandleFunc on DefaultServeMux, served with a nil handler.
package main

import "net/http"

func main() {
	http.HandleFunc("/orders", listOrders)
	http.ListenAndServe(":8080", nil) // want `serves 1 route \(ANY /orders\) with no rate limiting`
}

func listOrders(w http.ResponseWriter, r *http.Request) {}
