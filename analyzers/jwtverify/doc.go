package jwtverify

const doc = `report JWTs parsed without pinning the algorithm, or not verified at all

A JWT names its own signing algorithm in its "alg" header. A server that
lets the token choose can be handed alg "none" or an HMAC token keyed with
the server's public RSA key; a server that never checks the signature has
no authentication at all (OWASP API2:2023, CWE-347, CWE-327).

What is flagged, per library (severity in brackets):

golang-jwt/jwt v3, v4, v5, dgrijalva/jwt-go, form3tech-oss/jwt-go
  - Parse, ParseWithClaims (package functions and *Parser methods) and
    request.ParseFromRequest[WithClaims] whose parser does not pin the
    algorithm (no WithValidMethods option, no Parser{ValidMethods: ...})
    and whose key function checks neither token.Method (type assertion,
    type switch, comparison, Method.Alg()) nor token.Header["alg"], itself
    or through a helper it calls.
    [warning] when the key function returns one concrete key type: every
    golang-jwt verifier type-asserts its key ([]byte for HS*, *rsa.PublicKey
    for RS*/PS*, *ecdsa.PublicKey for ES*, ed25519.PublicKey for EdDSA) and
    'none' needs the key UnsafeAllowNoneSignatureType, so the token cannot
    switch algorithm family today; RFC 8725 §3.1 still requires pinning,
    and the fix is one option. The message names the key type and the
    algorithm to pin; for v4/v5 package functions a suggested fix appends
    jwt.WithValidMethods([]string{"HS256"}) (or RS256, ES256, EdDSA).
    [warning] when the key function returns keys whose type is only known at
    run time (interface values from a map or key store, several types): the
    token's alg header then picks which verifier sees which key.
  - a key function that can return jwt.UnsafeAllowNoneSignatureType
    [error]; signing with SigningMethodNone or UnsafeAllowNoneSignatureType
    [error].
  - ParseUnverified, unless the same function also verifies that same
    token (the unverified parse picked the key or issuer) [warning].
  - claims validation switched off: v5 WithoutClaimsValidation(), v3/v4
    Parser{SkipClaimsValidation: true} or p.SkipClaimsValidation = true,
    unless the same function validates exp itself [warning].
  - a verifying parse whose error goes to the blank identifier while the
    function never reads token.Valid: golang-jwt returns the token and its
    claims even when the signature or expiry check fails [error].
  - any verifying parse with github.com/dgrijalva/jwt-go: unmaintained,
    CVE-2020-26160 (audience check bypass); move to golang-jwt/jwt/v5
    [warning].

  Bad:  jwt.Parse(raw, func(t *jwt.Token) (any, error) { return secret, nil })
  Good: jwt.Parse(raw, func(t *jwt.Token) (any, error) { return secret, nil },
            jwt.WithValidMethods([]string{"HS256"}))
  Good (v3/forks): p := &jwt.Parser{ValidMethods: []string{"RS256"}}

lestrrat-go/jwx v1, v2, v3
  - v1 jwt.Parse, ParseString, ParseReader, ParseHeader, ParseForm,
    ParseRequest, ReadFile without jwt.WithVerify, WithKeySet,
    WithKeySetProvider or WithVerifyAuto(true): v1 then skips the signature
    silently [warning].
  - v2/v3 jwt.Parse, ParseString, ParseReader, ParseHeader, ParseForm,
    ParseCookie, ParseRequest, ReadFile with jwt.WithVerify(false), and
    jwt.ParseInsecure, unless the same token is verified [warning]. (v2/v3
    Parse without a key fails closed and is not flagged.)
  - jws.Parse, ParseString, ParseReader, ReadFile (v1-v3) whose message is
    not verified: jws.Verify (v1 also VerifySet, VerifyAuto; v3 also
    VerifyCompactFast) of the same bytes, or a verifying call taking them
    [warning].
  - v2/v3 jwt.WithValidate(false) [warning].
  - jws.Verify / jwt.WithVerify (v1), jws.WithKey / jwt.WithKey (v2, v3),
    jws.VerifyCompactFast (v3) given an algorithm read from the token's own header
    (ProtectedHeaders().Algorithm()) [warning].

  Bad:  tok, err := jwt.Parse(raw, jwt.WithVerify(false))
  Good: tok, err := jwt.Parse(raw, jwt.WithKey(jwa.RS256, pub))

go-jose: gopkg.in/square/go-jose.v2, github.com/go-jose/go-jose/v3, /v4
  - UnsafeClaimsWithoutVerification and UnsafePayloadWithoutVerification,
    unless the same function also verifies (Claims(key, ...), Verify)
    [warning].
  - v2/v3 ParseSigned (jose or jwt package) whose object is verified in the
    same function without a deciding check of tok.Headers[i].Algorithm or
    sig.Signatures[i].Header.Algorithm (a mismatch that returns or exits;
    see "decides" below): before v4 go-jose takes no algorithm allow-list
    [warning: its verifiers are chosen by key type, but RFC 8725 §3.1
    requires pinning]. v4's ParseSigned, ParseSignedCompact,
    ParseSignedJSON, ParseDetached and jwt.ParseSigned(AndEncrypted) take
    the list: a list of fixed algorithms, the key's (JSONWebKey.Algorithm)
    or the configuration's is fine; a list built from the token's own
    header — a go-jose Header.Algorithm of an earlier parse, or the alg of
    a header the function decoded itself with json.Unmarshal — allows
    whatever the attacker names [warning].

  Bad:  tok, _ := jwt.ParseSigned(raw); tok.UnsafeClaimsWithoutVerification(&c)
  Good: tok, _ := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.RS256})
        err := tok.Claims(pub, &c)

coreos/go-oidc
  - oidc.Config{InsecureSkipSignatureCheck: true} [error],
    SkipExpiryCheck: true [warning], SkipIssuerCheck: true [note: the
    signature is still checked against the provider's keys, and
    multi-tenant providers need it], and with the setting
    report-skip-client-id-check SkipClientIDCheck: true [warning], in a literal or an assignment, when the value is the constant
    true (a value read from configuration is not a decision made in code
    and is not flagged), unless every Verify of the function discards the
    ID token (a relaxed verifier used only to tell a JWT from an opaque
    token, as dex's introspection endpoint does).

  Bad:  p.Verifier(&oidc.Config{ClientID: id, InsecureSkipSignatureCheck: true})
  Good: p.Verifier(&oidc.Config{ClientID: id})

What is not flagged: parsers pinned by an option, a Parser field, or a key
function that checks the algorithm — also when the option list, the parser
or the key function is built in a helper, a struct field, a variable or
another package (the analyzer follows local and package variables,
append, NewParser, request.WithParser, factories returning key functions,
and exports facts for key functions, algorithm-check helpers and option
helpers so other packages see them); code that only signs tokens with a
real algorithm.

Heuristics and limits:
  - A key function or an option list the analyzer cannot see into (a
    parameter, an interface method, a func-typed field, a function of a
    library it does not model such as a JWKS client) is assumed to be fine:
    those parses are not reported.
  - A key function counts as checking the algorithm when it (or a helper it
    passes the token to) asserts, switches on or compares token.Method,
    calls token.Method.Alg(), or compares token.Header["alg"] — and the
    outcome decides: it is the condition of an if whose branch stops
    (return, panic, log.Fatal, os.Exit, continue), the tag of a switch with
    a clause that stops, a helper's returned verdict, or a variable used so.
    A mismatch branch that only logs, an alg read only to be logged or to
    look a key up (keys[alg]), or a comparison with nil or "" is no check;
    a parse also counts as checked when its function decodes the JOSE
    header by hand (strings.Split, base64, json.Unmarshal into a struct or
    map) and checks its alg — a field named Alg or Algorithm or tagged
    json:"alg", or the map's "alg" entry — by the same rule: only a check
    whose mismatch stops counts.
  - An unverified parse (ParseUnverified, Unsafe*WithoutVerification,
    ParseInsecure, WithVerify(false), jwx v1 without key) is not reported
    when: its function also verifies the same token (a verifying library
    call, a function of the project that makes one — across packages
    through a fact — or any call named Verify*/verify* given that token;
    "same" follows variables, conversions, strings trimming and library
    parses back to their source); every caller of its function verifies
    the argument it passes (it read a scope or issuer to pick the key); its
    function is an exported wrapper named (Unverified, Insecure, Unsafe) and
    documented ("does not verify") as unverified — then each call of the
    wrapper, in any package, is judged as an unverified parse of the token
    it passes (pocketbase's security.ParseUnverifiedJWT), except in a
    function literal that only forwards its parameter to it (a scripting
    binding re-exporting the wrapper); a call through an interface counts
    as verifying when a method of that name that verifies (from a fact or
    this package) belongs to a type implementing the interface; the raw token
    is handed on afterwards to code that is not known to skip verification
    (a policy engine, an RPC) — logging does not count; or the token is an
    ID token from the OAuth2 token endpoint ((*oauth2.Token).Extra), which
    OpenID Connect Core 3.1.3.7 lets a client accept on the strength of
    TLS.
  - Claims-validation switches are not reported when the function reads
    the time claims itself (Valid, Validate, ExpiresAt, IssuedAt,
    NotBefore, "exp", ...) or only calls ParseUnverified.
  - A discarded parse error is reported only when the function never reads
    token.Valid.
  - Test files are skipped by the driver unless -tests is given.

Settings (the jwtverify section of .apivet.yml):

  report-skip-client-id-check: false
      Also report oidc.Config{SkipClientIDCheck: true}. Off by default:
      on real code it marked resource servers that accept the tokens of all
      their clients by design, or that check audiences themselves.

Suppress a finding with //apivet:ignore jwtverify <reason> on the line or
the line above.`
