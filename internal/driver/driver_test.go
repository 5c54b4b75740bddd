package driver_test

import (
	"go/ast"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/apivet/apivet/analyzers"
	"github.com/apivet/apivet/analyzers/pprof"
	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/driver"
	"github.com/apivet/apivet/internal/testutil"
)

// panicky panics on every package with a function declaration.
var panicky = &check.Check{
	Analyzer: &analysis.Analyzer{
		Name: "panicky",
		Doc:  "panicky: panics, for tests",
		Run: func(pass *analysis.Pass) (any, error) {
			for _, f := range pass.Files {
				for _, d := range f.Decls {
					if _, ok := d.(*ast.FuncDecl); ok {
						var m map[string]int
						m["boom"]++ // nil map write: a panic
					}
				}
			}
			return nil, nil
		},
	},
	Severity: check.Warning,
}

// helperPanics is a prerequisite that panics; dependent is a check that
// requires it.
var helperPanics = &analysis.Analyzer{
	Name:       "helperpanics",
	Doc:        "helperpanics: a prerequisite that panics",
	ResultType: reflect.TypeOf(0),
	Run:        func(*analysis.Pass) (any, error) { panic("prerequisite exploded") },
}

var dependent = &check.Check{
	Analyzer: &analysis.Analyzer{
		Name:     "dependent",
		Doc:      "dependent: requires helperpanics",
		Requires: []*analysis.Analyzer{helperPanics},
		Run:      func(*analysis.Pass) (any, error) { return nil, nil },
	},
	Severity: check.Warning,
}

func TestPanicIsolation(t *testing.T) {
	dir := testutil.Module(t, "testdata/mod")
	res, err := driver.Run(driver.Config{Dir: dir, Checks: []*check.Check{panicky, pprof.Check, dependent}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 || res.Findings[0].Check != pprof.Check {
		t.Fatalf("want the one pprof finding despite the panics, got %+v", res.Findings)
	}
	var msgs []string
	for _, p := range res.Problems {
		if p.Kind != driver.InternalError {
			t.Errorf("unexpected problem kind: %v", p)
		}
		msgs = append(msgs, p.Message)
		if p.Stack == "" {
			t.Errorf("internal error without a stack: %v", p)
		}
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{
		"analyzer panicky panicked on package example.com/drivertest/svc: assignment to entry in nil map",
		"analyzer helperpanics panicked on package example.com/drivertest/svc: prerequisite exploded",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("problems lack %q:\n%s", want, all)
		}
	}
	if len(res.Problems) != 2 {
		t.Errorf("want 2 internal errors (each reported once), got %d:\n%s", len(res.Problems), all)
	}
}

func TestFingerprintsIgnoreLineNumbers(t *testing.T) {
	dir := testutil.Module(t, "testdata/mod")
	res, err := driver.Run(driver.Config{Dir: dir, Checks: []*check.Check{pprof.Check}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 {
		t.Fatalf("want 1 finding, got %+v; problems %+v", res.Findings, res.Problems)
	}
	f := res.Findings[0]
	if f.Function != "main" || f.Line != `http.ListenAndServe(":6060", nil)` || len(f.Fingerprint) != 24 {
		t.Errorf("finding context: function %q, line %q, fingerprint %q", f.Function, f.Line, f.Fingerprint)
	}
}

// The loader parses without the parser's object resolution (a third of
// parsing, and nothing reads it), both from disk and for unsaved editor
// buffers.
func TestLoadSkipsObjectResolution(t *testing.T) {
	dir := testutil.Module(t, "testdata/mod")
	for _, unsaved := range []bool{false, true} {
		cfg := driver.Config{Dir: dir}
		if unsaved {
			name := filepath.Join(dir, "svc", "main.go")
			text, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			cfg.Unsaved = map[string][]byte{name: append(text, "\nfunc unsaved() int { x := 1; return x }\n"...)}
		}
		pkgs, err := driver.Load(cfg)
		if err != nil {
			t.Fatal(err)
		}
		files, sawUnsaved := 0, false
		for _, p := range pkgs {
			for _, f := range p.Syntax {
				files++
				sawUnsaved = sawUnsaved || p.Types.Scope().Lookup("unsaved") != nil
				if f.Scope != nil || len(f.Unresolved) > 0 {
					t.Errorf("unsaved=%v: %s was parsed with object resolution", unsaved, p.Fset.File(f.Pos()).Name())
				}
			}
		}
		if files == 0 || sawUnsaved != unsaved {
			t.Errorf("unsaved=%v: %d files loaded, unsaved text seen: %v", unsaved, files, sawUnsaved)
		}
	}
}

// TestCgoOnlyDependency: with CGO_ENABLED=0 a dependency whose type is
// defined in a cgo file does not type-check; the package importing it
// type-checks on its own and is still analyzed, and the dependency's
// failure is reported.
func TestCgoOnlyDependency(t *testing.T) {
	dir := testutil.Module(t, "testdata/cgodep")
	res, err := driver.Run(driver.Config{Dir: dir, Checks: analyzers.All(), Env: []string{"CGO_ENABLED=0"}})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range res.Findings {
		found = found || f.Check.Name() == "hardcodedsecret" && strings.HasSuffix(f.Pos.Filename, "app.go")
	}
	if !found {
		t.Errorf("app.go's finding was lost with its dependency: %v", res.Findings)
	}
	reported := false
	for _, p := range res.Problems {
		reported = reported || strings.Contains(p.Message, "undefined: Error") && strings.Contains(p.Message, "CGO_ENABLED=1")
	}
	if !reported {
		t.Errorf("dep's failure is not reported with its likely fix: %v", res.Problems)
	}
}

// TestEmbedPatternMissing: a //go:embed pattern that matches no file (the
// built frontend is not in the checkout) costs no findings: the package's
// code type-checks, and the problem says the files are missing.
func TestEmbedPatternMissing(t *testing.T) {
	dir := testutil.Module(t, "testdata/embedmissing")
	res, err := driver.Run(driver.Config{Dir: dir, Checks: analyzers.All()})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range res.Findings {
		found = found || f.Check.Name() == "hardcodedsecret" && strings.HasSuffix(f.Pos.Filename, "assets.go")
	}
	if !found {
		t.Errorf("assets.go's finding was lost with its embedded files: %v", res.Findings)
	}
	reported := false
	for _, p := range res.Problems {
		reported = reported || strings.Contains(p.Message, "no matching files found") && strings.Contains(p.Message, "embedded files are missing")
	}
	if !reported {
		t.Errorf("the missing files are not reported: %v", res.Problems)
	}
}
