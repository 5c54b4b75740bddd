// Package keys holds key functions, algorithm checks and parser options
// that other packages use: the cross-package (fact) cases.
package keys

import (
	"crypto/rsa"
	"errors"
	"fmt"

	"github.com/golang-jwt/jwt/v5"
)

var (
	Secret []byte
	Public *rsa.PublicKey
)

// HMACKey returns the secret without looking at the algorithm.
func HMACKey(t *jwt.Token) (any, error) { // want HMACKey:`jwtkey\(keys \[\]byte\)`
	return Secret, nil
}

// CheckedHMACKey checks the algorithm before returning the secret.
func CheckedHMACKey(t *jwt.Token) (any, error) { // want CheckedHMACKey:`jwtkey\(checks alg; keys \[\]byte\)`
	if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
		return nil, fmt.Errorf("unexpected signing method %v", t.Header["alg"])
	}
	return Secret, nil
}

// RequireRS256 is an algorithm-check helper other key functions call.
func RequireRS256(t *jwt.Token) error { // want RequireRS256:`jwtkey\(checks alg\)`
	if t.Method.Alg() != "RS256" {
		return errors.New("bad alg")
	}
	return nil
}

// KeyStore serves keys by kid.
type KeyStore struct {
	keys map[string]any
}

// Lookup returns whichever key the kid names: its type is only known at
// run time.
func (s *KeyStore) Lookup(t *jwt.Token) (any, error) { // want Lookup:`jwtkey\(keys \?\)`
	kid, _ := t.Header["kid"].(string)
	return s.keys[kid], nil
}

// RSAKeyFunc builds a key function that checks the algorithm through the helper.
func RSAKeyFunc(pub *rsa.PublicKey) jwt.Keyfunc { // want RSAKeyFunc:`jwtkey\(checks alg; keys \*crypto/rsa.PublicKey\)`
	return func(t *jwt.Token) (any, error) {
		if err := RequireRS256(t); err != nil {
			return nil, err
		}
		return pub, nil
	}
}

// LooseRSAKeyFunc builds a key function that does not.
func LooseRSAKeyFunc(pub *rsa.PublicKey) jwt.Keyfunc { // want LooseRSAKeyFunc:`jwtkey\(keys \*crypto/rsa.PublicKey\)`
	return func(t *jwt.Token) (any, error) {
		return pub, nil
	}
}

// ParserOptions are the options every service parser uses.
func ParserOptions() []jwt.ParserOption { // want ParserOptions:`jwtopts\(pins=true skipsClaims=false unknown=false\)`
	return []jwt.ParserOption{
		jwt.WithValidMethods([]string{"HS256"}),
		jwt.WithLeeway(5),
	}
}

// AudienceOptions do not pin the algorithm.
func AudienceOptions(aud string) []jwt.ParserOption { // want AudienceOptions:`jwtopts\(pins=false skipsClaims=false unknown=false\)`
	opts := []jwt.ParserOption{jwt.WithAudience(aud)}
	opts = append(opts, jwt.WithIssuer("https://issuer.example"))
	return opts
}

// Parser is the shared, pinned parser.
var Parser = jwt.NewParser(jwt.WithValidMethods([]string{"RS256"})) // want Parser:`jwtopts\(pins=true`

// LooseParser is shared and not pinned.
var LooseParser = jwt.NewParser(jwt.WithLeeway(30)) // want LooseParser:`jwtopts\(pins=false`

// NewPinnedParser returns a pinned parser.
func NewPinnedParser() *jwt.Parser { // want NewPinnedParser:`jwtopts\(pins=true`
	p := jwt.NewParser(ParserOptions()...)
	return p
}
