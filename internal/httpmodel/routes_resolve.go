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
		}
	}
	return []*Middleware{m.middlewareFromExpr(e)}
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
