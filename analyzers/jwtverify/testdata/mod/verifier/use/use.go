// Package use selects a key from unverified claims and verifies through a
// function of another package.
package use

import (
	"github.com/golang-jwt/jwt/v5"

	"example.com/jwtcases/verifier"
)

var secrets map[string][]byte

// Not reported: verifier.ParseChecked verifies (a fact says so).
func bySubject(raw string) (*jwt.Token, error) {
	c := &jwt.RegisteredClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(raw, c); err != nil {
		return nil, err
	}
	if _, ok := secrets[c.Subject]; !ok {
		return nil, jwt.ErrTokenUnverifiable
	}
	return verifier.ParseChecked(raw)
}

// Reported: verifier.Peek does not verify.
func subject(raw string) string {
	c := &jwt.RegisteredClaims{}
	_, _, _ = jwt.NewParser().ParseUnverified(raw, c) // want `ParseUnverified returns claims whose signature nobody checked`
	return verifier.Peek(raw) + c.Issuer
}
