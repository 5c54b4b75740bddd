package sinks

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"os"

	"github.com/golang-jwt/jwt/v5"
)

// ---- positives: literals that reach a sink through a local or a decoder ----

func localSigningKey(t *jwt.Token) (string, error) {
	key := "l0cal-signing-k3y"
	return t.SignedString([]byte(key)) // want `hard-coded JWT signing key "l0ca…" passed to \(jwt.Token\).SignedString`
}

func decodedHMACKey(msg []byte) []byte {
	k, _ := base64.StdEncoding.DecodeString("c2VjcmV0LWhtYWMta2V5LTIwMjQ=")
	m := hmac.New(sha256.New, k) // want `hard-coded HMAC key "c2Vj…" passed to hmac.New`
	m.Write(msg)
	return m.Sum(nil)
}

func hexKey(t *jwt.Token) (string, error) {
	raw, err := hex.DecodeString("9f8e7d6c5b4a39281706f5e4d3c2b1a0")
	if err != nil {
		return "", err
	}
	return t.SignedString(raw) // want `hard-coded JWT signing key "9f8e…"`
}

func localPassword(req *http.Request) {
	var pw = "Tr0ub4dor&3x"
	req.SetBasicAuth("admin", pw) // want `hard-coded HTTP basic-auth password "Tr0u…" passed to \(http.Request\).SetBasicAuth`
}

// ---- negatives: the local is replaced, or decodes what the environment holds ----

func localReassigned(t *jwt.Token) (string, error) {
	key := "l0cal-default-k3y"
	if v := os.Getenv("JWT_KEY"); v != "" {
		key = v
	}
	return t.SignedString([]byte(key))
}

func decodedFromEnv(msg []byte) []byte {
	k, _ := base64.StdEncoding.DecodeString(os.Getenv("HMAC_KEY"))
	m := hmac.New(sha256.New, k)
	m.Write(msg)
	return m.Sum(nil)
}

func localPlaceholder(req *http.Request) {
	pw := "changeme"
	req.SetBasicAuth("admin", pw)
}
