// Package rscors configures github.com/rs/cors.
package rscors

import (
	"net/http"
	"os"

	"github.com/rs/cors"
)

func acceptAll() *cors.Cors {
	return cors.New(cors.Options{
		AllowOriginFunc:  func(origin string) bool { return true }, // want `AllowOriginFunc accepts every origin while AllowCredentials is on: rs/cors then reflects`
		AllowCredentials: true,
	})
}

func acceptAllRequest() *cors.Cors {
	return cors.New(cors.Options{
		AllowOriginVaryRequestFunc: func(r *http.Request, origin string) (bool, []string) { return true, nil }, // want `AllowOriginVaryRequestFunc accepts every origin`
		AllowCredentials:           true,
	})
}

func allowAny(string) bool { return true }

// A named function, credentials from configuration: a warning.
func namedFunc() *cors.Cors {
	return cors.New(cors.Options{
		AllowOriginFunc:  allowAny, // want `AllowOriginFunc accepts every origin while AllowCredentials is set from configuration`
		AllowCredentials: os.Getenv("CORS_CREDENTIALS") == "true",
	})
}

func patterns() *cors.Cors {
	return cors.New(cors.Options{
		AllowedOrigins: []string{
			"https://*.example.com", // a subdomain wildcard: fine
			"http://localhost:*",    // any port of localhost: fine
			"https://*example.com",  // want `origin pattern "https://\*example.com" is too broad.* matches any host ending in "example.com", such as evilexample.com`
			"https://app.example.*", // want `origin pattern "https://app.example.\*" is too broad.* matches every origin that starts with`
			"https://*.com",         // want `matches every site under .com`
			"null",                  // want `the "null" origin is allowed while AllowCredentials is on`
		},
		AllowCredentials: true,
	})
}

// "*" with credentials: rs/cors sends "*", which browsers refuse.
func starWithCredentials() *cors.Cors {
	return cors.New(cors.Options{
		AllowedOrigins:   []string{"*"},
		AllowCredentials: true, // want `AllowedOrigins "\*" with AllowCredentials: rs/cors then sends Access-Control-Allow-Origin: \*, which browsers refuse`
	})
}

// Fields set after the literal.
func setLater() *cors.Cors {
	opts := cors.Options{AllowedOrigins: []string{"https://app.example.com"}}
	opts.AllowOriginFunc = func(string) bool { return true } // want `AllowOriginFunc accepts every origin while AllowCredentials is on`
	opts.AllowCredentials = true
	return cors.New(opts)
}

// Good: a fixed allowlist, "*" without credentials, a real origin test,
// a permissive function without credentials, Default and AllowAll.
func good(allowed map[string]bool) []*cors.Cors {
	return []*cors.Cors{
		cors.New(cors.Options{AllowedOrigins: []string{"https://app.example.com", "https://admin.example.com"}, AllowCredentials: true}),
		cors.New(cors.Options{AllowedOrigins: []string{"*"}}),
		cors.New(cors.Options{AllowOriginFunc: func(o string) bool { return allowed[o] }, AllowCredentials: true}),
		cors.New(cors.Options{AllowOriginFunc: func(string) bool { return true }}),
		cors.New(cors.Options{AllowedOrigins: []string{"https://*", "null"}}),
		cors.Default(),
		cors.AllowAll(),
	}
}
