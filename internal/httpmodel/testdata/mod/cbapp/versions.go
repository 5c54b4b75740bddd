package cbapp

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"example.com/hm/auth"
	"example.com/hm/cbrouter"
)

// Versioned mounts two version routers through a dispatcher.
func Versioned() http.Handler {
	root := chi.NewRouter()
	v1 := cbrouter.New(cbrouter.Config{Register: func(r chi.Router) {
		r.Get("/v/{id}", getItem) // want `route GET /api/v/\{id\} -> getItem@app.go:\d+ \[Middleware\(auth\) NoCache RequestID\]`
	}})
	v2 := chi.NewRouter()
	v2.Post("/v", getItem)                                                                         // want `route POST /api/v -> getItem@app.go:\d+ \[Middleware\(auth\) NoCache\]`
	neg, err := cbrouter.Negotiated(middleware.NoCache, map[string]chi.Router{"v1": v1, "v2": v2}) // want `route \* /api/\* -> cbrouter.newDispatcher@router.go:\d+ \[Middleware\(auth\) NoCache\]`
	if err != nil {
		return nil
	}
	root.Route("/api", func(r chi.Router) {
		r.Use(auth.Middleware)
		r.Mount("/", neg)
	})
	// Routers stored by index: the dispatcher's set is not followed, and
	// v3's route is not put under /other or given its chain.
	byIndex := map[string]chi.Router{}
	v3 := chi.NewRouter()
	v3.Get("/v3", getItem) // want `route GET /v3 -> getItem@app.go:\d+ \[\] detached`
	byIndex["v3"] = v3
	other, _ := cbrouter.Negotiated(auth.Limit, byIndex) // want `route \* /other/\* -> cbrouter.newDispatcher@router.go:\d+ \[Limit\(ratelimit\)\]`
	root.Mount("/other", other)
	// A dispatcher the model does not know: its routers' routes are
	// seen, marked as served under a chain the model lacks.
	v4 := chi.NewRouter()
	v4.Get("/v4", getItem)                                      // want `route GET /v4 -> getItem@app.go:\d+ \[\] detached`
	root.Mount("/unknown", unknownDispatcher([]chi.Router{v4})) // want `route \* /unknown/\* -> unknownDispatcher@versions.go:\d+ \[\]`
	return root
}

// unknownDispatcher keeps its routers in a way the walk does not follow.
func unknownDispatcher(rs []chi.Router) http.Handler {
	var h http.Handler = http.NotFoundHandler()
	for _, r := range rs {
		h = r
	}
	return h
}

// Spread middleware slices are listed one by one.
func Spread() http.Handler {
	r := chi.NewRouter()
	mws := []func(http.Handler) http.Handler{auth.Middleware, middleware.NoCache}
	r.Use(mws...)
	r.Use(append(mws, auth.Limit)...)
	steps := []func(http.Handler) http.Handler{middleware.NoCache}
	steps = append(steps, mws...)
	steps = append(steps, []func(http.Handler) http.Handler{auth.Limit}...)
	r.With(steps...).Get("/steps", getItem) // want `route GET /steps -> getItem@app.go:\d+ \[Middleware\(auth\) NoCache Middleware\(auth\) NoCache Limit\(ratelimit\) NoCache Middleware\(auth\) NoCache Limit\(ratelimit\)\]`
	r.Get("/spread", getItem)               // want `route GET /spread -> getItem@app.go:\d+ \[Middleware\(auth\) NoCache Middleware\(auth\) NoCache Limit\(ratelimit\)\]`
	var none []func(http.Handler) http.Handler
	g := chi.NewRouter()
	g.Use(none...)
	g.Get("/none", getItem) // want `route GET /none -> getItem@app.go:\d+ \[none\]`
	return r
}
