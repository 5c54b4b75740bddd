// Package chicors configures github.com/go-chi/cors.
package chicors

import (
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/cors"
)

func router() http.Handler {
	r := chi.NewRouter()
	r.Use(cors.Handler(cors.Options{
		AllowOriginFunc: func(r *http.Request, origin string) bool { // want `AllowOriginFunc accepts every origin while AllowCredentials is on: go-chi/cors`
			return true
		},
		AllowCredentials: true,
	}))
	r.Use(cors.Handler(cors.Options{
		AllowOriginFunc: func(r *http.Request, origin string) bool {
			return strings.HasSuffix(origin, "example.com") // want `origin check strings.HasSuffix\(origin, "example.com"\): it passes any host ending in "example.com"`
		},
		AllowCredentials: true,
	}))
	r.Use(cors.Handler(cors.Options{
		AllowedOrigins:   []string{"https://*"}, // want `origin pattern "https://\*" is too broad.* matches every origin that starts with "https://"`
		AllowCredentials: true,
	}))
	return r
}

// Good: a subdomain test with its dot, an exact list.
func good() []func(http.Handler) http.Handler {
	return []func(http.Handler) http.Handler{
		cors.Handler(cors.Options{
			AllowOriginFunc: func(r *http.Request, origin string) bool {
				return origin == "https://example.com" || strings.HasSuffix(origin, ".example.com")
			},
			AllowCredentials: true,
		}),
		cors.Handler(cors.Options{AllowedOrigins: []string{"https://app.example.com"}, AllowCredentials: true}),
		cors.AllowAll().Handler,
	}
}
