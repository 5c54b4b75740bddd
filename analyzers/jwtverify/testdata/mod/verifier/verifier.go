// Package verifier picks a key from the unverified token, then verifies it
// with a function of another package (the verifiesFact case).
package verifier

import (
	"github.com/golang-jwt/jwt/v5"

	"example.com/jwtcases/keys"
)

// Verify verifies raw with the key of its issuer.
func Verify(raw string, secret []byte) (*jwt.RegisteredClaims, error) { // want Verify:`verifies`
	c := &jwt.RegisteredClaims{}
	_, err := jwt.ParseWithClaims(raw, c, keys.CheckedHMACKey)
	return c, err
}

// ParseChecked is named like a parse, and verifies.
func ParseChecked(raw string) (*jwt.Token, error) { // want ParseChecked:`verifies`
	return keys.Parser.Parse(raw, keys.HMACKey)
}

// Peek reads the subject without verifying; it does not verify.
func Peek(raw string) string { // want Peek:`does not verify`
	c := &jwt.RegisteredClaims{}
	_, _, _ = jwt.NewParser().ParseUnverified(raw, c) // want `ParseUnverified returns claims whose signature nobody checked`
	return c.Subject
}
