package jwtverify_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apivet/apivet/analyzers/jwtverify"
	"github.com/apivet/apivet/internal/testutil"
)

// defaultPkgs are the test packages analyzed with the default settings.
var defaultPkgs = []string{
	"./keys", "./v5", "./v4", "./v3", "./dgrijalva", "./jwx1", "./jwx2", "./jwx3",
	"./jose2", "./jose3", "./jose4", "./oidc", "./verifier/...",
}

func TestJWTVerify(t *testing.T) {
	dir := testutil.Module(t, "testdata/mod")
	analysistest.Run(t, dir, jwtverify.Analyzer, defaultPkgs...)
}

func TestReportSkipClientIDCheck(t *testing.T) {
	dir := testutil.Module(t, "testdata/mod")
	s := jwtverify.Check.Settings.(*jwtverify.Settings)
	s.ReportSkipClientIDCheck = true
	defer func() { s.ReportSkipClientIDCheck = false }()
	analysistest.Run(t, dir, jwtverify.Analyzer, "./oidcstrict")
}

func TestSuggestedFixes(t *testing.T) {
	dir := testutil.Module(t, "testdata/mod")
	analysistest.RunWithSuggestedFixes(t, dir, jwtverify.Analyzer, "./fix")
}
