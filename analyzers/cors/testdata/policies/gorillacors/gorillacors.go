// Package gorillacors configures gorilla/handlers' CORS.
package gorillacors

import (
	"net/http"

	"github.com/gorilla/handlers"
)

func wrap(h http.Handler) []http.Handler {
	return []http.Handler{
		handlers.CORS(
			handlers.AllowedOriginValidator(func(origin string) bool { return true }), // want `AllowedOriginValidator accepts every origin while credentials are allowed: gorilla/handlers then reflects`
			handlers.AllowCredentials(),
		)(h),
		handlers.CORS(handlers.AllowedOrigins([]string{"null"}), handlers.AllowCredentials())(h), // want `the "null" origin is allowed while credentials are allowed`
	}
}

// Good: gorilla sends "*" for "*" (a note); a validator without
// credentials; a real validator.
func good(h http.Handler, allowed map[string]bool) []http.Handler {
	return []http.Handler{
		handlers.CORS(handlers.AllowedOrigins([]string{"*"}), handlers.AllowCredentials())(h), // want `origin "\*" with AllowCredentials: gorilla/handlers then sends Access-Control-Allow-Origin: \*`
		handlers.CORS(handlers.AllowedOriginValidator(func(string) bool { return true }))(h),
		handlers.CORS(handlers.AllowedOriginValidator(func(o string) bool { return allowed[o] }), handlers.AllowCredentials())(h),
	}
}
