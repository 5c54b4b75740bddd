package httpmodel

import (
	"go/ast"
	"go/types"
	"strings"
)

// gRPC services (grpc-go, protoc-gen-go-grpc).
//
// A method of a type that embeds the generated Unimplemented<Service>Server
// (or Unsafe<Service>Server), with the signature of a unary RPC
// func(context.Context, *Req) (*Resp, error) over protobuf messages, is a
// handler: the request message is client input, field by field
// (req.OrderId, req.GetOrderId(), req.GetOrder().GetId()). Its route is
// the service registration, whose interceptors the model does not follow
// yet: checks see such handlers as handlers with no visible route.

// GRPC is a grpc-go service method.
const GRPC Framework = "grpc"

// Message is a field of an RPC request message.
const Message InputKind = "message"

// grpcMethod reports whether fn is a unary RPC of a generated service
// implementation, and the index of its request parameter.
func grpcMethod(fn *types.Func) (int, bool) {
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
	return 1, embedsServiceBase(sig.Recv().Type())
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
func (m *modeler) scanMessageInputs(h *Handler) {
	if h.Request == nil {
		return
	}
	m.inspect(h.Body, []ast.Node{(*ast.CallExpr)(nil), (*ast.SelectorExpr)(nil)}, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if !ok || len(n.Args) != 0 || !m.rootedAt(sel.X, h.Request) {
				return true
			}
			if fn, ok := m.info.Uses[sel.Sel].(*types.Func); ok {
				if name, ok := strings.CutPrefix(fn.Name(), "Get"); ok && name != "" {
					h.Inputs = append(h.Inputs, &Input{Kind: Message, Name: name, Call: n, Expr: n, Func: fn})
				}
			}
		case *ast.SelectorExpr:
			if v, ok := m.info.Uses[n.Sel].(*types.Var); ok && v.IsField() && v.Exported() && m.rootedAt(n.X, h.Request) {
				h.Inputs = append(h.Inputs, &Input{Kind: Message, Name: v.Name(), Expr: n})
			}
		}
		return true
	})
}

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
