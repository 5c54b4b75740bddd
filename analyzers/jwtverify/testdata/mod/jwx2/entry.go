package jwx2

import (
	"net/http"
	"net/url"

	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jws"
	"github.com/lestrrat-go/jwx/v2/jwt"
)

// ---- positives: every entry point with verification off ----

func cookieOff(r *http.Request) (jwt.Token, error) {
	return jwt.ParseCookie(r, "session", jwt.WithVerify(false)) // want `jwt.ParseCookie with jwt.WithVerify\(false\) returns claims whose signature nobody checked`
}

func headerOff(h http.Header) (jwt.Token, error) {
	return jwt.ParseHeader(h, "Authorization", jwt.WithVerify(false)) // want `jwt.ParseHeader with jwt.WithVerify\(false\)`
}

func formOff(v url.Values) (jwt.Token, error) {
	return jwt.ParseForm(v, "access_token", jwt.WithVerify(false)) // want `jwt.ParseForm with jwt.WithVerify\(false\)`
}

func fileOff(path string) (jwt.Token, error) {
	return jwt.ReadFile(path, jwt.WithVerify(false)) // want `jwt.ReadFile with jwt.WithVerify\(false\)`
}

func jwsString(raw string) ([]byte, error) {
	msg, err := jws.ParseString(raw) // want `jws.ParseString returns a message whose signature nobody checked`
	if err != nil {
		return nil, err
	}
	return msg.Payload(), nil
}

// Verifies one token and trusts the claims of another: reported.
func otherTokenVerified(session, forwarded []byte) (string, error) {
	if _, err := jwt.Parse(session, jwt.WithKey(jwa.RS256, pub)); err != nil {
		return "", err
	}
	fwd, err := jwt.ParseInsecure(forwarded) // want `jwt.ParseInsecure returns claims whose signature nobody checked`
	if err != nil {
		return "", err
	}
	return fwd.Subject(), nil
}

// ---- negatives ----

func cookieVerified(r *http.Request) (jwt.Token, error) {
	return jwt.ParseCookie(r, "session", jwt.WithKey(jwa.RS256, pub))
}

func jwsParseThenVerify(raw []byte) ([]byte, error) {
	msg, err := jws.Parse(raw)
	if err != nil || len(msg.Signatures()) != 1 {
		return nil, err
	}
	return jws.Verify(raw, jws.WithKey(jwa.RS256, pub))
}

// The same request's token is parsed unverified and then verified.
func requestPeekThenVerify(r *http.Request) (jwt.Token, error) {
	if _, err := jwt.ParseRequest(r, jwt.WithVerify(false)); err != nil {
		return nil, err
	}
	return jwt.ParseRequest(r, jwt.WithKey(jwa.RS256, pub))
}
