// Package words splits identifiers and keys into lowercase words, the way
// several checks read names: "PasswordHash", "password_hash",
// "X-Api-Key" and "APIKey" become [password hash], [x api key], [api key].
package words

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
)

// Split returns the lowercase words of an identifier in camelCase,
// PascalCase, snake_case, kebab-case, dotted or spaced form. A run of
// upper-case letters is one word ("APIKey" → "api", "key"); digits stay
// with the word they follow ("sha256Sum" → "sha256", "sum").
//
// The result is shared between callers and must not be modified: checks
// split the same few thousand identifiers over and over, so short names
// are memoized (up to maxCached of them).
func Split(name string) []string {
	if len(name) > maxCachedLen {
		return split(name)
	}
	if ws, ok := cache.Load(name); ok {
		return ws.([]string)
	}
	ws := split(name)
	if cached.Load() < maxCached {
		if _, loaded := cache.LoadOrStore(name, ws); !loaded {
			cached.Add(1)
		}
	}
	return ws
}

const (
	maxCachedLen = 64
	maxCached    = 200_000
)

var (
	cache   sync.Map // name → []string
	phrases sync.Map // phrase → its words
	cached  atomic.Int64
)

func split(name string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
		case unicode.IsUpper(r):
			prevLower := i > 0 && (unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1]))
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			prevUpper := i > 0 && unicode.IsUpper(rs[i-1])
			if prevLower || (prevUpper && nextLower) {
				flush()
			}
			cur = append(cur, r)
		default:
			cur = append(cur, r)
		}
	}
	flush()
	return out
}

// Contains reports whether the words of name contain the phrase, itself
// given as space-separated lowercase words ("api key"), as consecutive words.
func Contains(name, phrase string) bool {
	return Index(Split(name), phrase) >= 0
}

// Index returns the index in ws where the phrase (space-separated
// lowercase words) starts, or -1.
func Index(ws []string, phrase string) int {
	if !strings.Contains(phrase, " ") {
		for i, w := range ws {
			if w == phrase {
				return i
			}
		}
		return -1
	}
	var p []string
	if v, ok := phrases.Load(phrase); ok {
		p = v.([]string)
	} else {
		p = strings.Fields(phrase)
		phrases.Store(phrase, p) // phrases come from tables: few
	}
	if len(p) == 0 {
		return -1
	}
outer:
	for i := 0; i+len(p) <= len(ws); i++ {
		for j := range p {
			if ws[i+j] != p[j] {
				continue outer
			}
		}
		return i
	}
	return -1
}

// ContainsAny reports whether the words of name contain one of the
// phrases (as for Contains).
func ContainsAny(name string, phrases []string) bool {
	ws := Split(name)
	for _, p := range phrases {
		if Index(ws, p) >= 0 {
			return true
		}
	}
	return false
}

// Joined returns the words of name joined without separators, lowercase
// ("API_Key" → "apikey"), for matching names written as one word.
func Joined(name string) string { return strings.Join(Split(name), "") }

// Identifier reports whether a name's last word names an identifier
// (OrderID, doc_id, uuid, slug): what selects one object.
func Identifier(name string) bool {
	ws := Split(name)
	if len(ws) == 0 {
		return false
	}
	switch ws[len(ws)-1] {
	case "id", "ids", "uuid", "guid", "slug", "uid", "oid", "pk":
		return true
	}
	return false
}
