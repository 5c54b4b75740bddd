package sqlinjection_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apivet/apivet/analyzers/sqlinjection"
	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/testutil"
)

func TestSQLInjection(t *testing.T) {
	dir := testutil.Module(t, "testdata/mod")
	results := analysistest.Run(t, dir, sqlinjection.Analyzer, "./...")
	testutil.CheckSeverities(t, results, []testutil.Severity{
		{Contains: "SQL text of", Sev: check.Error},
	})
}
