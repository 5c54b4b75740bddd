package dataexposure

import (
	"go/types"
	"strings"

	"github.com/apivet/apivet/internal/httpmodel"
	"github.com/apivet/apivet/internal/persist"
	"github.com/apivet/apivet/internal/source"
	"github.com/apivet/apivet/internal/words"
)

// A struct that is no persistence model can carry a secret to the client
// just as well: a settings struct with the SMTP password, a provider
// config with its client secret, a service's result with the user's hash.
// This is gosec G117's rule, limited to values the HTTP model sees
// written to a response (G117 flags every marshal).

// plainSecrets returns the exposure of the non-model struct u (at path)
// if it carries secrets to the client, else nil.
//
// Response types are often built to show a secret to whom may see it (a
// share's password once unlocked, a WebDAV password to its owner, an
// admin's SMTP form): only two kinds are reported, a configuration
// struct (loaded from a file or the environment: yaml, toml,
// mapstructure, env... tags) with any secret, and secrets no one is
// shown (a hash, a salt, a private, signing or encryption key) in any
// struct. Not secrets here:
// fields json:"-", assigned before the response (masked), of a type that
// holds no secret (TokenType string is a name, not a token; HasPassword
// bool, TokenCount int, ExpiresIn), and the credential a login, token,
// refresh or OAuth endpoint (or one creating an API key) issues: sending
// it is the endpoint's purpose.
func (w *walker) plainSecrets(u *types.Named, path string, masked map[string]bool) *exposure {
	if w.fromRequest() {
		return nil // the client's own request body sent back
	}
	config := configStruct(u)
	var leaks []leak
	for _, f := range persist.Fields(u) {
		if !w.fieldSerialized(f) || masked[f.Name()] {
			continue
		}
		phrase, ok := persist.Sensitive(f)
		if !ok || clearedThrough(masked, f) {
			continue
		}
		if !config && !neverShown(f, phrase) {
			continue // a response type built to show it (share password, the owner's key)
		}
		if issuable[phrase] && (w.issuing(u, path) || path == "" && w.ownerChecked()) {
			continue
		}
		leaks = append(leaks, leak{f, phrase})
	}
	if len(leaks) == 0 {
		return nil
	}
	return &exposure{model: u, path: path, leaks: leaks, plain: true}
}

// fromRequest: the response's root variable is a bind target of the
// handler (c.ShouldBindJSON(&req) ... c.JSON(200, req)).
func (w *walker) fromRequest() bool {
	if w.root == nil || w.h == nil {
		return false
	}
	for _, in := range w.h.Inputs {
		if in.Target != nil && source.RootVar(w.pass.TypesInfo, in.Target) == w.root {
			return true
		}
	}
	return false
}

// An endpoint issues credentials when the words of the handler's name,
// of the response type, of the key the value is sent under or of a route
// path to it form an issuing action: a login, sign-up, registration or
// OAuth/SSO step (issuingActions), a verb that makes a credential
// (issuingVerbs: CreateSession, IssueToken, RefreshToken, CreateAPIKey,
// RegenerateKey; add with a credential noun: AddAPIKey), an OAuth token
// endpoint (/oauth/token, OAuth2Token), or a POST or
// PUT to a collection of credentials (POST /api-keys, POST /sessions).
// A credential noun alone is no issuer: GetSession, ListKeys,
// sessionView, appWithKey and getTokenUsage read one.

// issuingActions are the words of a login, sign-up or OAuth step.
var issuingActions = []string{
	"login", "logon", "signin", "sign in", "log in", "signup", "sign up", "register", "registration",
	"authenticate", "authorize", "callback", "sso", "saml", "token pair",
}

// issuingVerbs make a new credential (or a record that carries one, shown
// once: createIntegration with its client secret).
var issuingVerbs = []string{
	"issue", "issued", "create", "generate", "generated", "regenerate", "rotate", "reset", "refresh",
	"renew", "exchange", "mint", "grant", "enroll", "invite", "new",
}

// oauthWords, with a token word, name an OAuth token endpoint.
var oauthWords = []string{"oauth", "oauth2", "oidc", "openid"}

// credentialNouns are the last words of a path to a collection of
// credentials, which a POST or PUT adds to.
var credentialNouns = []string{
	"token", "tokens", "key", "keys", "apikey", "apikeys", "session", "sessions", "secret", "secrets",
	"credential", "credentials",
}

// mfaWords, with verify or confirm, name the last step of a login.
var mfaWords = []string{"otp", "totp", "mfa", "2fa"}

// issuingName reports whether the words of a name form an issuing action.
func issuingName(name string) bool {
	ws := words.Split(name)
	if strings.Contains(name, "$") && len(ws) > 0 && (ws[0] == "new" || ws[0] == "make") {
		ws = ws[1:] // a handler factory's constructor: NewAppHandler$1
	}
	has := func(list []string) bool {
		for _, p := range list {
			if words.Index(ws, p) >= 0 {
				return true
			}
		}
		return false
	}
	switch {
	case has(issuingActions), has(issuingVerbs):
		return true
	case has(oauthWords) && has([]string{"token", "tokens"}):
		return true
	case has([]string{"verify", "confirm"}) && has(mfaWords):
		return true
	case has([]string{"add"}) && has(credentialNouns): // AddAPIKey, addToken
		return true
	}
	return false
}

// issuingRoute reports whether a route is an issuing endpoint: its path
// (parameters aside) names an issuing action, or it is a POST or PUT to a
// collection of credentials (POST /api-keys, not POST /api-keys/:id).
func issuingRoute(rt *httpmodel.Route) bool {
	var lit []string
	param := false // the path ends in a parameter: one record, not the collection
	for _, seg := range strings.Split(rt.Path, "/") {
		if seg == "" {
			continue
		}
		param = strings.ContainsAny(seg, ":{}*<>?")
		if !param {
			lit = append(lit, seg)
		}
	}
	if len(lit) == 0 {
		return false
	}
	if issuingName(strings.Join(lit, " ")) {
		return true
	}
	if param || rt.Method != "POST" && rt.Method != "PUT" {
		return false
	}
	last := words.Split(lit[len(lit)-1])
	if len(last) == 0 {
		return false
	}
	for _, n := range credentialNouns {
		if last[len(last)-1] == n {
			return true
		}
	}
	return false
}

// issuing reports whether the endpoint's purpose is to hand out the
// credential: a login, token, refresh, OAuth or key-creating endpoint.
func (w *walker) issuing(u *types.Named, path string) bool {
	if issuingName(u.Obj().Name()) || issuingName(path) {
		return true
	}
	if w.h == nil {
		return false
	}
	if issuingName(w.h.Name) {
		return true
	}
	if w.hm != nil {
		for _, rt := range w.hm.RoutesTo(w.h) {
			if issuingRoute(rt) {
				return true
			}
		}
	}
	return false
}

// configTagKeys are the tags of configuration loaders: a struct with one
// of them is configuration, whose secrets no client needs.
var configTagKeys = []string{"yaml", "toml", "mapstructure", "env", "envconfig", "ini", "koanf", "hcl", "envDefault"}

func configStruct(u *types.Named) bool {
	for _, f := range persist.Fields(u) {
		for _, k := range configTagKeys {
			if _, ok := f.Tag.Lookup(k); ok {
				return true
			}
		}
	}
	return false
}

// neverShownPhrases are secrets that no client is shown, whoever it is.
var neverShownPhrases = map[string]bool{
	"salt": true, "private key": true, "signing key": true, "encryption key": true, "master key": true,
}

// storedForm are words of a name that say it holds a secret's stored
// form (PasswordHash, hashed_token, EncryptedKey): useless to a client,
// and an offline attack on the secret for whoever gets it.
var storedForm = []string{"hash", "hashed", "digest", "bcrypt", "crypt", "encrypted", "ciphertext"}

func neverShown(f persist.Field, phrase string) bool {
	return neverShownPhrases[phrase] || words.ContainsAny(f.Name(), storedForm) || f.Key != "" && words.ContainsAny(f.Key, storedForm)
}
