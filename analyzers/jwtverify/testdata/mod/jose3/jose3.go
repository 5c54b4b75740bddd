// Package jose3 exercises github.com/go-jose/go-jose/v3.
package jose3

import (
	"crypto/rsa"
	"slices"

	jose "github.com/go-jose/go-jose/v3"
	"github.com/go-jose/go-jose/v3/jwt"
)

var pub *rsa.PublicKey

// ---- positives ----

func anyAlgorithm(raw string) ([]byte, error) {
	sig, err := jose.ParseSigned(raw) // want `jose.ParseSigned of github.com/go-jose/go-jose/v3 does not pin the signing algorithm`
	if err != nil {
		return nil, err
	}
	return sig.Verify(pub)
}

func unverified(raw string) (string, error) {
	tok, err := jwt.ParseSigned(raw)
	if err != nil {
		return "", err
	}
	var c jwt.Claims
	err = tok.UnsafeClaimsWithoutVerification(&c) // want `go-jose UnsafeClaimsWithoutVerification returns data`
	return c.Subject, err
}

// ---- negatives ----

func checked(raw string) ([]byte, error) {
	sig, err := jose.ParseSigned(raw)
	if err != nil {
		return nil, err
	}
	for _, s := range sig.Signatures {
		if s.Header.Algorithm != string(jose.ES256) {
			return nil, jose.ErrCryptoFailure
		}
	}
	return sig.Verify(pub)
}

// The unverified payload is only a hint; the token is verified here too.
func verifiedToo(raw string) (jwt.Claims, error) {
	tok, err := jwt.ParseSigned(raw)
	var c jwt.Claims
	if err != nil {
		return c, err
	}
	_ = tok.UnsafeClaimsWithoutVerification(&c)
	if tok.Headers[0].Algorithm != "RS256" {
		return c, jose.ErrCryptoFailure
	}
	return c, tok.Claims(pub, &c)
}

// ---- the algorithm check must decide ----

// The loop looks at every signature's alg but goes on whatever it is.
func loopNoStop(raw string) ([]byte, error) {
	sig, err := jose.ParseSigned(raw) // want `jose.ParseSigned of github.com/go-jose/go-jose/v3 does not pin the signing algorithm`
	if err != nil {
		return nil, err
	}
	seen := 0
	for _, s := range sig.Signatures {
		if s.Header.Algorithm == string(jose.ES256) {
			seen++
		}
	}
	_ = seen
	return sig.Verify(pub)
}

func allowedList(raw string) (jwt.Claims, error) {
	var c jwt.Claims
	tok, err := jwt.ParseSigned(raw)
	if err != nil {
		return c, err
	}
	if !slices.Contains([]string{"RS256", "PS256"}, tok.Headers[0].Algorithm) {
		return c, jose.ErrCryptoFailure
	}
	return c, tok.Claims(pub, &c)
}
