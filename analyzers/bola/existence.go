package bola

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/apivet/apivet/internal/httpmodel"
)

// checkedByScopedRead: before the access, the handler reads the object by
// the same client-chosen input, scoped by the caller, and stops when that
// read fails or finds nothing (memos' DELETE /resource/:id:
// FindResource(ctx, &ResourceFind{ID: &id, CreatorID: &userID}), 404 on
// an error or nil, then DeleteResource(&ResourceDelete{ID: id})). The
// scoped read is the ownership check; the change that follows selects the
// object it proved the caller's.
func (r *runner) checkedByScopedRead(h *httpmodel.Handler, da *httpmodel.DataAccess, id *idInput) bool {
	for _, rd := range h.DataAccesses {
		if rd == da || rd.Kind != httpmodel.Read || rd.Call.Pos() >= da.Call.Pos() {
			continue
		}
		rid := r.directIDInput(h, rd)
		if rid == nil || rid.in != id.in || !r.scoped(h, rd, rid) {
			continue
		}
		if r.stopsOnMiss(h, rd.Call) {
			return true
		}
	}
	return false
}

// stopsOnMiss: the results of call are assigned to variables, and an
// if-statement testing one of them (err != nil, o == nil) stops the
// handler.
func (r *runner) stopsOnMiss(h *httpmodel.Handler, call *ast.CallExpr) bool {
	path, _ := astutil.PathEnclosingInterval(fileOf(r.pass, call.Pos()), call.Pos(), call.End())
	var as *ast.AssignStmt
	for _, n := range path {
		if n == call {
			continue
		}
		if a, ok := n.(*ast.AssignStmt); ok {
			as = a
		}
		break
	}
	if as == nil {
		return false
	}
	vars := map[*types.Var]bool{}
	for _, l := range as.Lhs {
		if id, ok := l.(*ast.Ident); ok {
			if v, ok := r.pass.TypesInfo.ObjectOf(id).(*types.Var); ok {
				vars[v] = true
			}
		}
	}
	if len(vars) == 0 {
		return false
	}
	found := false
	ast.Inspect(h.Body, func(n ast.Node) bool {
		ifs, ok := n.(*ast.IfStmt)
		if found || !ok {
			return !found
		}
		if ifs.Cond.Pos() > as.End() && mentions(r.pass.TypesInfo, ifs.Cond, vars) && r.stops(h, ifs, ifs.Body) {
			found = true
		}
		return !found
	})
	return found
}

// mentions: e refers to one of vars.
func mentions(info *types.Info, e ast.Expr, vars map[*types.Var]bool) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok && vars[v] {
				found = true
			}
		}
		return !found
	})
	return found
}
