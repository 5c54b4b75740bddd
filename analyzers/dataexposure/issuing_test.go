package dataexposure

import (
	"testing"

	"github.com/apivet/apivet/internal/httpmodel"
)

func TestIssuingName(t *testing.T) {
	for name, want := range map[string]bool{
		"Login": true, "(*H).SignUp": true, "register": true, "OAuthCallback": true, "CreateSession": true,
		"IssueToken": true, "RefreshToken": true, "CreateAPIKey": true, "RegenerateKey": true,
		"(*TokenService).Create": true, "oauth2Token": true, "verifyOTP": true, "NewLoginHandler$1": true,
		"TokenPair": true, "AddAPIKey": true,
		"appWithKey": false, "sessionView": false, "getTokenUsage": false, "GetSession": false,
		"ListKeys": false, "listTokens": false, "(*AuthHandler).Me": false, "NewAppHandler$1": false,
		"TokenResponse": false, "userCredentials": false, "verifyEmail": false, "addMember": false, "": false,
	} {
		if got := issuingName(name); got != want {
			t.Errorf("issuingName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestIssuingRoute(t *testing.T) {
	for _, c := range []struct {
		method, path string
		want         bool
	}{
		{"POST", "/login", true}, {"POST", "/oauth/token", true}, {"*", "/oauth/token", true},
		{"POST", "/auth/refresh", true}, {"POST", "/api-keys", true}, {"PUT", "/apps/{id}/tokens", true},
		{"POST", "/keys/:id/regenerate", true}, {"GET", "/sso/callback", true},
		{"GET", "/api-keys", false}, {"POST", "/api-keys/:id", false}, {"GET", "/sessions/{id}", false},
		{"GET", "/auth/me", false}, {"POST", "/apps", false}, {"GET", "/tokens/usage", false},
	} {
		if got := issuingRoute(&httpmodel.Route{Method: c.method, Path: c.path}); got != c.want {
			t.Errorf("issuingRoute(%s %s) = %v, want %v", c.method, c.path, got, c.want)
		}
	}
}
