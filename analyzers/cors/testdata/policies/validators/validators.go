// Package validators tests origins outside any CORS configuration.
package validators

import (
	"net/http"
	"strings"
)

// A warning: no credentials are seen here, but the test is wrong.
func isAllowedOrigin(origin string) bool {
	return strings.HasSuffix(origin, "example.org") // want `origin check strings.HasSuffix\(origin, "example.org"\): it passes any host ending`
}

func fromHeader(r *http.Request) bool {
	return strings.Contains(r.Header.Get("Origin"), "example.com") // want `weak origin check strings.Contains\(r.Header.Get\(.*: it passes any origin that contains "example.com"`
}

// Good: not hosts, not origins, scheme tests.
func fine(origin, path, email string) bool {
	return strings.HasPrefix(origin, "https://") ||
		strings.HasSuffix(origin, "/") ||
		strings.Contains(origin, "://") ||
		strings.HasSuffix(path, "example.com") ||
		strings.HasSuffix(email, "@example.com")
}
