package httpmodel

import (
	"go/ast"
	"go/types"
)

// middlewareSlice returns the middleware of a slice expression spread
// into Use/With (r.Use(authMiddlewares...)): a slice literal, append
// of such, or a variable assigned one; nil when e is not a slice the
// walk can list, so the caller keeps its one unnamed entry.
func (m *modeler) middlewareSlice(w *walker, e ast.Expr, depth int) []*Middleware {
	if depth > 4 {
		return nil
	}
	e = ast.Unparen(e)
	if t := m.info.TypeOf(e); t == nil || !isSliceType(t) {
		return nil
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		out := []*Middleware{}
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			if l := m.middlewareSlice(w, el, depth+1); l != nil {
				out = append(out, l...)
				continue
			}
			out = append(out, m.middlewareFromExpr(el))
		}
		return out
	case *ast.CallExpr:
		if !isBuiltin(m.info, x.Fun, "append") || len(x.Args) == 0 {
			return nil
		}
		head := m.middlewareSlice(w, x.Args[0], depth+1)
		if head == nil {
			head = []*Middleware{m.middlewareFromExpr(x.Args[0])}
		}
		for _, a := range x.Args[1:] {
			if l := m.middlewareSlice(w, a, depth+1); l != nil {
				head = append(head, l...)
				continue
			}
			head = append(head, m.middlewareFromExpr(a))
		}
		return head
	case *ast.Ident:
		if v, ok := m.info.Uses[x].(*types.Var); ok {
			if d, ok := w.exprs[v]; ok && d != e {
				return m.middlewareSlice(w, d, depth+1)
			}
		}
	}
	return nil
}

func isSliceType(t types.Type) bool {
	_, ok := t.Underlying().(*types.Slice)
	return ok
}
