package bola

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/httpmodel"
	"github.com/apivet/apivet/internal/persist"
)

// AuthorizerFact marks a function that decides whether a subject may act
// on an object: it returns a bool or an error computed from a comparison
// of an owner field of one parameter with another parameter
// (`o.UserID == u.ID`), or from a call of another authorizer.
type AuthorizerFact struct{ Why string }

func (*AuthorizerFact) AFact()           {}
func (f *AuthorizerFact) String() string { return "authorizer: " + f.Why }

// authorizers computes the authorizer functions declared in the package,
// exports their facts, and returns them.
func authorizers(pass *analysis.Pass, model *httpmodel.Result) map[*types.Func]string {
	found := map[*types.Func]string{}
	if stdlib(pass.Pkg.Path()) || frameworkPkg(pass.Pkg.Path()) {
		return found
	}
	var decls []*ast.FuncDecl
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				decls = append(decls, fd)
			}
		}
	}
	// Iterate so that a function calling a same-package authorizer
	// declared later is found too.
	for round := 0; round < 3; round++ {
		changed := false
		for _, fd := range decls {
			fn, _ := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if fn == nil || found[fn] != "" || !decisionResult(fn) {
				continue
			}
			if why := authorizerBody(pass, model, fd, fn, found); why != "" {
				found[fn] = why
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	for fn, why := range found {
		pass.ExportObjectFact(fn, &AuthorizerFact{Why: why})
	}
	return found
}

// decisionResult: the function returns a bool or an error (last result).
func decisionResult(fn *types.Func) bool {
	sig := fn.Type().(*types.Signature)
	res := sig.Results()
	if res.Len() == 0 {
		return false
	}
	t := res.At(res.Len() - 1).Type()
	if b, ok := t.Underlying().(*types.Basic); ok && b.Kind() == types.Bool {
		return true
	}
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

func authorizerBody(pass *analysis.Pass, model *httpmodel.Result, fd *ast.FuncDecl, fn *types.Func, found map[*types.Func]string) string {
	sig := fn.Type().(*types.Signature)
	var params []*types.Var
	if sig.Recv() != nil {
		params = append(params, sig.Recv())
	}
	for i := 0; i < sig.Params().Len(); i++ {
		params = append(params, sig.Params().At(i))
	}
	flow := model.NewFlow(pass.TypesInfo, pass.Pkg, fd.Body)
	paramOf := func(e ast.Expr) int {
		for i, p := range params {
			if flow.DerivesFromVar(e, p) {
				return i
			}
		}
		return -1
	}
	// The caller's identity, and client input read here (CheckUser(w, r)
	// comparing the principal with the path's user ID).
	principal := func(e ast.Expr) bool {
		return flow.DerivesWhere(e, func(x ast.Expr) bool {
			c, ok := x.(*ast.CallExpr)
			return ok && model.PrincipalCall(c) || configuredPrincipal(pass.TypesInfo, x)
		})
	}
	input := func(e ast.Expr) bool {
		return flow.DerivesWhere(e, func(x ast.Expr) bool {
			c, ok := x.(*ast.CallExpr)
			if !ok {
				return false
			}
			fn, _ := typeutil.Callee(pass.TypesInfo, c).(*types.Func)
			_, ok = model.InputFunc(fn)
			return ok
		})
	}
	why := ""
	model.Inspect(fd.Body, authorizerTypes, func(n ast.Node) bool {
		if why != "" {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BinaryExpr:
			if n.Op != token.EQL && n.Op != token.NEQ {
				return true
			}
			px, py := principal(n.X), principal(n.Y)
			p, other := n.X, n.Y
			if py {
				p, other = n.Y, n.X
			}
			if px != py && input(other) {
				why = "compares the caller's " + types.ExprString(p) + " with request input " + types.ExprString(other)
				return false
			}
			// The caller with the owner of an object it is given
			// (checkMemoAccess(ctx, memo): memo.CreatorID != user.ID).
			if px != py && ownerSelector(other) && paramOf(other) >= 0 {
				why = "compares the caller's " + types.ExprString(p) + " with " + types.ExprString(other)
				return false
			}
			if len(params) < 2 {
				return true
			}
			i, j := paramOf(n.X), paramOf(n.Y)
			if i < 0 || j < 0 || i == j {
				return true
			}
			if ownerSelector(n.X) || ownerSelector(n.Y) {
				why = "compares " + types.ExprString(n.X) + " with " + types.ExprString(n.Y)
			}
		case *ast.CallExpr:
			callee := typeutil.Callee(pass.TypesInfo, n)
			f, _ := callee.(*types.Func)
			if f == nil || f == fn {
				return true
			}
			if w, ok := found[f]; ok {
				why = "calls " + f.Name() + " (" + w + ")"
			} else if lib, ok := authzLibraryCall(f); ok {
				why = "calls " + lib + " " + f.Name()
			} else if _, ok := authzName(f.Name()); ok && f.Pkg() == pass.Pkg {
				why = "calls " + f.Name()
			} else {
				var af AuthorizerFact
				if f.Pkg() != pass.Pkg && pass.ImportObjectFact(f, &af) {
					why = "calls " + f.Name() + " (" + af.Why + ")"
				}
			}
		}
		return true
	})
	return why
}

var authorizerTypes = []ast.Node{(*ast.FuncLit)(nil), (*ast.BinaryExpr)(nil), (*ast.CallExpr)(nil)}

// ownerSelector: x.F where F names an owner (UserID, OwnerID, TenantID...).
func ownerSelector(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	_, ok = persist.OwnerName(sel.Sel.Name)
	return ok
}
