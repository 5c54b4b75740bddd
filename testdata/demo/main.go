// Command demo is a small order-management API with the security flaws
// apivet finds, next to their fixed twins. Run apivet on it from the
// repository root: go run ./cmd/apivet -C testdata/demo ./...
package main

import (
	"log"
	"net/http"
	_ "net/http/pprof" // registers /debug/pprof/* on http.DefaultServeMux

	"example.com/demo/internal/api"
	"example.com/demo/internal/config"
	"example.com/demo/internal/store"
)

func main() {
	cfg := config.Load()
	db, err := store.Open(cfg.DatabaseURL)
	if err != nil {
		log.Fatal(err)
	}

	// Bad: the profiler is served on every interface.
	go func() {
		log.Println(http.ListenAndServe(":6060", nil))
	}()

	srv := &http.Server{
		Addr:    cfg.Addr,
		Handler: api.NewRouter(db, cfg),
	}
	log.Fatal(srv.ListenAndServe())
}
