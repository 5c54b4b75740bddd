package httpmodel

import "testing"

func TestAuthzMiddlewareName(t *testing.T) {
	yes := []string{"RequireAdmin", "AdminOnly", "requireRole admin", "RBAC", "HasPermission", "CasbinMiddleware", "OwnerOnly"}
	no := []string{"Middleware", "JWTProtected", "Authenticate", "AuthRequired", "RequestID", "Logger", "Recoverer", "CORS"}
	for _, n := range yes {
		if _, ok := AuthzMiddlewareName(n); !ok {
			t.Errorf("AuthzMiddlewareName(%q) = false, want true", n)
		}
	}
	for _, n := range no {
		if _, ok := AuthzMiddlewareName(n); ok {
			t.Errorf("AuthzMiddlewareName(%q) = true, want false", n)
		}
	}
}
