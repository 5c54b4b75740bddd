// Package directives implements the schema's directives.
package directives

import (
	"context"
	"errors"

	"github.com/99designs/gqlgen/graphql"

	"example.com/gqlbola/auth"
	"example.com/gqlbola/graph/model"
)

// HasRole lets only callers with the role resolve the field.
func HasRole(ctx context.Context, obj any, next graphql.Resolver, role model.Role) (any, error) {
	if u := auth.ForContext(ctx); u == nil || u.Role != string(role) {
		return nil, errors.New("forbidden")
	}
	return next(ctx)
}

// IsAuthenticated lets any signed-in caller resolve the field.
func IsAuthenticated(ctx context.Context, obj any, next graphql.Resolver) (any, error) {
	if auth.ForContext(ctx) == nil {
		return nil, errors.New("unauthenticated")
	}
	return next(ctx)
}
