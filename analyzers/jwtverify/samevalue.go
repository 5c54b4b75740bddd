package jwtverify

import (
	"fmt"
	"go/ast"
	"go/types"
)

// An unverified parse is forgiven when the same token is verified — not
// when some other token is: a function that verifies the session cookie and
// then reads the claims of an unverified header token trusts a forgery. A
// token value is named by its roots: the variables it was copied from
// through conversions, strings/bytes trimming and library parses
// (tok := jwt.ParseSigned(raw) has roots tok and raw), or, for any other
// expression, its source text (r.Header.Get("X-Token")).

// valueRoots returns the root keys of e.
func (c *checker) valueRoots(e ast.Expr) map[string]bool {
	roots := map[string]bool{}
	c.addRoots(roots, e, 0)
	return roots
}

func objKey(o types.Object) string { return fmt.Sprintf("obj:%d:%s", o.Pos(), o.Name()) }

func (c *checker) addRoots(roots map[string]bool, e ast.Expr, depth int) {
	if e == nil || e == zeroValue || depth > maxDepth {
		return
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.StarExpr:
		c.addRoots(roots, x.X, depth+1)
		return
	case *ast.UnaryExpr:
		c.addRoots(roots, x.X, depth+1)
		return
	case *ast.Ident:
		o := c.objOf(x)
		v, ok := o.(*types.Var)
		if !ok {
			break
		}
		roots[objKey(v)] = true
		if defs := c.defs[v]; !c.params[v] && !v.IsField() && len(defs) == 1 && defs[0] != nil {
			c.addRoots(roots, defs[0], depth+1)
		}
		return
	case *ast.CallExpr:
		if tv, ok := c.pass.TypesInfo.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			c.addRoots(roots, x.Args[0], depth+1) // a conversion
			return
		}
		if fn := c.callee(x); fn != nil && len(x.Args) > 0 {
			if p := pkgPath(fn); comparingPkgs[p] || isLibraryPath(p) || isJWXPath(p) {
				c.addRoots(roots, x.Args[0], depth+1)
				if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && isLibraryPath(p) {
					if _, isPkg := c.pass.TypesInfo.Uses[identOf(sel.X)].(*types.PkgName); !isPkg {
						c.addRoots(roots, sel.X, depth+1)
					}
				}
				return
			}
		}
	}
	roots["expr:"+types.ExprString(e)] = true
}

// sameValue reports whether a and b name the same token.
func (c *checker) sameValue(a, b ast.Expr) bool {
	ra := c.valueRoots(a)
	for k := range c.valueRoots(b) {
		if ra[k] {
			return true
		}
	}
	return false
}

// paramIndex returns the index of the parameter of fd that val comes from,
// or -1.
func (c *checker) paramIndex(fd *ast.FuncDecl, val ast.Expr) int {
	if val == nil {
		return -1
	}
	roots := c.valueRoots(val)
	i := 0
	for _, f := range fd.Type.Params.List {
		if len(f.Names) == 0 {
			i++
			continue
		}
		for _, n := range f.Names {
			if o := c.pass.TypesInfo.Defs[n]; o != nil && roots[objKey(o)] {
				return i
			}
			i++
		}
	}
	return -1
}

// verifiedValues returns the expressions whose token a verifying call
// verifies: the token argument of a library parse or verify, the receiver
// of a go-jose method, and every argument (and the receiver) of a project
// function that verifies.
func (c *checker) verifiedValues(call *ast.CallExpr) []ast.Expr {
	fn := c.callee(call)
	if fn != nil && len(call.Args) > 0 {
		p := pkgPath(fn)
		if _, _, ok := jwtPkgOf(fn); ok {
			return call.Args[:1]
		}
		if _, ok := josePkgs[p]; ok {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				return []ast.Expr{sel.X}
			}
		}
		if i, ok := jwsVerifyFuncs[p][fn.Name()]; ok && i < len(call.Args) {
			return call.Args[i : i+1]
		}
		if _, ok := jwxJWTPkgs[p]; ok {
			return call.Args[:1]
		}
	}
	vals := append([]ast.Expr(nil), call.Args...)
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if _, isPkg := c.pass.TypesInfo.Uses[identOf(sel.X)].(*types.PkgName); !isPkg {
			vals = append(vals, sel.X)
		}
	}
	return vals
}

// verifiesValue reports whether body contains a call, other than skip,
// that verifies the token val (any token when val is nil).
func (c *checker) verifiesValue(body *ast.BlockStmt, skip *ast.CallExpr, val ast.Expr) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if found || !ok || call == skip {
			return !found
		}
		if !c.isVerifyingCall(call) {
			return true
		}
		if val == nil {
			found = true
			return false
		}
		for _, v := range c.verifiedValues(call) {
			if c.sameValue(val, v) {
				found = true
			}
		}
		return !found
	})
	return found
}
