// Package secretname tells from an identifier, field or key name whether
// it holds a secret (a password, token, API or private key): the
// knowledge hardcodedsecret (a secret written in code) and logleak (a
// secret written to logs) share.
package secretname

import (
	"strings"

	"github.com/apivet/apivet/internal/words"
)

// A name says it holds a secret when its head — the last word, after
// dropping neutral suffixes such as "value" or "default" — is a secret
// noun (password, secret, token, credentials) or "key" qualified by a
// word that makes it a credential (api key, private key, signing key).
// Everything else is about a secret without being one: TokenURL,
// PasswordField, SecretName, TokenType, passwordResetPath. A leading
// word such as "err", "msg" or "env" marks an error, a message or the
// name of the place a secret is read from: ErrInvalidToken, MsgBadPassword,
// EnvAPIKey.

var secretNoun = map[string]bool{
	"password": true, "passwd": true, "pwd": true, "passphrase": true, "pw": true,
	"secret": true, "token": true, "apikey": true, "credential": true, "credentials": true,
	"creds": true, "cred": true, "privatekey": true, "secretkey": true, "accesskey": true,
	"authkey": true, "passkey": true, "clientsecret": true, "accesstoken": true, "authtoken": true,
}

// keyModifier turns "key" into a credential: "api key", "signing key".
var keyModifier = map[string]bool{
	"api": true, "private": true, "secret": true, "access": true, "signing": true, "sign": true,
	"encryption": true, "encrypt": true, "enc": true, "auth": true, "hmac": true, "jwt": true,
	"master": true, "session": true, "cookie": true, "aes": true, "crypto": true, "cipher": true,
	"app": true, "client": true, "license": true, "shared": true, "webhook": true, "service": true,
	"account": true, "storage": true, "subscription": true, "mac": true, "sas": true, "rsa": true,
}

// passModifier turns the ambiguous "pass" into a password: "db pass".
var passModifier = map[string]bool{
	"db": true, "user": true, "admin": true, "root": true, "smtp": true, "mail": true, "email": true,
	"ftp": true, "redis": true, "mysql": true, "pg": true, "postgres": true, "sql": true, "login": true,
	"basic": true, "auth": true, "proxy": true, "account": true, "database": true, "ldap": true,
}

// tokenNonSecret are words that, before "token", make it a parser,
// pagination or cancellation token rather than a credential (a "state"
// token is OAuth's CSRF state or a signed upload state, as in the
// docker registry's _state).
var tokenNonSecret = map[string]bool{
	"page": true, "next": true, "prev": true, "previous": true, "continuation": true, "cursor": true,
	"cancel": true, "cancellation": true, "sync": true, "resume": true, "lexer": true, "parse": true,
	"parser": true, "eof": true, "start": true, "end": true, "first": true, "last": true, "current": true,
	"peek": true, "invalid": true, "bad": true, "expired": true, "missing": true, "empty": true,
	"unknown": true, "csrf": true, "xsrf": true, "idempotency": true, "retry": true, "lock": true,
	"fencing": true, "pagination": true, "change": true, "watch": true, "continue": true, "delimiter": true,
	"separator": true, "sep": true, "split": true, "special": true, "stop": true, "bos": true,
	"pad": true, "unk": true, "mask": true, "max": true, "min": true, "num": true, "state": true,
}

// neutralSuffix words follow a secret noun without changing what the
// name holds: JWTSecretDefault, apiKeyValue, tokenStr, adminPassword2.
var neutralSuffix = map[string]bool{
	"value": true, "val": true, "str": true, "string": true, "bytes": true, "b64": true, "base64": true,
	"hex": true, "raw": true, "plain": true, "plaintext": true, "default": true, "fallback": true,
	"dev": true, "prod": true, "production": true, "staging": true, "local": true, "const": true,
	"literal": true, "data": true, "text": true,
}

// leadingNonSecret words at the start of a name mark an error, message,
// label, pattern, lookup key or flag about a secret, not the secret.
var leadingNonSecret = map[string]bool{
	"err": true, "error": true, "errors": true, "msg": true, "message": true, "label": true,
	"text": true, "title": true, "desc": true, "description": true, "hint": true, "help": true,
	"i18n": true, "tmpl": true, "template": true, "fmt": true, "format": true, "re": true,
	"regex": true, "regexp": true, "pattern": true, "path": true, "route": true, "url": true,
	"uri": true, "endpoint": true, "header": true, "env": true, "envvar": true, "flag": true,
	"param": true, "query": true, "field": true, "column": true, "col": true, "name": true,
	"is": true, "has": true, "use": true, "enable": true, "enabled": true, "disable": true,
	"should": true, "must": true, "can": true, "allow": true, "num": true, "max": true, "min": true,
	"len": true, "count": true, "invalid": true, "missing": true, "no": true, "empty": true,
	"expired": true, "bad": true, "wrong": true, "incorrect": true, "key": true, "keys": true,
	"file": true, "filename": true, "dir": true, "type": true, "kind": true, "mime": true,
	"json": true, "yaml": true, "xml": true, "form": true, "input": true, "placeholder": true,
	"example": true, "sample": true, "dummy": true, "fake": true, "mock": true, "test": true,
	"redacted": true, "masked": true, "mask": true, "hidden": true, "log": true, "metric": true,
	"metrics": true, "event": true, "action": true, "permission": true, "perm": true, "scope": true,
	"claim": true, "ctx": true, "context": true, "cache": true,
	"validate": true, "verify": true, "check": true, "get": true, "set": true,
	"generate": true, "gen": true, "reset": true, "forgot": true, "change": true, "update": true,
	"create": true, "delete": true, "revoke": true, "rotate": true, "hash": true,
	"hashed": true, "encrypted": true, "crypted": true, "public": true, "pub": true,
	"prefix": true, "suffix": true, "sep": true, "char": true, "chars": true, "charset": true,
	"alphabet": true, "policy": true, "rule": true, "rules": true, "grant": true,
}

// Is reports whether an identifier or key names a secret, and returns
// its lowercase words either way.
func Is(name string) ([]string, bool) {
	ws := words.Split(name)
	if len(ws) == 0 {
		return nil, false
	}
	if leadingNonSecret[ws[0]] && len(ws) > 1 {
		return ws, false
	}
	// Drop trailing digits ("apiKey2" -> "key") and neutral suffixes.
	end := len(ws)
	for end > 1 {
		w := strings.TrimRight(ws[end-1], "0123456789")
		if w == "" || neutralSuffix[w] {
			end--
			continue
		}
		break
	}
	head := strings.TrimRight(ws[end-1], "0123456789")
	prev := ""
	if end > 1 {
		prev = ws[end-2]
	}
	switch {
	case head == "key" || head == "keys":
		return ws, keyModifier[prev] || strings.HasSuffix(prev, "api")
	case head == "pass":
		return ws, passModifier[prev]
	case head == "token":
		return ws, !tokenNonSecret[prev]
	case head == "secret" || head == "secrets":
		return ws, true
	}
	if secretNoun[head] {
		return ws, true
	}
	// One-word spellings with a known noun at the end: "dbpassword", "apitoken", "jwtsecret".
	if end == 1 {
		for _, suf := range []string{"password", "passwd", "secret", "apikey", "secretkey", "privatekey", "accesskey"} {
			if strings.HasSuffix(head, suf) && len(head) > len(suf) {
				return ws, true
			}
		}
	}
	return ws, false
}

// NonSecretToken reports whether w, before "token", makes it no
// credential: a pagination cursor (NextPageToken), the CSRF token a
// client echoes, a parser's or an upload's state.
func NonSecretToken(w string) bool { return tokenNonSecret[w] }

// Word reports whether a single lowercase word is a secret noun or a word
// that makes "key" one ("password", "token", "api", "signing").
func Word(w string) bool { return secretNoun[w] || keyModifier[w] }
