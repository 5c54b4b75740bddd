package httpmodel

// What a registration's handler and middleware arguments denote: the
// handler behind wrappers and conversions, and the Middleware of each
// chain element.

import (
	"go/ast"
	"go/types"
)

// resolveHandler fills the handler fields of r from expression h and
// returns the middleware wrapped around it (mw(h), outermost first).
func (m *modeler) resolveHandler(w *walker, h ast.Expr, r *Route) []*Middleware {
	var wraps []*Middleware
	for depth := 0; depth < 16 && h != nil; depth++ {
		h = ast.Unparen(h)
		switch x := h.(type) {
		case *ast.FuncLit:
			if hd := m.res.byNode[x]; hd != nil {
				m.setHandler(r, hd, nil)
			} else {
				r.HandlerName = "func literal"
				r.HandlerPos = m.pass.Fset.Position(x.Pos())
			}
			return wraps
		case *ast.Ident, *ast.SelectorExpr:
			obj := m.info.Uses[identOf(x)]
			switch o := obj.(type) {
			case *types.Func:
				m.setHandler(r, m.res.byFunc[o.Origin()], o)
				return wraps
			case *types.Var:
				if d, ok := w.exprs[o]; ok && d != h {
					h = d
					continue
				}
			}
			r.HandlerName = types.ExprString(x)
			if obj != nil {
				r.HandlerPos = m.pass.Fset.Position(obj.Pos())
			}
			return wraps
		case *ast.CallExpr:
			if tv, ok := m.info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
				h = x.Args[0] // http.HandlerFunc(f)
				continue
			}
			fn := m.callee(x)
			if fn == nil {
				// mwFactory(args)(h): the factory returns the middleware.
				if inner, ok := ast.Unparen(x.Fun).(*ast.CallExpr); ok && len(x.Args) == 1 {
					if ffn := m.callee(inner); ffn != nil {
						if res := ffn.Type().(*types.Signature).Results(); res.Len() == 1 {
							if sig, ok := res.At(0).Type().Underlying().(*types.Signature); ok && isMiddlewareSig(sig) {
								wraps = append(wraps, m.middlewareOf(x, ffn))
								h = x.Args[0]
								continue
							}
						}
					}
				}
				r.HandlerName = types.ExprString(x)
				return wraps
			}
			if idx, ok := transparentWrappers[keyOf(fn)]; ok {
				h = arg(x, idx)
				continue
			}
			if hd := m.res.byFunc[fn.Origin()]; hd != nil && hd.Factory == fn.Origin() {
				m.setHandler(r, hd, fn)
				return wraps
			}
			// mw(h): a call taking a handler and returning one.
			inner := -1
			sig := fn.Type().(*types.Signature)
			for i, a := range x.Args {
				// (a value implementing http.Handler, *handler.Server,
				// passed as one)
				if t := m.info.TypeOf(a); t != nil && isHandlerType(t) || i < sig.Params().Len() && !sig.Variadic() && isNamed(sig.Params().At(i).Type(), "net/http", "Handler") {
					inner = i
					break
				}
			}
			if inner >= 0 && sig.Results().Len() >= 1 && isHandlerType(sig.Results().At(0).Type()) {
				wraps = append(wraps, m.middlewareOf(x, fn))
				h = x.Args[inner]
				continue
			}
			// A handler factory of another package, or a method returning one.
			m.setHandler(r, nil, fn)
			return wraps
		default:
			r.HandlerName = types.ExprString(x)
			return wraps
		}
	}
	return wraps
}

func (m *modeler) setHandler(r *Route, hd *Handler, fn *types.Func) {
	r.Handler = hd
	r.HandlerFunc = fn
	switch {
	case hd != nil:
		r.HandlerName = hd.Name
		if hd.Func == nil && hd.Factory != nil {
			r.HandlerName = funcName(hd.Factory)
		}
		r.HandlerPos = m.pass.Fset.Position(hd.Node.Pos())
		if r.HandlerFunc == nil {
			r.HandlerFunc = hd.Func
		}
	case fn != nil:
		r.HandlerName = funcName(fn)
		if fn.Pkg() != nil && fn.Pkg() != m.pass.Pkg {
			r.HandlerName = fn.Pkg().Name() + "." + r.HandlerName
		}
		r.HandlerPos = m.pass.Fset.Position(fn.Pos())
	}
}

// middlewareList returns the middleware of one Use/With/route argument
// (a variadic spread `mws...` gives none we can name).
func (m *modeler) middlewareList(w *walker, e ast.Expr) []*Middleware {
	e = ast.Unparen(e)
	if l := m.middlewareSlice(w, e, 0); l != nil {
		return l
	}
	if id, ok := e.(*ast.Ident); ok {
		if v, ok := m.info.Uses[id].(*types.Var); ok {
			if d, ok := w.exprs[v]; ok {
				mw := m.middlewareFromExpr(d)
				mw.Expr = e
				return []*Middleware{mw}
			}
			if i := paramIndex(w.fn, v); i >= 0 {
				mw := m.middlewareFromExpr(e)
				mw.param = i + 1
				return []*Middleware{mw}
			}
		}
	}
	return []*Middleware{m.middlewareFromExpr(e)}
}

// paramIndex is the index of v among fn's declared parameters, or -1.
func paramIndex(fn *types.Func, v *types.Var) int {
	if fn == nil {
		return -1
	}
	ps := fn.Signature().Params()
	for i := 0; i < ps.Len(); i++ {
		if ps.At(i) == v {
			return i
		}
	}
	return -1
}

// paramMiddleware replaces, in a callee's chain spliced at call, the
// middleware that is one of the callee's parameters with what call
// passes there (Register(r, auth.Middleware)), judged here; w, the walk
// of the calling function, may be nil. A spread or missing argument
// leaves the parameter's name.
func (m *modeler) paramMiddleware(w *walker, chain []*Middleware, call *ast.CallExpr, fn *types.Func) []*Middleware {
	if call == nil || fn == nil || call.Ellipsis.IsValid() {
		return chain
	}
	if c := m.callee(call); c == nil || c.Origin() != fn.Origin() {
		return chain
	}
	var out []*Middleware
	for i, mw := range chain {
		if mw.param == 0 || mw.param > len(call.Args) {
			continue
		}
		a := call.Args[mw.param-1]
		var actual *Middleware
		if w != nil {
			if l := m.middlewareList(w, a); len(l) == 1 {
				actual = l[0]
			}
		} else {
			actual = m.middlewareFromExpr(a)
		}
		if actual == nil {
			continue
		}
		if out == nil {
			out = append([]*Middleware(nil), chain...)
		}
		actual.Global, actual.scope = mw.Global, mw.scope
		out[i] = actual
	}
	if out == nil {
		return chain
	}
	return out
}

func (m *modeler) middlewareFromExpr(e ast.Expr) *Middleware {
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.CallExpr:
		if fn := m.callee(x); fn != nil {
			return m.middlewareOf(x, fn)
		}
	case *ast.Ident, *ast.SelectorExpr:
		if fn, ok := m.info.Uses[identOf(x)].(*types.Func); ok {
			return m.middlewareOf(x, fn)
		}
	case *ast.FuncLit:
		return &Middleware{Expr: e, Name: "func literal", Kind: m.bodyKinds(x.Body, nil)}
	}
	return &Middleware{Expr: e, Name: types.ExprString(e)}
}

// middlewareOf identifies middleware e whose function or factory is fn.
func (m *modeler) middlewareOf(e ast.Expr, fn *types.Func) *Middleware {
	mw := &Middleware{Expr: e, Func: fn, Name: funcName(fn), Kind: m.mwKindOfFunc(fn)}
	if fn.Pkg() != nil {
		mw.PkgPath = fn.Pkg().Path()
	}
	if mw.Kind&Auth == 0 && fn.Pkg() == m.pass.Pkg && authName(fn.Name()) {
		mw.Kind |= Auth
	}
	return mw
}

// authName reports whether a project middleware name says it
// authenticates ("RequireAuth", "JWTMiddleware", "Authenticated").
func authName(name string) bool {
	for _, p := range []string{"auth", "authn", "authenticate", "authenticated", "authentication", "jwt", "require login", "require user", "logged in", "bearer", "api key", "apikey", "protected", "verify token", "session required"} {
		if wordsContains(name, p) {
			return true
		}
	}
	return false
}
