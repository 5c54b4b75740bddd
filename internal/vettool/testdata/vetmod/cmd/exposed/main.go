// Command exposed serves http.DefaultServeMux, where net/http/pprof
// (imported two packages down) registered its handlers, on all
// interfaces.
package main

import (
	"log"
	"net/http"

	"example.com/vetmod/internal/debugsrv"
)

func main() {
	debugsrv.Enabled()
	http.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) })
	log.Fatal(http.ListenAndServe(":8080", nil))
}
