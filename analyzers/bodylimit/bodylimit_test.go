package bodylimit_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apivet/apivet/analyzers/bodylimit"
	"github.com/apivet/apivet/internal/testutil"
)

func TestNetHTTP(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testutil.Module(t, "testdata/nethttp"), bodylimit.Analyzer, "./...")
}

func TestGin(t *testing.T) {
	analysistest.Run(t, testutil.Module(t, "testdata/gin"), bodylimit.Analyzer, "./...")
}

func TestEcho(t *testing.T) {
	analysistest.Run(t, testutil.Module(t, "testdata/echo"), bodylimit.Analyzer, "./...")
}

func TestFiber(t *testing.T) {
	analysistest.Run(t, testutil.Module(t, "testdata/fiber"), bodylimit.Analyzer, "./...")
}
