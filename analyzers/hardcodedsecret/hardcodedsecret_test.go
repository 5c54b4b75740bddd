package hardcodedsecret_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apivet/apivet/analyzers/hardcodedsecret"
	"github.com/apivet/apivet/internal/testutil"
)

func TestAnalyzer(t *testing.T) {
	dir := testutil.Module(t, "testdata/src")
	analysistest.Run(t, dir, hardcodedsecret.Analyzer, "./...")
}
