package bodylimit_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apivet/apivet/analyzers/bodylimit"
	"github.com/apivet/apivet/internal/testutil"
)

func TestNetHTTP(t *testing.T) {
	analysistest.Run(t, testutil.Module(t, "testdata/nethttp"), bodylimit.Analyzer, "./...")
}
