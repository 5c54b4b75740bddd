// Package pkgzrest configures github.com/go-pkgz/rest's CORS.
package pkgzrest

import (
	"net/http"

	"github.com/go-pkgz/rest"
)

// Bad: "*" with credentials, opted in: go-pkgz/rest then reflects any
// origin with credentials (as remark42 does for its embeddable widget).
func widget() func(http.Handler) http.Handler {
	return rest.CORS(
		rest.CorsAllowedOrigins("*"),
		rest.CorsAllowCredentials(true),
		rest.CorsUnsafeAnyOriginWithCredentials(true), // want `CorsUnsafeAnyOriginWithCredentials makes the "\*" origin reflect any website's Origin with credentials`
	)
}

// Bad: the default origins are "*".
func byDefault() func(http.Handler) http.Handler {
	return rest.CORS(rest.CorsAllowCredentials(true), rest.CorsUnsafeAnyOriginWithCredentials(true)) // want `CorsUnsafeAnyOriginWithCredentials makes`
}

func null() func(http.Handler) http.Handler {
	return rest.CORS(rest.CorsAllowedOrigins("https://app.example.com", "null"), rest.CorsAllowCredentials(true)) // want `the "null" origin is allowed`
}

// Good: an allowlist with credentials; "*" without; "*" with credentials
// but without the opt-in panics at start-up.
func good() []func(http.Handler) http.Handler {
	return []func(http.Handler) http.Handler{
		rest.CORS(rest.CorsAllowedOrigins("https://app.example.com"), rest.CorsAllowCredentials(true)),
		rest.CORS(rest.CorsAllowedOrigins("*"), rest.CorsUnsafeAnyOriginWithCredentials(true)),
		rest.CORS(rest.CorsAllowedOrigins("*"), rest.CorsAllowCredentials(true)),
		rest.CORS(rest.CorsAllowCredentials(false), rest.CorsUnsafeAnyOriginWithCredentials(true)),
	}
}
