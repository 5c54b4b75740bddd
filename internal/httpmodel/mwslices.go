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
		elts := make([]ast.Expr, len(x.Elts))
		for i, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			elts[i] = el
		}
		return m.middlewareElems(w, []*Middleware{}, elts, depth)
	case *ast.CallExpr:
		if !isBuiltin(m.info, x.Fun, "append") || len(x.Args) == 0 {
			return nil
		}
		head := m.middlewareSlice(w, x.Args[0], depth+1)
		if head == nil {
			head = []*Middleware{m.middlewareFromExpr(x.Args[0])}
		}
		return m.middlewareElems(w, head, x.Args[1:], depth)
	case *ast.Ident:
		if v, ok := m.info.Uses[x].(*types.Var); ok {
			return m.sliceVar(w, v, depth)
		}
	}
	return nil
}

// sliceVar lists a middleware slice variable from all its assignments in
// the enclosing function, in source order (mws := []...{a};
// mws = append(mws, b...)): a self-append adds only its new elements.
func (m *modeler) sliceVar(w *walker, v *types.Var, depth int) []*Middleware {
	var defs []ast.Expr
	if fd := m.declOf[w.fn]; w.fn != nil && fd != nil && fd.Body != nil {
		if w.defs == nil {
			w.defs = m.localDefs(fd.Body)
		}
		defs = w.defs[v]
	}
	if len(defs) == 0 {
		if d, ok := w.exprs[v]; ok {
			defs = []ast.Expr{d}
		}
	}
	var out []*Middleware
	for _, d := range defs {
		if c, ok := ast.Unparen(d).(*ast.CallExpr); ok && isBuiltin(m.info, c.Fun, "append") && len(c.Args) > 0 {
			if id, ok := ast.Unparen(c.Args[0]).(*ast.Ident); ok && m.info.Uses[id] == v {
				for _, a := range c.Args[1:] {
					if l := m.middlewareSlice(w, a, depth+1); l != nil {
						out = append(out, l...)
					} else {
						out = append(out, m.middlewareFromExpr(a))
					}
				}
				continue
			}
		}
		l := m.middlewareSlice(w, d, depth+1)
		if l == nil {
			return nil // a value the walk cannot list
		}
		out = append(out, l...)
	}
	if len(defs) == 0 {
		return nil
	}
	return out
}

func isSliceType(t types.Type) bool {
	_, ok := t.Underlying().(*types.Slice)
	return ok
}

// middlewareElems appends the middleware of each element (a slice's, or
// the element's own) to out.
func (m *modeler) middlewareElems(w *walker, out []*Middleware, elems []ast.Expr, depth int) []*Middleware {
	for _, el := range elems {
		if l := m.middlewareSlice(w, el, depth+1); l != nil {
			out = append(out, l...)
			continue
		}
		out = append(out, m.middlewareFromExpr(el))
	}
	return out
}
