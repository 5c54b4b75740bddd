// Package jwx2 exercises lestrrat-go/jwx/v2: Parse verifies by default.
package jwx2

import (
	"crypto/rsa"
	"net/http"

	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwk"
	"github.com/lestrrat-go/jwx/v2/jws"
	"github.com/lestrrat-go/jwx/v2/jwt"
)

var pub *rsa.PublicKey

// ---- positives ----

func verifyOff(raw []byte) (string, error) {
	tok, err := jwt.Parse(raw, jwt.WithVerify(false)) // want `jwt.Parse with jwt.WithVerify\(false\) returns claims whose signature nobody checked`
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

func insecure(r *http.Request) (jwt.Token, error) {
	return jwt.ParseInsecure([]byte(r.Header.Get("X-Token"))) // want `jwt.ParseInsecure returns claims whose signature nobody checked`
}

func validateOff(raw []byte) (jwt.Token, error) {
	return jwt.Parse(raw, jwt.WithKey(jwa.RS256, pub), jwt.WithValidate(false)) // want `jwt.WithValidate\(false\) turns off the exp, nbf and iat checks`
}

func algFromToken(raw []byte) ([]byte, error) {
	msg, err := jws.Parse(raw)
	if err != nil {
		return nil, err
	}
	alg := msg.Signatures()[0].ProtectedHeaders().Algorithm()
	return jws.Verify(raw, jws.WithKey(alg, pub)) // want `the algorithm passed to WithKey comes from the token's own header`
}

// ---- negatives ----

func withKey(raw []byte) (jwt.Token, error) {
	return jwt.Parse(raw, jwt.WithKey(jwa.RS256, pub))
}

func noKeyFailsClosed(raw []byte) (jwt.Token, error) {
	return jwt.Parse(raw) // v2 refuses to parse without a key: not reported
}

func insecureThenVerify(raw []byte, sets map[string]jwk.Set) (jwt.Token, error) {
	peek, err := jwt.ParseInsecure(raw)
	if err != nil {
		return nil, err
	}
	return jwt.Parse(raw, jwt.WithKeySet(sets[peek.Issuer()]))
}

func validateOn(raw []byte) (jwt.Token, error) {
	return jwt.Parse(raw, jwt.WithKey(jwa.RS256, pub), jwt.WithValidate(true))
}

func validatedByHand(raw []byte) (jwt.Token, error) {
	tok, err := jwt.Parse(raw, jwt.WithKey(jwa.RS256, pub), jwt.WithValidate(false))
	if err != nil {
		return nil, err
	}
	return tok, jwt.Validate(tok)
}

func fixedAlg(raw []byte) ([]byte, error) {
	return jws.Verify(raw, jws.WithKey(jwa.RS256, pub))
}
