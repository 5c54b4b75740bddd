package auth

import (
	"context"
	"crypto/rsa"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

// ServiceClaims are the claims of the tokens internal services (the billing
// worker, the notifier) present when they call this API. The platform's
// service-identity issuer signs them with RS256.
type ServiceClaims struct {
	Service string `json:"svc"`
	jwt.RegisteredClaims
}

type serviceCtxKey struct{}

// ServiceMiddleware authenticates internal service-to-service calls.
//
// Bad: neither the parser nor the key function pins the algorithm, so the
// token's own alg header decides how it is verified.
func ServiceMiddleware(issuerKey *rsa.PublicKey) func(http.Handler) http.Handler {
	keyFunc := serviceKey(issuerKey)
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
			claims := &ServiceClaims{}
			if _, err := jwt.ParseWithClaims(raw, claims, keyFunc, jwt.WithAudience("orders-api")); err != nil {
				http.Error(w, "unauthorized", http.StatusUnauthorized)
				return
			}
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), serviceCtxKey{}, claims)))
		})
	}
}

// serviceKey returns the issuer's public key whatever algorithm the token
// names (bad: it never looks at token.Method).
func serviceKey(issuerKey *rsa.PublicKey) jwt.Keyfunc {
	return func(t *jwt.Token) (any, error) {
		return issuerKey, nil
	}
}

// StrictServiceMiddleware is the good twin of ServiceMiddleware: the key
// function refuses anything but RS256, and so does the parser.
func StrictServiceMiddleware(issuerKey *rsa.PublicKey) func(http.Handler) http.Handler {
	parser := jwt.NewParser(jwt.WithValidMethods([]string{"RS256"}), jwt.WithAudience("orders-api"))
	keyFunc := func(t *jwt.Token) (any, error) {
		if _, ok := t.Method.(*jwt.SigningMethodRSA); !ok {
			return nil, fmt.Errorf("unexpected signing method %v", t.Header["alg"])
		}
		return issuerKey, nil
	}
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
			claims := &ServiceClaims{}
			if _, err := parser.ParseWithClaims(raw, claims, keyFunc); err != nil {
				http.Error(w, "unauthorized", http.StatusUnauthorized)
				return
			}
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), serviceCtxKey{}, claims)))
		})
	}
}

// RequireAdmin lets only admins through.
//
// Bad: it re-reads the bearer token without verifying it ("Middleware
// already did"), so a route mounted without Middleware — or a token edited
// after signing — grants admin to whoever asks.
func RequireAdmin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		claims := &Claims{}
		if _, _, err := jwt.NewParser().ParseUnverified(raw, claims); err != nil || claims.Role != "admin" {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// RequireRole is the good twin of RequireAdmin: it trusts only the claims
// Middleware verified and stored in the context.
func RequireRole(role string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if c := FromContext(r.Context()); c == nil || c.Role != role {
				http.Error(w, "forbidden", http.StatusForbidden)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// ErrNoService is returned when a request carries no service identity.
var ErrNoService = errors.New("auth: no service identity")

// ServiceFromContext returns the calling service's claims.
func ServiceFromContext(ctx context.Context) (*ServiceClaims, error) {
	c, ok := ctx.Value(serviceCtxKey{}).(*ServiceClaims)
	if !ok {
		return nil, ErrNoService
	}
	return c, nil
}
