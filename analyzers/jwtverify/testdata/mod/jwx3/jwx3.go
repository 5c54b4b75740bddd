// Package jwx3 exercises lestrrat-go/jwx/v3.
package jwx3

import (
	"crypto/rsa"

	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jws"
	"github.com/lestrrat-go/jwx/v3/jwt"
)

var pub *rsa.PublicKey

// ---- positives ----

func verifyOff(raw string) (jwt.Token, error) {
	return jwt.ParseString(raw, jwt.WithVerify(false), jwt.WithValidate(true)) // want `jwt.ParseString with jwt.WithVerify\(false\)`
}

func insecure(raw []byte) (jwt.Token, error) {
	return jwt.ParseInsecure(raw) // want `jwt.ParseInsecure returns claims`
}

func algFromToken(raw []byte) (jwt.Token, error) {
	msg, err := jws.Parse(raw)
	if err != nil {
		return nil, err
	}
	alg, _ := msg.Signatures()[0].ProtectedHeaders().Algorithm()
	return jwt.Parse(raw, jwt.WithKey(alg, pub)) // want `the algorithm passed to WithKey comes from the token's own header`
}

// ---- negatives ----

func withKey(raw []byte) (jwt.Token, error) {
	return jwt.Parse(raw, jwt.WithKey(jwa.RS256(), pub))
}

func verifyOn(raw []byte) (jwt.Token, error) {
	return jwt.Parse(raw, jwt.WithKey(jwa.RS256(), pub), jwt.WithVerify(true))
}
