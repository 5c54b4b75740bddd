package httpmodel

// Function summaries (facts) of a package: the settings, and the
// fixpoint that computes and exports principal, middleware, data-access
// and helper facts with what each function's summary depends on. The
// summaries themselves are in facts_principal.go, facts_middleware.go
// and facts_access.go.

import (
	"go/ast"
	"go/types"
)

func itoa(i int) string {
	if i < 10 && i >= 0 {
		return string(rune('0' + i))
	}
	s := ""
	neg := i < 0
	if neg {
		i = -i
	}
	for i > 0 {
		s = string(rune('0'+i%10)) + s
		i /= 10
	}
	if neg {
		s = "-" + s
	}
	return s
}

// Settings are project-specific names the model cannot learn from code.
type Settings struct {
	// PrincipalFuncs are functions that return the caller's identity,
	// as "import/path.Func", "import/path.(*T).Method" or a bare "Func"
	// name (any package).
	PrincipalFuncs []string `yaml:"principal-funcs"`
	// AuthMiddleware, RateLimitMiddleware are middleware functions or
	// factories of those kinds, in the same forms.
	AuthMiddleware      []string `yaml:"auth-middleware"`
	RateLimitMiddleware []string `yaml:"ratelimit-middleware"`
}

// Config is the model's settings; the CLI may fill it from .apivet.yml
// before analysis starts. Read-only afterwards.
var Config = &Settings{}

func nameListed(list []string, fn *types.Func) bool {
	if len(list) == 0 || fn == nil {
		return false
	}
	q := qualifiedName(fn)
	for _, s := range list {
		if s == q || s == fn.Name() || s == funcName(fn) {
			return true
		}
	}
	return false
}

// funcDecls returns the package's function declarations with bodies.
func (m *modeler) funcDecls() []*ast.FuncDecl {
	var out []*ast.FuncDecl
	for _, f := range m.pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				out = append(out, fd)
			}
		}
	}
	return out
}

// computeFacts computes (and exports) the package's principal,
// middleware and data-access summaries, iterating to a fixpoint so that
// helpers calling helpers of the same package are summarized too.
func (m *modeler) computeFacts(decls []*ast.FuncDecl) {
	m.res.principals = map[*types.Func]*PrincipalFact{}
	flows := map[*ast.FuncDecl]*Flow{}
	deps := map[*ast.FuncDecl]funcDeps{}
	for _, fd := range decls {
		flows[fd] = m.newFlow(fd.Body)
		fn, _ := m.info.Defs[fd.Name].(*types.Func)
		deps[fd] = m.scanDecl(fd, fn)
		if fn != nil && !deps[fd].routing && !routerParams(fn) {
			m.routeFree[fn] = true
		}
	}
	// Each round recomputes only the functions whose summaries can have
	// changed: those referring to a same-package function whose summary
	// changed in the previous round, and those calling interface methods
	// (resolved to any implementation) while anything changed.
	var changedFuncs map[*types.Func]bool
	for round := 0; round < 4; round++ {
		changed := map[*types.Func]bool{}
		methodsChanged := false
		for _, fd := range decls {
			fn, _ := m.info.Defs[fd.Name].(*types.Func)
			if fn == nil {
				continue
			}
			if round > 0 && !deps[fd].dirty(changedFuncs) {
				continue
			}
			fl := flows[fd]
			if _, ok := m.res.principals[fn]; !ok {
				if p := m.principalOf(fn, fd, fl, deps[fd].principal); p != nil {
					m.res.principals[fn] = p
					changed[fn] = true
				}
			}
			if k := m.middlewareKindOf(fn, fd); k != m.mwKinds[fn] {
				m.mwKinds[fn] = k
				changed[fn] = true
			}
			if m.helperFacts(fn, fd, fl) {
				changed[fn] = true
			}
			if a := m.accessOf(fn, fd, fl); a != nil {
				old := m.access[fn]
				if old == nil || old.String() != a.String() {
					m.access[fn] = a
					changed[fn] = true
					methodsChanged = methodsChanged || fn.Signature().Recv() != nil
				}
			}
		}
		if methodsChanged {
			// Calls through interfaces merge the implementations'
			// summaries: the next round sees the new ones.
			m.resetImpls()
		}
		if len(changed) == 0 {
			break
		}
		changedFuncs = changed
	}
	m.resetImpls() // handlers are scanned with every local summary
	for _, fd := range decls {
		fn, _ := m.info.Defs[fd.Name].(*types.Func)
		if fn == nil {
			continue
		}
		if p := m.res.principals[fn]; p != nil {
			m.pass.ExportObjectFact(fn, p)
		}
		if k := m.mwKinds[fn]; k != 0 {
			m.pass.ExportObjectFact(fn, &MiddlewareFact{Kind: k})
		}
		if a := m.access[fn]; a != nil {
			m.pass.ExportObjectFact(fn, a)
		}
		if f := m.inputs[fn]; f != nil {
			m.pass.ExportObjectFact(fn, f)
		}
		if f := m.responses[fn]; f != nil {
			m.pass.ExportObjectFact(fn, f)
		}
	}
}

// funcDeps is what a function's summaries depend on within the package.
type funcDeps struct {
	locals   []*types.Func // same-package functions and methods it refers to
	abstract bool          // it calls interface methods (any implementation)
	// routing: the body refers to something a router value can come from
	// (a router library function, a same-package function, an imported
	// function with routes, a router-typed variable, a field or package
	// variable that may hold a router); only such bodies are walked for
	// routes.
	routing bool
	// principal: the body calls something the caller's identity can come
	// from (a principal library call, a principal function, a
	// same-package function); only such functions can return a principal.
	principal bool
}

// depScan accumulates a body's funcDeps from the objects its identifiers
// use.
type depScan struct {
	m    *modeler
	d    funcDeps
	seen map[*types.Func]bool
}

func (s *depScan) use(obj types.Object) {
	m := s.m
	if v, ok := obj.(*types.Var); ok {
		if !s.d.routing && mayHoldRouter(v) {
			s.d.routing = true
		}
		if v.Pkg() == m.pass.Pkg && v.Parent() == m.pass.Pkg.Scope() {
			// A package-level variable: its initializer (a middleware
			// built by a factory, a handler value) may refer to anything.
			s.d.abstract = true
		}
		return
	}
	fn, ok := obj.(*types.Func)
	if !ok {
		return
	}
	fn = fn.Origin()
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) {
		s.d.abstract = true
	}
	if fn.Pkg() == m.pass.Pkg {
		s.d.routing = true
		if !s.seen[fn] {
			s.seen[fn] = true
			s.d.locals = append(s.d.locals, fn)
		}
	} else if !s.d.routing {
		if _, ok := routerTable[keyOf(fn)]; ok || m.importFact(fn, routesFacts, new(RoutesFact)) {
			s.d.routing = true
		}
	}
}

// scanDecl walks a declared function's body once for what the fixpoint
// needs before any summary: its dependencies (funcDeps) and its cached
// middleware scan (bodyKindSummary, which middlewareKindOf reads).
func (m *modeler) scanDecl(fd *ast.FuncDecl, fn *types.Func) funcDeps {
	deps := depScan{m: m, seen: map[*types.Func]bool{}}
	kinds := kindScan{m: m, self: fn, body: fd.Body, seen: map[*types.Func]bool{}}
	routes := false
	m.inspect(fd.Body, kindTypes, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			obj := m.info.Uses[n]
			deps.use(obj)
			kinds.use(obj)
		case *ast.CallExpr:
			callee := m.callee(n)
			if routerCall(callee) {
				routes = true
			}
			if !deps.d.principal && m.principalSource(callee) {
				deps.d.principal = true
			}
			kinds.call(n, callee)
		case *ast.SelectorExpr:
			kinds.selector(n)
		}
		return true
	})
	if fn != nil {
		bk := &bodyKindSummary{routes: routes}
		if !routes {
			bk.static, bk.locals = kinds.k, kinds.locals
		}
		m.bodyKindCache[fd] = bk
	}
	return deps.d
}

// routerParams reports whether fn has a router-typed parameter (a
// function registering routes on the router it is given).
func routerParams(fn *types.Func) bool {
	params := fn.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		if routerFramework(params.At(i).Type()) != "" || routerSetParam(params.At(i).Type()) {
			return true
		}
	}
	return false
}

// mayHoldRouter reports whether v can hold a router value: a router-typed
// variable, or a struct field or package variable of interface type (the
// walk keeps one value per field and package variable, set anywhere in
// the package).
func mayHoldRouter(v *types.Var) bool {
	if isRouterType(v.Type()) || routerSetParam(v.Type()) {
		return true
	}
	global := v.IsField() || v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
	return global && types.IsInterface(v.Type())
}

// dirty reports whether a function with these dependencies must be
// summarized again after the functions in changed changed.
func (d funcDeps) dirty(changed map[*types.Func]bool) bool {
	if len(changed) == 0 {
		return false
	}
	if d.abstract {
		return true
	}
	for _, fn := range d.locals {
		if changed[fn] {
			return true
		}
	}
	return false
}
