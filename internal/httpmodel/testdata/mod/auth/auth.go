package auth

import (
	"context"
	"net/http"
	"strings"

	"golang.org/x/time/rate"
)

type ctxKey struct{}

type User struct{ ID int64 }

// Middleware rejects requests without a token.
func Middleware(next http.Handler) http.Handler { // want `fact middleware\(auth\)`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { // want `handler func@auth.go:\d+ net/http mw`
		tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ") // want `input header Authorization`
		if tok == "" {
			http.Error(w, "unauthorized", http.StatusUnauthorized) // want `response text error`
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, &User{ID: 1})))
	})
}

// FromContext returns the caller.
func FromContext(ctx context.Context) *User { // want `fact principal\(context.Value\)`
	u, _ := ctx.Value(ctxKey{}).(*User)
	return u
}

type reqIDKey struct{}

// RequestID is plumbing, not identity.
func RequestID(ctx context.Context) string {
	s, _ := ctx.Value(reqIDKey{}).(string)
	return s
}

var lim = rate.NewLimiter(10, 20)

// Limit is project rate-limit middleware.
func Limit(next http.Handler) http.Handler { // want `fact middleware\(ratelimit\)`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { // want `handler func@auth.go:\d+ net/http mw`
		if !lim.Allow() {
			http.Error(w, "slow down", http.StatusTooManyRequests) // want `response text error`
			return
		}
		next.ServeHTTP(w, r)
	})
}
