package hardcodedsecret

import "strings"

// Known formats are found anywhere in a string literal: in a config
// template written to a file, a request dump, a URL or a JSON document.
// A match inside a larger string must stand on its own: these rules keep
// format-shaped pieces of other data out.

// minBlobRun is how many base64 characters past a '/' make the run a
// blob rather than a URL path segment.
const minBlobRun = 16

// accept returns the match s[i:j] as a candidate of format f, or false
// when it is part of something else: a longer identifier or an encoded
// blob, a placeholder, or — for the generic formats — a piece of a
// larger string.
func (f *format) accept(s string, i, j int) (string, bool) {
	// A format whose expression consumes the character after the token
	// (Google keys: not followed by a key character) reports the token.
	for j > i && !isTokenChar(s[j-1]) {
		j--
	}
	m := s[i:j]
	if m == "" {
		return "", false
	}
	if f.whole && !standsAlone(s, i, j) {
		return "", false
	}
	if inBlob(s, i, j) {
		return "", false
	}
	if !f.encoded && placeholderToken(m) {
		return "", false
	}
	return m, true
}

func isTokenChar(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("_-+/=.", c) >= 0
}

func isBase64Char(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '+' || c == '/'
}

// inBlob reports whether s[i:j] continues, through a '+' or a '/', a run
// of base64 (a data: URI, an embedded certificate or image): '+' never
// borders a token, and a '/' does in a URL path, whose segments are
// short, but not in a run of 16 or more base64 characters. Identifier
// characters next to the match are excluded by the formats' \b.
func inBlob(s string, i, j int) bool {
	if i > 0 {
		switch s[i-1] {
		case '+':
			return true
		case '/':
			n := 0
			for k := i - 2; k >= 0 && isBase64Char(s[k]) && s[k] != '/'; k-- {
				n++
			}
			if n >= minBlobRun {
				return true
			}
		}
	}
	if j < len(s) {
		switch s[j] {
		case '+':
			return true
		case '/':
			n := 0
			for k := j + 1; k < len(s) && isBase64Char(s[k]) && s[k] != '/'; k++ {
				n++
			}
			if n >= minBlobRun {
				return true
			}
		}
	}
	return false
}

// standsAlone reports whether s[i:j] is all of s but surrounding space,
// quotes and an Authorization header name ("Authorization: Bearer …").
func standsAlone(s string, i, j int) bool {
	before := strings.TrimSpace(s[:i])
	for _, h := range []string{"authorization:", "proxy-authorization:"} {
		if len(before) >= len(h) && strings.EqualFold(before[len(before)-len(h):], h) {
			before = strings.TrimSpace(before[:len(before)-len(h)])
		}
	}
	return strings.Trim(before, `"'`) == "" && strings.Trim(strings.TrimSpace(s[j:]), `"'`) == ""
}

// placeholderToken reports whether a format match is a stand-in written
// in the format's shape: ghp_xxxx…, AKIAXXXXXXXXXXXXXXXX,
// sk_live_000000…, your_token_here, or a run of six or more of one
// character, which a random token body practically never has.
func placeholderToken(m string) bool {
	if isPlaceholder(m) {
		return true
	}
	run := 1
	for k := 1; k < len(m); k++ {
		if m[k] == m[k-1] && isTokenChar(m[k]) && m[k] != '-' {
			run++
			if run >= 6 {
				return true
			}
		} else {
			run = 1
		}
	}
	return false
}
