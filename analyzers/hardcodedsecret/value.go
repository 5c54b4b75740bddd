package hardcodedsecret

import (
	"math"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/apivet/apivet/internal/secretname"
	"github.com/apivet/apivet/internal/words"
)

// entropy is the Shannon entropy of s in bits per character.
func entropy(s string) float64 {
	if s == "" {
		return 0
	}
	var counts [256]int
	n := 0
	var other map[rune]int
	for _, r := range s {
		n++
		if r < 256 {
			counts[r]++
			continue
		}
		if other == nil {
			other = map[rune]int{}
		}
		other[r]++
	}
	h := 0.0
	add := func(c int) {
		if c > 0 {
			p := float64(c) / float64(n)
			h -= p * math.Log2(p)
		}
	}
	for _, c := range counts {
		add(c)
	}
	for _, c := range other {
		add(c)
	}
	return h
}

var (
	// formatVerb matches a fmt verb or a template reference in a value.
	formatVerb = regexp.MustCompile(`%[-+# 0-9.*]*[vTtbcdoOqxXUeEfFgGsp]|\$\{[^}]*\}|\{\{[^}]*\}\}|\$[A-Z_][A-Z0-9_]*\b|^\$\d`)
	// placeholderValues are whole values that stand in for a secret.
	placeholderValues = map[string]bool{}
	// placeholderWords mark a value as a stand-in wherever they occur.
	placeholderWords = []string{
		"changeme", "change_me", "change-me", "changeit", "change_this", "change-this", "changethis",
		"replace_me", "replace-me", "replaceme", "example", "dummy", "redacted", "placeholder",
		"your_", "your-", "yourpassword", "yoursecret", "yourtoken", "yourkey", "insert", "fake", "mock",
		"xxxx", "****", "<your", "sample", "notasecret", "not-a-secret", "not_a_secret", "notsecret",
		"secret_here", "secret-here", "key-here", "key_here", "token-here", "token_here", "here>",
	}
	regexLike  = regexp.MustCompile(`\[[^\]]*[a-zA-Z]-[a-zA-Z][^\]]*\]|\\[dwsbDWS.]|\(\?[:iPms!=<]|\.[*+?]|^\^|\$$|\{\d+(,\d*)?\}`)
	envVarName = regexp.MustCompile(`^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$|^[A-Z]{3,}$`)
	// headerName matches HTTP header names such as X-Api-Key or Authorization.
	headerName = regexp.MustCompile(`^(?:[Xx]-)?[A-Z][a-z]+(?:-[A-Z]?[a-z0-9]+)*$`)
	uuidRe     = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
	hexRe      = regexp.MustCompile(`^[0-9a-fA-F]+$`)
)

func init() {
	for _, v := range strings.Fields(`todo tbd fixme none null nil n/a na empty unset undefined default string bytes
		value secret password passwd token key apikey api-key api_key pass pwd test testing demo sample foo bar baz
		foobar qwerty abc abc123 abcdef 1234 12345 123456 1234567 12345678
		x-oauth-basic x-access-token x-token-auth oauth2`) {
		// (the fixed user or password that GitHub, Bitbucket and GitLab
		// take beside a token: url.UserPassword(token, "x-oauth-basic"))
		placeholderValues[v] = true
	}
}

// isPlaceholder reports whether v stands in for a secret to be filled
// in ("changeme", "<your-token>", "${API_KEY}", "xxxx", "your-key-here").
func isPlaceholder(v string) bool {
	t := strings.TrimSpace(v)
	if t == "" {
		return true
	}
	l := strings.ToLower(t)
	if placeholderValues[l] {
		return true
	}
	// Bracketed: <token>, [password], (secret).
	if len(t) >= 2 {
		switch t[:1] + t[len(t)-1:] {
		case "<>", "[]", "()":
			return true
		}
	}
	// One character repeated ("xxxxxxxx", "********", "00000000"); x+ in any case.
	r0, _ := utf8.DecodeRuneInString(l)
	if strings.Trim(l, string(r0)) == "" {
		return true
	}
	for _, w := range placeholderWords {
		if strings.Contains(l, w) {
			return true
		}
	}
	if strings.ContainsAny(t, "%${") && formatVerb.MatchString(t) {
		return true
	}
	return false
}

// looksLikeText reports whether v is prose: a message, label or
// translated string rather than a credential. Credentials have no spaces
// between words, or, when they do (passphrases), carry symbols that text
// does not.
func looksLikeText(v string) bool {
	if !strings.ContainsAny(v, " \t\n") {
		return false
	}
	letters, symbols, nonASCII := 0, 0, 0
	for _, r := range v {
		switch {
		case r > unicode.MaxASCII && unicode.IsLetter(r):
			nonASCII++
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r), unicode.IsSpace(r):
		case strings.ContainsRune(".,:;!?'\"()-–—/…", r):
		default:
			symbols++
		}
	}
	if nonASCII > 0 {
		return true
	}
	return symbols == 0 || symbols*8 < letters
}

// valueKind says why a value assigned to a secret-sounding name is not
// itself a secret, or "" if it may be one.
func (r *runner) notSecretValue(v string, nameWords []string) string {
	t := strings.TrimSpace(v)
	// Cheap tests first: this runs on every literal given to a
	// secret-sounding name.
	switch {
	case t == "":
		return "empty"
	case strings.HasPrefix(t, "/") || strings.HasPrefix(t, "./") || strings.HasPrefix(t, "~/"):
		return "path"
	case strings.Contains(t, "://"):
		return "URL" // a URL is a secret only with an inline password: see formats
	case t == "Authorization":
		return "header name"
	case isPlaceholder(t):
		return "placeholder"
	case isDocumentedExample(t):
		return "documented example"
	case looksLikeText(t):
		return "text"
	case !hasLower(t) && envVarName.MatchString(t):
		return "environment variable name"
	case strings.Contains(t, "-") && headerName.MatchString(t):
		return "header name"
	case strings.ContainsAny(t, `[\(`) && regexLike.MatchString(t):
		return "regular expression"
	case len(t) == 36 && len(nameWords) > 0 && nameWords[len(nameWords)-1] == "id" && uuidRe.MatchString(t):
		return "identifier"
	}
	if isIdentLike(t) {
		if sameWords(t, nameWords) {
			return "the name of the secret, not its value"
		}
		if isWordy(t) {
			return "identifier"
		}
	}
	return ""
}

func hasLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'a' <= s[i] && s[i] <= 'z' {
			return true
		}
	}
	return false
}

// isIdentLike reports whether v is identifier-ish: letters and digits in
// runs joined by single separators (_ . : - /), starting with a letter —
// keys, field names, i18n message ids ("auth.token.invalid"), route
// names, cookie names.
func isIdentLike(v string) bool {
	if v == "" || !isASCIILetter(v[0]) {
		return false
	}
	prevSep := false
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case isASCIILetter(c) || '0' <= c && c <= '9':
			prevSep = false
		case c == '_' || c == '.' || c == ':' || c == '-' || c == '/':
			if prevSep {
				return false
			}
			prevSep = true
		default:
			return false
		}
	}
	return !prevSep
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// sameWords reports whether every word of the value is also a word of the
// name it is assigned to, or a word that names a secret: APIKeyHeader =
// "api_key", AccessToken = "access_token", PasswordParam = "passwd".
func sameWords(v string, nameWords []string) bool {
	vw := words.Split(v)
	if len(vw) == 0 {
		return false
	}
	for _, w := range vw {
		found := secretname.Word(w) || w == "key" || w == "auth" || w == "id" || w == "x"
		for _, n := range nameWords {
			if w == n {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// isWordy reports whether an identifier-like value reads as words — a
// cookie name, route name or message id ("session.cookie.name",
// "user-token-cache") — rather than a random string: it has separators
// between lowercase alphabetic words and no digits.
func isWordy(v string) bool {
	if strings.ContainsAny(v, "0123456789") {
		return false
	}
	seps := strings.Count(v, "_") + strings.Count(v, ".") + strings.Count(v, "-") + strings.Count(v, ":") + strings.Count(v, "/")
	if seps == 0 {
		return false
	}
	return strings.ToLower(v) == v || strings.ToUpper(v) == v
}
