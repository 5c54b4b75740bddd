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
			sp = &serverParam{index: i}
			m.serverParams[fn] = sp
		}
		for _, rt := range routes {
			rt.Partial, rt.PartialOf = true, fn
			sp.routes = append(sp.routes, rt)
		}
		return
	}
}

// serverParam is a function's routes on its server parameter index.
type serverParam struct {
	index  int
	routes []*Route
}

// spliceServerRoutes exports the package's RPCRoutesFacts and adds the
// routes of the calls that pass a server to a function registering on
// it: this package's functions (the partial routes, cloned) and other
// packages' (from their facts).
func (m *modeler) spliceServerRoutes() {
	for fn, sp := range m.serverParams {
		f := &RPCRoutesFact{Param: sp.index}
		for _, rt := range sp.routes {
			f.Routes = append(f.Routes, rpcTemplate(rt))
		}
		m.pass.ExportObjectFact(fn, f)
	}
	if len(m.serverParams) == 0 && !reachesGRPC(m.pass.Pkg) {
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
			mws := m.interceptors(encl, call.Args[sp.index])
			for _, rt := range sp.routes {
				c := *rt
				c.Partial, c.PartialOf, c.Call, c.Middleware, c.Registrar = false, nil, call, mws, registrar
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
		mws := m.interceptors(encl, call.Args[f.Param])
		for _, t := range f.Routes {
			added = append(added, &Route{Framework: GRPC, Method: t.Method, Path: t.Path, Call: call,
				HandlerName: t.HandlerName, HandlerPos: t.HandlerPos, Middleware: mws, Registrar: registrar, SplicedFrom: fn})
		}
		m.consume(fn)
	}
	m.res.RPCRoutes = append(m.res.RPCRoutes, added...)
}

// rpcTemplate is an RPC route as a fact keeps it.
func rpcTemplate(r *Route) *RouteTemplate {
	t := &RouteTemplate{Method: r.Method, Path: r.Path, HandlerName: r.HandlerName, HandlerPos: r.HandlerPos, Registrar: r.Registrar}
	if r.HandlerFunc != nil && r.HandlerFunc.Pkg() != nil && !strings.Contains(t.HandlerName, ".") {
		t.HandlerName = r.HandlerFunc.Pkg().Name() + "." + t.HandlerName
	}
	return t
}

// reachesGRPC: the package or one it imports imports grpc-go, so a
// function it calls can register services on a server it passes.
func reachesGRPC(pkg *types.Package) bool {
	for _, p := range pkg.Imports() {
		if p.Path() == pkgGRPC {
			return true
		}
		for _, q := range p.Imports() {
			if q.Path() == pkgGRPC {
				return true
			}
		}
	}
	return false
}
