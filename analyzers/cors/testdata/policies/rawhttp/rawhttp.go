// Package rawhttp writes CORS headers by hand with net/http.
package rawhttp

import (
	"net/http"
	"regexp"
	"slices"
	"strings"
)

// Bad: the origin reflected with credentials, unconditionally.
func reflectAll(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		if origin != "" {
			w.Header().Set("Access-Control-Allow-Origin", origin) // want `Access-Control-Allow-Origin reflects the request's Origin with credentials allowed`
			w.Header().Set("Access-Control-Allow-Credentials", "true")
		}
		next.ServeHTTP(w, r)
	})
}

// Bad: inline, by map assignment.
func inline(w http.ResponseWriter, r *http.Request) {
	w.Header()["Access-Control-Allow-Origin"] = []string{r.Header.Get("origin")} // want `Access-Control-Allow-Origin reflects the request's Origin`
	w.Header().Add("access-control-allow-credentials", "true")
}

// Bad: null with credentials.
func null(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Access-Control-Allow-Origin", "null") // want `Access-Control-Allow-Origin: null with credentials`
	w.Header().Set("Access-Control-Allow-Credentials", "true")
}

// Bad: a test attackers pass, with credentials: an error at the test.
func weakSuffix(w http.ResponseWriter, r *http.Request) {
	origin := r.Header.Get("Origin")
	if strings.HasSuffix(origin, "example.com") { // want `origin check strings.HasSuffix\(origin, "example.com"\): it passes any host ending in "example.com", such as https://evilexample.com`
		w.Header().Set("Access-Control-Allow-Origin", origin)
		w.Header().Set("Access-Control-Allow-Credentials", "true")
	}
}

func weakPrefix(w http.ResponseWriter, r *http.Request) {
	if origin := r.Header.Get("Origin"); strings.HasPrefix(origin, "https://example.com") { // want `origin check strings.HasPrefix\(origin, "https://example.com"\): it passes https://example.com.evil.example too`
		w.Header().Set("Access-Control-Allow-Origin", origin)
		w.Header().Set("Access-Control-Allow-Credentials", "true")
	}
}

var allowedOrigin = regexp.MustCompile(`^https://app.example.com$`)

func weakRegexp(w http.ResponseWriter, r *http.Request) {
	origin := r.Header.Get("Origin")
	if !allowedOrigin.MatchString(origin) { // want `origin check allowedOrigin.MatchString\(origin\): it has an unescaped dot`
		return
	}
	w.Header().Set("Access-Control-Allow-Origin", origin)
	w.Header().Set("Access-Control-Allow-Credentials", "true")
}

func weakInlineRegexp(w http.ResponseWriter, r *http.Request) {
	if ok, _ := regexp.MatchString(`https://app\.example\.com`, r.Header.Get("Origin")); ok { // want `weak origin check regexp.MatchString\(.*: it is not anchored with \^`
		w.Header().Set("Access-Control-Allow-Origin", r.Header.Get("Origin"))
	}
}

// Good: an allowlist, a map, a switch, exact comparisons, an early return.
var allowed = map[string]bool{"https://app.example.com": true}
var allowedList = []string{"https://app.example.com"}

func viaMap(w http.ResponseWriter, r *http.Request) {
	origin := r.Header.Get("Origin")
	if allowed[origin] {
		w.Header().Set("Access-Control-Allow-Origin", origin)
		w.Header().Set("Access-Control-Allow-Credentials", "true")
	}
}

func viaSlices(w http.ResponseWriter, r *http.Request) {
	origin := r.Header.Get("Origin")
	if !slices.Contains(allowedList, origin) {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	w.Header().Set("Access-Control-Allow-Origin", origin)
	w.Header().Set("Access-Control-Allow-Credentials", "true")
}

func viaSwitch(w http.ResponseWriter, r *http.Request) {
	switch origin := r.Header.Get("Origin"); origin {
	case "https://app.example.com", "https://admin.example.com":
		w.Header().Set("Access-Control-Allow-Origin", origin)
		w.Header().Set("Access-Control-Allow-Credentials", "true")
	}
}

func viaLoop(w http.ResponseWriter, r *http.Request) {
	origin := r.Header.Get("Origin")
	for _, o := range allowedList {
		if o == origin {
			w.Header().Set("Access-Control-Allow-Origin", origin)
			w.Header().Set("Access-Control-Allow-Credentials", "true")
		}
	}
}

func goodTests(origin string) bool {
	return strings.HasSuffix(origin, ".example.com") ||
		strings.HasPrefix(origin, "http://localhost:") ||
		strings.HasPrefix(origin, "https://") && strings.HasSuffix(origin, "://example.com") ||
		regexp.MustCompile(`^https://[a-z]+\.example\.com$`).MatchString(origin)
}

// Good: reflection without credentials is no worse than "*"; "*" itself;
// a preflight handler that allows no credentials.
func public(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Access-Control-Allow-Origin", r.Header.Get("Origin"))
	w.Header().Set("Vary", "Origin")
}

func star(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Access-Control-Allow-Origin", "*")
}

func preflight(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodOptions {
		w.Header().Set("Access-Control-Allow-Origin", r.Header.Get("Origin"))
		w.Header().Set("Access-Control-Allow-Methods", "GET, POST")
		w.WriteHeader(http.StatusNoContent)
	}
}

// Good: the tested value is not an origin; a length test is not a check
// but there are no credentials.
func notOrigin(host string) bool { return strings.HasSuffix(host, "example.com") }

func lengthOnly(w http.ResponseWriter, r *http.Request) {
	if o := r.Header.Get("Origin"); len(o) > 0 {
		w.Header().Set("Access-Control-Allow-Origin", o)
	}
}
