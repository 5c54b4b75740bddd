// Package app calls the unverified wrapper of package security: each call
// is judged as an unverified parse of the token it passes.
package app

import (
	"errors"

	"example.com/jwtcases/unverwrap/security"
)

var key []byte

// ---- positive: the claims of a token nobody verifies ----

func role(token string) string {
	claims, _ := security.ParseUnverifiedJWT(token) // want `security.ParseUnverifiedJWT returns claims whose signature nobody checked`
	r, _ := claims["role"].(string)
	return r
}

// Verifies one token, trusts the claims of another: reported.
func mixed(session, other string) (string, error) {
	if _, err := security.ParseJWT(session, key); err != nil {
		return "", err
	}
	claims, _ := security.ParseUnverifiedJWT(other) // want `security.ParseUnverifiedJWT returns claims`
	e, _ := claims["email"].(string)
	return e, nil
}

// ---- negative: the same token is verified ----

func confirm(token string) (string, error) {
	claims, _ := security.ParseUnverifiedJWT(token)
	email, _ := claims["email"].(string)
	if email == "" {
		return "", errors.New("no email")
	}
	if _, err := security.ParseJWT(token, key); err != nil {
		return "", err
	}
	return email, nil
}

// The same token is verified through an interface method whose
// implementation verifies: silent.
func confirmThroughInterface(app security.App, token string) (string, error) {
	claims, _ := security.ParseUnverifiedJWT(token)
	email, _ := claims["email"].(string)
	if _, err := app.FindByToken(token); err != nil {
		return "", err
	}
	return email, nil
}

// A literal that re-exports the wrapper (a scripting binding) forwards the
// responsibility with it: silent.
func bindings(set func(string, any)) {
	set("parseUnverifiedJWT", func(token string) (map[string]any, error) {
		return security.ParseUnverifiedJWT(token)
	})
}
