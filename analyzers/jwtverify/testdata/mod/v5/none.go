package v5

import "github.com/golang-jwt/jwt/v5"

// "none" among the valid methods is an error even with a list.
func parseWithNone(raw string, secret []byte) error {
	_, err := jwt.Parse(raw, func(*jwt.Token) (any, error) { return secret, nil }, jwt.WithValidMethods([]string{"HS256", "none"})) // want `jwt.Parse accepts alg "none" \(it is in the valid methods\)`
	return err
}

var lenientMethods = []string{"HS256", jwt.SigningMethodNone.Alg()}

func parseWithNoneVar(raw string, secret []byte) error {
	_, err := jwt.Parse(raw, func(*jwt.Token) (any, error) { return secret, nil }, jwt.WithValidMethods(lenientMethods)) // want `jwt.Parse accepts alg "none"`
	return err
}

// A key function that can return UnsafeAllowNoneSignatureType is an
// error even when the methods are pinned.
func parsePinnedButNone(raw string, secret []byte, dev bool) error {
	_, err := jwt.Parse(raw, func(*jwt.Token) (any, error) { // want `the key function of jwt.Parse can return UnsafeAllowNoneSignatureType`
		if dev {
			return jwt.UnsafeAllowNoneSignatureType, nil
		}
		return secret, nil
	}, jwt.WithValidMethods([]string{"HS256"}))
	return err
}

// A list without "none" is fine ("nonexistent" is not "none").
func parsePinned(raw string, secret []byte) error {
	_, err := jwt.Parse(raw, func(*jwt.Token) (any, error) { return secret, nil }, jwt.WithValidMethods([]string{"HS256", "HS512"}))
	return err
}
