package routes

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"example.com/bolatest/auth"
	"example.com/bolatest/mwparam"
)

func Routes() http.Handler {
	r := chi.NewRouter()
	r.Route("/api", func(r chi.Router) {
		mwparam.Register(r, auth.Middleware) // want `no ownership check: GET /api/orders/\{id\}: handler mwparam.getOrder selects store.Order`
	})
	r.Route("/public", func(r chi.Router) {
		mwparam.Register(r, middleware.NoCache) // no authentication passed: a public read
	})
	return r
}
