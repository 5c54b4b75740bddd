// Package v4 exercises golang-jwt/jwt/v4: options and exported Parser fields.
package v4

import (
	"crypto/rsa"
	"errors"

	"github.com/golang-jwt/jwt/v4"
	"golang.org/x/oauth2"
)

var (
	secret []byte
	pub    *rsa.PublicKey
)

func hmacKey(*jwt.Token) (interface{}, error) { return secret, nil } // want hmacKey:`jwtkey\(keys \[\]byte\)`

// ---- positives ----

func parseNoPin(raw string) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	_, err := jwt.ParseWithClaims(raw, claims, hmacKey) // want `jwt.ParseWithClaims does not pin .* pin HS256 \(jwt.WithValidMethods`
	return claims, err
}

func parserLiteral(raw string) error {
	p := &jwt.Parser{UseJSONNumber: true}
	_, err := p.Parse(raw, func(*jwt.Token) (interface{}, error) { return pub, nil }) // want `p.Parse does not pin .* RS256`
	return err
}

func skipClaims(raw string) error {
	p := jwt.Parser{ValidMethods: []string{"HS256"}, SkipClaimsValidation: true} // want `Parser\{SkipClaimsValidation: true\} turns off the exp, nbf and iat checks`
	_, err := p.Parse(raw, hmacKey)
	return err
}

func skipClaimsAssign(raw string) error {
	p := jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}))
	p.SkipClaimsValidation = true // want `SkipClaimsValidation = true turns off`
	_, err := p.Parse(raw, hmacKey)
	return err
}

func unverifiedRole(raw string) (string, error) {
	tok, _, err := new(jwt.Parser).ParseUnverified(raw, jwt.MapClaims{}) // want `ParseUnverified returns claims whose signature nobody checked`
	if err != nil {
		return "", err
	}
	role, _ := tok.Claims.(jwt.MapClaims)["role"].(string)
	return role, nil
}

// ---- negatives ----

func parserFieldPinned(raw string) error {
	p := &jwt.Parser{ValidMethods: []string{"HS256"}}
	_, err := p.Parse(raw, hmacKey)
	return err
}

func parserFieldAssigned(raw string) error {
	var p jwt.Parser
	p.ValidMethods = []string{"RS256"}
	_, err := p.Parse(raw, func(*jwt.Token) (interface{}, error) { return pub, nil })
	return err
}

func optionPinned(raw string) error {
	_, err := jwt.Parse(raw, hmacKey, jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}))
	return err
}

func assertingKey(raw string) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) {
		if _, ok := t.Method.(*jwt.SigningMethodRSA); !ok {
			return nil, errors.New("unexpected signing method")
		}
		return pub, nil
	})
	return err
}

func skipFalse(raw string) error {
	p := jwt.Parser{ValidMethods: []string{"HS256"}, SkipClaimsValidation: false}
	_, err := p.Parse(raw, hmacKey)
	return err
}

func discardedError(raw string) string {
	tok, _ := jwt.Parse(raw, hmacKey, jwt.WithValidMethods([]string{"HS256"})) // want `the error of jwt.Parse is discarded and token.Valid is never read`
	return tok.Claims.(jwt.MapClaims)["sub"].(string)
}

func discardedErrorValidChecked(raw string) (string, bool) {
	tok, _ := jwt.Parse(raw, hmacKey, jwt.WithValidMethods([]string{"HS256"}))
	if tok == nil || !tok.Valid {
		return "", false
	}
	return tok.Claims.(jwt.MapClaims)["sub"].(string), true
}

// An ID token straight from the token endpoint (TLS-authenticated, OIDC
// Core 3.1.3.7): reading it unverified is allowed.
func idTokenClaims(tok *oauth2.Token) (jwt.MapClaims, error) {
	raw, _ := tok.Extra("id_token").(string)
	t, _, err := new(jwt.Parser).ParseUnverified(raw, jwt.MapClaims{})
	if err != nil {
		return nil, err
	}
	return t.Claims.(jwt.MapClaims), nil
}

// scopeOf picks the secret; its only caller verifies with it.
func scopeOf(raw string) string {
	t, _, _ := new(jwt.Parser).ParseUnverified(raw, jwt.MapClaims{})
	if t == nil {
		return "default"
	}
	s, _ := t.Claims.(jwt.MapClaims)["scope"].(string)
	return s
}

var secrets map[string][]byte

func parseAndVerify(raw string) (*jwt.Token, error) {
	secret := secrets[scopeOf(raw)]
	return jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) {
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, errors.New("unexpected method")
		}
		return secret, nil
	})
}

// subjectOf is called by a function that does not verify: reported.
func subjectOf(raw string) string {
	t, _, _ := new(jwt.Parser).ParseUnverified(raw, jwt.MapClaims{}) // want `ParseUnverified returns claims whose signature nobody checked`
	s, _ := t.Claims.(jwt.MapClaims)["sub"].(string)
	return s
}

func whoami(raw string) string { return "user " + subjectOf(raw) }

// SkipClaimsValidation on a parser used only for ParseUnverified changes
// nothing: not reported (portainer's getIdToken).
func idTokenData(tok *oauth2.Token) (map[string]any, error) {
	p := jwt.Parser{SkipClaimsValidation: true}
	raw, _ := tok.Extra("id_token").(string)
	t, _, err := p.ParseUnverified(raw, jwt.MapClaims{})
	if err != nil {
		return nil, err
	}
	return t.Claims.(jwt.MapClaims), nil
}
