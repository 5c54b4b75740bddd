package httpmodel

// Routes and routers: the Router and RoutesFact types, and the package
// walk that builds Result.Routes and exports route summaries. The walker
// itself is in routes_walk.go, routes_callees.go, routes_register.go and
// routes_resolve.go.

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
	Stream      StreamKind // RPC routes
}

// MiddlewareRef identifies middleware in a fact.
type MiddlewareRef struct {
	PkgPath, Name string
	Kind          MiddlewareKind
	// Param is 1 + the index of the registering function's parameter
	// this middleware is, or 0: callers put their argument there.
	Param int
}

func (mr MiddlewareRef) middleware() *Middleware {
	return &Middleware{PkgPath: mr.PkgPath, Name: mr.Name, Kind: mr.Kind, param: mr.Param}
}

func refOf(mw *Middleware) MiddlewareRef {
	return MiddlewareRef{PkgPath: mw.PkgPath, Name: mw.Name, Kind: mw.Kind, Param: mw.param}
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
		t.Middleware = append(t.Middleware, refOf(mw))
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
				fact.Chain = append(fact.Chain, refOf(mw))
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
