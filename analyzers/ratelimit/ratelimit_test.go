package ratelimit_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apivet/apivet/analyzers/ratelimit"
	"github.com/apivet/apivet/internal/testutil"
)

func TestChi(t *testing.T) {
	analysistest.Run(t, testutil.Module(t, "testdata/chi"), ratelimit.Analyzer, "./...")
}

func TestGin(t *testing.T) {
	analysistest.Run(t, testutil.Module(t, "testdata/gin"), ratelimit.Analyzer, "./...")
}

func TestEcho(t *testing.T) {
	analysistest.Run(t, testutil.Module(t, "testdata/echo"), ratelimit.Analyzer, "./...")
}

func TestFiber(t *testing.T) {
	analysistest.Run(t, testutil.Module(t, "testdata/fiber"), ratelimit.Analyzer, "./...")
}
