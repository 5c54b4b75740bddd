package jwx1

import (
	"github.com/lestrrat-go/jwx/jwa"
	"github.com/lestrrat-go/jwx/jwk"
	"github.com/lestrrat-go/jwx/jws"
	"github.com/lestrrat-go/jwx/jwt"
)

// ---- positives: v1 entry points that do not check the signature ----

func readFileNoKey(path string) (jwt.Token, error) {
	return jwt.ReadFile(path) // want `jwx v1 jwt.ReadFile without jwt.WithVerify or jwt.WithKeySet does not check the signature`
}

func verifyAutoOff(raw []byte) (jwt.Token, error) {
	return jwt.Parse(raw, jwt.WithVerifyAuto(false)) // want `jwx v1 jwt.Parse without jwt.WithVerify`
}

func jwsPayload(raw []byte) ([]byte, error) {
	msg, err := jws.Parse(raw) // want `jws.Parse returns a message whose signature nobody checked`
	if err != nil {
		return nil, err
	}
	return msg.Payload(), nil
}

// ---- negatives ----

func verifyAutoOn(raw []byte) (jwt.Token, error) {
	return jwt.Parse(raw, jwt.WithVerifyAuto(true))
}

func readFileWithKey(path string) (jwt.Token, error) {
	return jwt.ReadFile(path, jwt.WithVerify(jwa.RS256, pub))
}

func jwsParseThenVerifySet(raw []byte, set jwk.Set) ([]byte, error) {
	msg, err := jws.Parse(raw)
	if err != nil || len(msg.Signatures()) == 0 {
		return nil, err
	}
	return jws.VerifySet(raw, set)
}
