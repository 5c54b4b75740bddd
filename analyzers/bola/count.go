package bola

// Reads whose answer is only a number or a yes/no: memos v0.9.0's GET
// /memo/amount counts the memos of a client-chosen creator, private ones
// included, and returns len(memoList). No object leaves the service,
// only how many there are (or whether one exists): a disclosure of
// metadata about others' objects, reported as a warning, not an error.

import (
	"go/ast"
	"go/types"

	"github.com/apivet/apivet/internal/httpmodel"
	"github.com/apivet/apivet/internal/words"
)

// countOnly: da is a read whose result the handler uses only as a
// number: a count or existence query (a method named so, CountMemos,
// ExistsMemo, gorm's Count) answering an integer or a bool, or a list
// every use of which is len(list). A number read from an object
// (GetBalance) is the object's data: not one.
func (r *runner) countOnly(h *httpmodel.Handler, da *httpmodel.DataAccess) bool {
	if da.Kind != httpmodel.Read {
		return false
	}
	info := r.pass.TypesInfo
	counting := false
	for _, w := range words.Split(da.Method) {
		counting = counting || countWords[w]
	}
	if t := info.TypeOf(da.Call); t != nil && counting {
		if tu, ok := t.(*types.Tuple); ok && tu.Len() > 0 {
			t = tu.At(0).Type()
		}
		if scalarAnswer(t) {
			return true
		}
	}
	if da.Dest != nil && counting {
		if p, ok := types.Unalias(info.TypeOf(da.Dest)).(*types.Pointer); ok && numeric(p.Elem()) {
			return true
		}
	}
	// list, err := repo.FindList(...); ... len(list) ...
	var v *types.Var
	r.res.Inspect(h.Body, []ast.Node{(*ast.AssignStmt)(nil)}, func(n ast.Node) bool {
		as := n.(*ast.AssignStmt)
		if v == nil && len(as.Rhs) == 1 && as.Rhs[0] == ast.Expr(da.Call) && len(as.Lhs) > 0 {
			if id, ok := as.Lhs[0].(*ast.Ident); ok {
				if d, ok := info.Defs[id].(*types.Var); ok {
					v = d
				} else if u, ok := info.Uses[id].(*types.Var); ok {
					v = u
				}
			}
		}
		return v == nil
	})
	if v == nil {
		return false
	}
	uses, lens := 0, 0
	ast.Inspect(h.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if info.Uses[n] == v {
				uses++
			}
		case *ast.CallExpr:
			if b, ok := info.Uses[calleeIdent(n)].(*types.Builtin); ok && (b.Name() == "len" || b.Name() == "cap") && len(n.Args) == 1 {
				if id, ok := ast.Unparen(n.Args[0]).(*ast.Ident); ok && info.Uses[id] == v {
					lens++
				}
			}
		}
		return true
	})
	return uses > 0 && uses == lens
}

func calleeIdent(c *ast.CallExpr) *ast.Ident {
	id, _ := ast.Unparen(c.Fun).(*ast.Ident)
	return id
}

// scalarAnswer: t is an integer or a bool (through a pointer).
func scalarAnswer(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsInteger|types.IsBoolean) != 0
}

func numeric(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}
