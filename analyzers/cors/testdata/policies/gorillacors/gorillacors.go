// Package gorillacors configures gorilla/handlers' CORS.
package gorillacors

import (
	"net/http"

	"github.com/gorilla/handlers"
)

func wrap(h http.Handler) []http.Handler {
	return []http.Handler{
		handlers.CORS(
			handlers.AllowedOriginValidator(func(origin string) bool { return true }), // want `the AllowedOriginValidator accepts every origin while AllowCredentials\(\) is given`
			handlers.AllowCredentials(),
		)(h),
		handlers.CORS(handlers.AllowedOrigins([]string{"null"}), handlers.AllowCredentials())(h), // want `the "null" origin is allowed with AllowCredentials\(\)`
	}
}

// Good: gorilla sends "*" for "*"; a validator without credentials.
func good(h http.Handler, allowed map[string]bool) []http.Handler {
	return []http.Handler{
		handlers.CORS(handlers.AllowedOrigins([]string{"*"}), handlers.AllowCredentials())(h),
		handlers.CORS(handlers.AllowedOriginValidator(func(string) bool { return true }))(h),
		handlers.CORS(handlers.AllowedOriginValidator(func(o string) bool { return allowed[o] }), handlers.AllowCredentials())(h),
	}
}
