package httpmodel

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// Router is a router, sub-router or group the route walker found.
type Router struct {
	Framework Framework
	// Prefix is this router's own prefix relative to its parent.
	Prefix string
	// Parent is the router this one is a group/sub-router of, or is
	// mounted on; nil for a root.
	Parent *Router
	// Pos is where the router was created.
	Pos token.Pos

	parentLen int           // len(Parent.own) when attached
	own       []*Middleware // Use'd middleware, in order
	outer     []*Middleware // wrappers around the whole router (mw(r), echo Pre)
	dynamic   bool          // Use applies to all routes, not only later ones
	param     int           // >= 0: a parameter of the summarized function
	virtual   *virtualRouter
	res       *Result
	// escaped: the router was handed to code the walk cannot follow
	// (routersets.go); its routes are Detached unless it is mounted.
	escaped bool
}

// virtualRouter is the router returned by a call of a function whose
// summary lists its routes; they are materialized when the router is
// mounted under a prefix.
type virtualRouter struct {
	call      *ast.CallExpr
	fn        *types.Func
	local     []*Route         // templates of a function of this package
	remote    []*RouteTemplate // templates from a RoutesFact
	linked    bool
	registrar string
}

// FullPrefix is the router's prefix joined with its ancestors'.
func (r *Router) FullPrefix() string {
	if r.Parent == nil {
		return r.Prefix
	}
	return joinPath(r.Parent.FullPrefix(), r.Prefix)
}

// Middleware returns the chain that applies to a route registered on r
// now, outermost first.
func (r *Router) Middleware() []*Middleware { return r.chain(len(r.own), true) }

func (r *Router) root() *Router {
	for r.Parent != nil {
		r = r.Parent
	}
	return r
}

func (r *Router) chain(n int, withOuter bool) []*Middleware {
	var out []*Middleware
	if withOuter {
		var outers [][]*Middleware
		for a := r; a != nil; a = a.Parent {
			outers = append(outers, a.outer)
		}
		for i := len(outers) - 1; i >= 0; i-- {
			out = append(out, outers[i]...)
		}
	}
	if r.Parent != nil {
		pn := r.parentLen
		if r.Parent.dynamic {
			pn = len(r.Parent.own)
		}
		out = append(out, r.Parent.chain(pn, false)...)
	}
	if r.dynamic || n > len(r.own) {
		n = len(r.own)
	}
	return append(out, r.own[:n]...)
}

// RoutesOf returns the routes registered on router rt or its
// descendants. For a router returned by a function call that was not
// mounted (api.NewRouter() passed to http.ListenAndServe), the routes of
// that function's summary are returned.
func (res *Result) RoutesOf(rt *Router) []*Route {
	if rt == nil {
		return nil
	}
	var out []*Route
	for _, r := range res.Routes {
		for a := r.router; a != nil; a = a.Parent {
			if a == rt {
				out = append(out, r)
				break
			}
		}
	}
	if len(out) == 0 && rt.virtual != nil && !rt.virtual.linked {
		unlock := res.m.lock()
		out = res.m.materialize(rt, false, nil)
		unlock()
	}
	return out
}

// RouteTemplate is a route in a RoutesFact: path and chain relative to
// the router parameter or the returned router.
type RouteTemplate struct {
	Method      string
	Path        string
	HandlerName string
	HandlerPos  token.Position
	Middleware  []MiddlewareRef
	Registrar   string
}

// MiddlewareRef identifies middleware in a fact.
type MiddlewareRef struct {
	PkgPath, Name string
	Kind          MiddlewareKind
}

// RoutesFact summarizes the routes a function registers on its router
// parameters and on the router it returns, so another package's caller
// can join them up.
type RoutesFact struct {
	Framework Framework
	// Params maps a parameter index to the routes registered on it.
	Params map[int][]*RouteTemplate
	// Returned are the routes of the router the function returns.
	Returned []*RouteTemplate
	// Router is true when the function returns a router of its own with
	// no routes yet (signoz's NewRouter() *mux.Router): a caller's
	// registrations on the result are routes of a new root, under Chain,
	// the middleware the function put on it.
	Router bool
	Chain  []MiddlewareRef
	// Callbacks are the calls of callback parameters with a router
	// (callbacks.go).
	Callbacks []*CallbackRef
	// Mounts are mounts of router-set parameters (Param, with Arg
	// unused; routersets.go); ReturnedSet lists the router-set
	// parameters the function returns in a value (a dispatcher).
	Mounts      []*CallbackRef
	ReturnedSet []int
}

func (*RoutesFact) AFact() {}
func (f *RoutesFact) String() string {
	n := len(f.Returned)
	if f.Router && n == 0 {
		return "router(" + itoa(len(f.Chain)) + " middleware)"
	}
	for _, ts := range f.Params {
		n += len(ts)
	}
	return "routes(" + itoa(n) + ")"
}

// ---- the walker ----

// value is what an expression evaluates to for the route walker.
type value interface{}

// muxRoute is a pending gorilla *mux.Route.
type muxRoute struct {
	router   *Router
	methods  []string
	path     string
	prefix   bool
	routes   []*Route // registered routes (after Handler/HandlerFunc)
	callExpr *ast.CallExpr
}

// summary is the route summary of a function of this package.
type summary struct {
	fn        *types.Func
	params    map[int]*Router // the fresh routers bound to router params
	routes    []*Route        // every route registered by the walk
	returned  *Router
	fact      *RoutesFact
	callbacks []*callbackSite
	mounts    []*setMount // router-set parameters mounted (routersets.go)
	retSet    *routerSet  // the router set returned
}

type walker struct {
	m      *modeler
	fn     *types.Func
	sum    *summary
	env    map[types.Object]value
	exprs  map[*types.Var]ast.Expr // last assignment of each local var
	depth  int
	inLits map[*ast.FuncLit]bool
	cbDone map[*ast.FuncLit]bool     // literals walked as route callbacks
	defs   map[*types.Var][]ast.Expr // localDefs of fn's body, when needed (mwslices.go)
}

func (m *modeler) summaryOf(fn *types.Func) *summary {
	fn = fn.Origin()
	if s, ok := m.summaries[fn]; ok {
		return s // nil while in progress: recursion
	}
	fd := m.declOf[fn]
	if fd == nil {
		return nil
	}
	if m.routeFree[fn] {
		s := &summary{fn: fn}
		m.summaries[fn] = s
		return s
	}
	m.summaries[fn] = nil
	s := m.walkFunc(fn, fd)
	m.summaries[fn] = s
	return s
}

func (m *modeler) walkFunc(fn *types.Func, fd *ast.FuncDecl) *summary {
	s := &summary{fn: fn, params: map[int]*Router{}}
	w := &walker{m: m, fn: fn, sum: s, env: map[types.Object]value{}, exprs: map[*types.Var]ast.Expr{}, inLits: map[*ast.FuncLit]bool{}}
	sig := fn.Type().(*types.Signature)
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		if fw := routerFramework(p.Type()); fw != "" {
			r := &Router{Framework: fw, param: i, Pos: p.Pos(), res: m.res}
			r.dynamic = fw == GorillaMux
			s.params[i] = r
			w.env[p] = r
		} else if routerSetParam(p.Type()) {
			w.env[p] = &routerSet{params: []int{i}}
		}
	}
	w.block(fd.Body)
	return s
}

// routerFramework returns the framework of a router type, or "".
func routerFramework(t types.Type) Framework {
	if !isRouterType(t) {
		return ""
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n := types.Unalias(t).(*types.Named)
	switch n.Obj().Pkg().Path() {
	case "net/http":
		return NetHTTP
	case pkgChi:
		return Chi
	case pkgGin:
		return Gin
	case pkgEcho:
		return Echo
	case pkgEcho5:
		return EchoV5
	case pkgHttprouter:
		return HTTPRouter
	case pkgFiber:
		return Fiber
	case pkgFiber3:
		return FiberV3
	case pkgMux:
		return GorillaMux
	}
	return ""
}

func (w *walker) block(b *ast.BlockStmt) {
	if b == nil {
		return
	}
	for _, s := range b.List {
		w.stmt(s)
	}
}

func (w *walker) stmt(s ast.Stmt) {
	switch s := s.(type) {
	case *ast.BlockStmt:
		w.block(s)
	case *ast.ExprStmt:
		w.eval(s.X)
	case *ast.AssignStmt:
		for i, l := range s.Lhs {
			var r ast.Expr
			if len(s.Lhs) == len(s.Rhs) {
				r = s.Rhs[i]
			} else if i == 0 && len(s.Rhs) == 1 {
				r = s.Rhs[0] // v, err := f()
			}
			if r == nil {
				continue
			}
			v := w.eval(r)
			w.assign(l, r, v)
		}
		if len(s.Lhs) != len(s.Rhs) {
			for _, r := range s.Rhs {
				if len(s.Lhs) > 1 && len(s.Rhs) == 1 {
					break
				}
				w.eval(r)
			}
		}
	case *ast.DeclStmt:
		if gd, ok := s.Decl.(*ast.GenDecl); ok {
			for _, sp := range gd.Specs {
				if vs, ok := sp.(*ast.ValueSpec); ok {
					for i, name := range vs.Names {
						if i < len(vs.Values) {
							v := w.eval(vs.Values[i])
							w.assign(name, vs.Values[i], v)
						}
					}
				}
			}
		}
	case *ast.IfStmt:
		if s.Init != nil {
			w.stmt(s.Init)
		}
		w.eval(s.Cond)
		w.block(s.Body)
		if s.Else != nil {
			w.stmt(s.Else)
		}
	case *ast.ForStmt:
		if s.Init != nil {
			w.stmt(s.Init)
		}
		w.block(s.Body)
	case *ast.RangeStmt:
		w.eval(s.X)
		w.block(s.Body)
	case *ast.SwitchStmt:
		if s.Init != nil {
			w.stmt(s.Init)
		}
		for _, c := range s.Body.List {
			for _, st := range c.(*ast.CaseClause).Body {
				w.stmt(st)
			}
		}
	case *ast.TypeSwitchStmt:
		for _, c := range s.Body.List {
			for _, st := range c.(*ast.CaseClause).Body {
				w.stmt(st)
			}
		}
	case *ast.SelectStmt:
		for _, c := range s.Body.List {
			for _, st := range c.(*ast.CommClause).Body {
				w.stmt(st)
			}
		}
	case *ast.LabeledStmt:
		w.stmt(s.Stmt)
	case *ast.GoStmt:
		w.eval(s.Call)
	case *ast.DeferStmt:
		w.eval(s.Call)
	case *ast.ReturnStmt:
		for _, r := range s.Results {
			v := w.eval(r)
			if set, ok := v.(*routerSet); ok && w.sum.retSet == nil {
				w.sum.retSet = set
			}
			if rt, ok := v.(*Router); ok && w.sum.returned == nil {
				root := rt.root()
				if root.param < 0 {
					w.sum.returned = root
				}
			}
		}
	}
}

// assign binds a router value to a variable, field or package variable.
func (w *walker) assign(lhs, rhs ast.Expr, v value) {
	lhs = ast.Unparen(lhs)
	if _, ok := lhs.(*ast.IndexExpr); ok {
		escape(v) // routers[v] = r: the walk keeps no map contents
	}
	var obj types.Object
	switch l := lhs.(type) {
	case *ast.Ident:
		obj = w.m.info.ObjectOf(l)
	case *ast.SelectorExpr:
		obj = w.m.info.ObjectOf(l.Sel)
	}
	if obj == nil {
		return
	}
	if lv, ok := obj.(*types.Var); ok && rhs != nil {
		w.exprs[lv] = rhs
	}
	if v == nil {
		return
	}
	if w.isGlobal(obj) {
		if old, ok := w.m.globals[obj].(*Router); ok && old != nil {
			if nr, ok := v.(*Router); ok && nr != old && nr.Parent == nil && nr.virtual == nil && len(nr.own) == 0 {
				// s.router = chi.NewRouter() after routes were already
				// registered on the field through another method: keep
				// the existing node, adopt the constructor's properties.
				old.Framework, old.dynamic, old.Pos = nr.Framework, nr.dynamic, nr.Pos
				old.own = append(old.own, nr.own...)
				return
			}
		}
		w.m.globals[obj] = v
		return
	}
	w.env[obj] = v
}

// isGlobal reports whether obj is a struct field or package variable:
// those hold one router for the whole package.
func (w *walker) isGlobal(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	if !ok {
		return false
	}
	if v.IsField() {
		return true
	}
	return v.Parent() == v.Pkg().Scope()
}

// lookup returns the router value of an identifier or field.
func (w *walker) lookup(obj types.Object) value {
	if v, ok := w.env[obj]; ok {
		return v
	}
	if w.isGlobal(obj) {
		if v, ok := w.m.globals[obj]; ok {
			return v
		}
		// A router-typed field or package variable used before (or
		// without) a visible assignment: one router per object.
		if fw := routerFramework(obj.Type()); fw != "" {
			r := &Router{Framework: fw, param: -1, Pos: obj.Pos(), res: w.m.res, dynamic: fw == GorillaMux}
			w.m.globals[obj] = r
			return r
		}
	}
	return nil
}

// eval evaluates an expression for its router value, performing the
// route registrations it contains.
func (w *walker) eval(e ast.Expr) value {
	if e == nil {
		return nil
	}
	v := w.eval1(e)
	if r, ok := v.(*Router); ok {
		w.m.res.routerOf[ast.Unparen(e)] = r
	}
	return v
}

func (w *walker) eval1(e ast.Expr) value {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		if obj := w.m.info.Uses[x]; obj != nil {
			return w.lookup(obj)
		}
	case *ast.SelectorExpr:
		if sel, ok := w.m.info.Selections[x]; ok && sel.Kind() == types.FieldVal {
			return w.lookup(sel.Obj())
		}
		if obj, ok := w.m.info.Uses[x.Sel].(*types.Var); ok {
			if obj.Pkg() != nil && obj.Pkg().Path() == "net/http" && obj.Name() == "DefaultServeMux" {
				return w.m.defaultMux()
			}
			return w.lookup(obj)
		}
	case *ast.StarExpr:
		return w.eval(x.X)
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			if cl, ok := ast.Unparen(x.X).(*ast.CompositeLit); ok {
				return w.eval(cl)
			}
			return w.eval(x.X)
		}
	case *ast.CompositeLit:
		vals := make([]value, 0, len(x.Elts))
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			vals = append(vals, w.eval(el))
		}
		return compositeSet(vals, routerSetParam(w.m.info.TypeOf(x)))
	case *ast.CallExpr:
		return w.call(x)
	case *ast.FuncLit:
		return nil
	}
	return nil
}

func (m *modeler) defaultMux() *Router {
	if m.defMux == nil {
		m.defMux = &Router{Framework: NetHTTP, param: -1, res: m.res}
	}
	return m.defMux
}

func (w *walker) call(call *ast.CallExpr) value {
	fn := w.m.callee(call)
	if fn == nil {
		// Immediately called literal, or a func value.
		if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok && !w.inLits[lit] {
			w.inLits[lit] = true
			w.block(lit.Body)
		}
		vals := make([]value, len(call.Args))
		for i, a := range call.Args {
			vals[i] = w.eval(a)
		}
		w.callbackCall(call, vals)
		return nil
	}
	k := keyOf(fn)
	if row, ok := routerTable[k]; ok {
		return w.routerCall(call, fn, row)
	}
	// Calls of functions with route summaries.
	args := make([]value, len(call.Args))
	for i, a := range call.Args {
		args[i] = w.eval(a)
	}
	var recv value
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if _, isMethod := w.m.info.Selections[sel]; isMethod {
			recv = w.eval(sel.X)
		}
	}
	_ = recv
	if v, ok := w.oapiCall(call, fn, args); ok {
		return v
	}
	v := w.applySummary(call, fn, args)
	w.closureArgs(call)
	if v != nil {
		return v
	}
	// mw(router): a wrapper around a whole router.
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Results().Len() >= 1 && isHandlerType(sig.Results().At(0).Type()) {
		for i, a := range args {
			if rt, ok := a.(*Router); ok {
				if idx, ok := transparentWrappers[k]; ok && idx == i {
					return rt
				}
				mw := w.m.middlewareOf(call, fn)
				mw.Global = true
				// each wrapper is outside the ones already applied
				rt.outer = append([]*Middleware{mw}, rt.outer...)
				return rt
			}
		}
	}
	return nil
}

// applySummary applies the route summary of fn (this package's walk, or
// an imported RoutesFact) at a call site.
func (w *walker) applySummary(call *ast.CallExpr, fn *types.Func, args []value) value {
	v, uses, fw := w.applyRoutes(call, fn.Origin(), args)
	if len(uses) > 0 {
		w.applyCallbacks(call, uses, args, v, fw)
	}
	mounts, set := w.summaryMounts(fn.Origin())
	if len(mounts) > 0 {
		w.applyMounts(call, mounts, args, v, fw)
	}
	escapeArgs(args, mounts, set)
	if v == nil {
		v = returnedSet(set, args)
	}
	return v
}

// applyRoutes applies fn's routes; it also returns fn's callback sites
// and framework.
func (w *walker) applyRoutes(call *ast.CallExpr, fn *types.Func, args []value) (value, []callbackUse, Framework) {
	if fn.Pkg() == w.m.pass.Pkg {
		s := w.m.summaryOf(fn)
		if s == nil {
			return nil, nil, ""
		}
		fw := Framework("")
		for i, pr := range s.params {
			fw = pr.Framework
			if i >= len(args) {
				continue
			}
			actual, ok := args[i].(*Router)
			if !ok {
				continue
			}
			w.m.consumedLocal[fn] = true
			for _, rt := range s.routes {
				if rt.router.root() != pr {
					continue
				}
				w.m.cloneOnto(rt, actual, call, w.sum)
			}
		}
		uses := s.callbackUses()
		if s.returned != nil {
			return &Router{Framework: s.returned.Framework, param: -1, Pos: call.Pos(), res: w.m.res,
				virtual: &virtualRouter{call: call, fn: fn, local: w.m.routesOn(s, s.returned), registrar: qualifiedName(fn)}}, uses, s.returned.Framework
		}
		for _, c := range s.callbacks {
			fw = c.router.Framework
		}
		return nil, uses, fw
	}
	var f RoutesFact
	if !w.m.pass.ImportObjectFact(fn, &f) {
		return nil, nil, ""
	}
	uses := f.callbackUses()
	for i, ts := range f.Params {
		if i >= len(args) {
			continue
		}
		actual, ok := args[i].(*Router)
		if !ok {
			continue
		}
		w.m.consume(fn)
		for _, t := range ts {
			w.m.fromTemplate(t, actual, call, w.sum, f.Framework).SplicedFrom = fn
		}
	}
	if len(f.Returned) > 0 {
		return &Router{Framework: f.Framework, param: -1, Pos: call.Pos(), res: w.m.res,
			virtual: &virtualRouter{call: call, fn: fn, remote: f.Returned, registrar: qualifiedName(fn)}}, uses, f.Framework
	}
	if f.Router {
		r := &Router{Framework: f.Framework, param: -1, Pos: call.Pos(), res: w.m.res, dynamic: f.Framework == GorillaMux}
		for _, mr := range f.Chain {
			r.own = append(r.own, &Middleware{PkgPath: mr.PkgPath, Name: mr.Name, Kind: mr.Kind})
		}
		return r, uses, f.Framework
	}
	return nil, uses, f.Framework
}

func (m *modeler) consume(fn *types.Func) {
	q := qualifiedName(fn)
	for _, c := range m.res.Consumed {
		if c == q {
			return
		}
	}
	m.res.Consumed = append(m.res.Consumed, q)
}

// routesOn returns the routes of s registered on router root r.
func (m *modeler) routesOn(s *summary, r *Router) []*Route {
	var out []*Route
	for _, rt := range s.routes {
		if rt.router.root() == r {
			out = append(out, rt)
		}
	}
	return out
}

// cloneOnto registers, on router actual, a copy of route rt of a callee
// (whose path and chain are relative to the callee's router parameter
// or returned router).
func (m *modeler) cloneOnto(rt *Route, actual *Router, call *ast.CallExpr, into *summary) *Route {
	c := *rt
	c.suffix = joinPath(rt.router.FullPrefix(), rt.suffix)
	c.tail = append(rt.router.chain(rt.ownLen, true), rt.tail...)
	c.router, c.ownLen = actual, len(actual.own)
	c.Call = call
	c.Partial, c.Returned, c.PartialOf = false, false, nil
	if into.fn != nil {
		c.Registrar = qualifiedName(into.fn)
	}
	into.routes = append(into.routes, &c)
	return &c
}

func (m *modeler) fromTemplate(t *RouteTemplate, actual *Router, call *ast.CallExpr, into *summary, fw Framework) *Route {
	rt := &Route{Framework: fw, Method: t.Method, Call: call, HandlerName: t.HandlerName, HandlerPos: t.HandlerPos,
		Registrar: t.Registrar, router: actual, ownLen: len(actual.own), suffix: t.Path}
	if into.fn != nil {
		rt.Registrar = qualifiedName(into.fn)
	}
	for _, mr := range t.Middleware {
		rt.tail = append(rt.tail, &Middleware{PkgPath: mr.PkgPath, Name: mr.Name, Kind: mr.Kind})
	}
	into.routes = append(into.routes, rt)
	return rt
}

// materialize creates the routes of a virtual router (into the walk's
// summary when it is linked; detached for RoutesOf otherwise).
func (m *modeler) materialize(v *Router, linked bool, in *types.Func) []*Route {
	vr := v.virtual
	if vr == nil {
		return nil
	}
	tmp := &summary{fn: in}
	for _, rt := range vr.local {
		m.cloneOnto(rt, v, vr.call, tmp)
	}
	for _, t := range vr.remote {
		m.fromTemplate(t, v, vr.call, tmp, v.Framework).SplicedFrom = vr.fn
	}
	if linked {
		vr.linked = true
		if vr.fn.Pkg() == m.pass.Pkg {
			m.consumedReturned[vr.fn] = true
		} else {
			m.consume(vr.fn)
		}
	} else {
		for _, r := range tmp.routes {
			m.finalize(r)
		}
	}
	return tmp.routes
}

// link attaches router sub under parent with a prefix (Mount, a
// sub-router handler).
func (w *walker) link(parent, sub *Router, prefix string) {
	if sub == parent || sub.Parent != nil {
		return
	}
	for a := parent; a != nil; a = a.Parent {
		if a == sub {
			return
		}
	}
	sub.Parent, sub.Prefix, sub.parentLen = parent, joinPath(prefix, sub.Prefix), len(parent.own)
	if sub.virtual != nil && !sub.virtual.linked {
		w.sum.routes = append(w.sum.routes, w.m.materialize(sub, true, w.fn)...)
	}
}

func (w *walker) child(parent *Router, prefix string) *Router {
	return &Router{Framework: parent.Framework, Prefix: prefix, Parent: parent, parentLen: len(parent.own), param: -1, res: w.m.res, dynamic: parent.Framework == GorillaMux}
}

func (w *walker) pathArg(call *ast.CallExpr, i int) string {
	a := arg(call, i)
	if a == nil {
		return ""
	}
	if s, ok := constString(w.m.info, a); ok {
		return s
	}
	return "{?}"
}

// routerCall performs a router method or constructor.
func (w *walker) routerCall(call *ast.CallExpr, fn *types.Func, row routerRow) value {
	var recv value
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if _, isMethod := w.m.info.Selections[sel]; isMethod {
			recv = w.eval(sel.X)
		}
	}
	rt, _ := recv.(*Router)
	if row.op == opNew {
		r := &Router{Framework: row.fw, param: -1, Pos: call.Pos(), res: w.m.res, dynamic: row.dynamic}
		if keyOf(fn) == (key{pkgGin, "", "Default"}) {
			for _, name := range []string{"Logger", "Recovery"} {
				r.own = append(r.own, &Middleware{PkgPath: pkgGin, Name: name, Expr: call})
			}
		}
		return r
	}
	if row.k.recv == "" && row.op == opRegister && row.fw == NetHTTP {
		rt = w.m.defaultMux() // http.Handle, http.HandleFunc
	}
	if mr, ok := recv.(*muxRoute); ok {
		return w.muxRouteCall(call, row, mr)
	}
	if rt == nil {
		for _, a := range call.Args {
			w.eval(a)
		}
		return nil
	}
	switch row.op {
	case opUse:
		args := call.Args
		scope := ""
		if row.fw == Fiber || row.fw == FiberV3 {
			// app.Use("/api", mw...) scopes the middleware to a prefix.
			if s, ok := constString(w.m.info, arg(call, 0)); ok {
				scope, args = s, args[1:]
			}
		}
		for _, a := range args {
			if sub, ok := w.eval(a).(*Router); ok && (row.fw == Fiber || row.fw == FiberV3) {
				w.link(rt, sub, scope)
				continue
			}
			for _, mw := range w.m.middlewareList(w, a) {
				mw.scope = scope
				rt.own = append(rt.own, mw)
			}
		}
		return rt
	case opPre:
		for _, a := range call.Args {
			for _, mw := range w.m.middlewareList(w, a) {
				mw.Global = true
				rt.outer = append(rt.outer, mw)
			}
		}
		return rt
	case opWith:
		c := w.child(rt, "")
		for _, a := range call.Args {
			c.own = append(c.own, w.m.middlewareList(w, a)...)
		}
		return c
	case opGroup:
		c := w.child(rt, w.pathArg(call, row.pathArg))
		for _, a := range call.Args[min(row.mwFrom, len(call.Args)):] {
			c.own = append(c.own, w.m.middlewareList(w, a)...)
		}
		return c
	case opGroupFn:
		prefix := ""
		if row.pathArg >= 0 {
			prefix = w.pathArg(call, row.pathArg)
		}
		c := w.child(rt, prefix)
		if lit, ok := ast.Unparen(arg(call, row.fnArg)).(*ast.FuncLit); ok {
			if p := paramVar(w.m.info, lit.Type, 0); p != nil {
				w.env[p] = c
			}
			w.block(lit.Body)
		} else if f := arg(call, row.fnArg); f != nil {
			// r.Route("/x", mountX): a named function taking the router.
			if obj, ok := w.m.info.Uses[identOf(f)].(*types.Func); ok {
				w.applySummary(call, obj, []value{c})
			} else {
				// r.Group(fn), fn a callback parameter: a callback site.
				w.callbackCall(&ast.CallExpr{Fun: f}, []value{c})
			}
		}
		return c
	case opMount:
		prefix := w.pathArg(call, row.pathArg)
		h := arg(call, row.handlerArg)
		v := w.eval(h)
		if sub, ok := v.(*Router); ok {
			w.link(rt, sub, prefix)
			return rt
		}
		if set, ok := v.(*routerSet); ok {
			w.mountSet(rt, set, prefix)
		}
		w.register(call, rt, row.fw, "*", joinPath(prefix, "/*"), h, nil)
		return rt
	case opSame:
		return rt
	case opMuxRoute:
		mr := &muxRoute{router: rt, callExpr: call}
		w.muxSet(call, fn.Name(), mr)
		return mr
	case opRegister:
		return w.registerCall(call, rt, row)
	}
	return nil
}

func identOf(e ast.Expr) *ast.Ident {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return x
	case *ast.SelectorExpr:
		return x.Sel
	}
	return nil
}

func (w *walker) registerCall(call *ast.CallExpr, rt *Router, row routerRow) value {
	path := w.pathArg(call, row.pathArg)
	methods := []string{row.method}
	if row.methodArg >= 0 {
		methods = w.methodsArg(arg(call, row.methodArg))
	} else if row.method == "" {
		if row.fw == NetHTTP {
			m, p := splitPattern(path)
			methods, path = []string{m}, p
		} else {
			methods = []string{"*"}
		}
	}
	var h ast.Expr
	var mws []ast.Expr
	if row.handlerArg == -2 {
		if len(call.Args) > row.mwFrom {
			h = call.Args[len(call.Args)-1]
			mws = call.Args[row.mwFrom : len(call.Args)-1]
		}
	} else {
		h = arg(call, row.handlerArg)
		if row.mwFrom >= 0 && row.mwFrom < len(call.Args) {
			mws = call.Args[row.mwFrom:]
		}
	}
	var tail []*Middleware
	for _, a := range mws {
		tail = append(tail, w.m.middlewareList(w, a)...)
	}
	// net/http: mux.Handle("/api/", http.StripPrefix("/api", sub)) mounts
	// a router.
	if v := w.eval(h); v != nil {
		if sub, ok := v.(*Router); ok {
			prefix := ""
			if sp := stripPrefixOf(w.m, h); sp != "" {
				prefix = sp
			}
			w.link(rt, sub, prefix)
			return rt
		}
		if set, ok := v.(*routerSet); ok {
			w.mountSet(rt, set, stripPrefixOf(w.m, h))
		}
	}
	var routes []*Route
	for _, m := range methods {
		routes = append(routes, w.register(call, rt, row.fw, m, path, h, tail))
	}
	if row.fw == GorillaMux {
		return &muxRoute{router: rt, routes: routes, path: path}
	}
	return rt
}

// stripPrefixOf returns the prefix of an http.StripPrefix(prefix, h)
// handler expression, or "".
func stripPrefixOf(m *modeler, h ast.Expr) string {
	call, ok := ast.Unparen(h).(*ast.CallExpr)
	if !ok {
		return ""
	}
	if keyOf(m.callee(call)) == (key{"net/http", "", "StripPrefix"}) {
		s, _ := constString(m.info, arg(call, 0))
		return s
	}
	return ""
}

func (w *walker) methodsArg(e ast.Expr) []string {
	if s, ok := constString(w.m.info, e); ok {
		return []string{strings.ToUpper(s)}
	}
	if cl, ok := ast.Unparen(e).(*ast.CompositeLit); ok {
		var out []string
		for _, el := range cl.Elts {
			if s, ok := constString(w.m.info, el); ok {
				out = append(out, strings.ToUpper(s))
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return []string{"*"}
}

// splitPattern splits a Go 1.22 ServeMux pattern "GET /x" into method
// and path ("*" when there is no method).
func splitPattern(p string) (string, string) {
	p = strings.TrimSpace(p)
	if i := strings.IndexAny(p, " \t"); i > 0 {
		return strings.ToUpper(p[:i]), strings.TrimSpace(p[i+1:])
	}
	return "*", p
}

func (w *walker) muxSet(call *ast.CallExpr, name string, mr *muxRoute) {
	switch name {
	case "Path":
		mr.path = w.pathArg(call, 0)
	case "PathPrefix":
		mr.path, mr.prefix = w.pathArg(call, 0), true
	case "Methods":
		mr.methods = nil
		for _, a := range call.Args {
			if s, ok := constString(w.m.info, a); ok {
				mr.methods = append(mr.methods, strings.ToUpper(s))
			} else {
				mr.methods = append(mr.methods, "*")
			}
		}
	}
	if len(mr.routes) > 0 {
		// refining an already registered route: .HandleFunc(...).Methods("GET")
		base := mr.routes[0]
		if name == "Methods" && len(mr.methods) > 0 {
			base.Method = mr.methods[0]
			for _, m := range mr.methods[1:] {
				c := *base
				c.Method = m
				w.sum.routes = append(w.sum.routes, &c)
				mr.routes = append(mr.routes, &c)
			}
		}
	}
}

func (w *walker) muxRouteCall(call *ast.CallExpr, row routerRow, mr *muxRoute) value {
	switch row.op {
	case opMuxRouteSet:
		w.muxSet(call, row.k.name, mr)
		return mr
	case opMuxSubrouter:
		c := w.child(mr.router, mr.path)
		return c
	case opMuxHandler:
		h := arg(call, 0)
		if sub, ok := w.eval(h).(*Router); ok {
			prefix := ""
			if sp := stripPrefixOf(w.m, h); sp != "" {
				prefix = sp
			}
			w.link(mr.router, sub, prefix)
			return mr
		}
		methods := mr.methods
		if len(methods) == 0 {
			methods = []string{"*"}
		}
		path := mr.path
		for _, m := range methods {
			mr.routes = append(mr.routes, w.register(call, mr.router, GorillaMux, m, path, h, nil))
		}
		return mr
	}
	return mr
}

// register records one route.
func (w *walker) register(call *ast.CallExpr, rt *Router, fw Framework, method, path string, h ast.Expr, tail []*Middleware) *Route {
	r := &Route{Framework: fw, Method: method, Call: call, HandlerExpr: h, router: rt, ownLen: len(rt.own), suffix: path,
		Registrar: qualifiedName(w.fn)}
	wraps := w.m.resolveHandler(w, h, r)
	r.tail = append(tail, wraps...)
	w.sum.routes = append(w.sum.routes, r)
	return r
}

// resolveHandler fills the handler fields of r from expression h and
// returns the middleware wrapped around it (mw(h), outermost first).
func (m *modeler) resolveHandler(w *walker, h ast.Expr, r *Route) []*Middleware {
	var wraps []*Middleware
	for depth := 0; depth < 16 && h != nil; depth++ {
		h = ast.Unparen(h)
		switch x := h.(type) {
		case *ast.FuncLit:
			if hd := m.res.byNode[x]; hd != nil {
				m.setHandler(r, hd, nil)
			} else {
				r.HandlerName = "func literal"
				r.HandlerPos = m.pass.Fset.Position(x.Pos())
			}
			return wraps
		case *ast.Ident, *ast.SelectorExpr:
			obj := m.info.Uses[identOf(x)]
			switch o := obj.(type) {
			case *types.Func:
				m.setHandler(r, m.res.byFunc[o.Origin()], o)
				return wraps
			case *types.Var:
				if d, ok := w.exprs[o]; ok && d != h {
					h = d
					continue
				}
			}
			r.HandlerName = types.ExprString(x)
			if obj != nil {
				r.HandlerPos = m.pass.Fset.Position(obj.Pos())
			}
			return wraps
		case *ast.CallExpr:
			if tv, ok := m.info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
				h = x.Args[0] // http.HandlerFunc(f)
				continue
			}
			fn := m.callee(x)
			if fn == nil {
				// mwFactory(args)(h): the factory returns the middleware.
				if inner, ok := ast.Unparen(x.Fun).(*ast.CallExpr); ok && len(x.Args) == 1 {
					if ffn := m.callee(inner); ffn != nil {
						if res := ffn.Type().(*types.Signature).Results(); res.Len() == 1 {
							if sig, ok := res.At(0).Type().Underlying().(*types.Signature); ok && isMiddlewareSig(sig) {
								wraps = append(wraps, m.middlewareOf(x, ffn))
								h = x.Args[0]
								continue
							}
						}
					}
				}
				r.HandlerName = types.ExprString(x)
				return wraps
			}
			if idx, ok := transparentWrappers[keyOf(fn)]; ok {
				h = arg(x, idx)
				continue
			}
			if hd := m.res.byFunc[fn.Origin()]; hd != nil && hd.Factory == fn.Origin() {
				m.setHandler(r, hd, fn)
				return wraps
			}
			// mw(h): a call taking a handler and returning one.
			inner := -1
			sig := fn.Type().(*types.Signature)
			for i, a := range x.Args {
				// (a value implementing http.Handler, *handler.Server,
				// passed as one)
				if t := m.info.TypeOf(a); t != nil && isHandlerType(t) || i < sig.Params().Len() && !sig.Variadic() && isNamed(sig.Params().At(i).Type(), "net/http", "Handler") {
					inner = i
					break
				}
			}
			if inner >= 0 && sig.Results().Len() >= 1 && isHandlerType(sig.Results().At(0).Type()) {
				wraps = append(wraps, m.middlewareOf(x, fn))
				h = x.Args[inner]
				continue
			}
			// A handler factory of another package, or a method returning one.
			m.setHandler(r, nil, fn)
			return wraps
		default:
			r.HandlerName = types.ExprString(x)
			return wraps
		}
	}
	return wraps
}

func (m *modeler) setHandler(r *Route, hd *Handler, fn *types.Func) {
	r.Handler = hd
	r.HandlerFunc = fn
	switch {
	case hd != nil:
		r.HandlerName = hd.Name
		if hd.Func == nil && hd.Factory != nil {
			r.HandlerName = funcName(hd.Factory)
		}
		r.HandlerPos = m.pass.Fset.Position(hd.Node.Pos())
		if r.HandlerFunc == nil {
			r.HandlerFunc = hd.Func
		}
	case fn != nil:
		r.HandlerName = funcName(fn)
		if fn.Pkg() != nil && fn.Pkg() != m.pass.Pkg {
			r.HandlerName = fn.Pkg().Name() + "." + r.HandlerName
		}
		r.HandlerPos = m.pass.Fset.Position(fn.Pos())
	}
}

// middlewareList returns the middleware of one Use/With/route argument
// (a variadic spread `mws...` gives none we can name).
func (m *modeler) middlewareList(w *walker, e ast.Expr) []*Middleware {
	e = ast.Unparen(e)
	if l := m.middlewareSlice(w, e, 0); l != nil {
		return l
	}
	if id, ok := e.(*ast.Ident); ok {
		if v, ok := m.info.Uses[id].(*types.Var); ok {
			if d, ok := w.exprs[v]; ok {
				mw := m.middlewareFromExpr(d)
				mw.Expr = e
				return []*Middleware{mw}
			}
		}
	}
	return []*Middleware{m.middlewareFromExpr(e)}
}

func (m *modeler) middlewareFromExpr(e ast.Expr) *Middleware {
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.CallExpr:
		if fn := m.callee(x); fn != nil {
			return m.middlewareOf(x, fn)
		}
	case *ast.Ident, *ast.SelectorExpr:
		if fn, ok := m.info.Uses[identOf(x)].(*types.Func); ok {
			return m.middlewareOf(x, fn)
		}
	case *ast.FuncLit:
		return &Middleware{Expr: e, Name: "func literal", Kind: m.bodyKinds(x.Body, nil)}
	}
	return &Middleware{Expr: e, Name: types.ExprString(e)}
}

// middlewareOf identifies middleware e whose function or factory is fn.
func (m *modeler) middlewareOf(e ast.Expr, fn *types.Func) *Middleware {
	mw := &Middleware{Expr: e, Func: fn, Name: funcName(fn), Kind: m.mwKindOfFunc(fn)}
	if fn.Pkg() != nil {
		mw.PkgPath = fn.Pkg().Path()
	}
	if mw.Kind&Auth == 0 && fn.Pkg() == m.pass.Pkg && authName(fn.Name()) {
		mw.Kind |= Auth
	}
	return mw
}

// authName reports whether a project middleware name says it
// authenticates ("RequireAuth", "JWTMiddleware", "Authenticated").
func authName(name string) bool {
	for _, p := range []string{"auth", "authn", "authenticate", "authenticated", "authentication", "jwt", "require login", "require user", "logged in", "bearer", "api key", "apikey", "protected", "verify token", "session required"} {
		if wordsContains(name, p) {
			return true
		}
	}
	return false
}

// joinPath joins route prefixes the way routers do.
func joinPath(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	if strings.HasSuffix(a, "/") && strings.HasPrefix(b, "/") {
		return a + b[1:]
	}
	if !strings.HasSuffix(a, "/") && !strings.HasPrefix(b, "/") {
		return a + "/" + b
	}
	return a + b
}

// PathParams returns the parameter names of a route pattern in any of
// the supported syntaxes: {id}, {id:[0-9]+}, {path...}, :id, *rest.
func PathParams(path string) []string {
	var out []string
	for _, seg := range strings.Split(path, "/") {
		switch {
		case strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") && seg != "{?}" && seg != "{$}":
			name := seg[1 : len(seg)-1]
			if i := strings.IndexByte(name, ':'); i >= 0 {
				name = name[:i]
			}
			out = append(out, strings.TrimSuffix(name, "..."))
		case strings.HasPrefix(seg, ":") && len(seg) > 1:
			name := seg[1:]
			name = strings.TrimSuffix(name, "?")
			if i := strings.IndexAny(name, "<.-"); i > 0 {
				name = name[:i]
			}
			out = append(out, name)
		case strings.HasPrefix(seg, "*") && len(seg) > 1:
			out = append(out, seg[1:])
		}
	}
	return out
}

// finalize computes a route's path and middleware chain from its router.
func (m *modeler) finalize(r *Route) {
	r.Path = joinPath(r.router.FullPrefix(), r.suffix)
	if r.Path == "" {
		r.Path = "/"
	}
	chain := append(r.router.chain(r.ownLen, true), r.tail...)
	r.Detached = r.router.root().escaped
	r.Middleware = r.Middleware[:0]
	for _, mw := range chain {
		if mw.scope != "" && !strings.HasPrefix(r.suffix, mw.scope) && !strings.HasPrefix(r.Path, mw.scope) {
			continue
		}
		r.Middleware = append(r.Middleware, mw)
	}
}

// template converts a route (relative to a parameter or returned
// router) to a fact template.
func (m *modeler) template(r *Route) *RouteTemplate {
	t := &RouteTemplate{Method: r.Method, Path: joinPath(r.router.FullPrefix(), r.suffix), HandlerName: r.HandlerName, HandlerPos: r.HandlerPos, Registrar: r.Registrar}
	if r.HandlerFunc != nil && r.HandlerFunc.Pkg() != nil && !strings.Contains(t.HandlerName, ".") {
		t.HandlerName = r.HandlerFunc.Pkg().Name() + "." + t.HandlerName
	} else if r.Handler != nil && !strings.Contains(t.HandlerName, ".") {
		t.HandlerName = m.pass.Pkg.Name() + "." + t.HandlerName
	}
	for _, mw := range append(r.router.chain(r.ownLen, true), r.tail...) {
		t.Middleware = append(t.Middleware, MiddlewareRef{PkgPath: mw.PkgPath, Name: mw.Name, Kind: mw.Kind})
	}
	return t
}

// buildRoutes walks every function of the package, collects the routes,
// and exports route summaries.
func (m *modeler) buildRoutes(decls []*ast.FuncDecl) {
	// Package-level variable initializers first (var r = chi.NewRouter()).
	init := &summary{params: map[int]*Router{}}
	iw := &walker{m: m, sum: init, env: map[types.Object]value{}, exprs: map[*types.Var]ast.Expr{}, inLits: map[*ast.FuncLit]bool{}}
	for _, f := range m.pass.Files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, sp := range gd.Specs {
				vs := sp.(*ast.ValueSpec)
				for i, name := range vs.Names {
					if i < len(vs.Values) {
						iw.fn = nil
						v := iw.eval(vs.Values[i])
						iw.assign(name, vs.Values[i], v)
					}
				}
			}
		}
	}
	var order []*types.Func
	for _, fd := range decls {
		fn, _ := m.info.Defs[fd.Name].(*types.Func)
		if fn == nil {
			continue
		}
		m.declOf[fn] = fd
		order = append(order, fn)
	}
	for _, fn := range order {
		m.summaryOf(fn)
	}
	var all []*Route
	all = append(all, init.routes...)
	for _, fn := range order {
		s := m.summaries[fn]
		if s == nil {
			continue
		}
		fact := &RoutesFact{Params: map[int][]*RouteTemplate{}}
		for _, r := range s.routes {
			root := r.router.root()
			switch {
			case root.param >= 0:
				fact.Params[root.param] = append(fact.Params[root.param], m.template(r))
				fact.Framework = root.Framework
				if !m.consumedLocal[fn] {
					r.Partial, r.PartialOf = true, fn
					all = append(all, r)
				}
			default:
				if root == s.returned {
					r.Returned = true
					fact.Returned = append(fact.Returned, m.template(r))
					fact.Framework = root.Framework
					if m.consumedReturned[fn] {
						continue
					}
				}
				all = append(all, r)
			}
		}
		if r := s.returned; r != nil && len(fact.Returned) == 0 && r.virtual == nil {
			fact.Router, fact.Framework = true, r.Framework
			for _, mw := range r.chain(len(r.own), true) {
				fact.Chain = append(fact.Chain, MiddlewareRef{PkgPath: mw.PkgPath, Name: mw.Name, Kind: mw.Kind})
			}
		}
		for i, u := range s.callbackUses() {
			fact.Callbacks = append(fact.Callbacks, u.ref())
			if fact.Framework == "" {
				fact.Framework = s.callbacks[i].router.Framework
			}
		}
		for _, u := range s.mountUses() {
			fact.Mounts = append(fact.Mounts, u.ref())
		}
		if s.retSet != nil && len(s.retSet.routers) == 0 {
			fact.ReturnedSet = s.retSet.params
		}
		if len(fact.Params) > 0 || len(fact.Returned) > 0 || fact.Router || len(fact.Callbacks) > 0 || len(fact.Mounts) > 0 || len(fact.ReturnedSet) > 0 {
			if fn.Pkg() == m.pass.Pkg {
				m.pass.ExportObjectFact(fn, fact)
			}
		}
	}
	for _, r := range all {
		m.finalize(r)
	}
	sortRoutes(all)
	m.res.Routes = all
}
