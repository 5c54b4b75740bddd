package main

import (
	"log"
	"net/http"
)

func main() {
	srv := &http.Server{Addr: ":8080"} // want `http.Server, served by srv.ListenAndServe at main.go:\d+, has no ReadHeaderTimeout`
	log.Fatal(srv.ListenAndServe())
}
