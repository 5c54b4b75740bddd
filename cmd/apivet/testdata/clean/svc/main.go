// Command svc runs the profiler on loopback only, with timeouts.
package main

import (
	"log"
	"net/http"
	_ "net/http/pprof"
	"time"
)

func main() {
	srv := &http.Server{
		Addr:              "localhost:6060",
		ReadHeaderTimeout: 5 * time.Second,
		WriteTimeout:      time.Minute,
		IdleTimeout:       time.Minute,
	}
	log.Fatal(srv.ListenAndServe())
}
