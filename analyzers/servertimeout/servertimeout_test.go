package servertimeout_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apivet/apivet/analyzers/servertimeout"
	"github.com/apivet/apivet/internal/testutil"
)

func TestServers(t *testing.T) {
	dir := testutil.Module(t, "testdata/servers")
	analysistest.RunWithSuggestedFixes(t, dir, servertimeout.Analyzer, "./...")
}
