package driver

import (
	"fmt"
	"go/types"
	"log"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/apivet/apivet/internal/check"
)

// runner runs analyzers over a loaded package graph, as
// golang.org/x/tools/go/analysis/checker does, but shaped for apivet's
// mix of many small packages and a few shared prerequisites:
//
//   - one unit of work per package, not per (analyzer, package) action:
//     a package's analyzers run one after another on one goroutine, at
//     most GOMAXPROCS packages at a time, each once its imports are done;
//   - facts live in one table keyed by object, with the checker's
//     visibility rule for AllObjectFacts, instead of being copied from
//     every dependency into every action;
//   - dependencies loaded from export data get only the analyzers that
//     work from the import graph (check.RunsOnImportGraph) and their
//     prerequisites; if none is enabled they are not visited at all;
//   - when a package is done its results, syntax and type information are
//     dropped (its *types.Package stays: importers refer to it).
//
// The checker keeps every action's result and facts until the run ends
// and pays a goroutine, maps and a fact copy per action: on a module of
// 236 packages without HTTP code that cost as much as type-checking.
type runner struct {
	order    []*analysis.Analyzer // the closure of the analyzers, prerequisites first
	onGraph  map[*analysis.Analyzer]bool
	readFile func(string) ([]byte, error)

	objFacts facts[types.Object]
	pkgFacts facts[*types.Package]

	closureMu sync.Mutex
	closure   map[*types.Package]pkgSet // transitive imports
	pkgIndex  sync.Map                  // *types.Package -> int, the bit of the package in a pkgSet
	pkgCount  int                       // packages numbered so far

	// keep, if set, is offered each result; one it keeps is not
	// released (apivet routes reads the HTTP model after the run).
	keep func(p *packages.Package, a *analysis.Analyzer, res any) bool

	// For a Session, whose runner lives across runs: reuse reports a
	// package analyzed by an earlier run whose facts are still valid (it
	// is not visited, nor are its imports, which are then valid too), and
	// prepare, if set, type-checks a package from source once its imports
	// are done, before its analyzers run.
	reuse   func(p *packages.Package) bool
	prepare func(p *packages.Package)
}

// facts is one table of facts, about objects or about packages, shared by
// every package of the run: keyed by what they are about and their type.
type facts[K comparable] struct {
	mu sync.RWMutex
	m  map[factKey[K]]analysis.Fact
}

type factKey[K comparable] struct {
	on K
	t  reflect.Type
}

// get copies the fact of ptr's type about on into ptr.
func (fs *facts[K]) get(on K, ptr analysis.Fact) bool {
	fs.mu.RLock()
	f, ok := fs.m[factKey[K]{on, reflect.TypeOf(ptr)}]
	fs.mu.RUnlock()
	if ok {
		reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(f).Elem())
	}
	return ok
}

// forget drops the facts about what gone accepts: a Session's packages
// type-checked again have new objects, and the old ones' facts would only
// hold memory (visibility already hides them from the new packages).
func (fs *facts[K]) forget(gone func(K) bool) {
	fs.mu.Lock()
	for k := range fs.m {
		if gone(k.on) {
			delete(fs.m, k)
		}
	}
	fs.mu.Unlock()
}

func (fs *facts[K]) set(on K, f analysis.Fact) {
	fs.mu.Lock()
	if fs.m == nil {
		fs.m = map[factKey[K]]analysis.Fact{}
	}
	fs.m[factKey[K]{on, reflect.TypeOf(f)}] = f
	fs.mu.Unlock()
}

// all returns the facts of a's types about what visible accepts; visible
// is asked only if there is such a fact (it may be costly to set up).
func (fs *facts[K]) all(a *analysis.Analyzer, visible func() func(K) bool) (ons []K, out []analysis.Fact) {
	ftypes := map[reflect.Type]bool{}
	for _, f := range a.FactTypes {
		ftypes[reflect.TypeOf(f)] = true
	}
	fs.mu.RLock()
	for k, f := range fs.m {
		if ftypes[k.t] {
			ons, out = append(ons, k.on), append(out, f)
		}
	}
	fs.mu.RUnlock()
	if len(ons) == 0 {
		return nil, nil
	}
	keep := visible()
	n := 0
	for i, on := range ons {
		if keep(on) {
			ons[n], out[n] = on, out[i]
			n++
		}
	}
	return ons[:n], out[:n]
}

// unit is the outcome of one analyzer on one package.
type unit struct {
	analyzer *analysis.Analyzer
	pkg      *packages.Package
	diags    []analysis.Diagnostic
	err      error
}

func newRunner(analyzers []*analysis.Analyzer, readFile func(string) ([]byte, error)) *runner {
	r := &runner{
		readFile: readFile,
		onGraph:  map[*analysis.Analyzer]bool{},
		closure:  map[*types.Package]pkgSet{},
	}
	seen := map[*analysis.Analyzer]bool{}
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, req := range a.Requires {
			visit(req)
		}
		r.order = append(r.order, a)
	}
	for _, a := range analyzers {
		visit(a)
	}
	// An analyzer runs on dependencies if it works from the import graph,
	// and so do its prerequisites.
	var mark func(a *analysis.Analyzer)
	mark = func(a *analysis.Analyzer) {
		r.onGraph[a] = true
		for _, req := range a.Requires {
			mark(req)
		}
	}
	for _, a := range r.order {
		if check.OnImportGraph(a) && len(a.FactTypes) > 0 {
			mark(a)
		}
	}
	return r
}

// run analyzes roots and, where needed, their dependencies, calling done
// for each package analyzed from source once all its analyzers have run.
// It returns the packages it visited.
func (r *runner) run(roots []*packages.Package, done func(*packages.Package, []unit)) []*packages.Package {
	// The packages to visit: roots and other packages loaded from source
	// (go/packages type-checks every dependency from source when given an
	// overlay), and all dependencies if an analyzer works from the import
	// graph.
	deps := len(r.onGraph) > 0
	var all []*packages.Package
	seen := map[*packages.Package]bool{}
	var visit func(p *packages.Package)
	visit = func(p *packages.Package) {
		if seen[p] || r.reuse != nil && r.reuse(p) {
			return
		}
		seen[p] = true
		for _, imp := range p.Imports {
			if deps || fromSource(imp) {
				visit(imp)
			}
		}
		all = append(all, p) // dependencies first
	}
	for _, p := range roots {
		visit(p)
	}
	// A package waits for its imports that are visited.
	waiting := map[*packages.Package]int{}
	importers := map[*packages.Package][]*packages.Package{}
	for _, p := range all {
		for _, imp := range p.Imports {
			if seen[imp] {
				waiting[p]++
				importers[imp] = append(importers[imp], p)
			}
		}
	}
	var (
		mu    sync.Mutex
		cond  = sync.NewCond(&mu)
		ready []*packages.Package
		left  = len(all)
	)
	for _, p := range all {
		if waiting[p] == 0 {
			ready = append(ready, p)
		}
	}
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				for len(ready) == 0 && left > 0 {
					cond.Wait()
				}
				if left == 0 {
					mu.Unlock()
					return
				}
				// Packages were queued dependencies first; take the
				// earliest, so a package's importers follow it soon.
				p := ready[0]
				ready = ready[1:]
				mu.Unlock()

				if r.prepare != nil {
					r.prepare(p)
				}
				units := r.analyze(p)
				if p.TypesInfo != nil && done != nil {
					done(p, units)
				}

				mu.Lock()
				left--
				for _, imp := range importers[p] {
					if waiting[imp]--; waiting[imp] == 0 {
						ready = append(ready, imp)
					}
				}
				cond.Broadcast()
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return all
}

// fromSource reports whether apivet analyzes p from its syntax: it was
// loaded from source and is neither in the standard library nor in a
// versioned (downloaded) module, which apivet does not report on and
// whose facts are not worth their cost (see check.Guard).
func fromSource(p *packages.Package) bool {
	if p.TypesInfo == nil || p.Module != nil && p.Module.Version != "" {
		return false
	}
	return p.Module != nil || !check.IsStd(p.PkgPath)
}

// analyze runs the analyzers that apply to p, prerequisites first.
func (r *runner) analyze(p *packages.Package) []unit {
	source := fromSource(p)
	results := map[*analysis.Analyzer]any{}
	failed := map[*analysis.Analyzer]bool{}
	var units []unit
	module := &analysis.Module{} // as the checker: possibly empty, never nil
	if p.Module != nil {
		module = analysisModule(p.Module)
	}
	for _, a := range r.order {
		if !source && !r.onGraph[a] {
			continue
		}
		u := unit{analyzer: a, pkg: p}
		var failedReqs []string
		for _, req := range a.Requires {
			if failed[req] {
				failedReqs = append(failedReqs, req.Name)
			}
		}
		switch {
		case len(failedReqs) > 0:
			sort.Strings(failedReqs)
			u.err = fmt.Errorf("failed prerequisites: %v", failedReqs)
		case !ownTypesOK(p) && !a.RunDespiteErrors:
			u.err = fmt.Errorf("analysis skipped due to errors in package")
		default:
			pass := r.pass(p, a, module, results, &u)
			var res any
			res, u.err = a.Run(pass)
			pass.ExportObjectFact, pass.ExportPackageFact = nil, nil
			if u.err == nil {
				results[a] = res
			}
		}
		if u.err != nil {
			failed[a] = true
		}
		units = append(units, u)
	}
	for a, res := range results {
		if r.keep != nil && r.keep(p, a, res) {
			continue
		}
		check.Release(res)
	}
	return units
}

func (r *runner) pass(p *packages.Package, a *analysis.Analyzer, module *analysis.Module, results map[*analysis.Analyzer]any, u *unit) *analysis.Pass {
	pass := &analysis.Pass{
		Analyzer:     a,
		Fset:         p.Fset,
		Files:        p.Syntax,
		OtherFiles:   p.OtherFiles,
		IgnoredFiles: p.IgnoredFiles,
		Pkg:          p.Types,
		TypesInfo:    p.TypesInfo,
		TypesSizes:   p.TypesSizes,
		TypeErrors:   p.TypeErrors,
		Module:       module,
		ResultOf:     results,
		Report:       func(d analysis.Diagnostic) { u.diags = append(u.diags, d) },
		ReadFile:     r.readFile,
	}
	pass.ImportObjectFact = func(obj types.Object, ptr analysis.Fact) bool {
		if obj == nil {
			panic("nil object")
		}
		return r.objFacts.get(obj, ptr)
	}
	pass.ExportObjectFact = func(obj types.Object, f analysis.Fact) {
		if obj.Pkg() != p.Types {
			log.Panicf("internal error: in analysis %s of package %s: Fact.Set(%s, %T): can't set facts on objects belonging another package", a, p, obj, f)
		}
		r.objFacts.set(obj, f)
	}
	pass.ImportPackageFact = func(pkg *types.Package, ptr analysis.Fact) bool {
		if pkg == nil {
			panic("nil package")
		}
		return r.pkgFacts.get(pkg, ptr)
	}
	pass.ExportPackageFact = func(f analysis.Fact) { r.pkgFacts.set(p.Types, f) }
	// Visibility needs p's transitive imports, costly to build on large
	// graphs: all asks for it only when a fact of the analyzer's types exists.
	pass.AllObjectFacts = func() []analysis.ObjectFact {
		objs, fs := r.objFacts.all(a, func() func(types.Object) bool {
			closure := r.closureOf(p)
			direct := map[*types.Package]bool{}
			for _, imp := range p.Imports {
				direct[imp.Types] = true
			}
			return func(obj types.Object) bool { return visibleFact(obj, p.Types, direct, closure) }
		})
		out := make([]analysis.ObjectFact, len(objs))
		for i := range objs {
			out[i] = analysis.ObjectFact{Object: objs[i], Fact: fs[i]}
		}
		return out
	}
	pass.AllPackageFacts = func() []analysis.PackageFact {
		pkgs, fs := r.pkgFacts.all(a, func() func(*types.Package) bool {
			closure := r.closureOf(p)
			return func(pkg *types.Package) bool { return pkg == p.Types || closure(pkg) }
		})
		out := make([]analysis.PackageFact, len(pkgs))
		for i := range pkgs {
			out[i] = analysis.PackageFact{Package: pkgs[i], Fact: fs[i]}
		}
		return out
	}
	return pass
}

// analysisModule converts a go/packages module as the checker does.
func analysisModule(m *packages.Module) *analysis.Module {
	if m == nil {
		return nil
	}
	var modErr *analysis.ModuleError
	if m.Error != nil {
		modErr = &analysis.ModuleError{Err: m.Error.Err}
	}
	return &analysis.Module{Path: m.Path, Version: m.Version, Replace: analysisModule(m.Replace), Time: m.Time,
		Main: m.Main, Indirect: m.Indirect, Dir: m.Dir, GoMod: m.GoMod, GoVersion: m.GoVersion, Error: modErr}
}

// visibleFact reports whether the checker would give a pass over pkg the
// fact on obj: its own objects; of other packages, what each import edge
// lets through (checker.exportedFrom) — methods, fields, types and
// constants of any dependency, exported functions and package variables
// of direct imports only.
func visibleFact(obj types.Object, pkg *types.Package, direct map[*types.Package]bool, closure func(*types.Package) bool) bool {
	if obj.Pkg() == pkg {
		return true
	}
	switch obj := obj.(type) {
	case *types.Func:
		if obj.Signature().Recv() != nil {
			return closure(obj.Pkg())
		}
		return obj.Exported() && direct[obj.Pkg()]
	case *types.Var:
		if obj.IsField() {
			return closure(obj.Pkg())
		}
		return direct[obj.Pkg()]
	case *types.TypeName, *types.Const:
		return closure(obj.Pkg())
	}
	return false
}

// closureOf returns a test of membership in the packages p imports,
// directly or not. Each package's closure is a bit set over packages
// numbered as they are first seen: on a graph of a thousand packages,
// maps of every package's closure cost as much as the checks.
func (r *runner) closureOf(p *packages.Package) func(*types.Package) bool {
	r.closureMu.Lock()
	var visit func(p *packages.Package) pkgSet
	visit = func(p *packages.Package) pkgSet {
		if c, ok := r.closure[p.Types]; ok {
			return c
		}
		var c pkgSet
		r.closure[p.Types] = c // an import cycle (ill-formed input) ends here
		for _, imp := range p.Imports {
			c = c.union(visit(imp))
			c = c.add(r.indexOf(imp.Types))
		}
		r.closure[p.Types] = c
		return c
	}
	c := visit(p)
	r.closureMu.Unlock()
	return func(q *types.Package) bool {
		i, ok := r.pkgIndex.Load(q)
		return ok && c.has(i.(int))
	}
}

// indexOf numbers pkg; called with closureMu held.
func (r *runner) indexOf(pkg *types.Package) int {
	if i, ok := r.pkgIndex.Load(pkg); ok {
		return i.(int)
	}
	n := r.pkgCount
	r.pkgCount++
	r.pkgIndex.Store(pkg, n)
	return n
}

// pkgSet is a set of package numbers (runner.indexOf).
type pkgSet []uint64

func (s pkgSet) has(i int) bool { return i/64 < len(s) && s[i/64]&(1<<(i%64)) != 0 }

func (s pkgSet) add(i int) pkgSet {
	for len(s) <= i/64 {
		s = append(s, 0)
	}
	s[i/64] |= 1 << (i % 64)
	return s
}

// union returns s ∪ t, in s's storage: s must not be shared (visit
// builds each set from nil).
func (s pkgSet) union(t pkgSet) pkgSet {
	for len(s) < len(t) {
		s = append(s, 0)
	}
	for i, w := range t {
		s[i] |= w
	}
	return s
}

// ownTypesOK reports whether p's own files type-check: go/packages calls
// a package ill-typed when any dependency has errors, but a package whose
// only errors are imports that failed (a cgo-only dependency built with
// CGO_ENABLED=0, a dependency with a compile error) still has types for
// everything else, and the checks reason from what they see; the failed
// dependency is reported as a load error of its own.
func ownTypesOK(p *packages.Package) bool {
	if !p.IllTyped {
		return true
	}
	if p.TypesInfo == nil || p.Types == nil {
		return false
	}
	for _, e := range p.Errors {
		if e.Kind == packages.TypeError && strings.Contains(e.Msg, "could not import") || EmbedError(e) {
			continue
		}
		return false
	}
	return true
}

// EmbedError: a //go:embed pattern that matches no file (a checkout
// without the built frontend or generated assets). The go command
// reports it, but it changes no type: the package's code is intact.
func EmbedError(e packages.Error) bool {
	return e.Kind == packages.ListError && strings.HasPrefix(e.Msg, "pattern ") &&
		(strings.Contains(e.Msg, "no matching files found") || strings.Contains(e.Msg, "cannot embed"))
}
