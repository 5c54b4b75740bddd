package errorleak_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apivet/apivet/analyzers/errorleak"
	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/testutil"
)

func TestAPI(t *testing.T) {
	dir := testutil.Module(t, "testdata/api")
	results := analysistest.RunWithSuggestedFixes(t, dir, errorleak.Analyzer, "./...")

	// Severities travel in Category (check.Report); analysistest does not
	// look at them.
	want := []struct {
		contains string
		sev      check.Severity
	}{
		{"of a database error is sent", check.Warning},
		{"in a 500 response", check.Warning},
		{"the recovered panic value is sent", check.Error},
		{"a stack trace is sent", check.Error},
		{"echo's Debug mode is on", check.Warning},
		{"with a status computed at run time", check.Note},
		{"turned on under a condition", check.Note},
		{"in debug mode", check.Note},
		{"of every error reaches the client in this error handler", check.Warning},
	}
	seen := map[string]bool{}
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if len(d.Message) > 280 {
				t.Errorf("message longer than 280 characters (%d): %s", len(d.Message), d.Message)
			}
			if i := strings.IndexAny(d.Message, ":;"); i > 120 {
				t.Errorf("first clause longer than 120 characters: %s", d.Message)
			}
			for _, w := range want {
				if strings.Contains(d.Message, w.contains) {
					seen[w.contains] = true
					if got := check.Severity(d.Category); got != w.sev {
						t.Errorf("%s: severity %q, want %q", d.Message, got, w.sev)
					}
				}
			}
		}
	}
	for _, w := range want {
		if !seen[w.contains] {
			t.Errorf("no diagnostic containing %q", w.contains)
		}
	}
}
