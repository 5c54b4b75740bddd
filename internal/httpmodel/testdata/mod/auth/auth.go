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

// Shared is a request-scoped value store kept in the context (wakapi's
// SharedData).
type Shared struct{ m map[string]any }

func (s *Shared) MustGet(key string) any { return s.m[key] }

type sharedKey struct{}

const (
	KeyPrincipal = "principal"
	KeyTheme     = "theme"
)

// SharedPrincipal reads the caller out of the store in the context.
func SharedPrincipal(r *http.Request) *User { // want `fact principal\(value store MustGet\)`
	s, _ := r.Context().Value(sharedKey{}).(*Shared)
	if s == nil {
		return nil
	}
	u, _ := s.MustGet(KeyPrincipal).(*User)
	return u
}

func principalKey() string { return KeyPrincipal }

// SharedPrincipalKeyed reads the caller under a key a function returns.
func SharedPrincipalKeyed(r *http.Request) *User { // want `fact principal\(value store MustGet\)`
	s, _ := r.Context().Value(sharedKey{}).(*Shared)
	u, _ := s.MustGet(principalKey()).(*User)
	return u
}

// SharedTheme reads something else out of the same store: not identity.
func SharedTheme(r *http.Request) string {
	s, _ := r.Context().Value(sharedKey{}).(*Shared)
	t, _ := s.MustGet(KeyTheme).(string)
	return t
}

// CachedUser reads a "principal" key out of a store that does not come
// from the request: not identity.
func CachedUser(s *Shared) *User {
	u, _ := s.MustGet(KeyPrincipal).(*User)
	return u
}

// Chained follows a store read from itself without looping.
func Chained(s *Shared) *User {
	for i := 0; i < 2; i++ {
		s, _ = s.MustGet(KeyPrincipal).(*Shared)
	}
	u, _ := s.MustGet(KeyPrincipal).(*User)
	return u
}
