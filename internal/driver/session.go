package driver

import (
	"crypto/sha256"
	"errors"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/modrefs"
)

// Session analyzes packages of one module again and again as their files
// change, for the language server: the module's package graph is listed
// once, its dependencies of other modules are loaded once from export
// data, and each package keeps its types, the facts its analyzers
// exported and its findings until its files, a package it imports or an
// answer of modrefs it relied on change. A run on the package in a
// directory type-checks and analyzes only the packages of its import
// closure that are stale; importers of a package analyzed again become
// stale and are analyzed again when a run needs them.
//
// The facts each package sees are those of its whole import closure, as
// under `apivet ./...`, so a package's findings are the command line's.
// Test files are not analyzed (Config.Tests is not supported). A Session
// is not safe for concurrent use: the checks' settings are process-wide,
// and runs must not overlap anyway.
type Session struct {
	root       string // the module's directory
	cfg        Config
	byAnalyzer map[*analysis.Analyzer]*check.Check
	fset       *token.FileSet
	sizes      types.Sizes
	modSig     [32]byte // go.mod and go.sum, as listed

	byDir     map[string]*packages.Package // the module's packages
	state     map[*packages.Package]*pkgState
	importers map[*packages.Package][]*packages.Package // within the module
	extDone   map[*packages.Package]bool                // dependencies analyzed (import-graph analyzers)
	runner    *runner
	hashes    map[string]fileHash // file contents' hashes, by path
	gen       uint64              // counts type-checks, to tell importers a dependency changed
	reload    atomic.Bool         // a run met an import go list did not list (set from the runner's goroutines)
	refsSnap  *modrefs.Snapshot   // the module's files as the last run's modrefs answers saw them
}

// pkgState is what a Session keeps of one package of the module.
type pkgState struct {
	listErrors []packages.Error // from go list, kept across type-checks
	analyzed   bool
	sig        [32]byte          // of its files' contents when last analyzed
	gen        uint64            // when it was last type-checked
	depGens    map[string]uint64 // its module imports' gen then, by path
	stale      bool              // a modrefs answer it used changed
	findings   []Finding         // every severity
	problems   []Problem
	refs       map[modrefs.Query]bool // the modrefs questions its analyzers asked
}

// fileHash caches a file's content hash by size and modification time.
type fileHash struct {
	size int64
	mod  int64
	sum  [32]byte
}

// ErrReload says a Session's listing of the module is out of date (a
// package gained or lost a file, an import go list did not see, go.mod
// changed): the caller should start a new Session.
var ErrReload = errors.New("the module's package list changed")

// ErrNotListed says the directory holds no package go list gave for the
// module (testdata, only test files, or a package added since).
var ErrNotListed = errors.New("no package of the module's listing is in the directory")

// DirResult is the outcome of Session.Analyze for one directory.
type DirResult struct {
	Package  *packages.Package   // the package in the directory
	Imports  []*packages.Package // the module's packages it imports, directly or not
	Findings []Finding           // in the directory's files, at least the severity asked for
	Problems []Problem           // of the packages analyzed (load errors and analyzer failures)
	// Stale lists other directories of the module whose packages'
	// findings may have changed (importers of a package analyzed again,
	// packages a modrefs answer changed for), to analyze again if open.
	Stale []string
	// Analyzed counts the packages type-checked and analyzed by the run.
	Analyzed int
}

// Analyze brings the package in dir and its import closure up to date,
// with unsaved replacing files' contents, and returns its findings.
func (s *Session) Analyze(dir string, unsaved map[string][]byte, severity check.Severity) (*DirResult, error) {
	if s.reload.Load() || s.modFilesSig() != s.modSig {
		return nil, ErrReload
	}
	target := s.byDir[filepath.Clean(dir)]
	if target == nil {
		return nil, ErrNotListed
	}
	if !s.sameFiles(target) {
		return nil, ErrReload
	}
	check.Options.Tests = false
	s.refreshRefs()

	// The closure, dependencies first, and which of it is stale.
	var closure []*packages.Package
	seen := map[*packages.Package]bool{}
	var visit func(p *packages.Package)
	visit = func(p *packages.Package) {
		if seen[p] {
			return
		}
		seen[p] = true
		for _, imp := range p.Imports {
			if s.state[imp] != nil {
				visit(imp)
			}
		}
		closure = append(closure, p)
	}
	visit(target)
	dirty := map[*packages.Package]bool{}
	sigs := map[*packages.Package][32]byte{}
	for _, p := range closure {
		st := s.state[p]
		sig := s.sig(p, unsaved)
		sigs[p] = sig
		d := !st.analyzed || st.stale || st.sig != sig
		for path, imp := range p.Imports {
			if is := s.state[imp]; is != nil && (dirty[imp] || st.depGens[path] != is.gen) {
				d = true
			}
		}
		if d {
			dirty[p] = true
		}
	}
	for p := range dirty {
		if p != target && !s.sameFiles(p) {
			return nil, ErrReload
		}
	}

	// Stale packages are type-checked again: their old objects' facts go.
	old := map[*types.Package]bool{}
	for p := range dirty {
		if p.Types != nil {
			old[p.Types] = true
		}
		st := s.state[p]
		st.refs, st.findings, st.problems = map[modrefs.Query]bool{}, nil, nil
		p.Types, p.TypesInfo, p.Syntax = nil, &types.Info{}, nil // TypesInfo marks it as analyzed from source
		p.Errors, p.TypeErrors, p.IllTyped = append([]packages.Error(nil), st.listErrors...), nil, false
	}
	if len(old) > 0 {
		s.runner.objFacts.forget(func(o types.Object) bool { return old[o.Pkg()] })
		s.runner.pkgFacts.forget(func(p *types.Package) bool { return old[p] })
	}

	var refsMu sync.Mutex
	byPath := map[string]*pkgState{}
	for p := range dirty {
		byPath[p.PkgPath] = s.state[p]
	}
	modrefs.Observe(func(q modrefs.Query, v bool) {
		refsMu.Lock()
		if st := byPath[q.PkgPath]; st != nil {
			st.refs[q] = v
		}
		refsMu.Unlock()
	})
	defer modrefs.Observe(nil)

	src := newSources(unsaved)
	r := s.runner
	r.readFile = src.read
	r.closureMu.Lock()
	r.closure = map[*types.Package]pkgSet{}
	r.pkgIndex.Clear()
	r.pkgCount = 0
	r.closureMu.Unlock()
	r.reuse = func(p *packages.Package) bool {
		if s.state[p] != nil {
			return !dirty[p]
		}
		return s.extDone[p]
	}
	r.prepare = func(p *packages.Package) {
		if dirty[p] {
			s.typeCheck(p, unsaved)
		}
	}
	var resMu sync.Mutex
	visited := r.run([]*packages.Package{target}, func(p *packages.Package, units []unit) {
		findings, problems := unitResults(p, units, s.byAnalyzer, src)
		dropSyntax(p)
		resMu.Lock()
		if st := s.state[p]; st != nil {
			st.findings, st.problems = findings, problems
		}
		resMu.Unlock()
	})
	for _, p := range visited {
		if s.state[p] == nil {
			s.extDone[p] = true
		}
	}
	for p := range dirty {
		s.gen++
		st := s.state[p]
		st.gen, st.sig, st.analyzed, st.stale = s.gen, sigs[p], true, false
	}
	for p := range dirty {
		st := s.state[p]
		st.depGens = map[string]uint64{}
		for path, imp := range p.Imports {
			if is := s.state[imp]; is != nil {
				st.depGens[path] = is.gen
			}
		}
	}
	if s.reload.Load() {
		return nil, ErrReload
	}
	return s.result(target, closure, dirty, severity), nil
}

// result gathers the findings in target's directory from its closure.
func (s *Session) result(target *packages.Package, closure []*packages.Package, dirty map[*packages.Package]bool, severity check.Severity) *DirResult {
	res := &DirResult{Package: target, Imports: closure[:len(closure)-1], Analyzed: len(dirty)}
	dir := filepath.Dir(firstFile(target))
	seen := map[string]bool{}
	problems := loadProblems([]*packages.Package{target}, s.root)
	for _, p := range closure {
		st := s.state[p]
		for _, f := range st.findings {
			key := f.Check.Name() + "\x00" + f.Pos.String() + "\x00" + f.Message
			if filepath.Dir(f.Pos.Filename) == dir && !seen[key] {
				seen[key] = true
				res.Findings = append(res.Findings, f)
			}
		}
		problems = append(problems, st.problems...)
	}
	sortFindings(res.Findings)
	assignFingerprints(res.Findings)
	res.Findings = atLeast(res.Findings, severity)
	res.Problems = problems

	// Importers of what was analyzed again, outside the closure, are
	// stale; so are packages whose modrefs answers changed.
	stale := map[*packages.Package]bool{}
	var up func(p *packages.Package)
	up = func(p *packages.Package) {
		for _, q := range s.importers[p] {
			if !stale[q] && !dirty[q] {
				stale[q] = true
				up(q)
			}
		}
	}
	for p := range dirty {
		up(p)
	}
	for p, st := range s.state {
		if st.stale {
			stale[p] = true
			up(p)
		}
	}
	for p := range stale {
		if d := firstFile(p); d != "" {
			res.Stale = append(res.Stale, filepath.Dir(d))
		}
	}
	sort.Strings(res.Stale)
	return res
}

// refreshRefs indexes the module's files again for modrefs and marks the
// packages whose recorded answers changed.
func (s *Session) refreshRefs() {
	delta, snap := modrefs.Refresh(s.root, s.refsSnap)
	s.refsSnap = snap
	for _, st := range s.state {
		if !st.analyzed || st.stale {
			continue
		}
		for q, v := range st.refs {
			if delta.May(q.Name) && q.Ask() != v {
				st.stale = true
				break
			}
		}
	}
}

// sig hashes the contents of p's files.
func (s *Session) sig(p *packages.Package, unsaved map[string][]byte) [32]byte {
	h := sha256.New()
	for _, list := range [][]string{p.GoFiles, p.CompiledGoFiles} {
		for _, name := range list {
			var sum [32]byte
			if text, ok := unsaved[name]; ok {
				sum = sha256.Sum256(text)
			} else {
				sum = s.hashFile(name)
			}
			h.Write([]byte(name))
			h.Write(sum[:])
		}
	}
	var out [32]byte
	h.Sum(out[:0])
	return out
}

// hashFile hashes a file on disk, reading it again only when its size or
// modification time changed.
func (s *Session) hashFile(name string) [32]byte {
	fi, err := os.Stat(name)
	if err != nil {
		return [32]byte{}
	}
	if c, ok := s.hashes[name]; ok && c.size == fi.Size() && c.mod == fi.ModTime().UnixNano() {
		return c.sum
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return [32]byte{}
	}
	c := fileHash{size: fi.Size(), mod: fi.ModTime().UnixNano(), sum: sha256.Sum256(data)}
	s.hashes[name] = c
	return c.sum
}

// sameFiles reports whether p's directory holds the Go files go list gave
// (a file added or removed changes the package).
func (s *Session) sameFiles(p *packages.Package) bool {
	dir := filepath.Dir(firstFile(p))
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	known := map[string]bool{}
	for _, list := range [][]string{p.GoFiles, p.IgnoredFiles} {
		for _, f := range list {
			known[filepath.Base(f)] = true
		}
	}
	n := 0
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		if !known[name] {
			return false
		}
		n++
	}
	for name := range known {
		if strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") {
			n--
		}
	}
	return n == 0
}

// modFilesSig hashes go.mod and go.sum.
func (s *Session) modFilesSig() [32]byte {
	h := sha256.New()
	for _, name := range []string{"go.mod", "go.sum", "go.work"} {
		sum := s.hashFile(filepath.Join(s.root, name))
		h.Write(sum[:])
	}
	var out [32]byte
	h.Sum(out[:0])
	return out
}

func firstFile(p *packages.Package) string {
	for _, list := range [][]string{p.GoFiles, p.CompiledGoFiles, p.IgnoredFiles, p.OtherFiles} {
		if len(list) > 0 {
			return list[0]
		}
	}
	return ""
}
