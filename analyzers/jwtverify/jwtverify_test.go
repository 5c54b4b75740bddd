package jwtverify_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apivet/apivet/analyzers/jwtverify"
	"github.com/apivet/apivet/internal/testutil"
)

func TestJWTVerify(t *testing.T) {
	dir := testutil.Module(t, "testdata/mod")
	analysistest.Run(t, dir, jwtverify.Analyzer, "./...")
}

func TestSuggestedFixes(t *testing.T) {
	dir := testutil.Module(t, "testdata/mod")
	analysistest.RunWithSuggestedFixes(t, dir, jwtverify.Analyzer, "./fix")
}
