package check

import (
	"container/heap"
	"go/types"
	"reflect"
	"runtime"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// Inspect is apivet's inspect analyzer: the same result as x/tools'
// passes/inspect (an *inspector.Inspector over the package's files), built
// by an apivet analyzer so that a driver can free it once every check that
// needs it has run on the package (see Plan). The inspector's event table
// is the largest thing analysis keeps per package — a quarter of the live
// heap on a large module — and go/analysis drivers keep every result until
// the whole run ends.
var Inspect = &analysis.Analyzer{
	Name:       "apivetinspect",
	Doc:        "build an AST inspector for the package's files; the result is freed after its last use when the driver asks for it",
	Run:        func(pass *analysis.Pass) (any, error) { return inspector.New(pass.Files), nil },
	ResultType: reflect.TypeFor[*inspector.Inspector](),
}

func init() { RunsOnImportGraph(Inspect) }

// Releaser is implemented by analyzer results that can give their memory
// back once every analyzer requiring them has run on the package.
type Releaser interface{ Release() }

// Plan tells apivet's analyzers how to run on pkgs, the packages a driver
// analyzes from source, so that memory stays close to what loading them
// costs (go/analysis drivers keep every result until the run ends and start
// every package's analysis at once):
//
//   - at most GOMAXPROCS analyzer passes run at a time, and a pass of a
//     package whose analysis has already begun goes before passes of
//     packages not yet begun, so packages finish one after another;
//   - the result of an analyzer on a package is freed as soon as the last
//     analyzer that requires it, directly or through another (which may
//     call into a result holding it), has run there
//     (*inspector.Inspector results are emptied, Releaser results
//     released), so results must not be kept past the dependents' Run;
//   - done, if not nil, is called once every analyzer of the closure has run
//     on a package: the driver may then drop the package's syntax and type
//     information.
//
// The returned function ends the plan. Drivers that read results after the
// analysis (apivet routes) don't make one.
func Plan(analyzers []*analysis.Analyzer, pkgs []*types.Package, done func(*types.Package)) (end func()) {
	plan := &plan{
		dependents: map[*analysis.Analyzer]int{},
		requires:   map[*analysis.Analyzer][]*analysis.Analyzer{},
		ranCount:   map[releaseKey]int{},
		finished:   map[*types.Package]int{},
		order:      map[*types.Package]int{},
		free:       runtime.GOMAXPROCS(0),
		done:       done,
	}
	var visit func(a *analysis.Analyzer) []*analysis.Analyzer
	visit = func(a *analysis.Analyzer) []*analysis.Analyzer {
		if reqs, ok := plan.requires[a]; ok {
			return reqs
		}
		set := map[*analysis.Analyzer]bool{}
		var reqs []*analysis.Analyzer
		for _, req := range a.Requires {
			for _, r := range append([]*analysis.Analyzer{req}, visit(req)...) {
				if !set[r] {
					set[r] = true
					reqs = append(reqs, r)
				}
			}
		}
		plan.requires[a] = reqs
		if ours(a) {
			plan.analyzers++
			for _, r := range reqs {
				plan.dependents[r]++
			}
		}
		return reqs
	}
	for _, a := range analyzers {
		visit(a)
	}
	for _, p := range pkgs {
		if p != nil {
			plans.Store(p, plan)
		}
	}
	return func() {
		for _, p := range pkgs {
			if p != nil {
				plans.Delete(p)
			}
		}
	}
}

var plans sync.Map // *types.Package → *plan

type plan struct {
	analyzers  int                                         // apivet analyzers in the closure
	requires   map[*analysis.Analyzer][]*analysis.Analyzer // transitive prerequisites of each analyzer
	dependents map[*analysis.Analyzer]int                  // how many apivet analyzers require each one, directly or not
	done       func(*types.Package)

	mu       sync.Mutex
	ranCount map[releaseKey]int     // dependents that have run, per package and required analyzer
	finished map[*types.Package]int // analyzers that have run, per package
	order    map[*types.Package]int // when each package's first pass asked to run
	free     int                    // passes that may start now
	waiting  waiters
}

type releaseKey struct {
	pkg *types.Package
	a   *analysis.Analyzer
}

// planOf returns the plan pass's package is under, or nil.
func planOf(pass *analysis.Pass) *plan {
	if v, ok := plans.Load(pass.Pkg); ok {
		return v.(*plan)
	}
	return nil
}

// acquire waits until the pass may run.
func (p *plan) acquire(pkg *types.Package) {
	p.mu.Lock()
	rank, ok := p.order[pkg]
	if !ok {
		rank = len(p.order)
		p.order[pkg] = rank
	}
	if p.free > 0 {
		p.free--
		p.mu.Unlock()
		return
	}
	w := &waiter{rank: rank, seq: len(p.waiting), wake: make(chan struct{})}
	heap.Push(&p.waiting, w)
	p.mu.Unlock()
	<-w.wake
}

// release lets the next pass run: the one of the earliest-begun package.
func (p *plan) release() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.waiting) == 0 {
		p.free++
		return
	}
	close(heap.Pop(&p.waiting).(*waiter).wake)
}

// ran records that pass's analyzer has finished on its package, releases
// the results of its prerequisites whose last dependent it was, and tells
// the driver when the package is done.
func (p *plan) ran(pass *analysis.Pass) {
	var last []*analysis.Analyzer
	p.mu.Lock()
	for _, req := range p.requires[pass.Analyzer] {
		key := releaseKey{pass.Pkg, req}
		p.ranCount[key]++
		if p.ranCount[key] == p.dependents[req] {
			delete(p.ranCount, key)
			last = append(last, req)
		}
	}
	p.finished[pass.Pkg]++
	finished := p.finished[pass.Pkg] == p.analyzers
	p.mu.Unlock()

	for _, req := range last {
		switch res := pass.ResultOf[req].(type) {
		case *inspector.Inspector:
			if res != nil {
				*res = inspector.Inspector{}
			}
		case Releaser:
			if !isNil(res) {
				res.Release()
			}
		}
	}
	if finished && p.done != nil {
		p.done(pass.Pkg)
	}
}

func isNil(x any) bool {
	v := reflect.ValueOf(x)
	return !v.IsValid() || (v.Kind() == reflect.Pointer && v.IsNil())
}

type waiter struct {
	rank, seq int
	wake      chan struct{}
}

// waiters is a heap of waiting passes, earliest-begun package first, then
// first come.
type waiters []*waiter

func (w waiters) Len() int { return len(w) }
func (w waiters) Less(i, j int) bool {
	if w[i].rank != w[j].rank {
		return w[i].rank < w[j].rank
	}
	return w[i].seq < w[j].seq
}
func (w waiters) Swap(i, j int) { w[i], w[j] = w[j], w[i] }
func (w *waiters) Push(x any)   { *w = append(*w, x.(*waiter)) }
func (w *waiters) Pop() any {
	old := *w
	x := old[len(old)-1]
	*w = old[:len(old)-1]
	return x
}
