package httpmodel

import (
	"fmt"
	"go/ast"
	"go/types"
	"path/filepath"
	"slices"

	"golang.org/x/tools/go/analysis"
)

// handlerSig reports whether sig is a framework handler signature and
// returns the framework and the indices of the request/context and
// response-writer parameters (-1 if none).
func handlerSig(sig *types.Signature) (fw Framework, req, writer int, ok bool) {
	params := sig.Params()
	switch params.Len() {
	case 3:
		if sig.Results().Len() == 0 && isNamed(params.At(0).Type(), "net/http", "ResponseWriter") && isPointerTo(params.At(1).Type(), "net/http", "Request") && isNamed(params.At(2).Type(), pkgHttprouter, "Params") {
			return HTTPRouter, 1, 0, true
		}
	case 2:
		if sig.Results().Len() == 0 && isNamed(params.At(0).Type(), "net/http", "ResponseWriter") && isPointerTo(params.At(1).Type(), "net/http", "Request") {
			return NetHTTP, 1, 0, true
		}
	case 1:
		t := params.At(0).Type()
		for _, hp := range handlerParams {
			match := false
			if hp.pointer {
				match = isPointerTo(t, hp.pkg, hp.name)
			} else {
				match = isNamed(t, hp.pkg, hp.name)
			}
			if !match {
				continue
			}
			if hp.result {
				if sig.Results().Len() != 1 || !isError(sig.Results().At(0).Type()) {
					continue
				}
			} else if sig.Results().Len() != 0 {
				continue
			}
			return hp.fw, 0, -1, true
		}
	}
	return "", -1, -1, false
}

// isMiddlewareSig reports whether sig looks like middleware: it takes a
// handler and returns a handler (func(http.Handler) http.Handler,
// echo func(echo.HandlerFunc) echo.HandlerFunc).
func isMiddlewareSig(sig *types.Signature) bool {
	if sig.Params().Len() != 1 || sig.Results().Len() != 1 {
		return false
	}
	return isHandlerType(sig.Params().At(0).Type()) && isHandlerType(sig.Results().At(0).Type())
}

// isHandlerType reports whether t is a handler type: a named handler
// type (http.Handler, http.HandlerFunc, gin.HandlerFunc, ...) or a
// function type with a handler signature.
func isHandlerType(t types.Type) bool {
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
		if _, ok := handlerTypes[[2]string{n.Obj().Pkg().Path(), n.Obj().Name()}]; ok {
			return true
		}
	}
	if sig, ok := t.Underlying().(*types.Signature); ok {
		_, _, _, ok := handlerSig(sig)
		return ok
	}
	return false
}

// isRouterType reports whether t is a router type of a known framework
// (chi.Router/*chi.Mux, *gin.Engine/*gin.RouterGroup/gin.IRouter,
// *echo.Echo/*echo.Group, *fiber.App/fiber.Router, *mux.Router,
// *http.ServeMux).
func isRouterType(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	return routerTypeNames[[2]string{n.Obj().Pkg().Path(), n.Obj().Name()}]
}

var routerTypeNames = map[[2]string]bool{
	{"net/http", "ServeMux"}: true,
	{pkgChi, "Router"}:       true, {pkgChi, "Mux"}: true,
	{pkgGin, "Engine"}: true, {pkgGin, "RouterGroup"}: true, {pkgGin, "IRouter"}: true, {pkgGin, "IRoutes"}: true,
	{pkgEcho, "Echo"}: true, {pkgEcho, "Group"}: true,
	{pkgEcho5, "Echo"}: true, {pkgEcho5, "Group"}: true,
	{pkgFiber, "App"}: true, {pkgFiber, "Router"}: true, {pkgFiber, "Group"}: true,
	{pkgFiber3, "App"}: true, {pkgFiber3, "Router"}: true, {pkgFiber3, "Group"}: true,
	{pkgMux, "Router"}:        true,
	{pkgHttprouter, "Router"}: true,
}

func isNamed(t types.Type, pkg, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

func isPointerTo(t types.Type, pkg, name string) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && isNamed(p.Elem(), pkg, name)
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// findHandlers collects the handlers of the package: declared functions
// and methods, and closures, with a handler signature.
func (m *modeler) findHandlers() {
	for cur := range m.ins.Root().Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		n := cur.Node()
		var sig *types.Signature
		var fn *types.Func
		var body *ast.BlockStmt
		var ftype *ast.FuncType
		switch n := n.(type) {
		case *ast.FuncDecl:
			fn, _ = m.info.Defs[n.Name].(*types.Func)
			if fn == nil || n.Body == nil {
				continue
			}
			sig = fn.Type().(*types.Signature)
			body, ftype = n.Body, n.Type
		case *ast.FuncLit:
			s, ok := m.info.TypeOf(n).(*types.Signature)
			if !ok {
				continue
			}
			sig, body, ftype = s, n.Body, n.Type
		}
		fw, req, wr, ok := handlerSig(sig)
		if !ok && fn != nil {
			if i, isRPC := grpcMethod(fn); isRPC {
				fw, req, wr, ok = GRPC, i, -1, true
			} else if i, isRPC := m.connectMethod(fn); isRPC {
				fw, req, wr, ok = Connect, i, -1, true
			} else if _, _, isGQL := m.gqlResolver(fn); isGQL {
				fw, req, wr, ok = GraphQL, -1, -1, true
			} else if ofw, oreq, owr, isOapi := m.oapiMethod(fn); isOapi {
				fw, req, wr, ok = ofw, oreq, owr, true
			}
		}
		if !ok {
			continue
		}
		h := &Handler{Node: n, Func: fn, Framework: fw, Body: body}
		h.Request = paramVar(m.info, ftype, req)
		if wr >= 0 {
			h.Writer = paramVar(m.info, ftype, wr)
		}
		m.setStream(h, ftype)
		if lit, ok := n.(*ast.FuncLit); ok {
			// The enclosing functions, outermost first, then lit.
			var stack []ast.Node
			for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
				stack = append(stack, c.Node())
			}
			slices.Reverse(stack)
			h.Factory, h.Middleware = m.closureContext(stack, lit)
		}
		h.Name = m.handlerName(h)
		m.res.Handlers = append(m.res.Handlers, h)
		m.res.byNode[n] = h
		if fn != nil {
			m.res.byFunc[fn] = h
		}
		if h.Factory != nil {
			if _, dup := m.res.byFunc[h.Factory]; !dup {
				m.res.byFunc[h.Factory] = h
			}
		}
	}
}

// paramVar returns the i-th parameter object of a function type.
func paramVar(info *types.Info, ft *ast.FuncType, i int) *types.Var {
	if i < 0 || ft.Params == nil {
		return nil
	}
	n := 0
	for _, field := range ft.Params.List {
		names := field.Names
		if len(names) == 0 {
			if n == i {
				return nil
			}
			n++
			continue
		}
		for _, name := range names {
			if n == i {
				v, _ := info.Defs[name].(*types.Var)
				return v
			}
			n++
		}
	}
	return nil
}

// closureContext returns, for a handler closure, the declared function
// that returns it as a handler (a factory) and whether the closure is the
// inner part of a middleware.
func (m *modeler) closureContext(stack []ast.Node, lit *ast.FuncLit) (factory *types.Func, middleware bool) {
	// Walk outward over enclosing functions.
	for i := len(stack) - 2; i >= 0; i-- {
		var sig *types.Signature
		var decl *ast.FuncDecl
		switch n := stack[i].(type) {
		case *ast.FuncLit:
			sig, _ = m.info.TypeOf(n).(*types.Signature)
		case *ast.FuncDecl:
			if fn, ok := m.info.Defs[n.Name].(*types.Func); ok {
				sig = fn.Type().(*types.Signature)
			}
			decl = n
		default:
			continue
		}
		if sig == nil {
			return nil, false
		}
		if isMiddlewareSig(sig) {
			middleware = true
		}
		if decl != nil {
			if !middleware && sig.Results().Len() == 1 && isHandlerType(sig.Results().At(0).Type()) && m.returnsLit(decl.Body, lit) {
				factory, _ = m.info.Defs[decl.Name].(*types.Func)
			}
			return factory, middleware
		}
		if middleware {
			// keep walking to the declaration for nothing more
			continue
		}
		if _, _, _, ok := handlerSig(sig); ok {
			// closure inside a handler: not a factory product.
			return nil, false
		}
	}
	return nil, middleware
}

// returnsLit reports whether lit is returned from body (directly, or
// wrapped in a conversion like http.HandlerFunc(lit)), without descending
// into nested function literals other than lit.
func (m *modeler) returnsLit(body *ast.BlockStmt, lit *ast.FuncLit) bool {
	found := false
	m.returns(body, func(ret *ast.ReturnStmt) bool {
		for _, r := range ret.Results {
			e := ast.Unparen(r)
			if c, ok := e.(*ast.CallExpr); ok && len(c.Args) == 1 {
				e = ast.Unparen(c.Args[0])
			}
			if e == lit {
				found = true
			}
		}
		return !found
	})
	return found
}

func (m *modeler) handlerName(h *Handler) string {
	if h.Func != nil {
		return funcName(h.Func)
	}
	if h.Factory != nil {
		return funcName(h.Factory) + "$1"
	}
	p := m.pass.Fset.Position(h.Node.Pos())
	return fmt.Sprintf("func@%s:%d", filepath.Base(p.Filename), p.Line)
}

// funcName is "Name" or "(*T).Name" / "(T).Name" for methods.
func funcName(fn *types.Func) string {
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return fn.Name()
	}
	t := sig.Recv().Type()
	star := ""
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		star, t = "*", p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return "(" + star + n.Obj().Name() + ")." + fn.Name()
	}
	return fn.Name()
}

// qualifiedName is "pkgpath.Name" or "pkgpath.(*T).Name".
func qualifiedName(fn *types.Func) string {
	if fn.Pkg() == nil {
		return funcName(fn)
	}
	return fn.Pkg().Path() + "." + funcName(fn)
}

var _ = analysis.Pass{}
