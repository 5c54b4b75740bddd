// Package dgrijalva exercises the unmaintained github.com/dgrijalva/jwt-go.
package dgrijalva

import (
	"github.com/dgrijalva/jwt-go"
)

var secret []byte

func parse(raw string) error {
	_, err := jwt.Parse(raw, func(*jwt.Token) (interface{}, error) { return secret, nil }) // want `unmaintained github.com/dgrijalva/jwt-go` `jwt.Parse does not pin`
	return err
}

// Pinned, but still the unmaintained library: only that is reported.
func parsePinned(raw string) error {
	p := jwt.Parser{ValidMethods: []string{"HS256"}}
	_, err := p.ParseWithClaims(raw, &jwt.StandardClaims{}, func(*jwt.Token) (interface{}, error) { return secret, nil }) // want `unmaintained github.com/dgrijalva/jwt-go`
	return err
}

// Signing only: not reported.
func sign() (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.StandardClaims{Subject: "svc"}).SignedString(secret)
}
