package httpmodel

// The route walker: evaluating a function body's statements and
// expressions to the routers they build (per-function route summaries).

import (
	"go/ast"
	"go/token"
	"go/types"
)

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
