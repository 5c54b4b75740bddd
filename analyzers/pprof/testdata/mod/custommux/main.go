package main // want package:"linksPprof\\(example.com/pproftest/custommux\\)"

import (
	"net/http"
	"net/http/pprof"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
)

func debugMux() {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.Handle("/debug/pprof/heap", pprof.Handler("heap"))
	http.ListenAndServe(":7070", mux) // want `a mux that mounts the Go profiler: on ":7070"`
}

func debugLocal() {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	http.ListenAndServe("127.0.0.1:7070", mux)
}

func chiProfiler() {
	r := chi.NewRouter()
	r.Mount("/debug", middleware.Profiler())
	srv := &http.Server{Addr: ":8080", Handler: r}
	srv.ListenAndServe() // want `a mux that mounts the Go profiler`
}

func main() {
	debugMux()
	debugLocal()
	chiProfiler()
}
