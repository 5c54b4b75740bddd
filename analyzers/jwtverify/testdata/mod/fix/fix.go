// Package fix holds the suggested-fix cases.
package fix

import (
	"crypto/rsa"

	jwt4 "github.com/golang-jwt/jwt/v4"
	"github.com/golang-jwt/jwt/v5"
)

var (
	secret []byte
	pub    *rsa.PublicKey
)

func hmac(raw string) error {
	_, err := jwt.Parse(raw, func(*jwt.Token) (any, error) { return secret, nil }) // want `pin HS256`
	return err
}

func multiline(raw string) error {
	_, err := jwt.ParseWithClaims( // want `pin RS256`
		raw,
		&jwt.RegisteredClaims{},
		func(*jwt.Token) (any, error) { return pub, nil },
		jwt.WithLeeway(5),
	)
	return err
}

func renamed(raw string) error {
	_, err := jwt4.Parse(raw, func(*jwt4.Token) (interface{}, error) { return secret, nil }) // want `pin HS256`
	return err
}
