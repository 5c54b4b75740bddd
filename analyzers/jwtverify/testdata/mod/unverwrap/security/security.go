// Package security wraps an unverified parse, as pocketbase's
// tools/security does: named and documented as unverified, so silent.
package security

import "github.com/golang-jwt/jwt/v5"

// ParseUnverifiedJWT parses a JWT and returns its claims
// but DOES NOT verify the signature.
func ParseUnverifiedJWT(token string) (jwt.MapClaims, error) { // want ParseUnverifiedJWT:`unverified\(arg 0\)` ParseUnverifiedJWT:`does not verify`
	claims := jwt.MapClaims{}
	_, _, err := jwt.NewParser().ParseUnverified(token, claims)
	return claims, err
}

// ParseJWT verifies and parses a JWT.
func ParseJWT(token string, key []byte) (jwt.MapClaims, error) { // want ParseJWT:`verifies`
	claims := jwt.MapClaims{}
	_, err := jwt.ParseWithClaims(token, claims, func(*jwt.Token) (any, error) { return key, nil }, jwt.WithValidMethods([]string{"HS256"}))
	return claims, err
}

// peekIssuer reads the issuer unverified; its one caller verifies the same
// token: silent.
func peekIssuer(token string) string {
	claims := jwt.MapClaims{}
	_, _, _ = jwt.NewParser().ParseUnverified(token, claims)
	iss, _ := claims["iss"].(string)
	return iss
}

func VerifyByIssuer(token string, keys map[string][]byte) (jwt.MapClaims, error) { // want VerifyByIssuer:`verifies`
	return ParseJWT(token, keys[peekIssuer(token)])
}

// peekSubject reads a token unverified; its caller verifies a different
// one: reported.
func peekSubject(token string) string {
	claims := jwt.MapClaims{}
	_, _, _ = jwt.NewParser().ParseUnverified(token, claims) // want `jwt ParseUnverified returns claims whose signature nobody checked`
	sub, _ := claims["sub"].(string)
	return sub
}

func SessionAndForwarded(session, forwarded string, key []byte) (string, error) { // want SessionAndForwarded:`verifies`
	if _, err := ParseJWT(session, key); err != nil {
		return "", err
	}
	return peekSubject(forwarded), nil
}

// App is used through an interface, as pocketbase's core.App is.
type App interface {
	FindByToken(token string) (string, error)
}

// BaseApp implements App and verifies the token it is given.
type BaseApp struct{ Key []byte }

func (a *BaseApp) FindByToken(token string) (string, error) { // want FindByToken:`verifies`
	claims, err := ParseJWT(token, a.Key)
	if err != nil {
		return "", err
	}
	sub, _ := claims["sub"].(string)
	return sub, nil
}
