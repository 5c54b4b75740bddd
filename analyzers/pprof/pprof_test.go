package pprof_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apivet/apivet/analyzers/pprof"
	"github.com/apivet/apivet/internal/testutil"
)

func TestPprof(t *testing.T) {
	dir := testutil.Module(t, "testdata/mod")
	analysistest.Run(t, dir, pprof.Analyzer, "./...")
}

func TestSuggestedFix(t *testing.T) {
	dir := testutil.Module(t, "testdata/fix")
	analysistest.RunWithSuggestedFixes(t, dir, pprof.Analyzer, "./...")
}
