package jwtlog

import (
	"log"

	"github.com/golang-jwt/jwt/v5"
)

func Parse(raw string, key []byte) (*jwt.Token, error) {
	tok, err := jwt.Parse(raw, func(*jwt.Token) (any, error) { return key, nil }, jwt.WithValidMethods([]string{"HS256"}))
	if err != nil {
		return nil, err
	}
	log.Printf("parsed %v", tok)  // want `a JWT \(its Raw token\) is written to the log by log.Printf`
	log.Printf("raw %s", tok.Raw) // want `the JWT is written to the log by log.Printf`
	log.Printf("valid=%v alg=%s", tok.Valid, tok.Method.Alg())
	return tok, nil
}
