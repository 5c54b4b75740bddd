package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"testing"
	"unicode/utf8"

	"github.com/apivet/apivet/internal/testutil"
)

// Message bounds: a whole message fits in 280 characters, and its first
// clause (up to the first ": " or "; ") — what is wrong — in 120. Route
// lists and the long how-to belong in related information, -explain and
// the SARIF help.
const (
	maxMessage     = 280
	maxFirstClause = 120
)

var firstClause = regexp.MustCompile(`: |; `)

// TestMessageLength holds every finding (notes included) on the demo and
// on the checks' test modules to the bounds.
func TestMessageLength(t *testing.T) {
	dirs := []string{"../../testdata/demo"}
	mods, err := filepath.Glob("../../analyzers/*/testdata/*/go.mod")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range mods {
		dirs = append(dirs, filepath.Dir(m))
	}
	var long []string
	n := 0
	for _, dir := range dirs {
		mod := testutil.Module(t, dir)
		r := apivet(t, mod, "-format", "json", "-severity", "note", "-tests", "./...")
		var tree map[string]map[string]json.RawMessage
		if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil {
			t.Fatalf("%s: JSON output does not parse: %v\n%s", dir, err, r.stderr)
		}
		for _, byCheck := range tree {
			for name, raw := range byCheck {
				var fs []jsonFinding
				if json.Unmarshal(raw, &fs) != nil {
					continue // {"error": …}: reported by the other tests
				}
				for _, f := range fs {
					n++
					first := firstClause.Split(f.Message, 2)[0]
					if utf8.RuneCountInString(f.Message) > maxMessage || utf8.RuneCountInString(first) > maxFirstClause {
						long = append(long, fmt.Sprintf("(%d, first clause %d) %s: %s", utf8.RuneCountInString(f.Message), utf8.RuneCountInString(first), name, f.Message))
					}
				}
			}
		}
	}
	if n < 100 {
		t.Fatalf("only %d findings over %d modules: the test reads too little to mean anything", n, len(dirs))
	}
	sort.Strings(long)
	for _, m := range long {
		t.Errorf("message over %d characters or first clause over %d %s", maxMessage, maxFirstClause, m)
	}
}
