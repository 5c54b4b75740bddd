package jwtverify

// Library knowledge, as data. Every row was read from the library source in
// the module cache (versions in the package doc).

// golangJWT describes a golang-jwt style package (golang-jwt v3/v4/v5 and
// its forks dgrijalva/jwt-go and form3tech-oss/jwt-go, which share the API).
type golangJWT struct {
	// options: Parse and ParseWithClaims take ...ParserOption (v4, v5).
	options bool
	// exportedFields: Parser has exported ValidMethods and
	// SkipClaimsValidation fields (v3, v4, forks).
	exportedFields bool
	// unmaintained names the replacement when the package is abandoned.
	unmaintained string
}

var golangJWTPkgs = map[string]golangJWT{
	"github.com/golang-jwt/jwt/v5":    {options: true},
	"github.com/golang-jwt/jwt/v4":    {options: true, exportedFields: true},
	"github.com/golang-jwt/jwt":       {exportedFields: true},
	"github.com/form3tech-oss/jwt-go": {exportedFields: true},
	"github.com/dgrijalva/jwt-go":     {exportedFields: true, unmaintained: "github.com/golang-jwt/jwt/v5"},
}

// parseCall says where a verifying parse call of golang-jwt takes its key
// function and its options.
type parseCall struct {
	keyFunc int // index of the Keyfunc argument
	// opts is the index of the first ...ParserOption argument, or -1.
	opts int
	// onParser: the call is a *Parser method; the receiver carries the options.
	onParser bool
	// requestOpts: index of the first ...request.ParseFromRequestOption, or -1.
	requestOpts int
}

// golangJWTParse is keyed by the function's name within its package
// ("Parse", "Parser.Parse") for the jwt package, and "request.<name>" for
// its request subpackage.
var golangJWTParse = map[string]parseCall{
	"Parse":                                {keyFunc: 1, opts: 2, requestOpts: -1},
	"ParseWithClaims":                      {keyFunc: 2, opts: 3, requestOpts: -1},
	"Parser.Parse":                         {keyFunc: 1, opts: -1, onParser: true, requestOpts: -1},
	"Parser.ParseWithClaims":               {keyFunc: 2, opts: -1, onParser: true, requestOpts: -1},
	"request.ParseFromRequest":             {keyFunc: 2, opts: -1, requestOpts: 3},
	"request.ParseFromRequestWithClaims":   {keyFunc: 3, opts: -1, requestOpts: -1},
	"request.ParseFromRequestWithClaims/2": {keyFunc: 3, opts: -1, requestOpts: -1},
}

// golangJWTOptions are the golang-jwt ParserOption constructors that matter.
var golangJWTOptions = map[string]optEffect{
	"WithValidMethods":        {pins: true},
	"WithoutClaimsValidation": {skipsClaims: true},
}

// optEffect is what an option (or a set of options, or a parser) does.
type optEffect struct {
	pins        bool // restricts the accepted algorithms
	allowsNone  bool // ...to a list that contains "none"
	skipsClaims bool // turns claims validation (exp, nbf, ...) off
	unknown     bool // could not be followed
}

func (e optEffect) merge(o optEffect) optEffect {
	return optEffect{pins: e.pins || o.pins, allowsNone: e.allowsNone || o.allowsNone, skipsClaims: e.skipsClaims || o.skipsClaims, unknown: e.unknown || o.unknown}
}

// keyAlgs maps the verification key types golang-jwt's verifiers accept
// (each Verify type-asserts its key) to the algorithm to pin.
var keyAlgs = map[string]string{
	"[]byte":                   "HS256",
	"*crypto/rsa.PublicKey":    "RS256",
	"*crypto/ecdsa.PublicKey":  "ES256",
	"crypto/ed25519.PublicKey": "EdDSA",
}

// signingMethodTypes are the golang-jwt SigningMethod implementations a key
// function can type-assert token.Method to.
var signingMethodTypes = map[string]bool{
	"SigningMethodHMAC": true, "SigningMethodRSA": true, "SigningMethodRSAPSS": true,
	"SigningMethodECDSA": true, "SigningMethodEd25519": true,
}

// jwxJWT describes the jwt package of lestrrat-go/jwx.
type jwxJWT struct {
	// verifiesByDefault: Parse fails without a key unless WithVerify(false)
	// (v2, v3). In v1, Parse without a key option silently skips verification.
	verifiesByDefault bool
	// validatesByDefault: Parse validates exp/nbf/iat (v2, v3); v1 only with
	// WithValidate(true).
	validatesByDefault bool
	// boolVerifyAuto: WithVerifyAuto takes a bool (v1), so
	// WithVerifyAuto(false) supplies no key; v2/v3 take a jwk.Fetcher.
	boolVerifyAuto bool
}

var jwxJWTPkgs = map[string]jwxJWT{
	"github.com/lestrrat-go/jwx/jwt":    {boolVerifyAuto: true},
	"github.com/lestrrat-go/jwx/v2/jwt": {verifiesByDefault: true, validatesByDefault: true},
	"github.com/lestrrat-go/jwx/v3/jwt": {verifiesByDefault: true, validatesByDefault: true},
}

// jwxParseFuncs are the jwx jwt functions that parse a token, with the index
// of their first ...ParseOption argument (ReadFile's ...ReadFileOption
// passes its ParseOptions on to ParseReader). ParseCookie and ParseInsecure
// exist from v2 on.
var jwxParseFuncs = map[string]int{
	"Parse": 1, "ParseString": 1, "ParseReader": 1, "ReadFile": 1,
	"ParseHeader": 2, "ParseForm": 2, "ParseCookie": 2, "ParseRequest": 1,
	"ParseInsecure": 1,
}

// jwsParseFuncs are the jws functions that decode a message without
// checking its signature (v1-v3): what they return is unverified until
// jws.Verify checks the same bytes.
var jwsParseFuncs = map[string]bool{"Parse": true, "ParseString": true, "ParseReader": true, "ReadFile": true}

// jwsVerifyFuncs are the jws functions that check a signature, keyed by
// package path, with the index of the argument holding the message. v2 and
// v3 Verify fail without a key option, so every call verifies.
var jwsVerifyFuncs = map[string]map[string]int{
	"github.com/lestrrat-go/jwx/jws":    {"Verify": 0, "VerifySet": 0, "VerifyAuto": 0},
	"github.com/lestrrat-go/jwx/v2/jws": {"Verify": 0},
	"github.com/lestrrat-go/jwx/v3/jws": {"Verify": 0, "VerifyCompactFast": 1},
}

// jwxKeyOptions are the jwx jwt parse options that supply a verification key.
var jwxKeyOptions = map[string]bool{
	"WithVerify": true, // v1: WithVerify(alg, key); v2/v3: WithVerify(bool), handled apart
	"WithKey":    true, "WithKeySet": true, "WithKeySetProvider": true,
	"WithKeyProvider": true, "WithVerifyAuto": true,
}

// jwxAlgArgs are calls taking a signature algorithm that must not come from
// the token being verified: function name -> index of the alg argument.
// Keyed by package path.
var jwxAlgArgs = map[string]map[string]int{
	"github.com/lestrrat-go/jwx/jwt":    {"WithVerify": 0},
	"github.com/lestrrat-go/jwx/jws":    {"Verify": 1},
	"github.com/lestrrat-go/jwx/v2/jwt": {"WithKey": 0},
	"github.com/lestrrat-go/jwx/v2/jws": {"WithKey": 0},
	"github.com/lestrrat-go/jwx/v3/jwt": {"WithKey": 0},
	"github.com/lestrrat-go/jwx/v3/jws": {"WithKey": 0, "VerifyCompactFast": 2},
}

// jwxJWSPkgs: packages whose Headers.Algorithm() reads the token's own alg.
var jwxJWSPkgs = map[string]bool{
	"github.com/lestrrat-go/jwx/jws":    true,
	"github.com/lestrrat-go/jwx/v2/jws": true,
	"github.com/lestrrat-go/jwx/v3/jws": true,
}

// joseVersion describes a go-jose major version.
type joseVersion struct {
	// algList: ParseSigned takes the allowed signature algorithms (v4).
	algList bool
}

// josePkgs are the go-jose packages (jose and jose/jwt), keyed by path.
var josePkgs = map[string]joseVersion{
	"gopkg.in/square/go-jose.v2":        {},
	"gopkg.in/square/go-jose.v2/jwt":    {},
	"github.com/go-jose/go-jose/v3":     {},
	"github.com/go-jose/go-jose/v3/jwt": {},
	"github.com/go-jose/go-jose/v4":     {algList: true},
	"github.com/go-jose/go-jose/v4/jwt": {algList: true},
	"github.com/square/go-jose":         {},
	"github.com/square/go-jose/jwt":     {},
}

// joseUnverified are go-jose methods that return claims or payload without
// checking the signature.
var joseUnverified = map[string]bool{
	"JSONWebToken.UnsafeClaimsWithoutVerification":      true,
	"JSONWebSignature.UnsafePayloadWithoutVerification": true,
}

// joseParseSigned are go-jose functions parsing a signed object; before v4
// none of them restricts the algorithm. In v4 each takes the allowed
// signature algorithms ([]SignatureAlgorithm; ParseSignedCompact and
// ParseSignedJSON are v4's).
var joseParseSigned = map[string]bool{
	"ParseSigned": true, "ParseSignedAndEncrypted": true, "ParseDetached": true,
	"ParseSignedCompact": true, "ParseSignedJSON": true,
}

// oidcPkgs are the coreos/go-oidc packages holding Config.
var oidcPkgs = map[string]bool{
	"github.com/coreos/go-oidc/v3/oidc": true,
	"github.com/coreos/go-oidc":         true,
}

// oidcSkips are the oidc.Config switches, with the severity of setting one
// to true.
var oidcSkips = map[string]struct {
	sev  string
	what string
}{
	"InsecureSkipSignatureCheck": {"error", "skips the ID token's signature check: anyone can mint a token this verifier accepts"},
	"SkipExpiryCheck":            {"warning", "accepts expired ID tokens: a leaked token never stops working"},
	"SkipIssuerCheck":            {"note", "accepts ID tokens from any issuer: check the issuer yourself or drop the switch"},
	// Reported only with report-skip-client-id-check; a warning, so that
	// the setting shows something at the default severity threshold.
	"SkipClientIDCheck": {"warning", "accepts ID tokens minted for any client (audience): a token issued to another app logs in here"},
}

// verifyingPrefixes: a call to a function of another library (or of the
// project) whose name starts with one of these, after an unverified parse in
// the same function, is taken as the verification the unverified parse
// selected a key for.
var verifyingPrefixes = []string{"Verify", "verify"}
