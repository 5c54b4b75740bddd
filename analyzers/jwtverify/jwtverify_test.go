package jwtverify_test

import (
	"regexp"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apivet/apivet/analyzers/jwtverify"
	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/testutil"
)

// defaultPkgs are the test packages analyzed with the default settings.
var defaultPkgs = []string{
	"./keys", "./v5", "./v4", "./v3", "./dgrijalva", "./jwx1", "./jwx2", "./jwx3",
	"./jose2", "./jose3", "./jose4", "./oidc", "./verifier/...", "./unverwrap/...",
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

// TestSeverities holds each kind of finding to its level: an unpinned
// algorithm is a warning even where the key type blocks the known attack
// (RFC 8725 §3.1), an unchecked issuer stays a note (hidden by default).
func TestSeverities(t *testing.T) {
	dir := testutil.Module(t, "testdata/mod")
	results := analysistest.Run(t, dir, jwtverify.Analyzer, defaultPkgs...)
	s := jwtverify.Check.Settings.(*jwtverify.Settings)
	s.ReportSkipClientIDCheck = true
	results = append(results, analysistest.Run(t, dir, jwtverify.Analyzer, "./oidcstrict")...)
	s.ReportSkipClientIDCheck = false
	want := []struct {
		re  *regexp.Regexp
		sev check.Severity
	}{
		{regexp.MustCompile(`does not pin the signing algorithm; pin`), check.Warning},
		{regexp.MustCompile(`ParseSigned of .* does not pin the signing algorithm`), check.Warning},
		{regexp.MustCompile(`algorithms passed to .* come from the token's own header`), check.Warning},
		{regexp.MustCompile(`SkipClientIDCheck: true`), check.Warning},
		{regexp.MustCompile(`SkipIssuerCheck: true`), check.Note},
		{regexp.MustCompile(`SkipExpiryCheck: true`), check.Warning},
		{regexp.MustCompile(`InsecureSkipSignatureCheck: true`), check.Error},
	}
	seen := make([]int, len(want))
	for _, r := range results {
		for _, d := range r.Diagnostics {
			for i, w := range want {
				if w.re.MatchString(d.Message) {
					seen[i]++
					if got := check.SeverityOf(jwtverify.Check, d); got != w.sev {
						t.Errorf("%s: severity %s, want %s", d.Message, got, w.sev)
					}
				}
			}
		}
	}
	for i, n := range seen {
		if n == 0 {
			t.Errorf("no finding matches %s", want[i].re)
		}
	}
}
