package dataexposure

import (
	"go/types"

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

// issuingWords, in the name of the handler, of a route path to it, of
// the response type or of the key the value is sent under, say that the
// endpoint hands out credentials.
var issuingWords = []string{
	"login", "logon", "signin", "sign in", "log in", "token", "tokens", "refresh", "oauth", "oauth2", "oidc",
	"openid", "sso", "saml", "callback", "auth", "authenticate", "authorize", "register", "registration",
	"signup", "sign up", "session", "sessions", "exchange", "issue", "generate", "create", "regenerate",
	"rotate", "reset", "api key", "apikey", "apikeys", "key", "keys", "credential", "credentials", "invite",
	"enroll", "totp", "mfa", "otp", "verify",
}

// issuing reports whether the endpoint's purpose is to hand out the
// credential: a login, token, refresh, OAuth or key-creating endpoint.
func (w *walker) issuing(u *types.Named, path string) bool {
	names := []string{u.Obj().Name(), path}
	if w.h != nil {
		names = append(names, w.h.Name)
		if w.hm != nil {
			for _, rt := range w.hm.RoutesTo(w.h) {
				names = append(names, rt.Path)
			}
		}
	}
	for _, n := range names {
		if words.ContainsAny(n, issuingWords) {
			return true
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
