package taint

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/source"
)

// SummaryFact describes what a function does with its parameters, for
// callers in other packages. Parameters are numbered with the receiver
// first, for methods: (r *Repo) Find(ctx, q) has r = 0, ctx = 1, q = 2.
type SummaryFact struct {
	// ToResult[r][k] has bit i set when parameter i reaches result r, for
	// sinks of kind 1<<k (sanitizers differ per kind).
	ToResult [][3]uint64
	// Sinks are the parameters that reach a sink inside the function.
	Sinks []ParamSink
	// Sanitizes is set for a masking or quoting helper of the module:
	// its result is clean for these kinds.
	Sanitizes Kind
	// ResultSrc[k], when not empty, describes a source that the function
	// itself reads and returns, for sinks of kind 1<<k: request input
	// (a helper returning r.URL.Path) or, for logs, a secret (a String
	// method returning a password, a getter of an environment secret).
	ResultSrc [3]string
	// Writes are what the function writes through its pointer
	// parameters (fill(dst *Filter, r) { dst.Q = r.FormValue("q") }).
	Writes []ParamWrite
}

// ParamWrite: the function writes into what parameter Param points to,
// for sinks of Kind, values derived from the parameters From (bits) or
// from a source it reads itself (Src describes it).
type ParamWrite struct {
	Param int
	Kind  Kind
	From  uint64
	Src   string
}

// ParamSink: parameter Param reaches a sink of Kind inside the function.
type ParamSink struct {
	Param int
	Kind  Kind
	Sink  string // the sink: "(*sql.DB).Query"
	Where string // where the sink is: "store.go:42"
	Func  string // the function that holds the sink (the summarized one, or one it calls)
}

func (*SummaryFact) AFact() {}

func (f *SummaryFact) String() string {
	var parts []string
	for r, bits := range f.ToResult {
		for i, k := range kinds {
			if bits[i] != 0 {
				parts = append(parts, fmt.Sprintf("%s→result%d %b", k, r, bits[i]))
			}
		}
	}
	for _, s := range f.Sinks {
		parts = append(parts, fmt.Sprintf("p%d→%s %s", s.Param, s.Kind, s.Sink))
	}
	for i, k := range kinds {
		if f.ResultSrc[i] != "" {
			parts = append(parts, fmt.Sprintf("%s→result %q", k, f.ResultSrc[i]))
		}
	}
	if f.Sanitizes != 0 {
		parts = append(parts, fmt.Sprintf("sanitizes %d", f.Sanitizes))
	}
	return "taint(" + strings.Join(parts, ", ") + ")"
}

func (f *SummaryFact) empty() bool {
	for _, r := range f.ToResult {
		if r != [3]uint64{} {
			return false
		}
	}
	return len(f.Sinks) == 0 && f.Sanitizes == 0 && f.ResultSrc == [3]string{} && len(f.Writes) == 0
}

func kindIndex(k Kind) int {
	switch k {
	case SQL:
		return 0
	case URL:
		return 1
	}
	return 2
}

// summaryOf returns the summary of fn: computed for a function of this
// package (on first use; a recursive cycle sees an empty summary), read
// from a fact for one of another package, nil when there is none.
func (e *engine) summaryOf(fn *types.Func) *SummaryFact {
	if fn == nil {
		return nil
	}
	fn = fn.Origin()
	if fn.Pkg() != e.pass.Pkg {
		if s, ok := e.imported[fn]; ok {
			return s
		}
		var f SummaryFact
		var s *SummaryFact
		if e.pass.ImportObjectFact(fn, &f) {
			s = &f
		}
		e.imported[fn] = s
		return s
	}
	if s, ok := e.summaries[fn]; ok {
		return s
	}
	fd := e.decls[fn]
	if fd == nil || fd.Body == nil {
		return nil
	}
	e.summaries[fn] = nil // in progress
	s := e.summarize(fn, fd)
	e.summaries[fn] = s
	return s
}

// summarize computes fn's summary from its body.
func (e *engine) summarize(fn *types.Func, fd *ast.FuncDecl) *SummaryFact {
	s := &SummaryFact{Sanitizes: sanitizerByName(fn.Name())}
	c := e.fnCtx(fd, fn)
	res := fn.Type().(*types.Signature).Results()
	s.ToResult = make([][3]uint64, res.Len())
	var returns []*ast.ReturnStmt
	var results []ast.Expr
	e.walk.Inspect(fd.Body, []ast.Node{(*ast.FuncLit)(nil), (*ast.ReturnStmt)(nil)}, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			returns = append(returns, n)
			results = append(results, n.Results...)
		}
		return true
	})
	if s.Sanitizes != 0 && len(results) > 0 && c.onlyTrims(results) {
		s.Sanitizes = 0 // sanitize(s) { return strings.TrimSpace(s) } cleans nothing
	}
	paramPos := map[token.Pos]bool{}
	for v := range c.params {
		paramPos[v.Pos()] = true
	}
	for i, k := range kinds {
		var all origins
		add := func(r int, o origins) {
			s.ToResult[r][i] |= o.params
			all.add(o)
		}
		for _, ret := range returns {
			switch {
			case len(ret.Results) == res.Len():
				for r, x := range ret.Results {
					add(r, c.orig(x, k))
				}
			case len(ret.Results) == 1: // return f() of a tuple
				if call, ok := ast.Unparen(ret.Results[0]).(*ast.CallExpr); ok {
					for r := 0; r < res.Len(); r++ {
						add(r, c.origResult(call, k, r))
					}
				}
			}
		}
		for r := 0; r < res.Len(); r++ {
			if v := res.At(r); v.Name() != "" && v.Name() != "_" {
				add(r, c.origVar(v, k))
			}
		}
		want := Input
		if k == Log {
			want = Secret
		}
		for _, src := range all.srcs {
			// A parameter named for a secret is the caller's business:
			// ToResult carries what the caller passes.
			if src.Class == want && s.Sanitizes&k == 0 && !paramPos[src.Pos()] {
				s.ResultSrc[i] = src.Desc
				break
			}
		}
	}
	s.Writes = c.paramWrites(paramPos)
	seen := map[[2]int]bool{}
	for _, site := range e.sites(c) {
		o := c.orig(site.arg, site.kind)
		for p := 0; p < 64; p++ {
			if o.params&(1<<p) == 0 || seen[[2]int{p, int(site.kind)}] {
				continue
			}
			seen[[2]int{p, int(site.kind)}] = true
			ps := ParamSink{Param: p, Kind: site.kind, Sink: site.sink, Where: site.where, Func: site.fn}
			if ps.Where == "" {
				ps.Where = source.ShortPos(e.pass.Fset, site.arg.Pos())
				ps.Func = funcName(fn)
			}
			s.Sinks = append(s.Sinks, ps)
		}
	}
	sort.SliceStable(s.Sinks, func(i, j int) bool { return s.Sinks[i].Param < s.Sinks[j].Param })
	return s
}

// exportSummaries exports the summaries of the package's exported
// functions and methods that have something to say (other packages cannot
// name the others).
func (e *engine) exportSummaries() {
	fns := make([]*types.Func, 0, len(e.decls))
	for fn := range e.decls {
		fns = append(fns, fn)
	}
	sort.Slice(fns, func(i, j int) bool { return fns[i].Pos() < fns[j].Pos() })
	for _, fn := range fns {
		if !fn.Exported() {
			continue // only this package calls it: summarized when it does
		}
		if s := e.summaryOf(fn); s != nil && !s.empty() {
			e.pass.ExportObjectFact(fn, s)
		}
	}
}

// sanitizerByName returns the kinds a module function's name says it
// cleans for (maskToken, redactDSN, quoteIdent).
func sanitizerByName(name string) Kind {
	var k Kind
	for _, sw := range sanitizerWords {
		for _, w := range sw.words {
			if wordsHave(name, w) {
				k |= sw.kinds
			}
		}
	}
	return k
}

// paramIndex numbers fn's parameters with the receiver first.
func paramIndex(fn *types.Func) map[*types.Var]int {
	sig := fn.Type().(*types.Signature)
	m := map[*types.Var]int{}
	i := 0
	if sig.Recv() != nil {
		m[sig.Recv()] = 0
		i = 1
	}
	for j := 0; j < sig.Params().Len() && i+j < 64; j++ {
		m[sig.Params().At(j)] = i + j
	}
	return m
}

// callArgs returns the arguments of call in the numbering of paramIndex:
// the receiver first for a method called through a selector.
func (e *engine) callArgs(call *ast.CallExpr, fn *types.Func) []ast.Expr {
	sig := fn.Type().(*types.Signature)
	if sig.Recv() == nil {
		return call.Args
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s, ok := e.info.Selections[sel]; ok && s.Kind() == types.MethodVal {
			return append([]ast.Expr{sel.X}, call.Args...)
		}
	}
	// A method expression T.M(recv, args...) already lists the receiver.
	return call.Args
}

// argsFor returns the arguments passed for parameter p (all the variadic
// ones for the last parameter of a variadic function).
func argsFor(args []ast.Expr, fn *types.Func, p int) []ast.Expr {
	sig := fn.Type().(*types.Signature)
	n := sig.Params().Len()
	if sig.Recv() != nil {
		n++
	}
	if p >= len(args) {
		return nil
	}
	if sig.Variadic() && p == n-1 {
		return args[p:]
	}
	return args[p : p+1]
}

// trimFuncs change a string's case or cut its ends: a "sanitizer" that
// only does this leaves any quote or host in place.
var trimFuncs = map[string]bool{
	"TrimSpace": true, "Trim": true, "TrimLeft": true, "TrimRight": true, "TrimPrefix": true,
	"TrimSuffix": true, "ToLower": true, "ToUpper": true, "ToTitle": true, "Title": true,
	"Clone": true, "ToValidUTF8": false,
}

// onlyTrims reports whether every result is a parameter, as is or
// through trimFuncs of package strings or bytes and conversions (a
// constant result, such as "****" in a masking branch, is not).
func (c *fnCtx) onlyTrims(results []ast.Expr) bool {
	var trivial func(x ast.Expr) bool
	trivial = func(x ast.Expr) bool {
		x = ast.Unparen(x)
		if tv, ok := c.e.info.Types[x]; ok && tv.Value != nil {
			return false // return "****": a masking branch
		}
		switch x := x.(type) {
		case *ast.Ident:
			if _, isNil := c.e.info.Uses[x].(*types.Nil); isNil {
				return true
			}
			v, ok := c.e.info.Uses[x].(*types.Var)
			if !ok {
				return false
			}
			if _, isParam := c.params[v]; isParam {
				return true
			}
			defs := c.flow.Defs(v)
			for _, d := range defs {
				if !trivial(d) {
					return false
				}
			}
			return len(defs) > 0
		case *ast.CallExpr:
			if tv, ok := c.e.info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
				return trivial(x.Args[0])
			}
			fn, _ := typeutil.Callee(c.e.info, x).(*types.Func)
			if fn == nil || fn.Pkg() == nil || (fn.Pkg().Path() != "strings" && fn.Pkg().Path() != "bytes") || !trimFuncs[fn.Name()] || len(x.Args) == 0 {
				return false
			}
			return trivial(x.Args[0])
		}
		return false
	}
	for _, r := range results {
		if !trivial(r) {
			return false
		}
	}
	return true
}

// paramWrites returns what the function writes through its pointer
// parameters: assignments to fields or elements of what they point to
// (p.f = x, *p = x, p[i] = x), and calls that write into them in turn.
func (c *fnCtx) paramWrites(paramPos map[token.Pos]bool) []ParamWrite {
	var out []ParamWrite
	for v, i := range c.params {
		if _, ptr := v.Type().Underlying().(*types.Pointer); !ptr {
			continue
		}
		lhs := c.flow.Assigned(v)
		for _, k := range kinds {
			var o origins
			for j, d := range c.flow.Defs(v) {
				if j >= len(lhs) {
					break
				}
				if id, ok := ast.Unparen(lhs[j]).(*ast.Ident); ok && c.e.info.Uses[id] == v {
					continue // p = other: the caller's pointer is not changed
				}
				if call, ok := d.(*ast.CallExpr); ok && lhs[j].Pos() >= call.Pos() && lhs[j].End() <= call.End() {
					if do, ok := c.decodeInto(call, lhs[j], k); ok && c.e.inputs[call] == nil {
						o.add(do)
					} else {
						o.add(c.outParam(call, lhs[j], k))
					}
					continue
				}
				o.add(c.orig(d, k))
			}
			o.params &^= 1 << i
			w := ParamWrite{Param: i, Kind: k, From: o.params}
			want := Input
			if k == Log {
				want = Secret
			}
			for _, src := range o.srcs {
				if src.Class == want && !paramPos[src.Pos()] {
					w.Src = src.Desc
					break
				}
			}
			if w.From != 0 || w.Src != "" {
				out = append(out, w)
			}
		}
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].Param != out[b].Param {
			return out[a].Param < out[b].Param
		}
		return out[a].Kind < out[b].Kind
	})
	return out
}

// summaryWrites is what a call of fn writes into the argument lhs is
// in, by fn's summary; ok is false when fn has no summary.
func (c *fnCtx) summaryWrites(call *ast.CallExpr, fn *types.Func, lhs ast.Expr, k Kind) (origins, bool) {
	s := c.e.summaryOf(fn)
	if s == nil {
		return origins{}, false
	}
	args := c.e.callArgs(call, fn)
	var o origins
	for _, w := range s.Writes {
		if w.Kind != k {
			continue
		}
		hit := false
		for _, a := range argsFor(args, fn, w.Param) {
			if lhs.Pos() >= a.Pos() && lhs.End() <= a.End() {
				hit = true
			}
		}
		if !hit {
			continue
		}
		if w.Src != "" {
			class := Input
			if k == Log {
				class = Secret
			}
			o.srcs = append(o.srcs, &Source{Class: class, Expr: call, Desc: w.Src + " (written by " + fn.Name() + ")"})
		}
		for p := 0; p < 64 && w.From>>p != 0; p++ {
			if w.From&(1<<p) != 0 {
				for _, a := range argsFor(args, fn, p) {
					o.add(c.orig(a, k))
				}
			}
		}
	}
	return o, true
}
