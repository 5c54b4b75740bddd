// Package auth carries the caller an interceptor authenticated.
package auth

import "context"

type ctxKey struct{}

// User is the authenticated caller.
type User struct{ ID, TenantID uint }

// FromContext returns the caller the interceptor stored.
func FromContext(ctx context.Context) *User {
	u, _ := ctx.Value(ctxKey{}).(*User)
	return u
}
