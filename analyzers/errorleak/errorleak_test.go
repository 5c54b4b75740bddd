package errorleak_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apivet/apivet/analyzers/errorleak"
	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/testutil"
)

func TestAPI(t *testing.T) {
	dir := testutil.Module(t, "testdata/api")
	results := analysistest.RunWithSuggestedFixes(t, dir, errorleak.Analyzer, "./...")

	testutil.CheckSeverities(t, results, []testutil.Severity{
		{Contains: "of a database error is sent", Sev: check.Warning},
		{Contains: "in a 500 response", Sev: check.Warning},
		{Contains: "the recovered panic value is sent", Sev: check.Error},
		{Contains: "a stack trace is sent", Sev: check.Error},
		{Contains: "echo's Debug mode is on", Sev: check.Warning},
		{Contains: "with a status computed at run time", Sev: check.Note},
		{Contains: "turned on under a condition", Sev: check.Note},
		{Contains: "in debug mode", Sev: check.Note},
		{Contains: "of every error reaches the client in this error handler", Sev: check.Warning},
	})
}
