// Command nopprof serves http.DefaultServeMux on all interfaces, but
// nothing in the program imports net/http/pprof.
package main

import (
	"log"
	"net/http"
)

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {})
	log.Fatal(http.ListenAndServe(":8080", nil))
}
