package httpmodel

import (
	"go/ast"
	"go/types"
)

// Incoming gRPC metadata is what a client sent with the call, as HTTP
// headers are: md.Get("x-tenant-id") after metadata.FromIncomingContext,
// md["x-org-id"], metadata.ValueFromIncomingContext(ctx, "x-org-id") are
// Header inputs named by their key. (A tenant or organization ID read
// there is client-chosen.) Outgoing metadata is the program's own.

const pkgMetadata = pkgGRPC + "/metadata"

var (
	incomingMetadataKey = key{pkgMetadata, "", "FromIncomingContext"}
	metadataValueKey    = key{pkgMetadata, "", "ValueFromIncomingContext"}
	metadataGetKey      = key{pkgMetadata, "MD", "Get"}
)

// scanMetadataCall records md.Get(k) on incoming metadata and
// metadata.ValueFromIncomingContext(ctx, k).
func (m *modeler) scanMetadataCall(h *Handler, call *ast.CallExpr, fn *types.Func, k key) {
	switch k {
	case metadataValueKey:
		if len(call.Args) == 2 {
			name, _ := constString(m.info, call.Args[1])
			h.Inputs = append(h.Inputs, &Input{Kind: Header, Name: name, Call: call, Expr: call, Func: fn})
		}
	case metadataGetKey:
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if ok && len(call.Args) == 1 && m.incomingMetadata(h, sel.X) {
			name, _ := constString(m.info, call.Args[0])
			h.Inputs = append(h.Inputs, &Input{Kind: Header, Name: name, Call: call, Expr: call, Func: fn})
		}
	}
}

// scanMetadataIndex records md["k"] on incoming metadata.
func (m *modeler) scanMetadataIndex(h *Handler, ix *ast.IndexExpr) {
	if !isNamed(m.info.TypeOf(ix.X), pkgMetadata, "MD") || !m.incomingMetadata(h, ix.X) {
		return
	}
	name, _ := constString(m.info, ix.Index)
	h.Inputs = append(h.Inputs, &Input{Kind: Header, Name: name, Expr: ix})
}

// incomingMetadata: e is the metadata metadata.FromIncomingContext gave.
func (m *modeler) incomingMetadata(h *Handler, e ast.Expr) bool {
	return h.flow.DerivesWhere(e, func(x ast.Expr) bool {
		c, ok := x.(*ast.CallExpr)
		return ok && keyOf(m.callee(c)) == incomingMetadataKey
	})
}
