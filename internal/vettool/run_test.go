package vettool

// In-process tests of Run on hand-written *.cfg files: analyzer failures,
// VetxOnly, facts through vetx files, and the plain output with -c.

import (
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"log"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/gcexportdata"
)

// tagFact marks a function (object fact) or a package (package fact).
type tagFact struct{ Tag string }

func (*tagFact) AFact()           {}
func (f *tagFact) String() string { return "tag(" + f.Tag + ")" }

var (
	// tagger exports a fact on each exported function and on the
	// package, and reports the facts it imports at each call.
	tagger = &analysis.Analyzer{
		Name:      "tagger",
		Doc:       "test analyzer with facts",
		FactTypes: []analysis.Fact{new(tagFact)},
		Run: func(pass *analysis.Pass) (any, error) {
			for _, f := range pass.Files {
				ast.Inspect(f, func(n ast.Node) bool {
					switch n := n.(type) {
					case *ast.FuncDecl:
						if n.Name.IsExported() {
							pass.ExportObjectFact(pass.TypesInfo.Defs[n.Name], &tagFact{pass.Pkg.Name() + "." + n.Name.Name})
						}
					case *ast.CallExpr:
						if sel, ok := n.Fun.(*ast.SelectorExpr); ok {
							var fact tagFact
							if obj := pass.TypesInfo.Uses[sel.Sel]; obj != nil && pass.ImportObjectFact(obj, &fact) {
								pass.Reportf(n.Pos(), "call of %s", fact.Tag)
							}
						}
					}
					return true
				})
			}
			for _, pf := range pass.AllPackageFacts() {
				pass.Reportf(pass.Files[0].Package, "package fact %s on %s", pf.Fact, pf.Package.Path())
			}
			pass.ExportPackageFact(&tagFact{"pkg " + pass.Pkg.Path()})
			return nil, nil
		},
	}
	boom = &analysis.Analyzer{
		Name: "boom",
		Doc:  "test analyzer that panics",
		Run:  func(pass *analysis.Pass) (any, error) { panic("kaboom") },
	}
	needsBoom = &analysis.Analyzer{
		Name:     "needsboom",
		Doc:      "test analyzer whose prerequisite fails",
		Requires: []*analysis.Analyzer{boom},
		Run:      func(pass *analysis.Pass) (any, error) { return nil, nil },
	}
	plainRuns int
	plain     = &analysis.Analyzer{
		Name: "plain",
		Doc:  "test analyzer without facts",
		Run: func(pass *analysis.Pass) (any, error) {
			plainRuns++
			pass.Reportf(pass.Files[0].Name.Pos(), "package %s", pass.Pkg.Name())
			return nil, nil
		},
	}
)

func init() { registerFactTypes(expand([]*analysis.Analyzer{tagger})) }

// writeUnit writes src as package path in dir, and its *.cfg, and
// returns the cfg file name and the Config.
func writeUnit(t *testing.T, dir, path, src string, mutate func(*Config)) (string, *Config) {
	t.Helper()
	name := filepath.Join(dir, filepath.Base(path)+".go")
	if err := os.WriteFile(name, []byte(src), 0o666); err != nil {
		t.Fatal(err)
	}
	cfg := &Config{
		ID: path, Compiler: "gc", Dir: dir, ImportPath: path, GoVersion: "go1.22",
		GoFiles:     []string{name},
		ImportMap:   map[string]string{},
		PackageFile: map[string]string{},
		PackageVetx: map[string]string{},
		VetxOutput:  filepath.Join(dir, filepath.Base(path)+".vetx"),
		Stdout:      filepath.Join(dir, filepath.Base(path)+".stdout"),
	}
	if mutate != nil {
		mutate(cfg)
	}
	data, _ := json.Marshal(cfg)
	cfgFile := filepath.Join(dir, filepath.Base(path)+".cfg")
	if err := os.WriteFile(cfgFile, data, 0o666); err != nil {
		t.Fatal(err)
	}
	return cfgFile, cfg
}

// exportData type-checks a no-import package from source and writes
// export data for it (the test's stand-in for the compiler's).
func exportData(t *testing.T, file, path, out string) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check(path, fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	w, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if err := gcexportdata.Write(w, fset, pkg); err != nil {
		t.Fatal(err)
	}
}

func readTree(t *testing.T, file string) map[string]map[string][]map[string]any {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var tree map[string]map[string][]map[string]any
	if err := json.Unmarshal(data, &tree); err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	return tree
}

func setJSON(t *testing.T, on bool, context int) {
	oldJSON, oldContext, oldStdout := jsonOut, contextLine, os.Stdout
	jsonOut, contextLine = on, context
	t.Cleanup(func() { jsonOut, contextLine, os.Stdout = oldJSON, oldContext, oldStdout })
}

// A panic in one analyzer is reported, with the analyzer and the package,
// as is its dependent's failed prerequisite; the other analyzers' findings
// are kept.
func TestAnalyzerFailure(t *testing.T) {
	setJSON(t, true, -1)
	dir := t.TempDir()
	cfgFile, cfg := writeUnit(t, dir, "example.com/p", "package p\n\nfunc F() {}\n", nil)
	if code := Run(cfgFile, []*analysis.Analyzer{boom, needsBoom, plain}); code != 0 {
		t.Fatalf("Run: exit %d, want 0 (-json)", code)
	}
	tree := readTree(t, cfg.Stdout)["example.com/p"]
	want := map[string]string{
		"boom":      "internal error: analyzer boom panicked on package example.com/p: kaboom",
		"needsboom": "needsboom check failed on package example.com/p: prerequisite boom failed: internal error: analyzer boom panicked",
		"plain":     "plain: package p", // messages start with the check's name
	}
	for name, msg := range want {
		ds := tree[name]
		if len(ds) != 1 || !strings.HasPrefix(ds[0]["message"].(string), msg) {
			t.Errorf("%s: want one diagnostic %q, got %v", name, msg, ds)
			continue
		}
		if cat, _ := ds[0]["category"].(string); (cat == "internal-error") != (name != "plain") {
			t.Errorf("%s: category %q", name, cat)
		}
	}
	if p := tree["boom"][0]["posn"].(string); !strings.HasSuffix(p, "p.go:1:1") {
		t.Errorf("boom reported at %s, want the package clause", p)
	}
}

// Facts go through vetx files: p's object and package facts reach q, which
// imports p; in a VetxOnly run only analyzers with facts run.
func TestFactsThroughVetx(t *testing.T) {
	setJSON(t, true, -1)
	dir := t.TempDir()
	pCfg, p := writeUnit(t, dir, "example.com/p", "package p\n\nfunc F() {}\nfunc g() {}\n", func(c *Config) { c.VetxOnly = true })
	plainRuns = 0
	if code := Run(pCfg, []*analysis.Analyzer{tagger, plain}); code != 0 {
		t.Fatalf("Run(p): exit %d", code)
	}
	if plainRuns != 0 {
		t.Errorf("VetxOnly ran an analyzer without facts")
	}
	if data, _ := os.ReadFile(p.Stdout); len(data) != 0 {
		t.Errorf("VetxOnly printed %s", data)
	}
	pExport := filepath.Join(dir, "p.a")
	exportData(t, p.GoFiles[0], "example.com/p", pExport)

	qCfg, q := writeUnit(t, dir, "example.com/q", "package q\n\nimport \"example.com/p\"\n\nfunc H() { p.F() }\n", func(c *Config) {
		c.ImportMap["example.com/p"] = "example.com/p"
		c.PackageFile["example.com/p"] = pExport
		c.PackageVetx["example.com/p"] = p.VetxOutput
	})
	if code := Run(qCfg, []*analysis.Analyzer{tagger}); code != 0 {
		t.Fatalf("Run(q): exit %d", code)
	}
	var msgs []string
	for _, d := range readTree(t, q.Stdout)["example.com/q"]["tagger"] {
		msgs = append(msgs, d["message"].(string))
	}
	got := strings.Join(msgs, "\n")
	for _, want := range []string{"call of p.F", "package fact tag(pkg example.com/p) on example.com/p"} {
		if !strings.Contains(got, want) {
			t.Errorf("q: missing %q in\n%s", want, got)
		}
	}

	// q's vetx carries p's package fact forward (not p's facts about its
	// package-level functions: a dependent must import p to name them).
	pkg := types.NewPackage("example.com/q", "q")
	facts, err := readFacts(pkg, map[string]string{"example.com/q": q.VetxOutput}, map[string]*types.Package{})
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k, v := range facts.m {
		keys = append(keys, fmt.Sprintf("%s %v %v", k.pkg.Path(), k.obj != nil, v))
	}
	if len(keys) != 2 || !reflect.DeepEqual(sortedStrings(keys), []string{"example.com/p false tag(pkg example.com/p)", "example.com/q false tag(pkg example.com/q)"}) {
		t.Errorf("q's vetx, read by a package that sees neither p nor q's objects: %v", keys)
	}
}

func sortedStrings(s []string) []string {
	out := append([]string(nil), s...)
	sort.Strings(out)
	return out
}

// Plain output: file:line:col: message on stderr, -c lines of context,
// exit status 1; a type error is printed bare.
func TestPlainOutput(t *testing.T) {
	setJSON(t, false, 1)
	dir := t.TempDir()
	stderr, err := os.Create(filepath.Join(dir, "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	oldStderr := os.Stderr
	os.Stderr = stderr
	defer func() { os.Stderr = oldStderr }()

	cfgFile, _ := writeUnit(t, dir, "example.com/p", "package p\n\nfunc F() {}\n", nil)
	code := Run(cfgFile, []*analysis.Analyzer{plain})
	badCfg, _ := writeUnit(t, dir, "example.com/bad", "package bad\n\nvar x int = \"s\"\n", nil)
	badCode := Run(badCfg, []*analysis.Analyzer{plain})
	os.Stderr = oldStderr
	out, _ := os.ReadFile(stderr.Name())

	if code != 1 || badCode != 1 {
		t.Errorf("exit %d and %d, want 1 and 1", code, badCode)
	}
	want := filepath.Join(dir, "p.go") + ":1:9: plain: package p\n1\tpackage p\n2\t\n" +
		filepath.Join(dir, "bad.go") + `:3:13: cannot use "s" (untyped string constant) as int value in variable declaration` + "\n"
	if string(out) != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", out, want)
	}
}

// Setup's selection (the configuration's list of checks) applies unless
// -NAME flags selected the analyzers; a Setup error is one clear message.
func TestSetupSelection(t *testing.T) {
	setJSON(t, true, -1)
	oldSetup, oldExplicit := Setup, explicitSelection
	t.Cleanup(func() { Setup, explicitSelection = oldSetup, oldExplicit })
	Setup = func() ([]*analysis.Analyzer, error) { return []*analysis.Analyzer{plain}, nil }

	for _, explicit := range []bool{false, true} {
		explicitSelection = explicit
		dir := t.TempDir()
		cfgFile, cfg := writeUnit(t, dir, "example.com/p", "package p\n", nil)
		if code := Run(cfgFile, []*analysis.Analyzer{boom, plain}); code != 0 {
			t.Fatalf("exit %d", code)
		}
		tree := readTree(t, cfg.Stdout)["example.com/p"]
		if _, ranBoom := tree["boom"]; ranBoom == !explicit || len(tree["plain"]) != 1 {
			t.Errorf("explicit=%v: ran %v", explicit, tree)
		}
	}

	Setup = func() ([]*analysis.Analyzer, error) { return nil, fmt.Errorf("config x.yml: unknown check %q", "nope") }
	dir := t.TempDir()
	stderr, _ := os.Create(filepath.Join(dir, "stderr"))
	log.SetOutput(stderr)
	log.SetFlags(0)
	defer log.SetOutput(os.Stderr)
	defer log.SetFlags(log.LstdFlags)
	cfgFile, cfg := writeUnit(t, dir, "example.com/p", "package p\n", nil)
	code := Run(cfgFile, []*analysis.Analyzer{plain})
	depCfg, dep := writeUnit(t, dir, "example.com/dep", "package dep\n", func(c *Config) { c.VetxOnly = true })
	depCode := Run(depCfg, []*analysis.Analyzer{tagger})
	log.SetOutput(os.Stderr)
	out, _ := os.ReadFile(stderr.Name())
	if code != 1 || string(out) != "config x.yml: unknown check \"nope\"\n" {
		t.Errorf("exit %d, stderr %q, want one line with the error", code, out)
	}
	if data, _ := os.ReadFile(cfg.Stdout); len(data) != 0 {
		t.Errorf("stdout: %s", data)
	}
	// A dependency exits 0 (else go vet prints "exit status 1" for each).
	if _, err := os.Stat(dep.VetxOutput); depCode != 0 || err != nil {
		t.Errorf("VetxOnly with a config error: exit %d, vetx %v", depCode, err)
	}
}

// The -NAME flags select analyzers as unitchecker's do (any true: only
// those; else all but those set false), and -NAME.flag reaches the
// analyzer's own flags.
func TestParseFlags(t *testing.T) {
	setJSON(t, false, -1)
	oldExplicit := explicitSelection
	t.Cleanup(func() { explicitSelection = oldExplicit })
	withFlag := &analysis.Analyzer{Name: "withflag", Doc: "test analyzer with a flag", Run: plain.Run}
	level := withFlag.Flags.Int("level", 1, "a setting")
	all := []*analysis.Analyzer{tagger, plain, withFlag}
	for _, tc := range []struct {
		args     []string
		want     string
		explicit bool
	}{
		{nil, "tagger plain withflag", false},
		{[]string{"-plain=false"}, "tagger withflag", true},
		{[]string{"-plain", "-tagger=true"}, "tagger plain", true},
		{[]string{"-plain=false", "-withflag.level=3", "-json", "x.cfg"}, "tagger withflag", true},
	} {
		fs := flag.NewFlagSet("apivet", flag.ContinueOnError)
		var names []string
		for _, a := range parseFlags(fs, tc.args, all) {
			names = append(names, a.Name)
		}
		if got := strings.Join(names, " "); got != tc.want || explicitSelection != tc.explicit {
			t.Errorf("%v: enabled %q (explicit %v), want %q (%v)", tc.args, got, explicitSelection, tc.want, tc.explicit)
		}
	}
	if *level != 3 || !jsonOut {
		t.Errorf("-withflag.level=3 -json: level %d, json %v", *level, jsonOut)
	}
}

// graphFact is exported by importsFact from the import graph alone.
type graphFact struct{ Imports []string }

func (*graphFact) AFact() {}

var importsFact = &analysis.Analyzer{
	Name:      "importsfact",
	Doc:       "test analyzer that works from the import graph",
	FactTypes: []analysis.Fact{new(graphFact)},
	Run: func(pass *analysis.Pass) (any, error) {
		f := &graphFact{}
		for _, imp := range pass.Pkg.Imports() {
			f.Imports = append(f.Imports, imp.Path())
			var dep graphFact
			if pass.ImportPackageFact(imp, &dep) {
				f.Imports = append(f.Imports, dep.Imports...)
			}
		}
		if pass.TypesInfo != nil {
			f.Imports = append(f.Imports, "(typed)")
		}
		pass.ExportPackageFact(f)
		return nil, nil
	},
}

func init() { registerFactTypes(expand([]*analysis.Analyzer{importsFact})) }

// A facts-only run on a versioned module's package is not parsed or
// type-checked (this one does not even type-check): analyzers see its
// import graph, and package facts flow through it.
func TestImportGraphOfDependencies(t *testing.T) {
	setJSON(t, true, -1)
	dir := t.TempDir()
	lowCfg, low := writeUnit(t, dir, "example.com/lib/low", "package low\n", func(c *Config) {
		c.VetxOnly, c.ModulePath, c.ModuleVersion = true, "example.com/lib", "v1.2.3"
	})
	if code := Run(lowCfg, []*analysis.Analyzer{importsFact}); code != 0 {
		t.Fatalf("Run(low): exit %d", code)
	}
	libCfg, lib := writeUnit(t, dir, "example.com/lib", "package lib\n\nimport \"example.com/lib/low\"\n\nvar x int = \"not type-checked\"\n", func(c *Config) {
		c.VetxOnly, c.ModulePath, c.ModuleVersion = true, "example.com/lib", "v1.2.3"
		c.ImportMap["example.com/lib/low"] = "example.com/lib/low"
		c.PackageVetx["example.com/lib/low"] = low.VetxOutput
	})
	if code := Run(libCfg, []*analysis.Analyzer{importsFact}); code != 0 {
		t.Fatalf("Run(lib): exit %d (a dependency must not be type-checked)", code)
	}
	facts, err := readFacts(types.NewPackage("x", "x"), map[string]string{"example.com/lib": lib.VetxOutput}, map[string]*types.Package{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for k, v := range facts.m {
		got = append(got, k.pkg.Path()+": "+strings.Join(v.(*graphFact).Imports, ","))
	}
	if want := []string{"example.com/lib/low: ", "example.com/lib: example.com/lib/low"}; !reflect.DeepEqual(sortedStrings(got), want) {
		t.Errorf("facts in lib's vetx: %q, want %q", sortedStrings(got), want)
	}

	// The same package in the main module (no version) is type-checked.
	mainCfg, _ := writeUnit(t, dir, "example.com/app", "package app\n", func(c *Config) {
		c.VetxOnly, c.ModulePath = true, "example.com/app"
	})
	if code := Run(mainCfg, []*analysis.Analyzer{importsFact}); code != 0 {
		t.Fatalf("Run(app): exit %d", code)
	}
	facts, err = readFacts(types.NewPackage("x", "x"), map[string]string{"example.com/app": filepath.Join(dir, "app.vetx")}, map[string]*types.Package{})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range facts.m {
		if imps := v.(*graphFact).Imports; len(imps) != 1 || imps[0] != "(typed)" {
			t.Errorf("app: %v, want a typed pass", imps)
		}
	}
}
