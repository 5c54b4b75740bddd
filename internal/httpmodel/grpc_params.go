package httpmodel

import (
	"go/ast"
	"go/types"
	"strings"
)

// gRPC services registered on a server the function receives.
//
// memos builds its grpc.Server, with the authentication interceptor, in
// one package and registers the services in another:
//
//	grpcServer := grpc.NewServer(grpc.ChainUnaryInterceptor(auth...))
//	apiv1.NewAPIV1Service(secret, profile, store, grpcServer)
//
// with pb.RegisterXServer(grpcServer, svc) inside NewAPIV1Service. Those
// routes are partial where they are registered (their interceptors are
// the caller's), summarized in an RPCRoutesFact, and spliced at each call
// with the interceptors of the server passed there, as HTTP routes on a
// caller's router are (RoutesFact).

// RPCRoutesFact lists the RPC routes a function registers on its server
// parameter Param.
type RPCRoutesFact struct {
	Param  int
	Routes []*RouteTemplate
	// Connect: Param is a variadic connect.HandlerOption parameter (the
	// interceptors are in the options passed from Param on).
	Connect bool
	// ImplParam is the parameter holding the service implementation
	// (Register(s, svc orderv1connect.OrderServiceHandler)), or -1; then
	// each call's argument names the methods that serve Methods.
	ImplParam int
	Methods   []string
}

func (*RPCRoutesFact) AFact()           {}
func (f *RPCRoutesFact) String() string { return "rpcroutes(" + itoa(len(f.Routes)) + ")" }

// serverParamRoutes marks routes partial when server is a parameter of
// fn, and records them for fn's callers.
func (m *modeler) serverParamRoutes(fn *types.Func, server ast.Expr, routes []*Route) {
	id, ok := ast.Unparen(server).(*ast.Ident)
	if fn == nil || !ok || len(routes) == 0 {
		return
	}
	v, _ := m.info.Uses[id].(*types.Var)
	params := fn.Type().(*types.Signature).Params()
	for i := 0; i < params.Len(); i++ {
		if params.At(i) != v {
			continue
		}
		if m.serverParams == nil {
			m.serverParams = map[*types.Func]*serverParam{}
		}
		sp := m.serverParams[fn]
		if sp == nil {
			sp = &serverParam{index: i, implParam: -1}
			if len(routes) > 0 {
				sp.implParam = m.paramIndex(fn, routes[0].HandlerExpr)
			}
			m.serverParams[fn] = sp
		}
		for _, rt := range routes {
			rt.Partial, rt.PartialOf = true, fn
			sp.routes = append(sp.routes, rt)
		}
		return
	}
}

// serverParam is a function's routes on its server parameter index (or,
// for Connect, on the options of its variadic parameter index).
type serverParam struct {
	index     int
	connect   bool
	implParam int // see RPCRoutesFact.ImplParam
	routes    []*Route
}

// paramIndex is the index of the parameter of fn that e names, or -1.
func (m *modeler) paramIndex(fn *types.Func, e ast.Expr) int {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return -1
	}
	params := fn.Type().(*types.Signature).Params()
	for i := 0; i < params.Len(); i++ {
		if m.info.Uses[id] == params.At(i) {
			return i
		}
	}
	return -1
}

// optionParamRoutes marks Connect routes partial when their options are
// fn's variadic parameter (opts...), and records them for fn's callers.
func (m *modeler) optionParamRoutes(fn *types.Func, opts ast.Expr, routes []*Route) {
	id, ok := ast.Unparen(opts).(*ast.Ident)
	sig := fn.Type().(*types.Signature)
	if !ok || !sig.Variadic() || len(routes) == 0 {
		return
	}
	last := sig.Params().Len() - 1
	if m.info.Uses[id] != sig.Params().At(last) {
		return
	}
	if m.serverParams == nil {
		m.serverParams = map[*types.Func]*serverParam{}
	}
	sp := m.serverParams[fn]
	if sp == nil {
		sp = &serverParam{index: last, connect: true, implParam: m.paramIndex(fn, routes[0].HandlerExpr)}
		m.serverParams[fn] = sp
	}
	for _, rt := range routes {
		rt.Partial, rt.PartialOf = true, fn
		sp.routes = append(sp.routes, rt)
	}
}

// passedInterceptors are the interceptors of the server (gRPC) or of the
// options (Connect, from index on) a call passes.
func (m *modeler) passedInterceptors(encl *ast.FuncDecl, call *ast.CallExpr, index int, connect bool) []*Middleware {
	if !connect {
		return m.interceptors(encl, call.Args[index])
	}
	var defs map[*types.Var][]ast.Expr
	if encl != nil && encl.Body != nil {
		defs = m.localDefs(encl.Body)
	}
	var out []*Middleware
	for _, a := range call.Args[index:] {
		out = append(out, m.connectInterceptors(a, defs, 0)...)
	}
	return out
}

// spliceServerRoutes exports the package's RPCRoutesFacts and adds the
// routes of the calls that pass a server to a function registering on
// it: this package's functions (the partial routes, cloned) and other
// packages' (from their facts).
func (m *modeler) spliceServerRoutes() {
	for fn, sp := range m.serverParams {
		f := &RPCRoutesFact{Param: sp.index, Connect: sp.connect, ImplParam: sp.implParam}
		for _, rt := range sp.routes {
			f.Routes = append(f.Routes, rpcTemplate(rt))
			name := ""
			if rt.HandlerFunc != nil {
				name = rt.HandlerFunc.Name()
			}
			f.Methods = append(f.Methods, name)
		}
		m.pass.ExportObjectFact(fn, f)
	}
	if len(m.serverParams) == 0 && !reachesGRPC(m.pass.Pkg) && !reaches(m.pass.Pkg, pkgConnect) {
		return
	}
	var added []*Route
	for cur := range m.ins.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		fn := m.callee(call)
		if fn == nil {
			continue
		}
		fn = fn.Origin()
		var encl *ast.FuncDecl
		for c := range cur.Enclosing((*ast.FuncDecl)(nil)) {
			encl = c.Node().(*ast.FuncDecl)
			break
		}
		registrar := ""
		if encl != nil {
			if efn, ok := m.info.Defs[encl.Name].(*types.Func); ok {
				registrar = qualifiedName(efn)
			}
		}
		if sp := m.serverParams[fn]; sp != nil && sp.index < len(call.Args) {
			mws := m.passedInterceptors(encl, call, sp.index, sp.connect)
			for _, rt := range sp.routes {
				c := *rt
				c.Partial, c.PartialOf, c.Call, c.Registrar = false, nil, call, registrar
				c.Middleware = rpcChain(mws, rt.Stream)
				if sp.connect {
					// The mounting chain stays; the options add theirs.
					c.Middleware = append(append([]*Middleware(nil), rt.Middleware...), rpcChain(mws, rt.Stream)...)
				}
				added = append(added, &c)
			}
			m.consumedLocal[fn] = true
			continue
		}
		if fn.Pkg() == m.pass.Pkg || fn.Pkg() == nil {
			continue
		}
		var f RPCRoutesFact
		if !m.importFact(fn, rpcRoutesFacts, &f) || f.Param >= len(call.Args) {
			continue
		}
		mws := m.passedInterceptors(encl, call, f.Param, f.Connect)
		fw := GRPC
		if f.Connect {
			fw = Connect
		}
		var impl types.Type
		var implExpr ast.Expr
		if f.ImplParam >= 0 && f.ImplParam < len(call.Args) {
			implExpr = call.Args[f.ImplParam]
			impl = m.info.TypeOf(implExpr)
		}
		for i, t := range f.Routes {
			rmws := rpcChain(mws, t.Stream)
			if f.Connect {
				rmws = nil
				for _, mr := range t.Middleware {
					rmws = append(rmws, mr.middleware())
				}
				rmws = append(rmws, rpcChain(mws, t.Stream)...)
			}
			rt := &Route{Framework: fw, Method: t.Method, Path: t.Path, Call: call,
				HandlerName: t.HandlerName, HandlerPos: t.HandlerPos, Middleware: rmws, Registrar: registrar, SplicedFrom: fn, Stream: t.Stream}
			if impl != nil && i < len(f.Methods) && f.Methods[i] != "" {
				// The argument's method serves the route.
				if obj, _, _ := types.LookupFieldOrMethod(impl, true, nil, f.Methods[i]); obj != nil {
					if mf, ok := obj.(*types.Func); ok {
						rt.HandlerFunc, rt.HandlerExpr, rt.Handler = mf, implExpr, m.res.byFunc[mf.Origin()]
						rt.HandlerName, rt.HandlerPos = funcName(mf), m.pass.Fset.Position(mf.Pos())
						if mf.Pkg() != nil && mf.Pkg() != m.pass.Pkg {
							rt.HandlerName = mf.Pkg().Name() + "." + rt.HandlerName
						}
					}
				}
			}
			added = append(added, rt)
		}
		m.consume(fn)
	}
	// Routes spliced at a call in this package replace the partial ones.
	var kept []*Route
	for _, rt := range m.res.RPCRoutes {
		if !(rt.Partial && rt.PartialOf != nil && m.consumedLocal[rt.PartialOf]) {
			kept = append(kept, rt)
		}
	}
	m.res.RPCRoutes = append(kept, added...)
}

// rpcTemplate is an RPC route as a fact keeps it.
func rpcTemplate(r *Route) *RouteTemplate {
	t := &RouteTemplate{Method: r.Method, Path: r.Path, HandlerName: r.HandlerName, HandlerPos: r.HandlerPos, Registrar: r.Registrar, Stream: r.Stream}
	for _, mw := range r.Middleware {
		t.Middleware = append(t.Middleware, refOf(mw))
	}
	if r.HandlerFunc != nil && r.HandlerFunc.Pkg() != nil && !strings.Contains(t.HandlerName, ".") {
		t.HandlerName = r.HandlerFunc.Pkg().Name() + "." + t.HandlerName
	}
	return t
}

// reachesGRPC: the package or one it imports imports grpc-go, so a
// function it calls can register services on a server it passes.
func reachesGRPC(pkg *types.Package) bool { return reaches(pkg, pkgGRPC) }

// reaches: pkg or a package it imports imports path.
func reaches(pkg *types.Package, path string) bool {
	for _, p := range pkg.Imports() {
		if p.Path() == path {
			return true
		}
		for _, q := range p.Imports() {
			if q.Path() == path {
				return true
			}
		}
	}
	return false
}
