// Package interceptors authenticates and authorizes Connect calls.
package interceptors

import (
	"context"
	"errors"
	"net/http"

	"connectrpc.com/connect"

	"example.com/connectbola/auth"
)

// NewAuthInterceptor rejects calls without a bearer token: it
// authenticates, it does not authorize.
func NewAuthInterceptor() connect.UnaryInterceptorFunc {
	return func(next connect.UnaryFunc) connect.UnaryFunc {
		return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
			if req.Header().Get("Authorization") == "" {
				return nil, connect.NewError(connect.CodeUnauthenticated, errors.New("no token"))
			}
			return next(ctx, req)
		}
	}
}

// policy decides, per procedure and object, whether the caller may call.
func policy(ctx context.Context, req connect.AnyRequest) error {
	if u := auth.FromContext(ctx); u == nil || !u.Admin {
		return connect.NewError(connect.CodePermissionDenied, errors.New("not allowed"))
	}
	return nil
}

// NewPolicyInterceptor denies what the policy does not permit.
func NewPolicyInterceptor() connect.UnaryInterceptorFunc {
	return func(next connect.UnaryFunc) connect.UnaryFunc {
		return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
			if err := policy(ctx, req); err != nil {
				return nil, err
			}
			return next(ctx, req)
		}
	}
}

// RequireRole is HTTP middleware that lets only callers with the role
// through.
func RequireRole(role string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("X-Role") != role {
				http.Error(w, "forbidden", http.StatusForbidden)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// StreamAuth authenticates unary calls and streams alike.
type StreamAuth struct{}

// NewStreamAuthInterceptor returns an interceptor that rejects calls and
// streams without a bearer token.
func NewStreamAuthInterceptor() *StreamAuth { return &StreamAuth{} }

func (*StreamAuth) WrapUnary(next connect.UnaryFunc) connect.UnaryFunc {
	return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
		if req.Header().Get("Authorization") == "" {
			return nil, connect.NewError(connect.CodeUnauthenticated, errors.New("no token"))
		}
		return next(ctx, req)
	}
}

func (*StreamAuth) WrapStreamingClient(next connect.StreamingClientFunc) connect.StreamingClientFunc {
	return next
}

func (*StreamAuth) WrapStreamingHandler(next connect.StreamingHandlerFunc) connect.StreamingHandlerFunc {
	return func(ctx context.Context, conn connect.StreamingHandlerConn) error {
		if conn.RequestHeader().Get("Authorization") == "" {
			return connect.NewError(connect.CodeUnauthenticated, errors.New("no token"))
		}
		return next(ctx, conn)
	}
}

// StreamGuard denies the streams the policy does not permit; unary
// calls it only authenticates.
type StreamGuard struct{}

// NewStreamGuard returns the guard.
func NewStreamGuard() *StreamGuard { return &StreamGuard{} }

func (*StreamGuard) WrapUnary(next connect.UnaryFunc) connect.UnaryFunc {
	return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
		if req.Header().Get("Authorization") == "" {
			return nil, connect.NewError(connect.CodeUnauthenticated, errors.New("no token"))
		}
		return next(ctx, req)
	}
}

func (*StreamGuard) WrapStreamingClient(next connect.StreamingClientFunc) connect.StreamingClientFunc {
	return next
}

func (*StreamGuard) WrapStreamingHandler(next connect.StreamingHandlerFunc) connect.StreamingHandlerFunc {
	return func(ctx context.Context, conn connect.StreamingHandlerConn) error {
		if u := auth.FromContext(ctx); u == nil || !u.Admin {
			return connect.NewError(connect.CodePermissionDenied, errors.New("not allowed"))
		}
		return next(ctx, conn)
	}
}
