// Package auth authenticates callers and carries the principal in the
// request context.
package auth

import (
	"context"
	"errors"
	"net/http"
	"strings"
)

type ctxKey struct{}

// User is the authenticated caller.
type User struct {
	ID       uint
	TenantID int64
	Subject  string
	Role     string
}

// Middleware authenticates the request and stores the caller in its context.
func Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		u, err := Verify(tok)
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, u)))
	})
}

// FromContext returns the authenticated caller.
func FromContext(ctx context.Context) *User {
	u, _ := ctx.Value(ctxKey{}).(*User)
	return u
}

// RequireAdmin lets only administrators through.
func RequireAdmin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if u := FromContext(r.Context()); u == nil || u.Role != "admin" {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Verify checks a bearer token and returns its user.
func Verify(token string) (*User, error) {
	if token == "" {
		return nil, http.ErrNoCookie
	}
	return &User{ID: 1, Subject: token}, nil
}

// Claims is the caller as a value (signoz's authtypes.Claims).
type Claims struct {
	UserID string
	OrgID  int64
}

type claimsKey struct{}

// ClaimsFromContext returns the caller's claims, or an error.
func ClaimsFromContext(ctx context.Context) (Claims, error) {
	c, ok := ctx.Value(claimsKey{}).(Claims)
	if !ok {
		return Claims{}, errors.New("unauthenticated")
	}
	return c, nil
}
