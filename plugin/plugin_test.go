package plugin

import (
	"go/ast"
	"reflect"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apivet/apivet/analyzers"
	"github.com/apivet/apivet/internal/check"
)

type fakeSettings struct {
	AllowValues []string `yaml:"allow-values"`
	MinLength   int      `yaml:"min-length"`
}

func fakeChecks() ([]*check.Check, *fakeSettings) {
	s := &fakeSettings{MinLength: 8}
	mk := func(name string, settings any) *check.Check {
		return &check.Check{Analyzer: &analysis.Analyzer{Name: name, Doc: name,
			Run: func(*analysis.Pass) (any, error) { return nil, nil }}, Settings: settings}
	}
	return []*check.Check{mk("alpha", s), mk("beta", nil), mk("gamma", nil)}, s
}

func names(as []*analysis.Analyzer) string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return strings.Join(out, ",")
}

func TestSettings(t *testing.T) {
	for _, tc := range []struct {
		name     string
		raw      any
		want     string // analyzer names, or the error's substring
		wantErr  bool
		minLen   int
		allowLen int
	}{
		{name: "no settings", raw: nil, want: "alpha,beta,gamma", minLen: 8},
		{name: "empty", raw: map[string]any{}, want: "alpha,beta,gamma", minLen: 8},
		{name: "enable", raw: map[string]any{"enable": []any{"beta", "gamma"}}, want: "beta,gamma", minLen: 8},
		{name: "disable", raw: map[string]any{"disable": []any{"beta"}}, want: "alpha,gamma", minLen: 8},
		{name: "enable all disable", raw: map[string]any{"enable": []any{"all"}, "disable": []any{"alpha"}}, want: "beta,gamma", minLen: 8},
		{name: "check settings", raw: map[string]any{"alpha": map[string]any{"min-length": 12, "allow-values": []any{"^test-"}}},
			want: "alpha,beta,gamma", minLen: 12, allowLen: 1},
		{name: "unknown key", raw: map[string]any{"alhpa": map[string]any{}}, wantErr: true,
			want: `unknown setting "alhpa": expected enable, disable, tests, severity or a check name (checks: alpha, beta, gamma)`},
		{name: "unknown check setting", raw: map[string]any{"alpha": map[string]any{"min-lenght": 3}}, wantErr: true,
			want: "field min-lenght not found"},
		{name: "settings of a check without settings", raw: map[string]any{"beta": map[string]any{"x": 1}}, wantErr: true,
			want: "check beta has no settings"},
		{name: "unknown enabled check", raw: map[string]any{"enable": []any{"bolla"}}, wantErr: true,
			want: `enable: unknown check "bolla"`},
		{name: "unknown disabled check", raw: map[string]any{"disable": []any{"x"}}, wantErr: true,
			want: `disable: unknown check "x"`},
		{name: "wrong type", raw: map[string]any{"enable": "alpha"}, wantErr: true, want: "enable: json: cannot unmarshal string"},
		{name: "unknown severity", raw: map[string]any{"severity": "info"}, wantErr: true,
			want: `severity: unknown severity "info" (want error, warning or note)`},
		{name: "severity", raw: map[string]any{"severity": "note"}, want: "alpha,beta,gamma", minLen: 8},
		{name: "not a mapping", raw: []any{"alpha"}, wantErr: true, want: "settings must be a mapping"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			all, s := fakeChecks()
			p, err := newPlugin(tc.raw, all)
			if tc.wantErr {
				if err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Fatalf("err = %v, want one containing %q", err, tc.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			as, _ := p.BuildAnalyzers()
			if got := names(as); got != tc.want {
				t.Errorf("analyzers = %s, want %s", got, tc.want)
			}
			if s.MinLength != tc.minLen || len(s.AllowValues) != tc.allowLen {
				t.Errorf("settings = %+v", *s)
			}
		})
	}
}

func TestTestsSetting(t *testing.T) {
	defer func(old bool) { check.Options.Tests = old }(check.Options.Tests)
	all, _ := fakeChecks()
	if _, err := newPlugin(map[string]any{"tests": true}, all); err != nil {
		t.Fatal(err)
	}
	if !check.Options.Tests {
		t.Error("tests: true did not set check.Options.Tests")
	}
}

func TestRegistered(t *testing.T) {
	newFn, err := register.GetPlugin(Name)
	if err != nil {
		t.Fatal(err)
	}
	p, err := newFn(nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.GetLoadMode() != register.LoadModeTypesInfo {
		t.Errorf("load mode %q", p.GetLoadMode())
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != len(analyzers.All()) {
		t.Errorf("%d analyzers, want every registered check (%d)", len(as), len(analyzers.All()))
	}
	if err := analysis.Validate(as); err != nil {
		t.Error(err)
	}
	for _, a := range as {
		if a.Name == Name {
			t.Errorf("analyzer named %q: golangci-lint would not prefix its messages with the check name", Name)
		}
	}
}

// A check that panics must not abort golangci-lint's run: its internal
// error becomes a diagnostic.
func TestPanicBecomesDiagnostic(t *testing.T) {
	crashy := &analysis.Analyzer{Name: "crashy", Doc: "panics",
		Run: func(*analysis.Pass) (any, error) { panic("boom") }}
	check.Guard(crashy)
	analysistest.Run(t, analysistest.TestData(), survive(crashy), "crash")
}

// The severity setting drops findings below it; the default is warning.
// Each testdata package expects what its threshold lets through of one
// note (func Note…) and one warning (func Warn…).
func TestSeveritySetting(t *testing.T) {
	reporter := &check.Check{Severity: check.Warning, Analyzer: &analysis.Analyzer{Name: "levels", Doc: "levels",
		Run: func(pass *analysis.Pass) (any, error) {
			for _, f := range pass.Files {
				for _, d := range f.Decls {
					fd, ok := d.(*ast.FuncDecl)
					switch {
					case !ok:
					case strings.HasPrefix(fd.Name.Name, "Note"):
						check.Report(pass, analysis.Diagnostic{Pos: fd.Pos(), Message: "note " + fd.Name.Name}, check.Note)
					case strings.HasPrefix(fd.Name.Name, "Warn"):
						pass.Report(analysis.Diagnostic{Pos: fd.Pos(), Message: "warning " + fd.Name.Name,
							Related: []analysis.RelatedInformation{{Pos: fd.Pos(), Message: "related"}}})
					}
				}
			}
			return nil, nil
		}}}
	for setting, pkg := range map[string]string{"": "severitydefault", "note": "severitynote", "error": "severityerror"} {
		raw := map[string]any{}
		if setting != "" {
			raw["severity"] = setting
		}
		p, err := newPlugin(raw, []*check.Check{reporter})
		if err != nil {
			t.Fatal(err)
		}
		as, _ := p.BuildAnalyzers()
		for _, r := range analysistest.Run(t, analysistest.TestData(), as[0], pkg) {
			for _, d := range r.Diagnostics {
				if len(d.Related) > 0 {
					t.Errorf("%s: related information reaches golangci-lint, which prints each as an issue: %v", d.Message, d.Related)
				}
			}
		}
	}
}

// The x/tools analyzers golangci-lint's other linters share with apivet
// keep their own Run once the plugin is built.
func TestSharedAnalyzersUntouched(t *testing.T) {
	before := map[*analysis.Analyzer]uintptr{}
	for _, a := range shared {
		before[a] = reflect.ValueOf(a.Run).Pointer()
	}
	newFn, _ := register.GetPlugin(Name)
	if _, err := newFn(nil); err != nil {
		t.Fatal(err)
	}
	for _, a := range shared {
		if reflect.ValueOf(a.Run).Pointer() != before[a] {
			t.Errorf("%s.Run was replaced", a.Name)
		}
	}
}
