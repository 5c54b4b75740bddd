package httpmodel

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"github.com/apivet/apivet/internal/structtype"
)

const pkgGRPC = "google.golang.org/grpc"

// gRPC services (grpc-go, protoc-gen-go-grpc).
//
// A method of a type that embeds the generated Unimplemented<Service>Server
// (or Unsafe<Service>Server), with the signature of a unary RPC
// func(context.Context, *Req) (*Resp, error) over protobuf messages, is a
// handler: the request message is client input, field by field
// (req.OrderId, req.GetOrderId(), req.GetOrder().GetId()). Its routes are
// the service registrations, pb.RegisterXServer(s, impl), one per method,
// with the interceptors of the grpc.NewServer(...) that s holds as their
// middleware (Result.RPCRoutes). Streaming RPCs: streams.go.

// GRPC is a grpc-go service method.
const GRPC Framework = "grpc"

// Message is a field of an RPC request message.
const Message InputKind = "message"

// grpcMethod reports whether fn is an RPC of a generated service
// implementation, unary or streaming (streams.go), and the index of its
// request parameter (-1 for client and bidi streams).
func grpcMethod(fn *types.Func) (int, bool) {
	i, ok := rpcSig(fn)
	if !ok {
		var st streamRPC
		st, ok = grpcStreamSig(fn)
		i = st.req
	}
	return i, ok && embedsServiceBase(fn.Type().(*types.Signature).Recv().Type())
}

// rpcSig: fn has the signature of a unary RPC implementation.
func rpcSig(fn *types.Func) (int, bool) {
	sig := fn.Type().(*types.Signature)
	if sig.Recv() == nil || !fn.Exported() || sig.Params().Len() != 2 || sig.Results().Len() != 2 {
		return -1, false
	}
	if !isNamed(sig.Params().At(0).Type(), "context", "Context") || !isError(sig.Results().At(1).Type()) {
		return -1, false
	}
	if !protoMessage(sig.Params().At(1).Type()) || !protoMessage(sig.Results().At(0).Type()) {
		return -1, false
	}
	return 1, true
}

// protoMessage: *T where T has the ProtoReflect method of generated
// protobuf messages (google.golang.org/protobuf).
func protoMessage(t types.Type) bool {
	p, ok := t.(*types.Pointer)
	if !ok {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(p, false, nil, "ProtoReflect")
	_, ok = obj.(*types.Func)
	return ok
}

// embedsServiceBase: the receiver's struct embeds Unimplemented...Server or
// Unsafe...Server, as protoc-gen-go-grpc asks implementations to.
func embedsServiceBase(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if !f.Embedded() {
			continue
		}
		n := f.Name()
		if strings.HasSuffix(n, "Server") && (strings.HasPrefix(n, "Unimplemented") || strings.HasPrefix(n, "Unsafe")) {
			return true
		}
	}
	return false
}

// scanMessageInputs records the fields of the request message the body
// reads: req.X and req.GetX(), through nested messages (the last field
// names the input).
//
// For a streaming RPC, the messages it receives are client input too
// (msg, err := stream.Recv(); msg.GetOrderId(); stream.Msg().OrderId).
func (m *modeler) scanMessageInputs(h *Handler) {
	if h.Request == nil && h.Stream == nil {
		return
	}
	roots := m.messageRoots(h)
	m.inspect(h.Body, []ast.Node{(*ast.CallExpr)(nil), (*ast.SelectorExpr)(nil)}, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if !ok || len(n.Args) != 0 || !m.messageRooted(h, sel.X, roots) {
				return true
			}
			if fn, ok := m.info.Uses[sel.Sel].(*types.Func); ok && !fromPkg(fn, pkgConnect) {
				if name, ok := strings.CutPrefix(fn.Name(), "Get"); ok && name != "" {
					h.Inputs = append(h.Inputs, &Input{Kind: Message, Name: name, Call: n, Expr: n, Func: fn})
				}
			}
		case *ast.SelectorExpr:
			// (connect's req.Msg is the message, not a field of it.)
			if v, ok := m.info.Uses[n.Sel].(*types.Var); ok && v.IsField() && v.Exported() && !fromPkg(v, pkgConnect) && m.messageRooted(h, n.X, roots) {
				h.Inputs = append(h.Inputs, &Input{Kind: Message, Name: v.Name(), Expr: n})
			}
		}
		return true
	})
}

func fromPkg(obj types.Object, path string) bool { return obj.Pkg() != nil && obj.Pkg().Path() == path }

// rootedAt: e is v, or a field or getter chain on v (req.GetOrder().Id).
func (m *modeler) rootedAt(e ast.Expr, v *types.Var) bool {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return m.info.Uses[x] == v
		case *ast.SelectorExpr:
			e = x.X
		case *ast.CallExpr:
			e = x.Fun
		default:
			return false
		}
	}
}

// rpcRoutes records the service registrations of the package:
// pb.RegisterXServer(s, impl) makes a route per RPC method of impl's type,
// named "/XService/Method", whose middleware is the interceptors s was
// built with.
func (m *modeler) rpcRoutes() {
	for cur := range m.ins.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		fn := m.callee(call)
		if fn == nil || len(call.Args) != 2 || !strings.HasPrefix(fn.Name(), "Register") || !strings.HasSuffix(fn.Name(), "Server") {
			continue
		}
		sig := fn.Type().(*types.Signature)
		if sig.Params().Len() != 2 || !isNamed(sig.Params().At(0).Type(), pkgGRPC, "ServiceRegistrar") {
			continue
		}
		impl := m.info.TypeOf(call.Args[1])
		if impl == nil {
			continue
		}
		service := strings.TrimSuffix(strings.TrimPrefix(fn.Name(), "Register"), "Server")
		var encl *ast.FuncDecl
		for c := range cur.Enclosing((*ast.FuncDecl)(nil)) {
			encl = c.Node().(*ast.FuncDecl)
			break
		}
		mws := m.interceptors(encl, call.Args[0])
		registrar := ""
		var efn *types.Func
		if encl != nil {
			efn, _ = m.info.Defs[encl.Name].(*types.Func)
			if efn != nil {
				registrar = qualifiedName(efn)
			}
		}
		mws = m.authOverrides(impl, mws)
		first := len(m.res.RPCRoutes)
		// The service's methods only: one type often implements every
		// service of an API (memos' APIV1Service).
		ifc, _ := sig.Params().At(1).Type().Underlying().(*types.Interface)
		ms := types.NewMethodSet(impl)
		for i := 0; i < ms.Len(); i++ {
			mf, ok := ms.At(i).Obj().(*types.Func)
			if !ok {
				continue
			}
			_, unary := rpcSig(mf)
			if _, stream := grpcStreamSig(mf); !unary && !stream || promotedFromBase(mf) {
				continue
			}
			if ifc != nil && !hasMethod(ifc, mf.Name()) {
				continue
			}
			m.addRPCRoute(GRPC, "/"+service+"/"+mf.Name(), call, call.Args[1], mf, mws, registrar)
		}
		m.serverParamRoutes(efn, call.Args[0], m.res.RPCRoutes[first:])
	}
}

// interceptor describes one interceptor expression: a function, a method
// value or a factory call (auth.UnaryServerInterceptor(authFn)).
func (m *modeler) interceptor(e ast.Expr) *Middleware {
	mw := &Middleware{Expr: e}
	var fn *types.Func
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn = m.callee(x)
	case *ast.Ident:
		fn, _ = m.info.Uses[x].(*types.Func)
	case *ast.SelectorExpr:
		fn, _ = m.info.Uses[x.Sel].(*types.Func)
	}
	if fn != nil {
		mw.Func, mw.Name = fn, fn.Name()
		if fn.Pkg() != nil {
			mw.PkgPath = fn.Pkg().Path()
		}
		mw.Kind = m.mwKindOfFunc(fn)
		if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
			m.interceptorFactory(mw, call, fn)
		}
	}
	return mw
}

// Interceptor factories of go-grpc-middleware (v1 and v2), by what
// their arguments are.
const (
	pkgGRPCAuth   = "github.com/grpc-ecosystem/go-grpc-middleware/auth"
	pkgGRPCAuthV2 = "github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/auth"
	pkgGRPCSelV2  = "github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/selector"
)

var (
	// authInterceptors take the AuthFunc that authenticates each call
	// (argument 0), unless the service implements AuthFuncOverride.
	authInterceptors = map[key]bool{
		{pkgGRPCAuth, "", "UnaryServerInterceptor"}: true, {pkgGRPCAuth, "", "StreamServerInterceptor"}: true,
		{pkgGRPCAuthV2, "", "UnaryServerInterceptor"}: true, {pkgGRPCAuthV2, "", "StreamServerInterceptor"}: true,
	}
	// wrappingInterceptors run the interceptor of argument 0 on the calls
	// a matcher selects (selector.UnaryServerInterceptor(auth..., match)).
	wrappingInterceptors = map[key]bool{
		{pkgGRPCSelV2, "", "UnaryServerInterceptor"}: true, {pkgGRPCSelV2, "", "StreamServerInterceptor"}: true,
	}
)

// interceptorFactory refines mw built by call: an auth interceptor
// authenticates (it rejects the calls its AuthFunc fails) and has its
// AuthFunc's kinds (PermissionDenied: authorization); a wrapper has the
// kinds of the interceptor it wraps.
func (m *modeler) interceptorFactory(mw *Middleware, call *ast.CallExpr, fn *types.Func) {
	k := keyOf(fn)
	switch {
	case authInterceptors[k] && len(call.Args) == 1:
		mw.Kind |= Auth | m.funcValueKind(call.Args[0])
		mw.AuthOverride = true
	case wrappingInterceptors[k] && len(call.Args) > 0:
		// Named after what it runs: the selector is plumbing.
		inner := m.interceptor(call.Args[0])
		mw.Kind |= inner.Kind
		mw.AuthOverride = inner.AuthOverride
		if inner.Func != nil {
			mw.Func, mw.Name, mw.PkgPath = inner.Func, inner.Name, inner.PkgPath
		}
	}
}

// funcValueKind is the middleware kind of a function value: a declared
// function or method referred to, or a function literal's body.
func (m *modeler) funcValueKind(e ast.Expr) MiddlewareKind {
	switch x := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return m.bodyKinds(x.Body, nil)
	case *ast.Ident:
		if fn, ok := m.info.Uses[x].(*types.Func); ok {
			return m.mwKindOfFunc(fn)
		}
	case *ast.SelectorExpr:
		if fn, ok := m.info.Uses[x.Sel].(*types.Func); ok {
			return m.mwKindOfFunc(fn)
		}
	}
	return 0
}

// authOverrides replaces, for a service that implements
// AuthFuncOverride(ctx, fullMethodName), the auth interceptors in mws
// with that method, as go-grpc-middleware calls it instead of the
// AuthFunc: its kinds decide (none when it lets every call through).
func (m *modeler) authOverrides(impl types.Type, mws []*Middleware) []*Middleware {
	if !slices.ContainsFunc(mws, func(mw *Middleware) bool { return mw.AuthOverride }) {
		return mws
	}
	obj, _, _ := types.LookupFieldOrMethod(impl, true, nil, "AuthFuncOverride")
	ov, ok := obj.(*types.Func)
	if !ok {
		return mws
	}
	sig := ov.Type().(*types.Signature)
	if sig.Params().Len() != 2 || sig.Results().Len() != 2 || !isNamed(sig.Params().At(0).Type(), "context", "Context") {
		return mws
	}
	out := make([]*Middleware, len(mws))
	for i, mw := range mws {
		out[i] = mw
		if mw.AuthOverride {
			c := *mw
			c.Func, c.Name, c.AuthOverride = ov, "AuthFuncOverride", false
			if ov.Pkg() != nil {
				c.PkgPath = ov.Pkg().Path()
			}
			c.Kind = m.mwKindOfFunc(ov)
			out[i] = &c
		}
	}
	return out
}

// localDefs maps the variables a body defines or assigns to the values
// given them.
func (m *modeler) localDefs(body *ast.BlockStmt) map[*types.Var][]ast.Expr {
	defs := map[*types.Var][]ast.Expr{}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				return true
			}
			for i, l := range n.Lhs {
				if id, ok := l.(*ast.Ident); ok {
					if v, ok := m.info.ObjectOf(id).(*types.Var); ok {
						defs[v] = append(defs[v], n.Rhs[i])
					}
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if i < len(n.Values) {
					if v, ok := m.info.Defs[id].(*types.Var); ok {
						defs[v] = append(defs[v], n.Values[i])
					}
				}
			}
		}
		return true
	})
	return defs
}

// promotedFromBase: the method is the generated Unimplemented...Server's
// (promoted from the embedded base): it only answers Unimplemented.
func promotedFromBase(fn *types.Func) bool {
	n, ok := types.Unalias(structtype.Deref(fn.Type().(*types.Signature).Recv().Type())).(*types.Named)
	return ok && (strings.HasPrefix(n.Obj().Name(), "Unimplemented") || strings.HasPrefix(n.Obj().Name(), "Unsafe"))
}
