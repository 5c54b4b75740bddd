package ssrf_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apivet/apivet/analyzers/ssrf"
	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/testutil"
)

func TestSSRF(t *testing.T) {
	dir := testutil.Module(t, "testdata/mod")
	results := analysistest.Run(t, dir, ssrf.Analyzer, "./...")
	testutil.CheckSeverities(t, results, []testutil.Severity{
		{Contains: "(SSRF)", Sev: check.Error},
	})
}
