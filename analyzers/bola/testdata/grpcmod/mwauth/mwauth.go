// Package mwauth holds the AuthFuncs given to go-grpc-middleware's auth
// interceptor.
package mwauth

import (
	"context"

	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors"
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/auth"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// Authenticate accepts any valid bearer token: who, not what.
func Authenticate(ctx context.Context) (context.Context, error) {
	token, err := auth.AuthFromMD(ctx, "bearer")
	if err != nil {
		return nil, err
	}
	if token == "" {
		return nil, status.Error(codes.Unauthenticated, "no token")
	}
	return ctx, nil
}

// Authorize asks a policy whether the caller may make the call.
func Authorize(ctx context.Context) (context.Context, error) { // want Authorize:`authorizer: calls allowed`
	if _, err := auth.AuthFromMD(ctx, "bearer"); err != nil {
		return nil, err
	}
	if !allowed(ctx) {
		return nil, status.Error(codes.PermissionDenied, "not allowed")
	}
	return ctx, nil
}

func allowed(ctx context.Context) bool { return ctx != nil }

// NotHealth selects every call but health checks.
func NotHealth(ctx context.Context, c interceptors.CallMeta) bool {
	return c.FullMethod() != "/grpc.health.v1.Health/Check"
}
