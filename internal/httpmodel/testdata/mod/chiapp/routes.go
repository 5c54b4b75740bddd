package chiapp

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/go-chi/httprate"
	"gorm.io/gorm"

	"example.com/hm/auth"
	"example.com/hm/store"
)

type Server struct {
	repo *store.Repo
	db   *gorm.DB
}

// NewRouter builds the API.
func NewRouter(s *Server) http.Handler {
	r := chi.NewRouter()
	r.Use(middleware.RequestID, httprate.LimitByIP(100, 60))
	r.Get("/health", health) // want `route GET /health -> health@routes.go:\d+ \[RequestID LimitByIP\(ratelimit\)\]`
	r.Route("/api", func(r chi.Router) {
		r.Use(auth.Middleware)
		r.Get("/orders/{id}", s.getOrder)                     // want `route GET /api/orders/\{id\} -> \(\*Server\).getOrder@orders.go:\d+ \[RequestID LimitByIP\(ratelimit\) Middleware\(auth\)\]`
		r.With(auth.Limit).Delete("/orders/{id}", s.delOrder) // want `route DELETE /api/orders/\{id\} -> \(\*Server\).delOrder@orders.go:\d+ \[RequestID LimitByIP\(ratelimit\) Middleware\(auth\) Limit\(ratelimit\)\]`
		mountUsers(r, s.db)                                   // want `route GET /api/users/\{uid\} -> getUser@users.go:\d+ \[RequestID LimitByIP\(ratelimit\) Middleware\(auth\) RequestSize\(bodylimit\)\]` `route POST /api/users -> createUser@users.go:\d+ \[RequestID LimitByIP\(ratelimit\) Middleware\(auth\) RequestSize\(bodylimit\)\]`
	})
	r.Mount("/admin", adminRouter())                                           // want `route GET /admin/stats -> stats@routes.go:\d+ \[RequestID LimitByIP\(ratelimit\) BasicAuth\(auth\)\]`
	r.Handle("/legacy", http.MaxBytesHandler(http.HandlerFunc(health), 1<<20)) // want `route \* /legacy -> health@routes.go:\d+ \[RequestID LimitByIP\(ratelimit\) MaxBytesHandler\(bodylimit\)\]`
	return r
}

func adminRouter() chi.Router {
	r := chi.NewRouter()
	r.Use(middleware.BasicAuth("admin", map[string]string{"a": "b"}))
	r.Get("/stats", stats)
	return r
}

func health(w http.ResponseWriter, r *http.Request) { // want `handler health net/http`
	w.Write([]byte("ok")) // want `response bytes \[\]byte\("ok"\)`
}

func stats(w http.ResponseWriter, r *http.Request) { // want `handler stats net/http`
}
