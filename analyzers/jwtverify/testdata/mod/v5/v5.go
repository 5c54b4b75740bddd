// Package v5 exercises golang-jwt/jwt/v5.
package v5

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/golang-jwt/jwt/v5/request"

	"example.com/jwtcases/keys"
)

type Claims struct {
	Role string `json:"role"`
	jwt.RegisteredClaims
}

var (
	secret []byte
	pub    *rsa.PublicKey
	ecPub  *ecdsa.PublicKey
	edPub  ed25519.PublicKey
)

// ---- positives ----

func literalHMAC(raw string) (*Claims, error) {
	claims := &Claims{}
	_, err := jwt.ParseWithClaims(raw, claims, func(t *jwt.Token) (any, error) { // want `jwt.ParseWithClaims does not pin the signing algorithm; pin HS256 \(jwt.WithValidMethods\(\[\]string\{"HS256"\}\)\)`
		return secret, nil
	})
	return claims, err
}

func rsaKey(t *jwt.Token) (any, error) { // want rsaKey:`jwtkey\(keys \*crypto/rsa.PublicKey\)`
	return pub, nil
}

func namedRSA(raw string) error {
	_, err := jwt.Parse(raw, rsaKey) // want `pin RS256 .* returns \*rsa.PublicKey`
	return err
}

func crossPackageKeyFunc(raw string) error {
	_, err := jwt.Parse(raw, keys.HMACKey, jwt.WithLeeway(time.Minute)) // want `jwt.Parse does not pin .* pin HS256 .* returns \[\]byte`
	return err
}

func runtimeKeyType(raw string, ks *keys.KeyStore) error {
	_, err := jwt.Parse(raw, ks.Lookup) // want `returns a type known only at run time without checking token.Method, so the token's alg header picks the verifier`
	return err
}

func sharedLooseParser(raw string) error {
	_, err := keys.LooseParser.ParseWithClaims(raw, &Claims{}, keys.HMACKey) // want `LooseParser.ParseWithClaims does not pin`
	return err
}

func helperOptionsNotPinning(raw string) error {
	p := jwt.NewParser(keys.AudienceOptions("api")...)
	_, err := p.Parse(raw, keys.HMACKey) // want `p.Parse does not pin`
	return err
}

func allowsNone(raw string) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) { // want `can return UnsafeAllowNoneSignatureType: a token with alg "none" and no signature passes`
		if t.Header["kid"] == "legacy" {
			return jwt.UnsafeAllowNoneSignatureType, nil
		}
		return secret, nil
	})
	return err
}

func variadicLocalOpts(raw string) error {
	opts := []jwt.ParserOption{jwt.WithLeeway(time.Second)}
	opts = append(opts, jwt.WithIssuedAt())
	_, err := jwt.Parse(raw, keys.HMACKey, opts...) // want `jwt.Parse does not pin`
	return err
}

func ecdsaKey(raw string) error {
	_, err := jwt.Parse(raw, func(*jwt.Token) (any, error) { return ecPub, nil }) // want `pin ES256 .* returns \*ecdsa.PublicKey`
	return err
}

func edKey(raw string) error {
	kf := func(*jwt.Token) (any, error) { return edPub, nil }
	_, err := jwt.Parse(raw, kf) // want `pin EdDSA .* returns ed25519.PublicKey`
	return err
}

func factoryNotChecking(raw string) error {
	_, err := jwt.Parse(raw, keys.LooseRSAKeyFunc(pub)) // want `pin RS256 .* returns \*rsa.PublicKey`
	return err
}

func mixedKeys(raw string) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) { // want `returns \*rsa.PublicKey or \[\]byte without checking token.Method`
		if t.Header["kid"] == "internal" {
			return secret, nil
		}
		return pub, nil
	})
	return err
}

func fromRequest(r *http.Request) error {
	_, err := request.ParseFromRequest(r, request.OAuth2Extractor, keys.HMACKey, request.WithClaims(&Claims{})) // want `request.ParseFromRequest does not pin`
	return err
}

type verifier struct {
	parser *jwt.Parser
}

func newVerifier() *verifier {
	return &verifier{parser: jwt.NewParser(jwt.WithExpirationRequired())}
}

func (v *verifier) verify(raw string) error {
	_, err := v.parser.Parse(raw, keys.HMACKey) // want `v.parser.Parse does not pin|Parse does not pin`
	return err
}

func unverifiedClaimsDecide(raw string) (string, error) {
	claims := &Claims{}
	if _, _, err := jwt.NewParser().ParseUnverified(raw, claims); err != nil { // want `jwt ParseUnverified returns claims whose signature nobody checked: nothing in this function verifies the token`
		return "", err
	}
	if claims.Role != "admin" {
		return "", errors.New("forbidden")
	}
	return claims.Subject, nil
}

func noClaimsValidation(raw string) error {
	_, err := jwt.Parse(raw, keys.CheckedHMACKey, jwt.WithoutClaimsValidation()) // want `jwt.WithoutClaimsValidation turns off the exp, nbf and iat checks`
	return err
}

func signNone() (string, error) {
	tok := jwt.New(jwt.SigningMethodNone)                     // want `token signed with SigningMethodNone`
	return tok.SignedString(jwt.UnsafeAllowNoneSignatureType) // want `token signed with UnsafeAllowNoneSignatureType`
}

// ---- negatives ----

func pinnedOption(raw string) error {
	_, err := jwt.Parse(raw, func(*jwt.Token) (any, error) { return secret, nil }, jwt.WithValidMethods([]string{"HS256"}))
	return err
}

func crossPackageChecked(raw string) error {
	_, err := jwt.Parse(raw, keys.CheckedHMACKey)
	return err
}

func factoryChecking(raw string) error {
	_, err := jwt.Parse(raw, keys.RSAKeyFunc(pub))
	return err
}

func sharedPinnedParser(raw string) error {
	_, err := keys.Parser.Parse(raw, rsaKey)
	return err
}

func helperOptions(raw string) error {
	_, err := jwt.Parse(raw, keys.HMACKey, keys.ParserOptions()...)
	return err
}

func localOptsAppend(raw string, strict bool) error {
	var opts []jwt.ParserOption
	if strict {
		opts = append(opts, jwt.WithValidMethods([]string{"HS256"}))
	}
	_, err := jwt.Parse(raw, keys.HMACKey, opts...)
	return err
}

func typeSwitch(raw string) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		switch t.Method.(type) {
		case *jwt.SigningMethodRSA:
			return pub, nil
		default:
			return nil, fmt.Errorf("unexpected method %s", t.Method.Alg())
		}
	})
	return err
}

func methodCompare(raw string) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		if t.Method != jwt.SigningMethodHS256 {
			return nil, errors.New("bad alg")
		}
		return secret, nil
	})
	return err
}

func headerAlg(raw string) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		if alg, _ := t.Header["alg"].(string); alg != "HS512" {
			return nil, errors.New("bad alg")
		}
		return secret, nil
	})
	return err
}

func keyFuncParam(raw string, kf jwt.Keyfunc) error {
	_, err := jwt.Parse(raw, kf) // can't see the key function: not reported
	return err
}

func optionsParam(raw string, opts ...jwt.ParserOption) error {
	_, err := jwt.Parse(raw, keys.HMACKey, opts...) // options from the caller: not reported
	return err
}

func unverifiedSelectsKey(raw string) error {
	unverified, _, err := jwt.NewParser().ParseUnverified(raw, &jwt.RegisteredClaims{})
	if err != nil {
		return err
	}
	iss, _ := unverified.Claims.GetIssuer()
	kf := keys.RSAKeyFunc(issuerKeys[iss])
	_, err = jwt.ParseWithClaims(raw, &Claims{}, kf)
	return err
}

var issuerKeys map[string]*rsa.PublicKey

func claimsValidatedByHand(raw string) error {
	claims := &Claims{}
	_, err := jwt.ParseWithClaims(raw, claims, keys.CheckedHMACKey, jwt.WithoutClaimsValidation())
	if err != nil {
		return err
	}
	return jwt.NewValidator(jwt.WithLeeway(time.Hour)).Validate(claims)
}

func pinnedHelperParser(raw string) error {
	_, err := keys.NewPinnedParser().Parse(raw, keys.HMACKey)
	return err
}

func fromRequestPinned(r *http.Request) error {
	p := jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}))
	_, err := request.ParseFromRequest(r, request.OAuth2Extractor, keys.HMACKey, request.WithParser(p))
	return err
}

type pinnedVerifier struct {
	parser *jwt.Parser
}

func newPinnedVerifier() *pinnedVerifier {
	v := &pinnedVerifier{}
	v.parser = jwt.NewParser(keys.ParserOptions()...)
	return v
}

func (v *pinnedVerifier) verify(raw string) error {
	_, err := v.parser.Parse(raw, keys.HMACKey)
	return err
}

func (v *pinnedVerifier) key(t *jwt.Token) (any, error) { // want key:`jwtkey\(checks alg; keys \*crypto/rsa.PublicKey\)`
	if err := keys.RequireRS256(t); err != nil {
		return nil, err
	}
	return pub, nil
}

func (v *pinnedVerifier) verifyWithMethod(raw string) error {
	_, err := jwt.Parse(raw, v.key)
	return err
}

func sign(c *Claims) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(secret)
}

func keyFuncAlwaysFails(raw string) error {
	_, err := jwt.Parse(raw, func(*jwt.Token) (any, error) { return nil, errors.New("disabled") })
	return err
}

// The raw token goes on to a policy engine that verifies it (as
// ardanlabs/service does with OPA): not reported.
func unverifiedThenPolicy(raw string) (string, error) {
	claims := &Claims{}
	tok, _, err := jwt.NewParser().ParseUnverified(raw, claims)
	if err != nil {
		return "", err
	}
	kid, _ := tok.Header["kid"].(string)
	input := map[string]any{"Key": kid, "Token": raw}
	if err := evaluatePolicy(input); err != nil {
		return "", err
	}
	return claims.Subject, nil
}

func evaluatePolicy(input map[string]any) error { return nil }

// Only logged after the unverified parse: still reported.
func unverifiedLogged(raw string) string {
	claims := &Claims{}
	_, _, _ = jwt.NewParser().ParseUnverified(raw, claims) // want `ParseUnverified returns claims whose signature nobody checked`
	fmt.Println("token", raw)
	return claims.Role
}

// A DPoP-style proof: the header is decoded by hand, its alg checked, and
// the key comes from the header itself (casdoor). Not reported.
func dpopProof(raw string, header struct {
	Alg string
	Key any
}, now time.Time) error {
	if header.Alg == "" || strings.HasPrefix(header.Alg, "HS") {
		return errors.New("symmetric proof")
	}
	claims := &Claims{}
	_, err := jwt.ParseWithClaims(raw, claims, func(*jwt.Token) (any, error) { return header.Key, nil }, jwt.WithoutClaimsValidation())
	if err != nil {
		return err
	}
	if claims.IssuedAt == nil || now.Sub(claims.IssuedAt.Time) > time.Minute {
		return errors.New("stale proof")
	}
	return nil
}
