package httpmodel

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"github.com/apivet/apivet/internal/source"
)

// Connect services (connectrpc.com/connect v1, protoc-gen-connect-go).
//
// The generated package xconnect declares, per service, an interface
// XServiceHandler, its base UnimplementedXServiceHandler and the
// constructor NewXServiceHandler(svc XServiceHandler, opts
// ...connect.HandlerOption) (string, http.Handler). A method
// func(context.Context, *connect.Request[T]) (*connect.Response[U], error)
// is a handler (checked against connect v1.21.1: connect.go); so is a
// method of the generator's "simple" form, func(context.Context, *T) (*U,
// error) over protobuf messages, of a type that implements a generated
// XServiceHandler interface. The request message is client input field by
// field (req.Msg.OrderId, req.Msg.GetOrder().GetId()), the request headers
// too (req.Header().Get("X-Tenant")).
//
// Routes: path, h := xconnect.NewXServiceHandler(svc, opts...) makes an
// RPC route per method of svc's type, "/pkg.XService/Method" (the
// generated <Service><Method>Procedure constant), whose middleware is the
// HTTP chain of the route that mounts h (mux.Handle(path, mw(h))) followed
// by the interceptors of connect.WithInterceptors(...) among opts.
// Streaming RPCs: streams.go.

// Connect is a connect-go service method.
const Connect Framework = "connect"

const pkgConnect = "connectrpc.com/connect"

// IsRPC reports whether handlers of the framework are methods of a
// service (grpc-go, connect-go) or resolvers of a GraphQL schema
// (gqlgen), routed by Result.RPCRoutes.
func (f Framework) IsRPC() bool { return f == GRPC || f == Connect || f == GraphQL }

// connectHeaderMethods return the request headers of a connect request.
var connectHeaderMethods = map[key]bool{
	{pkgConnect, "Request", "Header"}:             true,
	{pkgConnect, "ClientStream", "RequestHeader"}: true,
	{pkgConnect, "BidiStream", "RequestHeader"}:   true,
}

// connectOptionFuncs are the connect.HandlerOption constructors whose
// arguments are interceptors, and those that wrap further options.
var connectOptionFuncs = map[key]string{
	{pkgConnect, "", "WithInterceptors"}:   "interceptors",
	{pkgConnect, "", "WithHandlerOptions"}: "options",
}

// connectMethod reports whether fn is a connect-go handler method and the
// index of its request parameter.
func (m *modeler) connectMethod(fn *types.Func) (int, bool) {
	sig := fn.Type().(*types.Signature)
	if st, ok := streamSig(fn); ok && st.param.fw == Connect {
		// A streaming RPC (streams.go): the generic form is a handler
		// by its connect types, the simple one by its service.
		if !st.simple {
			return st.req, true
		}
		if promotedFromBase(fn) || !m.implementsConnectService(fn) {
			return -1, false
		}
		return st.req, true
	}
	if sig.Recv() == nil || !fn.Exported() || sig.Params().Len() != 2 || sig.Results().Len() != 2 {
		return -1, false
	}
	if !isNamed(sig.Params().At(0).Type(), "context", "Context") || !isError(sig.Results().At(1).Type()) {
		return -1, false
	}
	if isPointerTo(sig.Params().At(1).Type(), pkgConnect, "Request") && isPointerTo(sig.Results().At(0).Type(), pkgConnect, "Response") {
		return 1, true
	}
	if _, ok := rpcSig(fn); !ok || promotedFromBase(fn) || !m.implementsConnectService(fn) {
		return -1, false
	}
	return 1, true
}

// implementsConnectService: fn's receiver implements a generated
// XServiceHandler interface that has a method of fn's name.
func (m *modeler) implementsConnectService(fn *types.Func) bool {
	recv := fn.Type().(*types.Signature).Recv().Type()
	for _, s := range m.connectServices() {
		if hasMethod(s.iface, fn.Name()) && (types.Implements(recv, s.iface) || types.Implements(types.NewPointer(recv), s.iface)) {
			return true
		}
	}
	return false
}

func hasMethod(iface *types.Interface, name string) bool {
	for i := 0; i < iface.NumMethods(); i++ {
		if iface.Method(i).Name() == name {
			return true
		}
	}
	return false
}

// connectService is a generated service constructor.
type connectService struct {
	ctor  *types.Func
	iface *types.Interface
}

// connectServices are the generated service constructors of this package
// and of its direct imports that import connect: NewXServiceHandler(svc
// XServiceHandler, opts ...connect.HandlerOption) (string, http.Handler).
func (m *modeler) connectServices() []connectService {
	if m.connectSvcs != nil {
		return *m.connectSvcs
	}
	var out []connectService
	pkgs := append([]*types.Package{m.pass.Pkg}, m.pass.Pkg.Imports()...)
	for _, p := range pkgs {
		if !source.Imports(p, pkgConnect) {
			continue
		}
		scope := p.Scope()
		for _, name := range scope.Names() {
			fn, ok := scope.Lookup(name).(*types.Func)
			if !ok {
				continue
			}
			if iface := connectCtor(fn); iface != nil {
				out = append(out, connectService{ctor: fn, iface: iface})
			}
		}
	}
	m.connectSvcs = &out
	return out
}

// constValue is the value of a string constant.
func constValue(c *types.Const) (string, bool) {
	if c.Val().Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(c.Val()), true
}

// connectCtor returns the service interface of a generated handler
// constructor, or nil.
func connectCtor(fn *types.Func) *types.Interface {
	if !strings.HasPrefix(fn.Name(), "New") || !strings.HasSuffix(fn.Name(), "Handler") {
		return nil
	}
	sig := fn.Type().(*types.Signature)
	if sig.Recv() != nil || !sig.Variadic() || sig.Params().Len() != 2 || sig.Results().Len() != 2 {
		return nil
	}
	opts, ok := sig.Params().At(1).Type().(*types.Slice)
	if !ok || !isNamed(opts.Elem(), pkgConnect, "HandlerOption") {
		return nil
	}
	if b, ok := sig.Results().At(0).Type().(*types.Basic); !ok || b.Kind() != types.String || !isNamed(sig.Results().At(1).Type(), "net/http", "Handler") {
		return nil
	}
	iface, _ := sig.Params().At(0).Type().Underlying().(*types.Interface)
	if iface == nil || iface.NumMethods() == 0 {
		return nil
	}
	return iface
}

// connectInputs records the request headers a connect handler reads:
// req.Header().Get("X-Tenant-Id").
func (m *modeler) connectInputs(h *Handler) {
	if h.Request == nil && h.Stream == nil {
		return
	}
	m.inspect(h.Body, []ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) bool {
		call := n.(*ast.CallExpr)
		fn := m.callee(call)
		if keyOf(fn) != headerGetKey {
			return true
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return true
		}
		inner, ok := h.flow.Origin(sel.X).(*ast.CallExpr)
		if !ok || !connectHeaderMethods[keyOf(m.callee(inner))] || !(h.Request != nil && m.rootedAt(inner, h.Request) || h.Stream != nil && m.rootedAt(inner, h.Stream)) {
			return true
		}
		name, _ := constString(m.info, arg(call, 0))
		h.Inputs = append(h.Inputs, &Input{Kind: Header, Name: name, Call: call, Expr: call, Func: fn})
		return true
	})
}

// connectRoutes records the connect services the package mounts.
func (m *modeler) connectRoutes() {
	if len(m.connectServices()) == 0 {
		return
	}
	for cur := range m.ins.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		fn := m.callee(call)
		if fn == nil || len(call.Args) == 0 {
			continue
		}
		iface := connectCtor(fn)
		if iface == nil {
			continue
		}
		impl := m.info.TypeOf(call.Args[0])
		if impl == nil {
			continue
		}
		var encl *ast.FuncDecl
		for c := range cur.Enclosing((*ast.FuncDecl)(nil)) {
			encl = c.Node().(*ast.FuncDecl)
			break
		}
		var defs map[*types.Var][]ast.Expr
		if encl != nil && encl.Body != nil {
			defs = m.localDefs(encl.Body)
		}
		var ics []*Middleware
		for _, a := range call.Args[1:] {
			ics = append(ics, m.connectInterceptors(a, defs, 0)...)
		}
		service := strings.TrimSuffix(strings.TrimPrefix(fn.Name(), "New"), "Handler")
		prefix := "/" + service + "/"
		if c, ok := fn.Pkg().Scope().Lookup(service + "Name").(*types.Const); ok {
			if s, ok := constValue(c); ok {
				prefix = "/" + s + "/"
			}
		}
		// The HTTP routes that mount the returned handler give the
		// outer part of the chain.
		mounts := m.mountsOf(call, encl)
		chains := [][]*Middleware{nil}
		if len(mounts) > 0 {
			chains = nil
			for _, rt := range mounts {
				if rt.Path == "{?}" {
					rt.Path = prefix
				}
				if rt.HandlerName == "" {
					rt.HandlerName = fn.Pkg().Name() + "." + fn.Name()
				}
				chains = append(chains, rt.Middleware)
			}
		}
		registrar := ""
		if encl != nil {
			if efn, ok := m.info.Defs[encl.Name].(*types.Func); ok {
				registrar = qualifiedName(efn)
			}
		}
		first := len(m.res.RPCRoutes)
		for _, chain := range chains {
			mws := append(append([]*Middleware(nil), chain...), ics...)
			for i := 0; i < iface.NumMethods(); i++ {
				name := iface.Method(i).Name()
				obj, _, _ := types.LookupFieldOrMethod(impl, true, iface.Method(i).Pkg(), name)
				mf, ok := obj.(*types.Func)
				if !ok || promotedFromBase(mf) {
					continue
				}
				path := prefix + name
				if c, ok := fn.Pkg().Scope().Lookup(service + name + "Procedure").(*types.Const); ok {
					if s, ok := constValue(c); ok {
						path = s
					}
				}
				m.addRPCRoute(Connect, path, call, call.Args[0], mf, mws, registrar)
			}
		}
		// Options passed through the enclosing function's variadic
		// parameter (memos' RegisterConnectHandlers(mux, opts...)) are the
		// callers': decided at each call, as for a gRPC server parameter.
		if call.Ellipsis.IsValid() && encl != nil {
			if efn, ok := m.info.Defs[encl.Name].(*types.Func); ok {
				m.optionParamRoutes(efn, call.Args[len(call.Args)-1], m.res.RPCRoutes[first:])
			}
		}
	}
}

// mountsOf returns the HTTP routes of the enclosing function whose
// handler argument holds what call returns, directly or through local
// variables: mux.Handle(path, h) and mux.Handle(path, mw(h)) with path, h
// := call; mux.Handle(call); srv := handler.New(call); mux.Handle("/q", srv).
func (m *modeler) mountsOf(call *ast.CallExpr, encl *ast.FuncDecl) []*Route {
	if encl == nil || encl.Body == nil {
		return nil
	}
	holds := map[*types.Var]bool{}
	defs := m.localDefs(encl.Body)
	has := func(e ast.Expr) bool {
		hit := false
		ast.Inspect(e, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.Ident:
				if v, ok := m.info.Uses[x].(*types.Var); ok && holds[v] {
					hit = true
				}
			case *ast.CallExpr:
				if x == call {
					hit = true
				}
			}
			return !hit
		})
		return hit
	}
	ast.Inspect(encl.Body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && len(as.Rhs) == 1 && len(as.Lhs) > 1 && ast.Unparen(as.Rhs[0]) == call {
			for _, l := range as.Lhs {
				if id, ok := l.(*ast.Ident); ok {
					if v, ok := m.info.ObjectOf(id).(*types.Var); ok {
						holds[v] = true
					}
				}
			}
		}
		return true
	})
	for round := 0; round < 4; round++ {
		grew := false
		for v, ds := range defs {
			if holds[v] {
				continue
			}
			for _, d := range ds {
				if has(d) {
					holds[v], grew = true, true
					break
				}
			}
		}
		if !grew {
			break
		}
	}
	var out []*Route
	for _, rt := range m.res.Routes {
		if rt.Call == nil || rt.Call.Pos() < encl.Pos() || rt.Call.End() > encl.End() {
			continue
		}
		for _, a := range rt.Call.Args {
			if has(a) {
				out = append(out, rt)
				break
			}
		}
	}
	return out
}

// connectInterceptors are the interceptors an option expression adds:
// connect.WithInterceptors(a, b), connect.WithHandlerOptions(opts...), a
// variable holding either, a []connect.HandlerOption literal.
func (m *modeler) connectInterceptors(e ast.Expr, defs map[*types.Var][]ast.Expr, depth int) []*Middleware {
	if depth > 3 {
		return nil
	}
	var out []*Middleware
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		switch connectOptionFuncs[keyOf(m.callee(x))] {
		case "interceptors":
			for _, ic := range x.Args {
				out = append(out, m.connectInterceptor(ic)...)
			}
		case "options":
			for _, a := range x.Args {
				out = append(out, m.connectInterceptors(a, defs, depth+1)...)
			}
		}
	case *ast.Ident:
		if v, ok := m.info.Uses[x].(*types.Var); ok {
			for _, d := range defs[v] {
				out = append(out, m.connectInterceptors(d, defs, depth+1)...)
			}
		}
	case *ast.CompositeLit:
		for _, el := range x.Elts {
			out = append(out, m.connectInterceptors(el, defs, depth+1)...)
		}
	}
	return out
}

// connectInterceptor describes an interceptor, seeing through the
// connect.UnaryInterceptorFunc(f) conversion. A connect.Interceptor
// wraps unary calls with WrapUnary and streams with WrapStreamingHandler:
// one that does not touch streams (connect.UnaryInterceptorFunc's
// pass-through) intercepts unary calls only, and one whose two methods
// do different things is two interceptors, one per kind of call.
func (m *modeler) connectInterceptor(e ast.Expr) []*Middleware {
	calls := m.connectCalls(m.info.TypeOf(e))
	if c, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(c.Args) == 1 {
		if tv, ok := m.info.Types[c.Fun]; ok && tv.IsType() {
			mw := m.interceptor(c.Args[0])
			mw.Expr, mw.Calls = e, calls
			return []*Middleware{mw}
		}
	}
	mw := m.interceptor(e)
	mw.Calls = calls
	if mw.Kind != 0 {
		return []*Middleware{mw}
	}
	// A value implementing connect.Interceptor (memos'
	// NewAuthInterceptor(store, secret)): what its Wrap methods'
	// handlers do.
	t := m.info.TypeOf(e)
	if t == nil {
		return []*Middleware{mw}
	}
	kindOf := func(name string) MiddlewareKind {
		if obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name); obj != nil {
			if fn, ok := obj.(*types.Func); ok {
				return m.mwKindOfFunc(fn)
			}
		}
		return 0
	}
	unary, stream := kindOf("WrapUnary"), kindOf("WrapStreamingHandler")
	if unary == stream || calls != 0 {
		mw.Kind = unary | stream
		return []*Middleware{mw}
	}
	u, s := *mw, *mw
	u.Kind, u.Calls = unary, UnaryCalls
	s.Kind, s.Calls = stream, StreamCalls
	return []*Middleware{&u, &s}
}

// connectCalls are the calls an interceptor of type t intercepts: 0 for
// every call, UnaryCalls when its WrapStreamingHandler hands streams on
// untouched (connectPassThrough).
func (m *modeler) connectCalls(t types.Type) CallKinds {
	if t == nil {
		return 0
	}
	var passed CallKinds
	for _, name := range []string{"WrapUnary", "WrapStreamingHandler"} {
		obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
		if fn, ok := obj.(*types.Func); ok {
			passed |= connectPassThrough[keyOf(fn)]
		}
	}
	if passed == 0 {
		return 0
	}
	return (UnaryCalls | StreamCalls) &^ passed
}

// addRPCRoute appends an RPC route to method mf of a registered service.
func (m *modeler) addRPCRoute(fw Framework, path string, call *ast.CallExpr, implExpr ast.Expr, mf *types.Func, mws []*Middleware, registrar string) {
	stream := streamKindOf(mf)
	rt := &Route{Framework: fw, Method: "RPC", Path: path, Call: call, HandlerExpr: implExpr,
		HandlerFunc: mf, Handler: m.res.byFunc[mf.Origin()], Middleware: rpcChain(mws, stream), Registrar: registrar,
		HandlerName: funcName(mf), HandlerPos: m.pass.Fset.Position(mf.Pos()), Stream: stream}
	if mf.Pkg() != nil && mf.Pkg() != m.pass.Pkg {
		rt.HandlerName = mf.Pkg().Name() + "." + rt.HandlerName
	}
	m.res.RPCRoutes = append(m.res.RPCRoutes, rt)
}
