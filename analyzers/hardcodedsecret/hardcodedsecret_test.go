package hardcodedsecret_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apivet/apivet/analyzers/hardcodedsecret"
	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/config"
	"github.com/apivet/apivet/internal/testutil"
)

func TestAnalyzer(t *testing.T) {
	dir := testutil.Module(t, "testdata/src")
	analysistest.Run(t, dir, hardcodedsecret.Analyzer, "./...")
}

// TestSettings runs the check with settings decoded from .apivet.yml
// text, as the CLI does.
func TestSettings(t *testing.T) {
	saved := *hardcodedsecret.Check.Settings.(*hardcodedsecret.Settings)
	defer func() { *hardcodedsecret.Check.Settings.(*hardcodedsecret.Settings) = saved }()

	f, err := config.Parse([]byte(`
hardcodedsecret:
  extra-patterns:
    - kind: Acme API key
      regex: 'acme_[0-9a-f]{32}'
  allow-values: ['^test-']
  allow-names: ['^Fixture']
  min-entropy: 3.5
`))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Apply([]*check.Check{hardcodedsecret.Check}); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testutil.Module(t, "testdata/settings"), hardcodedsecret.Analyzer, "./...")
}

// TestSettingsErrors: a misspelt setting and a bad regex are errors.
func TestSettingsErrors(t *testing.T) {
	saved := *hardcodedsecret.Check.Settings.(*hardcodedsecret.Settings)
	defer func() { *hardcodedsecret.Check.Settings.(*hardcodedsecret.Settings) = saved }()

	f, err := config.Parse([]byte("hardcodedsecret:\n  allow-value: ['x']\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Apply([]*check.Check{hardcodedsecret.Check}); err == nil {
		t.Error("misspelt setting allow-value: no error")
	}

	*hardcodedsecret.Check.Settings.(*hardcodedsecret.Settings) = hardcodedsecret.Settings{AllowValues: []string{"("}}
	results := analysistest.Run(&silentT{}, testutil.Module(t, "testdata/settings"), hardcodedsecret.Analyzer, "./...")
	if len(results) == 0 || results[0].Err == nil || !strings.Contains(results[0].Err.Error(), "allow-values") {
		t.Errorf("bad allow-values regex: got %v, want an error naming the setting", results)
	}
}

// silentT swallows analysistest's complaints, for runs expected to fail.
type silentT struct{}

func (*silentT) Errorf(string, ...any) {}

// TestSuppression runs the check as the drivers do (check.Prepare): a
// trailing directive on the first line of a multi-line literal or
// statement covers all of it, and an unused one says what it covered.
func TestSuppression(t *testing.T) {
	a := check.Prepare(hardcodedsecret.Analyzer)
	analysistest.Run(t, testutil.Module(t, "testdata/suppress"), a, "./...")
}
