package main // want package:"linksPprof\\(github.com/go-chi/chi/v5/middleware\\)"

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
)

func main() {
	r := chi.NewRouter()
	r.Use(middleware.Logger)
	r.Get("/orders", func(w http.ResponseWriter, r *http.Request) {})
	go http.ListenAndServe(":8080", r) // the router does not mount the profiler

	http.Handle("/", r)
	http.ListenAndServe(":8090", nil) // want `via github.com/go-chi/chi/v5/middleware`
}
