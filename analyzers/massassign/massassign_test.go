package massassign_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apivet/apivet/analyzers/massassign"
	"github.com/apivet/apivet/internal/testutil"
)

func TestMassAssign(t *testing.T) {
	dir := testutil.Module(t, "testdata/api")
	results := analysistest.Run(t, dir, massassign.Analyzer, "./...")
	testutil.CheckSeverities(t, results, nil)
}
