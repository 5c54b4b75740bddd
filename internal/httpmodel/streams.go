package httpmodel

import (
	"go/ast"
	"go/types"
)

// Streaming RPCs (grpc-go and connect-go).
//
// A method with the signature of a streaming RPC is a handler, as a unary
// one is (grpc.go, connect.go):
//
//	grpc-go:    ListOrders(req *pb.ListReq, stream pb.Svc_ListOrdersServer) error   server streaming
//	            Upload(stream pb.Svc_UploadServer) error                            client streaming, bidi
//	connect-go: ListOrders(ctx, *connect.Request[T] (or *T), *connect.ServerStream[U]) error
//	            Upload(ctx, *connect.ClientStream[T]) (*connect.Response[U] (or *U), error)
//	            Chat(ctx, *connect.BidiStream[T, U]) error
//
// Its client input is the request message (server streaming) and every
// message it receives (msg, err := stream.Recv(); stream.Msg();
// stream.Receive()), field by field; its caller comes from the context
// (stream.Context() for grpc-go); its responses are stream.Send(m). Its
// routes carry the interceptors that intercept streams: grpc's
// StreamInterceptor and ChainStreamInterceptor options, connect
// interceptors whose WrapStreamingHandler does something (not a
// connect.UnaryInterceptorFunc); unary RPCs get the unary ones.

// StreamKind is what a streaming RPC streams.
type StreamKind string

// Stream kinds.
const (
	ServerStream StreamKind = "server-stream"
	ClientStream StreamKind = "client-stream"
	BidiStream   StreamKind = "bidi-stream"
)

// CallKinds are the kinds of RPC calls an interceptor intercepts.
type CallKinds uint8

const (
	UnaryCalls CallKinds = 1 << iota
	StreamCalls
)

// streamParam is a row of streamParams.
type streamParam struct {
	fw                 Framework
	kind               StreamKind
	pointer            bool // connect's streams are passed as pointers
	recv, send, header string
}

// streamOf describes t as the stream parameter of a streaming RPC.
func streamOf(t types.Type) (streamParam, bool) {
	ptr := false
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t, ptr = p.Elem(), true
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return streamParam{}, false
	}
	if row, ok := streamParams[[2]string{n.Obj().Pkg().Path(), n.Origin().Obj().Name()}]; ok {
		return row, row.pointer == ptr
	}
	iface, ok := n.Underlying().(*types.Interface)
	if ptr || !ok || !embedsNamed(iface, pkgGRPC, "ServerStream") {
		return streamParam{}, false
	}
	for _, l := range legacyStreams {
		all := true
		for _, name := range l.methods {
			all = all && hasMethod(iface, name)
		}
		if all {
			return l.row, true
		}
	}
	return streamParam{}, false
}

// embedsNamed: iface embeds the named interface pkg.name.
func embedsNamed(iface *types.Interface, pkg, name string) bool {
	for i := 0; i < iface.NumEmbeddeds(); i++ {
		if isNamed(iface.EmbeddedType(i), pkg, name) {
			return true
		}
	}
	return false
}

// streamRPC is the signature of a streaming RPC implementation.
type streamRPC struct {
	req, stream int // parameter indexes; req is -1 for client and bidi streams
	param       streamParam
	// simple: connect's "simple" form (plain messages for the request
	// or the response), a handler only on a type implementing a
	// generated service.
	simple bool
}

// streamSig reports whether fn has the signature of a streaming RPC
// implementation of grpc-go or connect-go.
func streamSig(fn *types.Func) (streamRPC, bool) {
	sig := fn.Type().(*types.Signature)
	params, res := sig.Params(), sig.Results()
	if sig.Recv() == nil || !fn.Exported() || params.Len() == 0 || res.Len() == 0 || !isError(res.At(res.Len()-1).Type()) {
		return streamRPC{}, false
	}
	last := params.Len() - 1
	row, ok := streamOf(params.At(last).Type())
	if !ok {
		return streamRPC{}, false
	}
	out := streamRPC{req: -1, stream: last, param: row}
	lead := 0 // connect's handlers take the context first
	if row.fw == Connect {
		if !isNamed(params.At(0).Type(), "context", "Context") {
			return streamRPC{}, false
		}
		lead = 1
	}
	switch {
	case row.kind == ServerStream:
		if params.Len() != lead+2 || res.Len() != 1 {
			return streamRPC{}, false
		}
		switch t := params.At(lead).Type(); {
		case row.fw == Connect && isPointerTo(t, pkgConnect, "Request"):
		case protoMessage(t):
			out.simple = row.fw == Connect
		default:
			return streamRPC{}, false
		}
		out.req = lead
	case row.fw == Connect && row.kind == ClientStream:
		if params.Len() != lead+1 || res.Len() != 2 {
			return streamRPC{}, false
		}
		switch t := res.At(0).Type(); {
		case isPointerTo(t, pkgConnect, "Response"):
		case protoMessage(t):
			out.simple = true
		default:
			return streamRPC{}, false
		}
	default:
		if params.Len() != lead+1 || res.Len() != 1 {
			return streamRPC{}, false
		}
	}
	return out, true
}

// grpcStreamSig: fn has the signature of a grpc-go streaming RPC.
func grpcStreamSig(fn *types.Func) (streamRPC, bool) {
	st, ok := streamSig(fn)
	return st, ok && st.param.fw == GRPC
}

// streamKindOf is what the RPC method fn streams, or "".
func streamKindOf(fn *types.Func) StreamKind {
	if fn == nil {
		return ""
	}
	if st, ok := streamSig(fn); ok {
		return st.param.kind
	}
	return ""
}

// setStream records the stream parameter of a streaming RPC handler.
func (m *modeler) setStream(h *Handler, ftype *ast.FuncType) {
	if h.Func == nil || !h.Framework.IsRPC() {
		return
	}
	st, ok := streamSig(h.Func)
	if !ok {
		return
	}
	h.Stream, h.StreamKind, h.stream = paramVar(m.info, ftype, st.stream), st.param.kind, st.param
}

// streamCall: call is stream.name() on the handler's stream parameter,
// name being one of its row's methods.
func (m *modeler) streamCall(h *Handler, e ast.Expr, name string) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || h.Stream == nil || name == "" {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != name {
		return false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	return ok && m.info.Uses[id] == h.Stream
}

// messageRoots are the variables holding client messages: the request
// parameter, and those a received message is assigned to (msg, err :=
// stream.Recv(); msg := stream.Msg(); var msg = ...).
func (m *modeler) messageRoots(h *Handler) map[*types.Var]bool {
	roots := map[*types.Var]bool{}
	if h.Request != nil {
		roots[h.Request] = true
	}
	if h.Stream == nil || h.stream.recv == "" {
		return roots
	}
	recv := func(e ast.Expr, lhs ast.Expr) {
		if !m.streamCall(h, e, h.stream.recv) {
			return
		}
		if id, ok := lhs.(*ast.Ident); ok {
			if v, ok := m.info.ObjectOf(id).(*types.Var); ok {
				roots[v] = true
			}
		}
	}
	m.inspect(h.Body, []ast.Node{(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)}, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Rhs) == 1 && len(n.Lhs) > 0 {
				recv(n.Rhs[0], n.Lhs[0])
			} else if len(n.Lhs) == len(n.Rhs) {
				for i := range n.Rhs {
					recv(n.Rhs[i], n.Lhs[i])
				}
			}
		case *ast.ValueSpec:
			if len(n.Values) == 1 && len(n.Names) > 0 {
				recv(n.Values[0], n.Names[0])
			} else if len(n.Names) == len(n.Values) {
				for i := range n.Values {
					recv(n.Values[i], n.Names[i])
				}
			}
		}
		return true
	})
	return roots
}

// messageRooted: e is a client message (a root variable, a receive call
// stream.Msg()) or a field or getter chain on one.
func (m *modeler) messageRooted(h *Handler, e ast.Expr, roots map[*types.Var]bool) bool {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			v, _ := m.info.Uses[x].(*types.Var)
			return v != nil && roots[v]
		case *ast.SelectorExpr:
			e = x.X
		case *ast.CallExpr:
			if m.streamCall(h, x, h.stream.recv) {
				return true
			}
			e = x.Fun
		default:
			return false
		}
	}
}

// streamResponses records the messages a streaming RPC sends:
// stream.Send(m), stream.SendAndClose(m).
func (m *modeler) streamResponses(h *Handler) {
	if h.Stream == nil || h.stream.send == "" {
		return
	}
	m.inspect(h.Body, []ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) bool {
		call := n.(*ast.CallExpr)
		if m.streamCall(h, call, h.stream.send) && len(call.Args) == 1 {
			h.Responses = append(h.Responses, &Response{Call: call, Value: call.Args[0], Format: "protobuf", Func: m.callee(call)})
		}
		return true
	})
}

// rpcChain is the part of an RPC route's chain that intercepts calls of
// its kind.
func rpcChain(mws []*Middleware, stream StreamKind) []*Middleware {
	want := UnaryCalls
	if stream != "" {
		want = StreamCalls
	}
	var out []*Middleware
	for _, mw := range mws {
		if mw.Calls == 0 || mw.Calls&want != 0 {
			out = append(out, mw)
		}
	}
	return out
}
