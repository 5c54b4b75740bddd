// Package driver loads Go packages and runs apivet checks on them,
// returning findings with everything the outputs need (severity,
// positions, suggested fixes, a line-shift-proof fingerprint). The CLI and
// the language server share it; the vet tool and the golangci-lint plugin
// run the same prepared analyzers through their own drivers.
package driver

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/apivet/apivet/internal/check"
)

// Config says what to analyze and how.
type Config struct {
	Dir      string   // directory to run in ("" = current)
	Patterns []string // package patterns (default ./...)
	Tests    bool     // analyze _test.go files too
	Checks   []*check.Check
	// Severity is the least severity reported ("" is
	// check.DefaultThreshold). Findings below it are analyzed and given
	// fingerprints like the others, then dropped, so fingerprints and
	// baselines do not depend on the threshold.
	Severity check.Severity
	Env      []string // extra environment for go list
	// Overlay replaces or adds files, by absolute path, for go list and
	// the type checker. Any overlay makes go/packages type-check every
	// dependency, the standard library included, from source.
	Overlay map[string][]byte
	// Unsaved replaces the contents of existing files, by absolute path,
	// when they are parsed (an editor's unsaved buffers): dependencies
	// still come from export data, but go list sees the files on disk, so
	// an import added and not yet saved does not resolve until it is.
	Unsaved map[string][]byte

	// MemProfile, if set, names a file that receives a heap profile taken
	// when half of the packages are analyzed.
	MemProfile string

	// reportOnly, when set, names the packages (by path) whose findings
	// and results are reported; the others were loaded for their facts
	// (see widen).
	reportOnly map[string]bool
}

// Edit is one text edit of a suggested fix, in byte offsets.
type Edit struct {
	Filename   string
	Start, End int
	NewText    string
	Pos, EndP  token.Position
}

// Fix is a suggested fix.
type Fix struct {
	Message string
	Edits   []Edit
}

// Finding is one diagnostic of one check.
type Finding struct {
	Check       *check.Check
	Severity    check.Severity
	Package     string
	Pos, End    token.Position // absolute filenames
	Message     string
	Fixes       []Fix
	Related     []Related
	Function    string // enclosing function ("Type.Method", "func", or "" at package level)
	Line        string // the source line, whitespace-normalized
	Fingerprint string // stable across unrelated line shifts
}

// normalize sorts the fix's edits in file order, as go/analysis drivers
// do, and reports whether they are valid: within one file each edit ends
// after it starts and before the next one starts.
func (fix *Fix) normalize() bool {
	sort.SliceStable(fix.Edits, func(i, j int) bool {
		a, b := fix.Edits[i], fix.Edits[j]
		return a.Filename < b.Filename || a.Filename == b.Filename && a.Start < b.Start
	})
	for i, e := range fix.Edits {
		if e.Filename == "" || e.End < e.Start {
			return false
		}
		if i > 0 {
			if prev := fix.Edits[i-1]; prev.Filename == e.Filename && prev.End > e.Start {
				return false
			}
		}
	}
	return true
}

// Related is a secondary location of a finding.
type Related struct {
	Pos     token.Position
	Message string
}

// ProblemKind classifies a Problem.
type ProblemKind int

const (
	LoadError     ProblemKind = iota // a package failed to load or type-check
	InternalError                    // an analyzer failed (e.g. panicked)
)

// Problem is a package that could not be analyzed, or an analyzer failure.
type Problem struct {
	Kind    ProblemKind
	Package string
	Pos     token.Position // may be invalid
	Message string
	Stack   string // for internal errors caused by a panic
}

func (p Problem) String() string {
	if p.Pos.IsValid() {
		return p.Pos.String() + ": " + p.Message
	}
	return p.Message
}

// Result is the outcome of a run.
type Result struct {
	Findings []Finding
	Problems []Problem
	Packages []*packages.Package // the root packages
	Fset     *token.FileSet
}

// LoadMode loads the named packages from source and their dependencies
// from the compiler's export data (the go build cache), with the whole
// import graph. That is what `go build` and `go vet` pay, and roughly a
// twentieth of type-checking every dependency from source; the price is
// that facts flow only between packages loaded from source — the ones the
// patterns name, usually the whole module with ./... — while dependencies
// contribute types and their import graph (see completeGraph).
const LoadMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedTypes | packages.NeedTypesSizes |
	packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedModule

// Load loads the packages cfg names.
func Load(cfg Config) ([]*packages.Package, error) {
	patterns := cfg.Patterns
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	pcfg := &packages.Config{
		Mode:    LoadMode,
		Dir:     cfg.Dir,
		Tests:   cfg.Tests,
		Env:     append(os.Environ(), cfg.Env...),
		Overlay: cfg.Overlay,
	}
	// go/packages' own mode, without the parser's object resolution
	// (ast.Ident.Obj): nothing here reads it — go/types and the checks
	// use types.Info — and it is a third of parsing (as the vet tool).
	pcfg.ParseFile = func(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
		if text, ok := cfg.Unsaved[filename]; ok {
			src = text
		}
		return parser.ParseFile(fset, filename, src, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
	}
	pkgs, err := packages.Load(pcfg, patterns...)
	if err != nil {
		return nil, err
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("no packages matched %s", strings.Join(patterns, " "))
	}
	completeGraph(pkgs)
	return pkgs, nil
}

// completeGraph readies the dependencies loaded from export data for
// checker.Analyze, which runs fact-producing analyzers on every package in
// the graph: each gets a *types.Package (an empty one where go/packages
// loaded no types) whose Imports are the real import list from go list
// (export data records only the packages its API mentions), and the
// shared FileSet. Analyzers skip such packages (no TypesInfo) unless they
// work from the import graph alone; see check.Guard.
func completeGraph(roots []*packages.Package) {
	var fset *token.FileSet
	var sizes types.Sizes
	for _, p := range roots {
		if p.Fset != nil {
			fset, sizes = p.Fset, p.TypesSizes
			break
		}
	}
	var visit func(p *packages.Package)
	seen := map[*packages.Package]bool{}
	visit = func(p *packages.Package) {
		if seen[p] {
			return
		}
		seen[p] = true
		for _, imp := range p.Imports {
			visit(imp)
		}
		if p.Fset == nil {
			p.Fset = fset
		}
		if p.TypesSizes == nil {
			p.TypesSizes = sizes
		}
		if p.Types == nil {
			p.Types = types.NewPackage(p.PkgPath, p.Name)
			p.Types.MarkComplete()
		}
		if p.TypesInfo == nil && p.PkgPath != "unsafe" {
			imports := make([]*types.Package, 0, len(p.Imports))
			for _, imp := range p.Imports {
				if imp.Types != nil {
					imports = append(imports, imp.Types)
				}
			}
			sort.Slice(imports, func(i, j int) bool { return imports[i].Path() < imports[j].Path() })
			p.Types.SetImports(imports)
		}
	}
	for _, p := range roots {
		visit(p)
	}
}

// Run loads and analyzes.
func Run(cfg Config) (*Result, error) {
	widen(&cfg)
	pkgs, err := Load(cfg)
	if err != nil {
		return nil, err
	}
	return Analyze(cfg, pkgs)
}

// widen adds to cfg's patterns the packages of the main module that the
// named ones import, and records the named ones in cfg.reportOnly. Facts
// flow only between packages loaded from source: without this, `apivet
// ./initialize` would not see the routes its router packages register
// (their RoutesFacts) and decide less than `go vet`, which analyzes
// every dependency for facts. The default ./... names the whole module
// already and costs no extra go list; nor do editor overlays.
func widen(cfg *Config) {
	if len(cfg.Patterns) == 0 || len(cfg.Patterns) == 1 && cfg.Patterns[0] == "./..." || cfg.Overlay != nil {
		return
	}
	named, deps, err := ModuleDeps(cfg.Dir, cfg.Env, cfg.Patterns)
	if err != nil {
		return // Load reports what is wrong with the patterns
	}
	if len(named) == 0 || len(deps) == 0 {
		return
	}
	// The patterns stay as given, so one that matches nothing is
	// reported as before.
	cfg.Patterns = append(append([]string(nil), cfg.Patterns...), deps...)
	cfg.reportOnly = map[string]bool{}
	for _, p := range named {
		cfg.reportOnly[p] = true
	}
}

// ModuleDeps lists, by import path, the packages of the main module the
// patterns name and those of its packages they import (go list -deps).
func ModuleDeps(dir string, env, patterns []string) (named, deps []string, err error) {
	args := append([]string{"list", "-e", "-deps", "-f", "{{if and .Module .Module.Main}}{{.ImportPath}} {{.DepOnly}}{{end}}"}, patterns...)
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.Output()
	if err != nil {
		return nil, nil, err
	}
	for _, line := range strings.Split(string(out), "\n") {
		path, depOnly, found := strings.Cut(strings.TrimSpace(line), " ")
		switch {
		case !found:
		case depOnly == "false":
			named = append(named, path)
		default:
			deps = append(deps, path)
		}
	}
	return named, deps, nil
}

// reported: p's findings and results are the caller's (see widen).
func (cfg *Config) reported(p *packages.Package) bool {
	if cfg.reportOnly == nil {
		return true
	}
	path := strings.TrimSuffix(strings.TrimSuffix(p.PkgPath, ".test"), "_test")
	return cfg.reportOnly[path]
}

// Results loads the packages cfg names, as Run does, and runs a (with the
// analyzers it requires) on them as Run runs the checks: a package that
// does not type-check, or on which an analyzer fails, loses its own
// result and its facts, not its importers' results. It returns a's result
// for each root package analyzed, and the problems met (load errors,
// analyzer failures), for the caller to report.
func Results(cfg Config, a *analysis.Analyzer) (map[*packages.Package]any, []*packages.Package, []Problem, error) {
	widen(&cfg)
	pkgs, err := Load(cfg)
	if err != nil {
		return nil, nil, nil, err
	}
	check.Options.Tests = cfg.Tests
	problems := loadProblems(pkgs, cfg.Dir)
	check.Guard(a)
	roots := map[*packages.Package]bool{}
	var reported []*packages.Package
	for _, p := range pkgs {
		roots[p] = cfg.reported(p)
		if roots[p] {
			reported = append(reported, p)
		}
	}
	var mu sync.Mutex
	out := map[*packages.Package]any{}
	r := newRunner([]*analysis.Analyzer{a}, newSources(cfg.Overlay, cfg.Unsaved).read)
	r.keep = func(p *packages.Package, an *analysis.Analyzer, res any) bool {
		if an != a || !roots[p] {
			return false
		}
		mu.Lock()
		out[p] = res
		mu.Unlock()
		return true
	}
	seen := map[string]bool{}
	r.run(pkgs, func(p *packages.Package, units []unit) {
		for _, u := range units {
			if u.err == nil || strings.HasPrefix(u.err.Error(), "failed prerequisites") || strings.Contains(u.err.Error(), "analysis skipped due to errors in package") {
				continue
			}
			msg := fmt.Sprintf("%s on %s: %v", u.analyzer.Name, p.PkgPath, u.err)
			mu.Lock()
			if !seen[msg] {
				seen[msg] = true
				problems = append(problems, Problem{Kind: InternalError, Package: p.PkgPath, Message: msg})
			}
			mu.Unlock()
		}
	})
	sort.SliceStable(problems, func(i, j int) bool { return problems[i].Message < problems[j].Message })
	return out, reported, problems, nil
}

// Analyze runs cfg.Checks on loaded packages.
func Analyze(cfg Config, pkgs []*packages.Package) (*Result, error) {
	check.Options.Tests = cfg.Tests
	res := &Result{}
	for _, p := range pkgs {
		if cfg.reported(p) {
			res.Packages = append(res.Packages, p)
		}
	}
	if len(pkgs) > 0 {
		res.Fset = pkgs[0].Fset
	}
	res.Problems = loadProblems(pkgs, cfg.Dir)

	byAnalyzer := map[*analysis.Analyzer]*check.Check{}
	var analyzers []*analysis.Analyzer
	for _, c := range cfg.Checks {
		check.Prepare(c.Analyzer)
		byAnalyzer[c.Analyzer] = c
		analyzers = append(analyzers, c.Analyzer)
	}
	if len(analyzers) == 0 {
		return res, nil
	}
	// Each package's findings are computed as soon as its analyzers are
	// done, and then its syntax and type information are dropped.
	var (
		mu           sync.Mutex
		seen         = map[string]bool{}
		seenProblem  = map[string]bool{}
		analyzed     int
		profileAt    = (len(pkgs) + 1) / 2 // root packages; a rough middle
		profileError error
	)
	src := newSources(cfg.Overlay, cfg.Unsaved)
	defer boundMemory()()
	newRunner(analyzers, src.read).run(pkgs, func(p *packages.Package, units []unit) {
		findings, problems := unitResults(p, units, byAnalyzer, src)
		if p.TypesInfo != nil {
			dropSyntax(p)
		}
		if !cfg.reported(p) {
			findings = nil // loaded for its facts
		}
		mu.Lock()
		defer mu.Unlock()
		for _, f := range findings {
			key := f.Check.Name() + "\x00" + f.Pos.String() + "\x00" + f.Message
			if !seen[key] { // the same file in a package and its test variant
				seen[key] = true
				res.Findings = append(res.Findings, f)
			}
		}
		for _, pr := range problems {
			if key := pr.Package + "\x00" + pr.Message; !seenProblem[key] {
				seenProblem[key] = true
				res.Problems = append(res.Problems, pr)
			}
		}
		if p.TypesInfo != nil {
			analyzed++
			if cfg.MemProfile != "" && analyzed == profileAt {
				profileError = writeHeapProfile(cfg.MemProfile)
			}
		}
	})
	if profileError != nil {
		return nil, profileError
	}
	sortFindings(res.Findings)
	assignFingerprints(res.Findings)
	res.Findings = atLeast(res.Findings, cfg.Severity)
	sort.SliceStable(res.Problems, func(i, j int) bool { return res.Problems[i].String() < res.Problems[j].String() })
	return res, nil
}

// unitResults turns the outcome of a package's analyzers into findings
// and problems (analyzer failures; load errors are reported apart).
func unitResults(p *packages.Package, units []unit, byAnalyzer map[*analysis.Analyzer]*check.Check, src *sources) (findings []Finding, problems []Problem) {
	for _, u := range units {
		if u.err != nil {
			msg := u.err.Error()
			var ie *check.InternalError
			switch {
			case errors.As(u.err, &ie):
				problems = append(problems, Problem{Kind: InternalError, Package: ie.Package, Message: ie.Error(), Stack: string(ie.Stack)})
			case strings.HasPrefix(msg, "failed prerequisites"):
				// reported from the analyzer that failed
			case strings.Contains(msg, "analysis skipped due to errors in package"):
				// reported as a load error
			default:
				problems = append(problems, Problem{Kind: InternalError, Package: p.PkgPath,
					Message: fmt.Sprintf("%s on %s: %v", u.analyzer.Name, p.PkgPath, u.err)})
			}
			continue
		}
		if c := byAnalyzer[u.analyzer]; c != nil {
			for _, d := range u.diags {
				findings = append(findings, newFinding(c, p, src, d))
			}
		}
	}
	return findings, problems
}

// atLeast keeps the findings whose severity reaches the threshold.
func atLeast(fs []Finding, threshold check.Severity) []Finding {
	kept := fs[:0]
	for _, f := range fs {
		if f.Severity.AtLeast(threshold) {
			kept = append(kept, f)
		}
	}
	return kept
}

// memoryBound is how much memory analysis may use, as a multiple of what
// the process holds once the packages are loaded.
const memoryBound = 1.4

// memoryMargin is the least room the analysis gets over what loading took.
const memoryMargin = 128 << 20

// boundMemory sets a soft memory limit for the analysis, memoryBound
// times what loading left the process holding (at least memoryMargin
// more), unless the user set
// GOMEMLIMIT. Without it the collector, paced by GOGC, lets the heap grow
// to twice what was live at its last cycle during loading before it runs
// again — well past loading's own peak — although the runner frees each
// package's syntax and results as it goes. It returns a function that
// restores the previous limit.
func boundMemory() (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	sample := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 || sample[1].Value.Kind() != metrics.KindUint64 {
		return func() {}
	}
	used := int64(sample[0].Value.Uint64() - sample[1].Value.Uint64())
	// At least memoryMargin over: small modules' analysis would otherwise
	// collect all the time.
	limit := max(int64(float64(used)*memoryBound), used+memoryMargin)
	old := debug.SetMemoryLimit(limit)
	return func() { debug.SetMemoryLimit(old) }
}

func writeHeapProfile(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// loadProblems collects load, parse and type errors of the packages and
// their dependencies, once each.
func loadProblems(pkgs []*packages.Package, dir string) []Problem {
	var out []Problem
	seen := map[string]bool{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			var ps []Problem
			if e.Pos == "" && strings.HasPrefix(e.Msg, "# ") {
				// The compiler's output, from go list -export: "# pkg"
				// and the errors the type checker reports again.
				ps = compilerErrors(e.Msg, dir)
			} else {
				ps = []Problem{{Kind: LoadError, Pos: parsePos(e.Pos), Message: e.Msg}}
				if EmbedError(e) {
					ps[0].Message += " (the embedded files are missing here; the package was analyzed without them)"
				}
			}
			for _, pr := range ps {
				pr.Package = p.PkgPath
				pr.Message += cgoHint(p, pr.Message)
				key := pr.String()
				if seen[key] {
					continue
				}
				seen[key] = true
				out = append(out, pr)
			}
		}
	})
	return out
}

// cgoHint explains an error of package p when p, or the imported package
// the error names ("undefined: sqlite3.Error"), leaves out files that
// import "C": with cgo off (CGO_ENABLED=0, or no C compiler) their
// declarations are missing, the usual cause (mattn/go-sqlite3).
func cgoHint(p *packages.Package, msg string) string {
	cands := []*packages.Package{p}
	for _, imp := range p.Imports {
		if imp.Name != "" && strings.Contains(msg, imp.Name+".") {
			cands = append(cands, imp)
		}
	}
	for _, c := range cands {
		for _, name := range c.IgnoredFiles {
			f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
			if err != nil {
				continue
			}
			for _, imp := range f.Imports {
				if imp.Path.Value == `"C"` {
					return fmt.Sprintf(" (%s's cgo files were left out: build with CGO_ENABLED=1 and a C compiler)", c.PkgPath)
				}
			}
		}
	}
	return ""
}

func parsePos(s string) token.Position {
	if s == "" || s == "-" {
		return token.Position{}
	}
	// file:line:col or file:line
	parts := strings.Split(s, ":")
	var p token.Position
	n := len(parts)
	num := func(x string) int {
		v := 0
		for _, r := range x {
			if r < '0' || r > '9' {
				return -1
			}
			v = v*10 + int(r-'0')
		}
		return v
	}
	switch {
	case n >= 3 && num(parts[n-1]) >= 0 && num(parts[n-2]) >= 0:
		p.Filename = strings.Join(parts[:n-2], ":")
		p.Line, p.Column = num(parts[n-2]), num(parts[n-1])
	case n >= 2 && num(parts[n-1]) >= 0:
		p.Filename = strings.Join(parts[:n-1], ":")
		p.Line = num(parts[n-1])
	default:
		p.Filename = s
	}
	return p
}

func newFinding(c *check.Check, pkg *packages.Package, src *sources, d analysis.Diagnostic) Finding {
	fset := pkg.Fset
	f := Finding{
		Check:    c,
		Severity: check.SeverityOf(c, d),
		Package:  pkg.PkgPath,
		Pos:      fset.Position(d.Pos),
		Message:  d.Message,
	}
	if d.End.IsValid() {
		f.End = fset.Position(d.End)
	} else {
		f.End = f.Pos
	}
	for _, sf := range d.SuggestedFixes {
		fix := Fix{Message: sf.Message}
		for _, te := range sf.TextEdits {
			end := te.End
			if !end.IsValid() {
				end = te.Pos
			}
			start, stop := fset.Position(te.Pos), fset.Position(end)
			fix.Edits = append(fix.Edits, Edit{Filename: start.Filename, Start: start.Offset, End: stop.Offset,
				NewText: string(te.NewText), Pos: start, EndP: stop})
		}
		if fix.normalize() {
			f.Fixes = append(f.Fixes, fix)
		}
	}
	for _, r := range d.Related {
		f.Related = append(f.Related, Related{Pos: fset.Position(r.Pos), Message: r.Message})
	}
	f.Function, f.Line = context(pkg, src, d.Pos)
	return f
}

// context returns the enclosing function's name and the normalized
// source line of pos.
func context(pkg *packages.Package, src *sources, pos token.Pos) (fn, line string) {
	tf := pkg.Fset.File(pos)
	if tf == nil {
		return "", ""
	}
	for _, file := range pkg.Syntax {
		if file == nil || pkg.Fset.File(file.FileStart) != tf {
			continue
		}
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || pos < fd.Pos() || pos >= fd.End() {
				continue
			}
			fn = fd.Name.Name
			if fd.Recv != nil && len(fd.Recv.List) > 0 {
				fn = recvName(fd.Recv.List[0].Type) + "." + fn
			}
		}
	}
	if content, err := src.read(tf.Name()); err == nil {
		l := tf.Line(pos)
		start := tf.LineStart(l)
		off := tf.Offset(start)
		end := off
		for end < len(content) && content[end] != '\n' {
			end++
		}
		if off <= len(content) {
			line = strings.Join(strings.Fields(string(content[off:end])), " ")
		}
	}
	return fn, line
}

// dropSyntax lets the garbage collector take a package's syntax trees and
// type information once every check has run on it; its *types.Package
// stays, since packages importing it refer to its objects.
func dropSyntax(p *packages.Package) {
	clear(p.Syntax) // the checker's passes share this slice
	if info := p.TypesInfo; info != nil {
		*info = types.Info{}
	}
}

// sources reads source files once per run — findings cluster in few
// files, and a read per finding showed in profiles — and serves unsaved
// editor contents in place of the files on disk.
type sources struct {
	mu      sync.Mutex
	files   map[string][]byte
	unsaved map[string][]byte
}

func newSources(unsaved ...map[string][]byte) *sources {
	s := &sources{files: map[string][]byte{}, unsaved: map[string][]byte{}}
	for _, m := range unsaved {
		for name, text := range m {
			s.unsaved[name] = text
		}
	}
	return s
}

func (s *sources) read(name string) ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if b, ok := s.unsaved[name]; ok {
		return b, nil
	}
	if b, ok := s.files[name]; ok {
		return b, nil
	}
	b, err := os.ReadFile(name)
	if err == nil {
		s.files[name] = b
	}
	return b, err
}

func recvName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return recvName(e.X)
	case *ast.IndexExpr:
		return recvName(e.X)
	case *ast.IndexListExpr:
		return recvName(e.X)
	case *ast.Ident:
		return e.Name
	}
	return "?"
}

func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Pos.Filename != b.Pos.Filename {
			return a.Pos.Filename < b.Pos.Filename
		}
		if a.Pos.Offset != b.Pos.Offset {
			return a.Pos.Offset < b.Pos.Offset
		}
		if a.Check.Name() != b.Check.Name() {
			return a.Check.Name() < b.Check.Name()
		}
		return a.Message < b.Message
	})
}

// assignFingerprints gives each finding a fingerprint made of its check,
// package path and file base name, enclosing function, the normalized
// text of its line and its occurrence index among findings sharing all of
// those — no line numbers, so unrelated edits above it do not change it.
func assignFingerprints(fs []Finding) {
	count := map[string]int{}
	for i := range fs {
		f := &fs[i]
		base := strings.Join([]string{f.Check.Name(), f.Package, filepath.Base(f.Pos.Filename), f.Function, f.Line}, "\x00")
		n := count[base]
		count[base]++
		sum := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%d", base, n)))
		f.Fingerprint = hex.EncodeToString(sum[:12])
	}
}
