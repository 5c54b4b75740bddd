// Package authn builds middleware that refuses through the API's status
// type: no constant 401 and no header read in sight.
package authn

import (
	"encoding/json"
	"net/http"

	"example.com/hm/apistatus"
)

// Tokens finds and validates a request's token.
type Tokens interface {
	Get(r *http.Request) (string, error)
	Validate(tok string) error
}

func writeStatus(w http.ResponseWriter, s apistatus.Status) { // want `fact response\(json value1 status1\)`
	w.WriteHeader(int(s.Code))
	json.NewEncoder(w).Encode(s)
}

// Create refuses requests whose token does not validate.
func Create(t Tokens) func(http.Handler) http.Handler { // want `fact middleware\(auth\)`
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { // want `handler func@authn.go:\d+ net/http mw`
			tok, err := t.Get(r)
			if err != nil {
				writeStatus(w, apistatus.StatusBadRequest("no token")) // want `response json apistatus.StatusBadRequest\("no token"\)`
				return
			}
			if t.Validate(tok) != nil {
				writeStatus(w, apistatus.StatusUnauthorized("invalid token")) // want `response json apistatus.StatusUnauthorized\("invalid token"\)`
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// Audit only tests statuses other code built: it refuses nothing.
func Audit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { // want `handler func@authn.go:\d+ net/http mw`
		if apistatus.IsUnauthorized(apistatus.StatusBadRequest(r.URL.Path)) {
			w.Header().Set("X-Audit", "1")
		}
		next.ServeHTTP(w, r)
	})
}
