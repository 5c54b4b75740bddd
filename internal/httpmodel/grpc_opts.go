package httpmodel

import (
	"go/ast"
	"go/types"
)

// interceptors are the server options' interceptors of the grpc.Server
// that e names (s := grpc.NewServer(...)) in the enclosing function. The
// options are followed through variables (every assignment, in source
// order: options appended to a slice in several steps), append, slice
// literals, []grpc.UnaryServerInterceptor{...}... spreads, and calls of
// functions of this package that return the options.
func (m *modeler) interceptors(encl *ast.FuncDecl, e ast.Expr) []*Middleware {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || encl == nil || encl.Body == nil {
		return nil
	}
	v, _ := m.info.Uses[id].(*types.Var)
	if v == nil {
		return nil
	}
	r := &optResolver{m: m, seen: map[*types.Var]bool{}, funcs: map[*types.Func]bool{}}
	defs := m.optDefs(encl.Body)
	for _, d := range defs[v] {
		c, ok := ast.Unparen(d).(*ast.CallExpr)
		if !ok {
			continue
		}
		if nfn := m.callee(c); nfn == nil || nfn.Pkg() == nil || nfn.Pkg().Path() != pkgGRPC || nfn.Name() != "NewServer" {
			continue
		}
		for _, a := range c.Args {
			r.option(a, defs)
		}
	}
	return r.out
}

// optResolver collects interceptors from server option expressions.
type optResolver struct {
	m     *modeler
	seen  map[*types.Var]bool  // variables expanded (once: defs holds all their values)
	funcs map[*types.Func]bool // functions whose returns were followed
	out   []*Middleware
}

// option adds the interceptors of a grpc.ServerOption or []ServerOption
// expression.
func (r *optResolver) option(a ast.Expr, defs map[*types.Var][]ast.Expr) {
	m := r.m
	switch x := ast.Unparen(a).(type) {
	case *ast.CallExpr:
		if isBuiltin(m.info, x.Fun, "append") {
			for _, el := range x.Args {
				r.option(el, defs)
			}
			return
		}
		ofn := m.callee(x)
		if ofn == nil {
			return
		}
		if ofn.Pkg() != nil && ofn.Pkg().Path() == pkgGRPC {
			if calls, ok := grpcInterceptorOptions[keyOf(ofn)]; ok {
				for _, ic := range x.Args {
					r.interceptorArg(ic, defs, calls)
				}
			}
			return
		}
		r.returned(ofn)
	case *ast.Ident:
		if v, ok := m.info.Uses[x].(*types.Var); ok && !r.seen[v] {
			r.seen[v] = true
			for _, d := range defs[v] {
				r.option(d, defs)
			}
		}
	case *ast.CompositeLit:
		for _, el := range x.Elts {
			r.option(el, defs)
		}
	}
}

// returned follows a call of a function of this package to the server
// options it returns (the result of type ServerOption or []ServerOption).
func (r *optResolver) returned(fn *types.Func) {
	fn = fn.Origin()
	fd := r.m.declOf[fn]
	if fd == nil || fd.Body == nil || r.funcs[fn] {
		return
	}
	r.funcs[fn] = true
	res := fn.Signature().Results()
	idx := -1
	for i := 0; i < res.Len(); i++ {
		t := res.At(i).Type()
		if s, ok := t.Underlying().(*types.Slice); ok {
			t = s.Elem()
		}
		if isNamed(t, pkgGRPC, "ServerOption") {
			idx = i
			break
		}
	}
	if idx < 0 {
		return
	}
	defs := r.m.optDefs(fd.Body)
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its returns are not fn's
		case *ast.ReturnStmt:
			if len(n.Results) == res.Len() {
				r.option(n.Results[idx], defs)
			}
		}
		return true
	})
}

// interceptorArg adds the interceptors of an argument of
// ChainUnaryInterceptor and the like: an interceptor, or a spread slice
// of them (a literal, or a variable built up with append).
// calls are the calls the option's interceptors intercept.
func (r *optResolver) interceptorArg(e ast.Expr, defs map[*types.Var][]ast.Expr, calls CallKinds) {
	m := r.m
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		for _, el := range x.Elts {
			r.interceptorArg(el, defs, calls)
		}
		return
	case *ast.CallExpr:
		if isBuiltin(m.info, x.Fun, "append") {
			for _, el := range x.Args {
				r.interceptorArg(el, defs, calls)
			}
			return
		}
	case *ast.Ident:
		if v, ok := m.info.Uses[x].(*types.Var); ok {
			if _, isSlice := v.Type().Underlying().(*types.Slice); isSlice {
				if !r.seen[v] {
					r.seen[v] = true
					for _, d := range defs[v] {
						r.interceptorArg(d, defs, calls)
					}
				}
				return
			}
		}
	}
	mw := m.interceptor(e)
	mw.Calls = calls
	r.out = append(r.out, mw)
}

// isBuiltin reports whether e names the predeclared function name.
func isBuiltin(info *types.Info, e ast.Expr, name string) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}

// optDefs is localDefs plus the variables of tuple assignments
// (opts, metrics, err := buildOpts()): each gets the call, and option
// picks the result it needs by type.
func (m *modeler) optDefs(body *ast.BlockStmt) map[*types.Var][]ast.Expr {
	defs := m.localDefs(body)
	ast.Inspect(body, func(n ast.Node) bool {
		if a, ok := n.(*ast.AssignStmt); ok && len(a.Rhs) == 1 && len(a.Lhs) > 1 {
			for _, l := range a.Lhs {
				if id, ok := l.(*ast.Ident); ok {
					if v, ok := m.info.ObjectOf(id).(*types.Var); ok {
						defs[v] = append(defs[v], a.Rhs[0])
					}
				}
			}
		}
		return true
	})
	return defs
}
