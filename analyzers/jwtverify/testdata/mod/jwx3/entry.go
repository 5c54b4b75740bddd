package jwx3

import (
	"net/http"

	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jws"
	"github.com/lestrrat-go/jwx/v3/jwt"
)

// ---- positives ----

func cookieOff(r *http.Request) (jwt.Token, error) {
	return jwt.ParseCookie(r, "session", jwt.WithVerify(false)) // want `jwt.ParseCookie with jwt.WithVerify\(false\)`
}

func jwsReader(raw []byte) ([]byte, error) {
	msg, err := jws.Parse(raw) // want `jws.Parse returns a message whose signature nobody checked`
	if err != nil {
		return nil, err
	}
	return msg.Payload(), nil
}

func fastAlgFromToken(raw []byte) ([]byte, error) {
	msg, err := jws.Parse(raw)
	if err != nil {
		return nil, err
	}
	alg, _ := msg.Signatures()[0].ProtectedHeaders().Algorithm()
	return jws.VerifyCompactFast(pub, raw, alg) // want `the algorithm passed to VerifyCompactFast comes from the token's own header`
}

// ---- negatives ----

func fastFixedAlg(raw []byte) ([]byte, error) {
	msg, err := jws.Parse(raw)
	if err != nil || len(msg.Signatures()) != 1 {
		return nil, err
	}
	return jws.VerifyCompactFast(pub, raw, jwa.RS256())
}
