package jwtverify

import (
	"go/ast"
	"go/types"
)

const maxDepth = 8

// keyFuncOf summarizes the key function expression e passed to a Parse
// call. It returns nil when e cannot be followed (a parameter, a method of
// an interface, a function of a library this analyzer does not model).
func (c *checker) keyFuncOf(e ast.Expr, depth int) *keySummary {
	if depth > maxDepth || e == nil || e == zeroValue {
		return nil
	}
	e = ast.Unparen(e)
	if c.isNil(e) {
		return nil
	}
	switch e := e.(type) {
	case *ast.FuncLit:
		return c.summarizeBody(e.Body, depth)
	case *ast.CallExpr:
		if tv, ok := c.pass.TypesInfo.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return c.keyFuncOf(e.Args[0], depth+1) // jwt.Keyfunc(f)
		}
		if fn := c.callee(e); fn != nil {
			return c.funcSummary(fn, depth+1) // a key function factory
		}
		return nil
	case *ast.Ident, *ast.SelectorExpr:
		switch o := c.objOf(e).(type) {
		case *types.Func:
			return c.funcSummary(o, depth+1)
		case *types.Var:
			return c.keyFuncOfVar(o, depth)
		}
	}
	return nil
}

func (c *checker) keyFuncOfVar(v *types.Var, depth int) *keySummary {
	if c.params[v] {
		return nil
	}
	defs, ok := c.defs[v]
	if !ok || len(defs) == 0 {
		return nil
	}
	var s *keySummary
	for _, d := range defs {
		ds := c.keyFuncOf(d, depth+1)
		if ds == nil {
			return nil
		}
		if s == nil {
			s = &keySummary{}
		}
		s.merge(ds)
	}
	return s
}

// funcSummary summarizes a named function or method: from its declaration
// in this package, or from the fact its own package exported.
func (c *checker) funcSummary(fn *types.Func, depth int) *keySummary {
	if s, ok := c.keyMemo[fn]; ok {
		return s // nil while in progress: recursion is "unknown"
	}
	decl := c.decls[fn]
	if decl == nil || decl.Body == nil {
		var f keyFuncFact
		if fn.Pkg() != nil && fn.Pkg() != c.pass.Pkg && c.pass.ImportObjectFact(fn, &f) {
			if f.Unknown && len(f.KeyTypes) == 0 && !f.ChecksAlg {
				return nil
			}
			return summaryFromFact(&f)
		}
		return nil
	}
	c.keyMemo[fn] = nil
	var s *keySummary
	sig := fn.Type().(*types.Signature)
	switch {
	case returnsKeyFunc(sig):
		s = c.summarizeFactory(decl.Body, depth)
	case sig.Results().Len() == 2:
		s = c.summarizeBody(decl.Body, depth)
	default: // a helper: only whether it checks the algorithm matters
		s = &keySummary{checksAlg: c.checksAlg(decl.Body, depth)}
	}
	c.keyMemo[fn] = s
	return s
}

// isKeyFuncSig reports whether sig looks like func(*jwt.Token) (any, error).
func isKeyFuncSig(sig *types.Signature) bool {
	return sig.Params().Len() == 1 && isJWTToken(sig.Params().At(0).Type()) && sig.Results().Len() == 2
}

func returnsKeyFunc(sig *types.Signature) bool {
	if sig.Results().Len() == 0 {
		return false
	}
	rs, ok := sig.Results().At(0).Type().Underlying().(*types.Signature)
	return ok && isKeyFuncSig(rs)
}

func takesToken(sig *types.Signature) bool {
	for i := 0; i < sig.Params().Len(); i++ {
		if isJWTToken(sig.Params().At(i).Type()) {
			return true
		}
	}
	return false
}

// summarizeFactory summarizes the key functions a factory returns.
func (c *checker) summarizeFactory(body *ast.BlockStmt, depth int) *keySummary {
	s := &keySummary{}
	found := false
	forEachReturn(body, func(r *ast.ReturnStmt) {
		if len(r.Results) == 0 || c.isNil(r.Results[0]) {
			return
		}
		found = true
		s.merge(c.keyFuncOf(r.Results[0], depth+1))
	})
	if !found {
		return nil
	}
	return s
}

// forEachReturn calls f for the return statements of body itself, not of
// the function literals inside it.
func forEachReturn(body *ast.BlockStmt, f func(*ast.ReturnStmt)) {
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			f(n)
		}
		return true
	})
}

// summarizeBody summarizes a key function (or an algorithm-check helper)
// body: does it check the algorithm, and which keys does it return.
func (c *checker) summarizeBody(body *ast.BlockStmt, depth int) *keySummary {
	s := &keySummary{}
	s.checksAlg = c.checksAlg(body, depth)
	forEachReturn(body, func(r *ast.ReturnStmt) {
		if len(r.Results) == 0 {
			return
		}
		c.addReturnedKey(s, r.Results[0], len(r.Results), depth)
	})
	return s
}

func (c *checker) addReturnedKey(s *keySummary, e ast.Expr, nres int, depth int) {
	e = ast.Unparen(e)
	if e == zeroValue || c.isNil(e) {
		return
	}
	if c.isUnsafeNone(e) {
		s.allowsNone = true
		return
	}
	if call, ok := e.(*ast.CallExpr); ok && nres == 1 {
		// return other(t): delegate to another key function.
		if fn := c.callee(call); fn != nil {
			if sig := fn.Type().(*types.Signature); isKeyFuncSig(sig) || takesToken(sig) {
				if ds := c.funcSummary(fn, depth+1); ds != nil {
					s.merge(ds)
					return
				}
			}
		}
		if tv, ok := c.pass.TypesInfo.Types[call]; ok {
			if tup, ok := tv.Type.(*types.Tuple); ok && tup.Len() > 0 {
				s.addKey(typeKey(tup.At(0).Type()))
				return
			}
		}
		s.addKey("?")
		return
	}
	t := c.pass.TypesInfo.TypeOf(e)
	if tup, ok := t.(*types.Tuple); ok && tup.Len() > 0 {
		t = tup.At(0).Type()
	}
	if t == nil {
		s.addKey("?")
		return
	}
	if !types.IsInterface(t) {
		s.addKey(typeKey(t))
		return
	}
	// An interface-typed variable: look at what was assigned to it.
	if o, ok := c.objOf(e).(*types.Var); ok && depth < maxDepth && !c.params[o] {
		if defs := c.defs[o]; len(defs) > 0 {
			for _, d := range defs {
				if d == nil {
					s.addKey("?")
					continue
				}
				c.addReturnedKey(s, d, 2, depth+1)
			}
			return
		}
	}
	s.addKey("?")
}

// isUnsafeNone reports whether e is golang-jwt's UnsafeAllowNoneSignatureType.
func (c *checker) isUnsafeNone(e ast.Expr) bool {
	o := c.objOf(e)
	return o != nil && o.Name() == "UnsafeAllowNoneSignatureType" && isJWTPkg(pkgPath(o))
}

// isTokenMethod reports whether e is tok.Method for a golang-jwt *Token.
func (c *checker) isTokenField(e ast.Expr, field string) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != field {
		return false
	}
	return isJWTToken(c.pass.TypesInfo.TypeOf(sel.X))
}
