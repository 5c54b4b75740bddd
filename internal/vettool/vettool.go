// Package vettool runs apivet's analyzers under
// `go vet -vettool=$(command -v apivet)`.
//
// It speaks the protocol of golang.org/x/tools/go/analysis/unitchecker
// (x/tools v0.52.0): `-V=full` describes the executable for go vet's
// cache, `-flags` lists the flags as JSON, and a single *.cfg argument
// (JSON, written by cmd/go) describes one package to analyze. go vet runs
// the tool once per package, dependencies first; facts flow from a
// package to its dependents through "vetx" files the tool writes
// (cfg.VetxOutput) and reads back (cfg.PackageVetx).
//
// Why not unitchecker itself: unitchecker type-checks each package
// against types it serialized into its own vetx files with
// x/tools/internal/gcimporter.IExportData, and that encoder qualifies an
// interface's unexported methods with the package being exported rather
// than the method's own package (internal/gcimporter/iexport.go:1091,
// `w.pkg(pkg) // qualifies unexported method funcs`, reached from
// iexport.go:778 with the declaring package of a defined type; read back
// at iimport.go:916). After `type J a.I` in package b, b.J's method
// `apply` belongs to b instead of a, so a third package passing an a.I
// as a b.J gets a false "missing method apply" type error. This driver
// type-checks against the compiler's own export data (cfg.PackageFile,
// read with go/gcexportdata, as go/packages does), the same types go
// build and the standalone mode see, and keeps vetx files for facts
// only, in its own format (see facts.go).
//
// Kept from unitchecker: the flags (an enable flag -NAME per analyzer,
// -NAME.flag for its flags, -json, -c, the legacy no-op vet flags, -V,
// -flags), the output (plain `file:line:col: message` on stderr with
// exit status 1, or with -json the JSON tree {ID: {analyzer:
// diagnostics}} on stdout with exit status 0), type errors printed
// bare on stderr with exit status 1, the rules for which imported facts are
// carried forward, and TypeErrors left nil (analyzers never run on a
// package that does not type-check).
//
// Different from unitchecker: in a VetxOnly run only the analyzers that
// produce facts run (unitchecker's filter is reversed, see its TODO, and
// it also type-checks when no analyzer needs facts: we write an empty
// vetx without parsing anything); a VetxOnly run on the standard library
// or a versioned module gives the analyzers the import graph only, no
// syntax or type information, as the standalone driver does for
// dependencies (see importGraph); all type errors of the package are
// printed, not just the first; analyzers run one after the other (go
// vet already runs packages in parallel); prerequisite failures and
// panics are reported by name, and in JSON as a diagnostic, not an
// {"error": ...} entry (see printResults); -fix is not supported (use
// the standalone `apivet -fix`).
package vettool

import (
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"io"
	"log"
	"os"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/gcexportdata"

	"github.com/apivet/apivet/internal/check"
)

// Setup, if set, runs once after the flags are parsed and before any
// analyzer runs (the apivet command loads .apivet.yml there). An error
// fails the package with a single clear message instead of one error per
// analyzer. A non-nil result selects the analyzers to run when no -NAME
// flag was given (the configuration's list of checks); the flags win,
// as -checks does over the list in the standalone mode.
var Setup func() ([]*analysis.Analyzer, error)

// Keep, if set, decides which diagnostics of the analyzers run are
// printed (apivet drops those below its severity threshold). It is
// called after Setup.
var Keep func(a *analysis.Analyzer, d analysis.Diagnostic) bool

// VersionSalt, if set, returns extra bytes that go into the build ID
// printed by -V=full. go vet caches each package's result under that ID,
// the flags and the package's inputs; anything else that changes the
// result (the apivet configuration file) must change the ID or go vet
// replays stale results. It runs in go vet's working directory.
var VersionSalt func() []byte

// Config is the JSON *.cfg file cmd/go writes for each package
// (cmd/go/internal/work.vetConfig; Module is new in Go 1.27).
type Config struct {
	ID                        string // e.g. "fmt [fmt.test]"
	Compiler                  string
	Dir                       string
	ImportPath                string
	GoVersion                 string // minimum Go version, e.g. "go1.22"
	GoFiles                   []string
	NonGoFiles                []string
	IgnoredFiles              []string
	ModulePath                string
	ModuleVersion             string
	Module                    *analysis.Module
	ImportMap                 map[string]string // import path in source → package path
	PackageFile               map[string]string // package path → compiler export data
	Standard                  map[string]bool
	PackageVetx               map[string]string // package path → its vetx (facts) file
	VetxOnly                  bool              // compute facts only, report nothing
	VetxOutput                string            // where to write this package's facts
	Stdout                    string            // where stdout (JSON) goes
	FixArchive                string            // go fix: zip of fixed files (unsupported)
	SucceedOnTypecheckFailure bool
}

// flags common to unitchecker drivers.
var (
	explicitSelection bool // some -NAME flag was given
	jsonOut           bool
	prefixNames       = true
	contextLine       = -1
	fixFlag           bool
	diffFlag          bool
)

// Main is the main function of `apivet` under go vet. It parses the
// command line (analyzer flags and any flags the caller registered on
// flag.CommandLine before), and never returns.
func Main(analyzers []*analysis.Analyzer) {
	progname := filepath.Base(os.Args[0])
	log.SetFlags(0)
	log.SetPrefix(progname + ": ")
	if err := analysis.Validate(analyzers); err != nil {
		log.Fatal(err)
	}
	registerFactTypes(expand(analyzers))
	enabled := parseFlags(flag.CommandLine, os.Args[1:], analyzers)
	args := flag.Args()
	if len(args) != 1 || !strings.HasSuffix(args[0], ".cfg") {
		fmt.Fprintf(os.Stderr, "%[1]s: this mode is for go vet: go vet -vettool=$(command -v %[1]s) [flags] [packages]\n"+
			"run %[1]s -h for the standalone mode\n", progname)
		os.Exit(2)
	}
	if fixFlag || diffFlag {
		log.Fatalf("-fix and -diff are not supported under go vet; run %s -fix [packages] instead", progname)
	}
	os.Exit(Run(args[0], enabled))
}

// parseFlags registers the flags (as analysisflags.Parse does in
// "multi" mode), parses the command line, answers -flags and -V=full,
// and returns the analyzers the -NAME flags enable: if any -NAME is
// true only those, else all but those set false.
func parseFlags(fs *flag.FlagSet, args []string, analyzers []*analysis.Analyzer) []*analysis.Analyzer {
	enable := map[*analysis.Analyzer]*triState{}
	for _, a := range analyzers {
		ts := new(triState)
		enable[a] = ts
		fs.Var(ts, a.Name, fmt.Sprintf("enable the %s check", a.Name))
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	printFlags := fs.Bool("flags", false, "print the flags in JSON (for go vet)")
	if fs.Lookup("V") == nil {
		fs.Var(versionFlag{}, "V", "print the version and exit (-V=full, for go vet's cache)")
	}
	fs.BoolVar(&jsonOut, "json", false, "emit JSON output")
	fs.BoolVar(&prefixNames, "names", true, "begin each message with the name of the check that reports it (go vet prints no analyzer name)")
	fs.IntVar(&contextLine, "c", -1, "display offending line with this many lines of context")
	fs.BoolVar(&fixFlag, "fix", false, "not supported under go vet")
	fs.BoolVar(&diffFlag, "diff", false, "not supported under go vet")
	// Legacy vet flags, accepted with no effect, as unitchecker does.
	for _, name := range []string{"source", "v", "all"} {
		if fs.Lookup(name) == nil {
			fs.Bool(name, false, "no effect (deprecated)")
		}
	}
	if fs.Lookup("tags") == nil {
		fs.String("tags", "", "no effect (deprecated)")
	}
	fs.Parse(args) // ExitOnError for flag.CommandLine

	if *printFlags {
		type jsonFlag struct {
			Name  string
			Bool  bool
			Usage string
		}
		var out []jsonFlag
		fs.VisitAll(func(f *flag.Flag) {
			switch f.Name {
			case "debug", "cpuprofile", "memprofile", "trace", "fix":
				return // not for go vet (as in unitchecker)
			}
			b, ok := f.Value.(interface{ IsBoolFlag() bool })
			out = append(out, jsonFlag{f.Name, ok && b.IsBoolFlag(), f.Usage})
		})
		data, err := json.MarshalIndent(out, "", "\t")
		if err != nil {
			log.Fatal(err)
		}
		os.Stdout.Write(data)
		os.Exit(0)
	}

	var anyTrue, anyFalse bool
	for _, ts := range enable {
		anyTrue = anyTrue || *ts == setTrue
		anyFalse = anyFalse || *ts == setFalse
	}
	explicitSelection = anyTrue || anyFalse
	var keep []*analysis.Analyzer
	for _, a := range analyzers {
		if (anyTrue && *enable[a] == setTrue) || (!anyTrue && *enable[a] != setFalse) {
			keep = append(keep, a)
		}
	}
	return keep
}

// versionFlag answers -V=full with a line cmd/go parses
// ("NAME version devel ... buildID=ID"); for a devel version go vet uses
// the buildID as the tool's identity in its cache keys. Like unitchecker
// we hash the executable, so a rebuilt apivet invalidates the cache; we
// add VersionSalt (the configuration).
type versionFlag struct{}

func (versionFlag) IsBoolFlag() bool { return true }
func (versionFlag) Get() any         { return nil }
func (versionFlag) String() string   { return "" }
func (versionFlag) Set(s string) error {
	if s != "full" {
		log.Fatalf("unsupported flag value: -V=%s (use -V=full)", s)
	}
	exe, err := os.Executable()
	if err != nil {
		log.Fatal(err)
	}
	f, err := os.Open(exe)
	if err != nil {
		log.Fatal(err)
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		log.Fatal(err)
	}
	f.Close()
	if VersionSalt != nil {
		h.Write([]byte("\x00salt\x00"))
		h.Write(VersionSalt())
	}
	fmt.Printf("%s version devel apivet buildID=%x\n", exe, h.Sum(nil))
	os.Exit(0)
	return nil
}

// triState is a bool flag that knows whether it was set.
type triState int

const (
	unset triState = iota
	setTrue
	setFalse
)

func (ts *triState) IsBoolFlag() bool { return true }
func (ts *triState) Get() any         { return *ts == setTrue }
func (ts *triState) String() string {
	if ts != nil && *ts == setFalse {
		return "false"
	}
	return "true"
}
func (ts *triState) Set(v string) error {
	switch v {
	case "true", "1", "t", "T", "TRUE", "True":
		*ts = setTrue
	case "false", "0", "f", "F", "FALSE", "False":
		*ts = setFalse
	default:
		return fmt.Errorf("want true or false")
	}
	return nil
}

// expand returns the analyzers and everything they require.
func expand(analyzers []*analysis.Analyzer) map[*analysis.Analyzer]bool {
	seen := map[*analysis.Analyzer]bool{}
	var visit func([]*analysis.Analyzer)
	visit = func(as []*analysis.Analyzer) {
		for _, a := range as {
			if !seen[a] {
				seen[a] = true
				visit(a.Requires)
			}
		}
	}
	visit(analyzers)
	return seen
}

// Run analyzes the package that the *.cfg file describes and returns the
// exit status. Flags must have been parsed.
func Run(cfgFile string, analyzers []*analysis.Analyzer) int {
	cfg, err := readConfig(cfgFile)
	if err != nil {
		log.Print(err)
		return 1
	}
	if cfg.Stdout != "" {
		f, err := os.Create(cfg.Stdout)
		if err != nil {
			log.Print(err)
			return 1
		}
		defer f.Close()
		os.Stdout = f
	}

	if Setup != nil {
		selected, err := Setup()
		if selected != nil && !explicitSelection {
			analyzers = selected
		}
		if err != nil {
			if cfg.VetxOnly {
				// A dependency: the packages go vet reports on print the
				// error. Exit 0, or go vet prints "exit status 1" for
				// every package of the dependency graph.
				return writeVetx(cfg, nil)
			}
			log.Print(err)
			return 1
		}
	}

	// In a VetxOnly run (a dependency, analyzed only for what it tells its
	// dependents) only analyzers that produce facts are roots; the DAG
	// brings in what they require.
	roots := analyzers
	if cfg.VetxOnly {
		roots = nil
		for a := range expand(analyzers) {
			if len(a.FactTypes) > 0 {
				roots = append(roots, a)
			}
		}
		sort.Slice(roots, func(i, j int) bool { return roots[i].Name < roots[j].Name })
		if len(roots) == 0 {
			// Nothing to compute: skip parsing and type-checking.
			return writeVetx(cfg, nil)
		}
	}

	var u *unit
	if cfg.VetxOnly && isDependency(cfg) {
		u, err = importGraph(cfg)
	} else {
		u, err = load(cfg)
	}
	if err != nil {
		if cfg.SucceedOnTypecheckFailure {
			return 0 // cmd/go's old "awful hack" (golang/go#18395)
		}
		if cfg.VetxOnly {
			// The compiler built this dependency (go vet skips those it
			// cannot build), so this is go/types disagreeing with it:
			// say so, rather than unitchecker's bare "exit status 1".
			log.Printf("cannot type-check dependency %s for its facts; its dependents are analyzed without them:", cfg.ImportPath)
		}
		printLoadError(err)
		return 1
	}
	facts, err := readFacts(u.pkg, cfg.PackageVetx, u.packages)
	if err != nil {
		log.Printf("%s: %v", cfg.ImportPath, err)
		return 1
	}
	results := u.analyze(cfg, roots, facts)
	if code := writeVetx(cfg, facts); code != 0 {
		return code
	}
	if cfg.VetxOnly {
		return 0
	}
	if Keep != nil {
		for i, r := range results {
			kept := r.diags[:0]
			for _, d := range r.diags {
				if Keep(r.a, d) {
					kept = append(kept, d)
				}
			}
			results[i].diags = kept
		}
	}
	return printResults(u.fset, u.files[0].Package, cfg, results)
}

func readConfig(filename string) (*Config, error) {
	data, err := os.ReadFile(filename)
	if err != nil {
		return nil, err
	}
	cfg := new(Config)
	if err := json.Unmarshal(data, cfg); err != nil {
		return nil, fmt.Errorf("cannot decode JSON config file %s: %v", filename, err)
	}
	if len(cfg.GoFiles) == 0 {
		// cmd/go never vets a package with no Go files (but unsafe,
		// which it does not vet).
		return nil, fmt.Errorf("package has no files: %s", cfg.ImportPath)
	}
	return cfg, nil
}

func writeVetx(cfg *Config, facts *factSet) int {
	if cfg.VetxOutput == "" {
		return 0
	}
	data := []byte(vetxMagic)
	if facts != nil {
		var err error
		if data, err = facts.encode(); err != nil {
			log.Printf("%s: %v", cfg.ImportPath, err)
			return 1
		}
	}
	if err := os.WriteFile(cfg.VetxOutput, data, 0o666); err != nil {
		log.Print(err)
		return 1
	}
	return 0
}

// unit is a parsed and type-checked package.
type unit struct {
	fset     *token.FileSet
	files    []*ast.File
	pkg      *types.Package
	info     *types.Info
	sizes    types.Sizes
	packages map[string]*types.Package // every package the importer created
}

// loadErrors is the list of parse or type errors of a package.
type loadErrors []error

func (e loadErrors) Error() string { return e[0].Error() }

const maxErrors = 10 // as the compiler

// load parses the package's files and type-checks them against the
// compiler's export data of its dependencies.
func load(cfg *Config) (*unit, error) {
	u := &unit{fset: token.NewFileSet(), packages: map[string]*types.Package{}}
	var errs loadErrors
	for _, name := range cfg.GoFiles {
		f, err := parser.ParseFile(u.fset, name, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			if list, ok := err.(scanner.ErrorList); ok {
				for _, e := range list {
					errs = append(errs, e)
				}
			} else {
				errs = append(errs, err)
			}
			continue
		}
		u.files = append(u.files, f)
	}
	if len(errs) > 0 {
		return nil, errs
	}

	importer := importerFunc(func(importPath string) (*types.Package, error) {
		path, ok := cfg.ImportMap[importPath] // vendoring, test variants
		if !ok {
			return nil, fmt.Errorf("can't resolve import %q", importPath)
		}
		if path == "unsafe" {
			return types.Unsafe, nil
		}
		if pkg := u.packages[path]; pkg != nil && pkg.Complete() {
			return pkg, nil
		}
		file, ok := cfg.PackageFile[path]
		if !ok {
			return nil, fmt.Errorf("no export data for %q", path)
		}
		f, err := os.Open(file)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r, err := gcexportdata.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("reading export data for %q: %v", path, err)
		}
		return gcexportdata.Read(r, u.fset, u.packages, path)
	})
	u.sizes = types.SizesFor("gc", build.Default.GOARCH)
	tc := &types.Config{
		Importer:  importer,
		Sizes:     u.sizes,
		GoVersion: cfg.GoVersion,
		Error: func(err error) {
			if te, ok := err.(types.Error); ok && te.Soft && len(errs) > 0 {
				return // follow-on noise (e.g. "declared and not used") after real errors
			}
			if len(errs) < maxErrors {
				errs = append(errs, err)
			}
		},
	}
	u.info = check.NewTypesInfo()
	u.pkg, _ = tc.Check(cfg.ImportPath, u.fset, u.files, u.info)
	if len(errs) > 0 {
		return nil, errs
	}
	return u, nil
}

// isDependency reports whether the package is one apivet never reports
// on: a package of the standard library or of a versioned (downloaded)
// module. check.Guard skips apivet's checks on those, except the few that
// work from the import graph alone (check.RunsOnImportGraph).
func isDependency(cfg *Config) bool {
	if cfg.ModuleVersion != "" || cfg.Module != nil && cfg.Module.Version != "" {
		return true
	}
	goroot := filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator)
	return cfg.ModulePath == "" && cfg.Module == nil && strings.HasPrefix(cfg.Dir+string(filepath.Separator), goroot)
}

// importGraph is the unit of a dependency in a facts-only run: the
// package and its imports as bare *types.Package values, with no syntax
// and no type information (Pass.TypesInfo is nil), as the standalone
// driver sees the packages it loads from export data. Only analyzers
// that work from the import graph do anything there (see check.Guard),
// and parsing and type-checking the standard library and every module
// for nothing was most of the cost of a cold go vet.
func importGraph(cfg *Config) (*unit, error) {
	u := &unit{fset: token.NewFileSet(), packages: map[string]*types.Package{}, sizes: types.SizesFor("gc", build.Default.GOARCH)}
	f, err := parser.ParseFile(u.fset, cfg.GoFiles[0], nil, parser.PackageClauseOnly)
	if err != nil {
		return nil, loadErrors{err}
	}
	u.pkg = types.NewPackage(cfg.ImportPath, f.Name.Name)
	var imports []*types.Package
	for _, path := range cfg.ImportMap {
		if u.packages[path] != nil {
			continue
		}
		imp := types.Unsafe
		if path != "unsafe" {
			imp = types.NewPackage(path, "")
			imp.MarkComplete()
		}
		u.packages[path] = imp
		imports = append(imports, imp)
	}
	sort.Slice(imports, func(i, j int) bool { return imports[i].Path() < imports[j].Path() })
	u.pkg.SetImports(imports)
	u.pkg.MarkComplete()
	return u, nil
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// printLoadError prints parse and type errors bare, one per line
// ("file:line:col: message"), as unitchecker and the compiler do; go vet
// prints them under the package's name and fails the package.
func printLoadError(err error) {
	if errs, ok := err.(loadErrors); ok {
		for _, e := range errs {
			fmt.Fprintln(os.Stderr, e)
		}
		if len(errs) == maxErrors {
			fmt.Fprintln(os.Stderr, "too many errors")
		}
		return
	}
	log.Print(err)
}

// result is what one root analyzer produced on the package.
type result struct {
	a     *analysis.Analyzer
	diags []analysis.Diagnostic
	err   error
}

type action struct {
	done   bool
	result any
	err    error
	diags  []analysis.Diagnostic
}

// analyze runs the roots and what they require, each analyzer once,
// dependencies first.
func (u *unit) analyze(cfg *Config, roots []*analysis.Analyzer, facts *factSet) []result {
	module := cfg.Module
	if module == nil && cfg.ModulePath != "" { // cmd/go before Go 1.27
		module = &analysis.Module{Path: cfg.ModulePath, Version: cfg.ModuleVersion, GoVersion: cfg.GoVersion}
	}
	actions := map[*analysis.Analyzer]*action{}
	var exec func(a *analysis.Analyzer) *action
	exec = func(a *analysis.Analyzer) *action {
		act := actions[a]
		if act != nil {
			return act
		}
		act = new(action)
		actions[a] = act
		inputs := map[*analysis.Analyzer]any{}
		for _, req := range a.Requires {
			r := exec(req)
			if r.err != nil {
				act.err = fmt.Errorf("prerequisite %s failed: %w", req.Name, r.err)
				return act
			}
			inputs[req] = r.result
		}
		filter := map[reflect.Type]bool{}
		for _, f := range a.FactTypes {
			filter[reflect.TypeOf(f)] = true
		}
		pass := &analysis.Pass{
			Analyzer:     a,
			Fset:         u.fset,
			Files:        u.files,
			OtherFiles:   cfg.NonGoFiles,
			IgnoredFiles: cfg.IgnoredFiles,
			Pkg:          u.pkg,
			TypesInfo:    u.info,
			TypesSizes:   u.sizes,
			ResultOf:     inputs,
			Report: func(d analysis.Diagnostic) {
				if err := validateFixes(u.fset, d); err != nil {
					log.Printf("%s: dropping invalid suggested fix: %v", a.Name, err)
					d.SuggestedFixes = nil
				}
				act.diags = append(act.diags, d)
			},
			ImportObjectFact:  facts.importObjectFact,
			ExportObjectFact:  func(obj types.Object, f analysis.Fact) { facts.exportObjectFact(a, obj, f) },
			ImportPackageFact: facts.importPackageFact,
			ExportPackageFact: facts.exportPackageFact,
			AllObjectFacts: func() []analysis.ObjectFact {
				objs, _ := facts.all(filter, true)
				return objs
			},
			AllPackageFacts: func() []analysis.PackageFact {
				_, pkgs := facts.all(filter, false)
				return pkgs
			},
			Module: module,
		}
		pass.ReadFile = func(name string) ([]byte, error) {
			if !readable(pass, name) {
				return nil, fmt.Errorf("Pass.ReadFile: %s is not among OtherFiles, IgnoredFiles, or names of Files", name)
			}
			return os.ReadFile(name)
		}
		act.result, act.err = runGuarded(pass)
		if act.err == nil && a.ResultType != nil && act.result != nil && reflect.TypeOf(act.result) != a.ResultType {
			act.err = fmt.Errorf("internal error: analyzer %s returned a result of type %T, want %v", a.Name, act.result, a.ResultType)
		}
		return act
	}
	var results []result
	for _, a := range roots {
		act := exec(a)
		sort.SliceStable(act.diags, func(i, j int) bool { return act.diags[i].Pos < act.diags[j].Pos })
		results = append(results, result{a, act.diags, act.err})
	}
	return results
}

// runGuarded runs the pass, turning a panic into an error that names the
// analyzer and the package (apivet's checks are also wrapped by
// check.Guard; this covers any other analyzer). APIVET_DEBUG=1 adds the
// stack.
func runGuarded(pass *analysis.Pass) (res any, err error) {
	defer func() {
		if p := recover(); p != nil {
			msg := fmt.Sprintf("internal error: analyzer %s panicked on package %s: %v", pass.Analyzer.Name, pass.Pkg.Path(), p)
			if os.Getenv("APIVET_DEBUG") != "" {
				msg += "\n" + string(debug.Stack())
			}
			res, err = nil, fmt.Errorf("%s", msg)
		}
	}()
	return pass.Analyzer.Run(pass)
}

func readable(pass *analysis.Pass, name string) bool {
	for _, f := range pass.Files {
		if pass.Fset.File(f.FileStart).Name() == name {
			return true
		}
	}
	for _, list := range [][]string{pass.OtherFiles, pass.IgnoredFiles} {
		for _, f := range list {
			if f == name {
				return true
			}
		}
	}
	return false
}

// validateFixes checks what go vet -json consumers rely on: each edit
// lies within one file, start <= end, and the edits of one fix do not
// overlap.
func validateFixes(fset *token.FileSet, d analysis.Diagnostic) error {
	for _, fix := range d.SuggestedFixes {
		type span struct{ start, end int }
		byFile := map[*token.File][]span{}
		for _, e := range fix.TextEdits {
			end := e.End
			if !end.IsValid() {
				end = e.Pos
			}
			f := fset.File(e.Pos)
			if f == nil || end < e.Pos || fset.File(end) != f {
				return fmt.Errorf("fix %q: edit at %v has an invalid range", fix.Message, fset.Position(e.Pos))
			}
			byFile[f] = append(byFile[f], span{f.Offset(e.Pos), f.Offset(end)})
		}
		for _, spans := range byFile {
			sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
			for i := 1; i < len(spans); i++ {
				if spans[i].start < spans[i-1].end {
					return fmt.Errorf("fix %q has overlapping edits", fix.Message)
				}
			}
		}
	}
	return nil
}
