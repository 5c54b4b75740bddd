package config

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/apivet/apivet/internal/check"
)

type settings struct {
	Threshold float64  `yaml:"threshold"`
	Names     []string `yaml:"names"`
}

func checks() ([]*check.Check, *settings) {
	s := &settings{Threshold: 1}
	return []*check.Check{
		{Analyzer: &analysis.Analyzer{Name: "alpha"}, Settings: s},
		{Analyzer: &analysis.Analyzer{Name: "beta"}},
		{Analyzer: &analysis.Analyzer{Name: "gamma"}},
	}, s
}

func names(cs []*check.Check) string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Name())
	}
	return strings.Join(out, ",")
}

func TestSelect(t *testing.T) {
	all, _ := checks()
	cases := []struct {
		spec []string
		want string
		err  string
	}{
		{nil, "alpha,beta,gamma", ""},
		{[]string{"beta"}, "beta", ""},
		{[]string{"-beta"}, "alpha,gamma", ""},
		{[]string{"all", "-gamma"}, "alpha,beta", ""},
		{[]string{"-all", "gamma"}, "gamma", ""},
		{[]string{"-all"}, "", ""},
		{[]string{" alpha ", ""}, "alpha", ""},
		{[]string{"delta"}, "", `unknown check "delta"; known checks: alpha, beta, gamma`},
	}
	for _, c := range cases {
		got, err := Select(all, c.spec)
		if c.err != "" {
			if err == nil || err.Error() != c.err {
				t.Errorf("Select(%q): error %v, want %q", c.spec, err, c.err)
			}
			continue
		}
		if err != nil || names(got) != c.want {
			t.Errorf("Select(%q) = %q, %v; want %q", c.spec, names(got), err, c.want)
		}
	}
}

func TestApplyStrict(t *testing.T) {
	all, s := checks()
	f, err := Parse([]byte("checks: [alpha]\nalpha:\n  threshold: 2.5\n  names: [x, y]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Apply(all); err != nil {
		t.Fatal(err)
	}
	if s.Threshold != 2.5 || strings.Join(s.Names, ",") != "x,y" || strings.Join(f.Checks, ",") != "alpha" {
		t.Errorf("decoded %+v, checks %v", s, f.Checks)
	}
	for text, want := range map[string]string{
		"alpha:\n  treshold: 3\n": "field treshold not found",
		"delta:\n  x: 1\n":        `unknown check "delta"`,
		"beta:\n  x: 1\n":         "check beta has no settings",
		"- a\n- b\n":              "configuration must be a mapping",
		"severity: info\n":        `line 1: severity: unknown severity "info" (want error, warning or note)`,
		"severity: [note]\n":      "line 1: severity:",
	} {
		f, err := Parse([]byte(text))
		if err == nil {
			err = f.Apply(all)
		}
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want it to contain %q", text, err, want)
		}
	}
	if f, err := Parse(nil); err != nil || len(f.Sections) != 0 {
		t.Errorf("empty file: %v, %v", f, err)
	}
}

func TestSeverity(t *testing.T) {
	for text, want := range map[string]check.Severity{
		"":                    "", // not set: each driver falls back to check.DefaultThreshold
		"severity: note\n":    check.Note,
		"severity: Error\n":   check.Error,
		"severity: warning\n": check.Warning,
	} {
		f, err := Parse([]byte(text))
		if err != nil || f.Severity != want {
			t.Errorf("%q: severity %q, %v; want %q", text, f.Severity, err, want)
		}
		if _, ok := f.Sections["severity"]; ok {
			t.Errorf("%q: severity taken for a check's section", text)
		}
	}
}
