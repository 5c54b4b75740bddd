package words

import (
	"reflect"
	"testing"
)

func TestSplit(t *testing.T) {
	cases := map[string][]string{
		"PasswordHash":        {"password", "hash"},
		"password_hash":       {"password", "hash"},
		"X-Api-Key":           {"x", "api", "key"},
		"APIKey":              {"api", "key"},
		"userID":              {"user", "id"},
		"HTTPServerURL":       {"http", "server", "url"},
		"sha256Sum":           {"sha256", "sum"},
		"TokenFetchErrors":    {"token", "fetch", "errors"},
		"public_tokens.route": {"public", "tokens", "route"},
		"":                    nil,
		"__":                  nil,
	}
	for in, want := range cases {
		if got := Split(in); !reflect.DeepEqual(got, want) {
			t.Errorf("Split(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestContains(t *testing.T) {
	if !Contains("ClientSecretValue", "client secret") {
		t.Error("ClientSecretValue should contain 'client secret'")
	}
	if Contains("SecretClient", "client secret") {
		t.Error("SecretClient should not contain 'client secret'")
	}
	if Contains("tokenizer", "token") {
		t.Error("tokenizer is not the word token")
	}
	if !ContainsAny("MiddlewareKeyPrincipal", []string{"user", "principal"}) {
		t.Error("MiddlewareKeyPrincipal should contain one of user, principal")
	}
	if ContainsAny("KeyUsername", []string{"user id", "principal"}) || ContainsAny("x", nil) {
		t.Error("ContainsAny matched a phrase that is not there")
	}
	if Joined("API_Key") != "apikey" {
		t.Errorf("Joined(API_Key) = %q", Joined("API_Key"))
	}
}
