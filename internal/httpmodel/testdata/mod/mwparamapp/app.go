// Package mwparamapp passes middleware to the registering functions.
package mwparamapp

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"example.com/hm/auth"
	"example.com/hm/mwparam"
)

func Routes() http.Handler {
	r := chi.NewRouter()
	mwparam.Register(r, auth.Middleware) // want `route GET /items/\{id\} -> mwparam.getItem@mwparam.go:\d+ \[Middleware\(auth\)\]`
	r.Route("/open", func(r chi.Router) {
		mwparam.Register(r, middleware.NoCache) // want `route GET /open/items/\{id\} -> mwparam.getItem@mwparam.go:\d+ \[NoCache\]`
	})
	r.Mount("/v2", mwparam.New(auth.Middleware)) // want `route GET /v2/things/\{id\} -> mwparam.getItem@mwparam.go:\d+ \[Middleware\(auth\)\]`
	local(r, auth.Limit)                         // want `route GET /local -> ping@app.go:\d+ \[Limit\(ratelimit\)\]`
	return r
}

func local(r chi.Router, mw func(http.Handler) http.Handler) {
	r.With(mw).Get("/local", ping)
}

func ping(w http.ResponseWriter, r *http.Request) { // want `handler ping net/http`
	w.Write([]byte("pong")) // want `response bytes`
}
