package bola

// A filter narrowed at run time by comparing the caller: memos v0.9.0's
// GET /memo/stats lists the memos of a client-chosen creator, and shows
// private ones only when that creator is the caller:
//
//	if *memoFind.CreatorID != currentUserID {
//		memoFind.VisibilityList = []api.Visibility{api.Public, api.Protected}
//	} else {
//		memoFind.VisibilityList = []api.Visibility{api.Public, api.Protected, api.Private}
//	}
//	list, err := s.Store.FindMemoList(ctx, memoFind)
//
// The branches decide what the caller may see: an authorization check
// that stops nothing.

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/apivet/apivet/internal/httpmodel"
	"github.com/apivet/apivet/internal/persist"
	"github.com/apivet/apivet/internal/source"
	"github.com/apivet/apivet/internal/words"
)

// narrowedByCaller: before the access, an if-statement whose condition
// compares the caller with the client-chosen ID (or with a field of the
// filter the access is given) assigns, in one of its branches, a
// visibility, status or owner field of that filter.
func (r *runner) narrowedByCaller(h *httpmodel.Handler, da *httpmodel.DataAccess, id *idInput) bool {
	info := r.pass.TypesInfo
	filters := map[*types.Var]bool{}
	for _, e := range append(append([]ast.Expr{}, da.Call.Args...), da.Selectors...) {
		if v := source.RootVar(info, e); v != nil && isStructFilter(v.Type()) {
			filters[v] = true
		}
	}
	if len(filters) == 0 {
		return false
	}
	found := false
	r.res.Inspect(h.Body, []ast.Node{(*ast.IfStmt)(nil)}, func(n ast.Node) bool {
		ifs := n.(*ast.IfStmt)
		if found || ifs.Pos() >= da.Call.Pos() {
			return false
		}
		if r.comparesCallerWith(h, ifs.Cond, id, filters) && r.assignsFilterField(ifs, filters) {
			found = true
		}
		return !found
	})
	return found
}

// isStructFilter: t is a struct or a pointer to one (a find/filter
// struct), not a scalar ID.
func isStructFilter(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

// comparesCallerWith: cond has an == or != between a principal-derived
// value and the client-chosen ID or a value of one of the filters.
func (r *runner) comparesCallerWith(h *httpmodel.Handler, cond ast.Expr, id *idInput, filters map[*types.Var]bool) bool {
	info := r.pass.TypesInfo
	found := false
	ast.Inspect(cond, func(n ast.Node) bool {
		x, ok := n.(*ast.BinaryExpr)
		if found || !ok {
			return !found
		}
		if x.Op != token.EQL && x.Op != token.NEQ {
			return true
		}
		px, py := r.isPrincipal(h, x.X), r.isPrincipal(h, x.Y)
		if px == py {
			return true
		}
		other := x.Y
		if py {
			other = x.X
		}
		if isNil(info, other) {
			return true
		}
		if tv, ok := info.Types[other]; ok && tv.Value != nil {
			return true // a role constant: not about the chosen object
		}
		if in := h.InputOf(other); in != nil && in == id.in {
			found = true
		} else if v := source.RootVar(info, other); v != nil && filters[v] {
			found = true
		}
		return !found
	})
	return found
}

// assignsFilterField: a branch of ifs (its body, or any else branch)
// assigns a visibility, status or owner field of one of the filters.
func (r *runner) assignsFilterField(ifs *ast.IfStmt, filters map[*types.Var]bool) bool {
	info := r.pass.TypesInfo
	found := false
	ast.Inspect(ifs, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
				if !ok {
					continue
				}
				if v := source.RootVar(info, sel.X); v != nil && filters[v] && narrowingField(sel.Sel.Name) {
					found = true
				}
			}
		}
		return true
	})
	return found
}

// narrowingField: a filter field that restricts which objects a query
// returns by who may see them: a visibility (VisibilityList, Private), a
// status (RowStatus) or an owner (CreatorID, UserID).
func narrowingField(name string) bool {
	ws := words.Split(name)
	ws = trimListWord(ws)
	for _, p := range privacyPhrases {
		if i := words.Index(ws, p); i >= 0 && i+len(words.Split(p)) == len(ws) {
			return true
		}
	}
	if len(ws) > 0 && (ws[len(ws)-1] == "status" || ws[len(ws)-1] == "statuses") {
		return true
	}
	_, owner := persist.OwnerName(name)
	return owner
}

// trimListWord drops a trailing List or In (VisibilityList, StatusIn).
func trimListWord(ws []string) []string {
	if n := len(ws); n > 1 && (ws[n-1] == "list" || ws[n-1] == "in" || ws[n-1] == "set") {
		return ws[:n-1]
	}
	return ws
}
