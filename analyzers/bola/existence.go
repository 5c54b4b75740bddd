package bola

import (
	"go/ast"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/apivet/apivet/internal/httpmodel"
	"github.com/apivet/apivet/internal/source"
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
		if r.stopsOnMiss(h, rd.Call) && !r.bodyOverrides(h, da, id) {
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

// bodyOverrides: the change is selected by a field of a struct literal
// that the request body is then decoded into (patch := &MemoPatch{ID:
// id}; json.NewDecoder(r.Body).Decode(patch)), and the decoder can set
// that field (exported, not json:"-"): the client sends {"ID": 7} and
// changes an object the check never saw (memos before dca35bde).
func (r *runner) bodyOverrides(h *httpmodel.Handler, da *httpmodel.DataAccess, id *idInput) bool {
	vals, _ := r.overridable(h, da)
	for v := range vals {
		if v == id.sel || h.Flow().DerivesFrom(v, id.sel) {
			return true
		}
	}
	return false
}

// overridable returns the values of the struct literals passed to the
// access that the request body is decoded over afterwards, in fields the
// decoder can set (the client replaces them), and the variables holding
// those literals.
func (r *runner) overridable(h *httpmodel.Handler, da *httpmodel.DataAccess) (map[ast.Expr]bool, map[*types.Var]bool) {
	info := r.pass.TypesInfo
	vals, vars := map[ast.Expr]bool{}, map[*types.Var]bool{}
	for _, a := range da.Call.Args {
		v := source.RootVar(info, a)
		if v == nil || !r.decodedFromBody(h, v) {
			continue
		}
		for _, d := range h.Flow().Defs(v) {
			e := ast.Unparen(d)
			if u, ok := e.(*ast.UnaryExpr); ok {
				e = ast.Unparen(u.X)
			}
			lit, ok := e.(*ast.CompositeLit)
			if !ok {
				continue
			}
			vars[v] = true
			for _, el := range lit.Elts {
				kv, ok := el.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				if key, ok := kv.Key.(*ast.Ident); ok && decodable(info.TypeOf(lit), key.Name) {
					vals[kv.Value] = true
				}
			}
		}
	}
	return vals, vars
}

// decodedFromBody: the request body is bound into v.
func (r *runner) decodedFromBody(h *httpmodel.Handler, v *types.Var) bool {
	for _, in := range h.Inputs {
		if in.Kind == httpmodel.Body && in.Target != nil && source.RootVar(r.pass.TypesInfo, in.Target) == v {
			return true
		}
	}
	return false
}

// decodable: encoding/json can set field name of struct type t.
func decodable(t types.Type, name string) bool {
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if f.Name() != name {
			continue
		}
		tag, _, _ := strings.Cut(reflect.StructTag(st.Tag(i)).Get("json"), ",")
		return f.Exported() && tag != "-"
	}
	return false
}
