// Package cbapp registers its routes in callbacks.
package cbapp

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/go-chi/httprate"

	"example.com/hm/auth"
	"example.com/hm/cbrouter"
)

func Build() http.Handler {
	root := chi.NewRouter()
	root.Use(middleware.Logger)
	api := cbrouter.New(cbrouter.Config{Register: func(r chi.Router) {
		r.Get("/items/{id}", getItem) // want `route GET /api/items/\{id\} -> getItem@app.go:\d+ \[Logger RequestID\]`
	}})
	root.Mount("/api", api)
	cbrouter.WithAuth(root, func(r chi.Router) {
		r.Get("/me", getItem) // want `route GET /me -> getItem@app.go:\d+ \[Logger Middleware\(auth\)\]`
	})
	cfg := cbrouter.Config{Register: registerNamed, Unused: func(r chi.Router) {
		r.Get("/unused", getItem) // New never calls Unused: no route
	}}
	root.Mount("/named", cbrouter.New(cfg)) // want `route PUT /named/thing -> getItem@app.go:\d+ \[Logger RequestID\]`
	_ = cbrouter.Keep(cbrouter.Config{Unused: func(r chi.Router) {
		r.Get("/never", getItem) // Keep never calls it: no route
	}})
	// Other passes its callback another router than the one mounted at
	// /other: the route is neither under /other nor authenticated.
	root.Mount("/other", cbrouter.Other(cbrouter.Config{Register: func(r chi.Router) {
		r.Get("/elsewhere", getItem) // want `route GET /elsewhere -> getItem@app.go:\d+ \[NoCache\]`
	}}))
	root.Mount("/same", sameNew(func(r chi.Router) {
		r.Delete("/x/{id}", getItem) // want `route DELETE /same/x/\{id\} -> getItem@app.go:\d+ \[Logger Middleware\(auth\)\]`
	}))
	withLimit(root, func(r chi.Router) {
		r.Post("/limited", getItem) // want `route POST /limited -> getItem@app.go:\d+ \[Logger LimitByIP\(ratelimit\)\]`
	})
	cbrouter.Handler(func(h http.Handler) {
		root.Get("/plain", getItem) // want `route GET /plain -> getItem@app.go:\d+ \[Logger\]`
	})
	return root
}

func registerNamed(r chi.Router) {
	r.Put("/thing", getItem)
}

// sameNew calls its callback with an authenticated router it returns.
func sameNew(reg func(chi.Router)) chi.Router {
	r := chi.NewRouter()
	r.Use(auth.Middleware)
	reg(r)
	return r
}

// withLimit hands fn a rate-limited group.
func withLimit(r chi.Router, fn func(chi.Router)) {
	r.With(httprate.LimitByIP(1, 1)).Group(fn)
}

func getItem(w http.ResponseWriter, r *http.Request) { // want `handler getItem net/http`
}
