// Package jose2 exercises gopkg.in/square/go-jose.v2.
package jose2

import (
	"crypto/rsa"
	"errors"
	"fmt"
	"log"

	jose "gopkg.in/square/go-jose.v2"
	"gopkg.in/square/go-jose.v2/jwt"
)

var pub *rsa.PublicKey

type Claims struct {
	jwt.Claims
	Admin bool `json:"admin"`
}

// ---- positives ----

func unverifiedClaims(raw string) (bool, error) {
	tok, err := jwt.ParseSigned(raw)
	if err != nil {
		return false, err
	}
	var c Claims
	if err := tok.UnsafeClaimsWithoutVerification(&c); err != nil { // want `go-jose UnsafeClaimsWithoutVerification returns data whose signature nobody checked: nothing in this function verifies the token`
		return false, err
	}
	return c.Admin, nil
}

func unverifiedPayload(raw string) ([]byte, error) {
	sig, err := jose.ParseSigned(raw)
	if err != nil {
		return nil, err
	}
	return sig.UnsafePayloadWithoutVerification(), nil // want `go-jose UnsafePayloadWithoutVerification returns data`
}

func anyAlgorithm(raw string) (*Claims, error) {
	tok, err := jwt.ParseSigned(raw) // want `jwt.ParseSigned of gopkg.in/square/go-jose.v2/jwt does not pin the signing algorithm \(RFC 8725`
	if err != nil {
		return nil, err
	}
	var c Claims
	return &c, tok.Claims(pub, &c)
}

// ---- negatives ----

func algorithmChecked(raw string) (*Claims, error) {
	tok, err := jwt.ParseSigned(raw)
	if err != nil {
		return nil, err
	}
	if len(tok.Headers) != 1 || tok.Headers[0].Algorithm != string(jose.RS256) {
		return nil, errors.New("unexpected algorithm")
	}
	var c Claims
	return &c, tok.Claims(pub, &c)
}

// Reads the issuer unverified to pick the key, then verifies.
func issuerThenVerify(raw string, keys map[string]*rsa.PublicKey) (*Claims, error) {
	tok, err := jwt.ParseSigned(raw)
	if err != nil {
		return nil, err
	}
	if len(tok.Headers) == 0 || tok.Headers[0].Algorithm != "RS256" {
		return nil, errors.New("unexpected algorithm")
	}
	var peek jwt.Claims
	if err := tok.UnsafeClaimsWithoutVerification(&peek); err != nil {
		return nil, err
	}
	var c Claims
	return &c, tok.Claims(keys[peek.Issuer], &c)
}

// ---- the algorithm check must decide ----

// Only logged: any algorithm is verified.
func algorithmLogged(raw string) (*Claims, error) {
	tok, err := jwt.ParseSigned(raw) // want `jwt.ParseSigned of gopkg.in/square/go-jose.v2/jwt does not pin the signing algorithm`
	if err != nil {
		return nil, err
	}
	if tok.Headers[0].Algorithm != string(jose.RS256) {
		log.Printf("unexpected algorithm %s", tok.Headers[0].Algorithm)
	}
	var c Claims
	return &c, tok.Claims(pub, &c)
}

// Read into a variable that only goes into an error message.
func algorithmInMessage(raw string) ([]byte, error) {
	sig, err := jose.ParseSigned(raw) // want `jose.ParseSigned of gopkg.in/square/go-jose.v2 does not pin the signing algorithm`
	if err != nil {
		return nil, err
	}
	alg := sig.Signatures[0].Header.Algorithm
	out, err := sig.Verify(pub)
	if err != nil {
		return nil, fmt.Errorf("verify %s token: %w", alg, err)
	}
	return out, nil
}

// The alg in a variable, the mismatch stopping.
func algorithmVariable(raw string) ([]byte, error) {
	sig, err := jose.ParseSigned(raw)
	if err != nil {
		return nil, err
	}
	alg := sig.Signatures[0].Header.Algorithm
	if alg != "RS256" {
		return nil, errors.New("unexpected algorithm")
	}
	return sig.Verify(pub)
}

// A switch whose default refuses.
func algorithmSwitch(raw string) (*Claims, error) {
	tok, err := jwt.ParseSigned(raw)
	if err != nil {
		return nil, err
	}
	switch tok.Headers[0].Algorithm {
	case "RS256", "RS512":
	default:
		return nil, errors.New("unexpected algorithm")
	}
	var c Claims
	return &c, tok.Claims(pub, &c)
}
