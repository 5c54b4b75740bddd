package testutil

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apivet/apivet/internal/check"
)

// Severity says that the diagnostics whose message contains Contains are
// reported with severity Sev. Severities travel in Category
// (check.Report), which analysistest does not look at.
type Severity struct {
	Contains string
	Sev      check.Severity
}

// CheckSeverities holds analysistest results to cases (each matched by at
// least one diagnostic, all of them at its severity) and every message to
// the bounds of the project's style: 280 characters, the first clause (up
// to the first ':' or ';') 120.
func CheckSeverities(t *testing.T, results []*analysistest.Result, cases []Severity) {
	t.Helper()
	seen := map[string]bool{}
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if len(d.Message) > 280 {
				t.Errorf("message longer than 280 characters (%d): %s", len(d.Message), d.Message)
			}
			if i := strings.IndexAny(d.Message, ":;"); i > 120 {
				t.Errorf("first clause longer than 120 characters: %s", d.Message)
			}
			for _, c := range cases {
				if strings.Contains(d.Message, c.Contains) {
					seen[c.Contains] = true
					if got := check.Severity(d.Category); got != c.Sev {
						t.Errorf("%s: severity %q, want %q", d.Message, got, c.Sev)
					}
				}
			}
		}
	}
	for _, c := range cases {
		if !seen[c.Contains] {
			t.Errorf("no diagnostic containing %q", c.Contains)
		}
	}
}
