package logleak_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apivet/apivet/analyzers/logleak"
	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/testutil"
)

func TestLogLeak(t *testing.T) {
	dir := testutil.Module(t, "testdata/mod")
	results := analysistest.Run(t, dir, logleak.Analyzer, "./...")
	testutil.CheckSeverities(t, results, []testutil.Severity{
		{Contains: "the log", Sev: check.Warning},
	})
}
