package bola_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apivet/apivet/analyzers/bola"
	"github.com/apivet/apivet/internal/testutil"
)

func TestBola(t *testing.T) {
	dir := testutil.Module(t, "testdata/mod")
	analysistest.Run(t, dir, bola.Analyzer, "./...")
}
