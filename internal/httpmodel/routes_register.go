package httpmodel

// Router method calls: constructors, groups, mounts, Use/With and route
// registrations of each framework (routerTable rows), gorilla pending
// routes.

import (
	"go/ast"
	"go/types"
	"strings"
)

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
