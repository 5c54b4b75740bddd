// Package jose4 exercises github.com/go-jose/go-jose/v4, whose ParseSigned
// requires the allowed algorithms.
package jose4

import (
	"crypto/rsa"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

var pub *rsa.PublicKey

// ---- positives ----

func unverified(raw string) (map[string]any, error) {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.RS256})
	if err != nil {
		return nil, err
	}
	out := map[string]any{}
	return out, tok.UnsafeClaimsWithoutVerification(&out) // want `go-jose UnsafeClaimsWithoutVerification returns data`
}

// ---- negatives ----

func verified(raw string) (jwt.Claims, error) {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.RS256})
	var c jwt.Claims
	if err != nil {
		return c, err
	}
	return c, tok.Claims(pub, &c)
}

func jws(raw string) ([]byte, error) {
	sig, err := jose.ParseSigned(raw, []jose.SignatureAlgorithm{jose.ES256})
	if err != nil {
		return nil, err
	}
	return sig.Verify(pub)
}
