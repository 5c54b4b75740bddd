// Package jose4 exercises github.com/go-jose/go-jose/v4, whose ParseSigned
// requires the allowed algorithms.
package jose4

import (
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"strings"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

var pub *rsa.PublicKey

// ---- positives ----

func unverified(raw string) (map[string]any, error) {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.RS256})
	if err != nil {
		return nil, err
	}
	out := map[string]any{}
	return out, tok.UnsafeClaimsWithoutVerification(&out) // want `go-jose UnsafeClaimsWithoutVerification returns data`
}

// ---- negatives ----

func verified(raw string) (jwt.Claims, error) {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.RS256})
	var c jwt.Claims
	if err != nil {
		return c, err
	}
	return c, tok.Claims(pub, &c)
}

func jws(raw string) ([]byte, error) {
	sig, err := jose.ParseSigned(raw, []jose.SignatureAlgorithm{jose.ES256})
	if err != nil {
		return nil, err
	}
	return sig.Verify(pub)
}

// ---- the allowed algorithms must not come from the token ----

// The header decoded by hand names the algorithm the parse allows.
func listFromHandDecoded(raw string) (jwt.Claims, error) {
	var c jwt.Claims
	var h struct {
		Alg string `json:"alg"`
	}
	b, err := base64.RawURLEncoding.DecodeString(strings.Split(raw, ".")[0])
	if err != nil {
		return c, err
	}
	if err := json.Unmarshal(b, &h); err != nil {
		return c, err
	}
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.SignatureAlgorithm(h.Alg)}) // want `the algorithms passed to jwt.ParseSigned come from the token's own header`
	if err != nil {
		return c, err
	}
	return c, tok.Claims(pub, &c)
}

var allAlgorithms = []jose.SignatureAlgorithm{jose.RS256, jose.ES256, jose.HS256, jose.EdDSA}

// A first parse accepting everything, then its header's alg as the list.
func listFromFirstParse(raw string) ([]byte, error) {
	peek, err := jose.ParseSigned(raw, allAlgorithms)
	if err != nil {
		return nil, err
	}
	algs := []jose.SignatureAlgorithm{jose.SignatureAlgorithm(peek.Signatures[0].Header.Algorithm)}
	sig, err := jose.ParseSignedCompact(raw, algs) // want `the algorithms passed to jose.ParseSignedCompact come from the token's own header`
	if err != nil {
		return nil, err
	}
	return sig.Verify(pub)
}

// A map decoded from the header.
func listFromMap(raw string) ([]byte, error) {
	b, _ := base64.RawURLEncoding.DecodeString(strings.Split(raw, ".")[0])
	hdr := map[string]any{}
	_ = json.Unmarshal(b, &hdr)
	alg, _ := hdr["alg"].(string)
	sig, err := jose.ParseSigned(raw, []jose.SignatureAlgorithm{jose.SignatureAlgorithm(alg)}) // want `the algorithms passed to jose.ParseSigned come from the token's own header`
	if err != nil {
		return nil, err
	}
	return sig.Verify(pub)
}

// The key's own algorithm, or the configuration's: pinned.
func listFromKey(raw string, key jose.JSONWebKey) ([]byte, error) {
	sig, err := jose.ParseSigned(raw, []jose.SignatureAlgorithm{jose.SignatureAlgorithm(key.Algorithm)})
	if err != nil {
		return nil, err
	}
	return sig.Verify(key)
}

type config struct {
	Alg string
}

func listFromConfig(raw string, cfg config) (jwt.Claims, error) {
	var c jwt.Claims
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.SignatureAlgorithm(cfg.Alg)})
	if err != nil {
		return c, err
	}
	return c, tok.Claims(pub, &c)
}

// The hand-decoded header picks the key id only; the list is fixed.
func kidFromHeader(raw string, keys map[string]*rsa.PublicKey) ([]byte, error) {
	var h struct {
		Alg string `json:"alg"`
		Kid string `json:"kid"`
	}
	b, _ := base64.RawURLEncoding.DecodeString(strings.Split(raw, ".")[0])
	_ = json.Unmarshal(b, &h)
	sig, err := jose.ParseSigned(raw, []jose.SignatureAlgorithm{jose.RS256})
	if err != nil {
		return nil, err
	}
	return sig.Verify(keys[h.Kid])
}
