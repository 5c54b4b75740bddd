// Package jwx1 exercises lestrrat-go/jwx v1, where Parse without a key
// option silently skips verification.
package jwx1

import (
	"crypto/rsa"
	"net/http"

	"github.com/lestrrat-go/jwx/jwa"
	"github.com/lestrrat-go/jwx/jwk"
	"github.com/lestrrat-go/jwx/jws"
	"github.com/lestrrat-go/jwx/jwt"
)

var pub *rsa.PublicKey

// ---- positives ----

func noKey(raw string) (string, error) {
	tok, err := jwt.ParseString(raw, jwt.WithValidate(true)) // want `jwx v1 jwt.ParseString without jwt.WithVerify or jwt.WithKeySet does not check the signature`
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

func noKeyRequest(r *http.Request) (jwt.Token, error) {
	return jwt.ParseRequest(r) // want `jwx v1 jwt.ParseRequest without`
}

func algFromToken(raw []byte) ([]byte, error) {
	msg, err := jws.Parse(raw)
	if err != nil {
		return nil, err
	}
	alg := msg.Signatures()[0].ProtectedHeaders().Algorithm()
	return jws.Verify(raw, alg, pub) // want `the algorithm passed to Verify comes from the token's own header`
}

func algFromTokenOption(raw []byte) (jwt.Token, error) {
	msg, _ := jws.Parse(raw)
	return jwt.Parse(raw, jwt.WithVerify(msg.Signatures()[0].ProtectedHeaders().Algorithm(), pub)) // want `the algorithm passed to WithVerify comes from the token's own header`
}

// ---- negatives ----

func withKey(raw string) (jwt.Token, error) {
	return jwt.ParseString(raw, jwt.WithVerify(jwa.RS256, pub), jwt.WithValidate(true))
}

func withKeySet(raw []byte, set jwk.Set) (jwt.Token, error) {
	return jwt.Parse(raw, jwt.WithKeySet(set))
}

func optsFromCaller(raw []byte, opts ...jwt.ParseOption) (jwt.Token, error) {
	return jwt.Parse(raw, opts...)
}

// Peeks at the issuer to choose the key set, then verifies.
func peekThenVerify(raw []byte, sets map[string]jwk.Set) (jwt.Token, error) {
	peek, err := jwt.Parse(raw)
	if err != nil {
		return nil, err
	}
	return jwt.Parse(raw, jwt.WithKeySet(sets[peek.Issuer()]))
}

func fixedAlg(raw []byte) ([]byte, error) {
	return jws.Verify(raw, jwa.RS256, pub)
}
