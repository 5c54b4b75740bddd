package jwtverify

import (
	"fmt"
	"sort"
	"strings"
)

// keyFuncFact summarizes a function that takes a golang-jwt *Token (a key
// function, or a helper that checks the token's algorithm) or that returns
// a key function (a key function factory), so that a Parse call in another
// package knows what its key function does.
type keyFuncFact struct {
	// ChecksAlg: the function checks token.Method / the alg header.
	ChecksAlg bool
	// AllowsNone: it can return jwt.UnsafeAllowNoneSignatureType.
	AllowsNone bool
	// KeyTypes are the types of the keys it returns ("?" when a key's type
	// is only known at run time), sorted. Empty for a pure helper.
	KeyTypes []string
	// Unknown: it returns a key function this analyzer cannot follow.
	Unknown bool
}

func (*keyFuncFact) AFact() {}

func (f *keyFuncFact) String() string {
	var parts []string
	if f.ChecksAlg {
		parts = append(parts, "checks alg")
	}
	if f.AllowsNone {
		parts = append(parts, "allows none")
	}
	if len(f.KeyTypes) > 0 {
		parts = append(parts, "keys "+strings.Join(f.KeyTypes, ","))
	}
	if f.Unknown {
		parts = append(parts, "unknown")
	}
	return "jwtkey(" + strings.Join(parts, "; ") + ")"
}

// optFact summarizes a function returning golang-jwt parser options, a
// *Parser or a request option, or a package-level variable holding one.
type optFact struct {
	Pins        bool
	AllowsNone  bool
	SkipsClaims bool
	Unknown     bool
}

func (*optFact) AFact() {}

func (f *optFact) String() string {
	return fmt.Sprintf("jwtopts(pins=%v skipsClaims=%v unknown=%v)", f.Pins, f.SkipsClaims, f.Unknown)
}

// verifiesFact summarizes an exported function that uses a JWT library:
// whether it verifies a token signature (a verifying library call, itself or
// through functions of its package). An unverified parse followed by a call
// of a function that verifies picked the key of a verified parse; handing
// the raw token to a function that uses a JWT library without verifying
// does not count as verification.
type verifiesFact struct{ Verifies bool }

func (*verifiesFact) AFact() {}
func (f *verifiesFact) String() string {
	if f.Verifies {
		return "verifies"
	}
	return "does not verify"
}

// keySummary is the in-memory form of keyFuncFact.
type keySummary struct {
	checksAlg  bool
	allowsNone bool
	keyTypes   map[string]bool
	unknown    bool
}

func (s *keySummary) addKey(t string) {
	if s.keyTypes == nil {
		s.keyTypes = map[string]bool{}
	}
	s.keyTypes[t] = true
}

func (s *keySummary) merge(o *keySummary) {
	if o == nil {
		s.unknown = true
		return
	}
	s.checksAlg = s.checksAlg || o.checksAlg
	s.allowsNone = s.allowsNone || o.allowsNone
	s.unknown = s.unknown || o.unknown
	for k := range o.keyTypes {
		s.addKey(k)
	}
}

func (s *keySummary) sortedKeys() []string {
	var out []string
	for k := range s.keyTypes {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func (s *keySummary) fact() *keyFuncFact {
	return &keyFuncFact{ChecksAlg: s.checksAlg, AllowsNone: s.allowsNone, KeyTypes: s.sortedKeys(), Unknown: s.unknown}
}

func summaryFromFact(f *keyFuncFact) *keySummary {
	s := &keySummary{checksAlg: f.ChecksAlg, allowsNone: f.AllowsNone, unknown: f.Unknown}
	for _, k := range f.KeyTypes {
		s.addKey(k)
	}
	return s
}
