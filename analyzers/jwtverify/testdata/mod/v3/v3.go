// Package v3 exercises github.com/golang-jwt/jwt (v3) and the
// form3tech-oss fork, which have no parser options: only Parser fields.
package v3

import (
	"crypto/rsa"
	"net/http"

	form3 "github.com/form3tech-oss/jwt-go"
	"github.com/golang-jwt/jwt"
	"github.com/golang-jwt/jwt/request"
)

var (
	secret []byte
	pub    *rsa.PublicKey
)

// ---- positives ----

func parse(raw string) error {
	_, err := jwt.Parse(raw, func(*jwt.Token) (interface{}, error) { return secret, nil }) // want `jwt.Parse does not pin .* pin HS256 \(&jwt.Parser\{ValidMethods: \[\]string\{"HS256"\}\}\)`
	return err
}

func fromRequest(r *http.Request) error {
	_, err := request.ParseFromRequestWithClaims(r, request.AuthorizationHeaderExtractor, &jwt.StandardClaims{}, func(*jwt.Token) (interface{}, error) { // want `request.ParseFromRequestWithClaims does not pin .* RS256`
		return pub, nil
	})
	return err
}

func forkParse(raw string) error {
	_, err := form3.ParseWithClaims(raw, &form3.StandardClaims{}, func(*form3.Token) (interface{}, error) { return secret, nil }) // want `form3.ParseWithClaims does not pin`
	return err
}

// ---- negatives ----

func parserPinned(raw string) error {
	p := &jwt.Parser{ValidMethods: []string{"RS256"}}
	_, err := p.Parse(raw, func(*jwt.Token) (interface{}, error) { return pub, nil })
	return err
}

func fromRequestPinned(r *http.Request) error {
	_, err := request.ParseFromRequest(r, request.OAuth2Extractor, func(*jwt.Token) (interface{}, error) { return secret, nil },
		request.WithParser(&jwt.Parser{ValidMethods: []string{"HS256"}}))
	return err
}

func forkChecked(raw string) error {
	_, err := form3.Parse(raw, func(t *form3.Token) (interface{}, error) {
		if t.Method.Alg() != form3.SigningMethodHS256.Alg() {
			return nil, form3.ErrSignatureInvalid
		}
		return secret, nil
	})
	return err
}
