// Command demo is a small order-management API with the security flaws
// apivet finds, next to their fixed twins. Run apivet on it from the
// repository root: go run ./cmd/apivet -C testdata/demo ./...
package main

import (
	"log"
	"net/http"
	_ "net/http/pprof" // registers /debug/pprof/* on http.DefaultServeMux
	"time"

	"example.com/demo/internal/api"
	"example.com/demo/internal/config"
	"example.com/demo/internal/ops"
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

	// Good: the health endpoint's server bounds how long a client may
	// take to send its request and read the answer.
	health := http.NewServeMux()
	health.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	go func() {
		hs := &http.Server{
			Addr:              ":8081",
			Handler:           health,
			ReadHeaderTimeout: 5 * time.Second,
			WriteTimeout:      5 * time.Second,
			IdleTimeout:       time.Minute,
		}
		log.Println(hs.ListenAndServe())
	}()

	// Bad: the operations API listens on every interface, unauthenticated.
	opsSrv := (&ops.Ops{DB: db}).Server(cfg.OpsAddr)
	go func() { log.Println(opsSrv.ListenAndServe()) }()

	// Bad: no ReadHeaderTimeout, so slow clients can hold connections
	// open for ever; and most API routes are not rate-limited.
	srv := &http.Server{
		Addr:    cfg.Addr,
		Handler: api.NewRouter(db, cfg),
	}
	log.Fatal(srv.ListenAndServe())
}
