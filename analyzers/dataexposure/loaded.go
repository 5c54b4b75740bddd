package dataexposure

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/persist"
)

// masked returns the fields of v's model that the response does not
// carry: assigned before the response (masks), or never loaded.
func (w *walker) masked(v *types.Var) map[string]bool {
	m := w.defs.masked(v, w.at)
	if w.only != nil {
		if named := structElem(v.Type()); named != nil {
			for _, f := range persist.Fields(named) {
				if !w.only[f.Name()] {
					if m == nil {
						m = map[string]bool{}
					}
					m[f.Name()] = true
				}
			}
		}
	}
	for name := range w.unloaded(v) {
		if m == nil {
			m = map[string]bool{}
		}
		m[name] = true
	}
	return m
}

// unloaded returns the fields of v's model that no read fills, when
// every way v gets its value lists its columns: gorm reads into v in the
// handler with Select/Omit (db.Select("id, name").Find(&users)), and
// calls of functions returning such a read (users := model.GetUsers():
// persist's LoadsFact). Any other definition of v, or an unrestricted
// read, loads everything.
func (w *walker) unloaded(v *types.Var) map[string]bool {
	if w.body == nil {
		return nil
	}
	named := structElem(v.Type())
	if named == nil || !w.pm.IsModel(named) {
		return nil
	}
	info := w.pass.TypesInfo
	var reads []persist.Columns
	var assigned []string
	for _, op := range w.pm.Ops {
		if op.Kind != persist.Read || op.Call.Pos() < w.body.Pos() || op.Call.Pos() > w.at || rootVar(info, op.Arg) != v {
			continue
		}
		cols, gorm := persist.ReadColumns(info, op)
		if !gorm || !cols.Restricted() {
			return nil
		}
		reads = append(reads, cols)
	}
	for _, d := range w.defs.sets[v] {
		if !emptyValue(d.expr) {
			return nil // v = other, v := f() with one result
		}
	}
	bad := false
	ast.Inspect(w.body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || bad || len(as.Rhs) != 1 || len(as.Lhs) < 2 {
			return !bad
		}
		for i, l := range as.Lhs {
			id, ok := l.(*ast.Ident)
			if !ok || info.ObjectOf(id) != v {
				continue
			}
			call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
			if !ok {
				bad = true
				return false
			}
			fn, _ := typeutil.Callee(info, call).(*types.Func)
			f := w.pm.Loads(fn)
			if f == nil || f.Result != i {
				bad = true
				return false
			}
			reads = append(reads, f.Reads...)
			assigned = append(assigned, f.Assigned...)
		}
		return true
	})
	if bad || len(reads) == 0 {
		return nil
	}
	out := map[string]bool{}
fields:
	for _, f := range persist.Fields(named) {
		for _, a := range assigned {
			if a == f.Name() {
				continue fields
			}
		}
		for _, r := range reads {
			if r.Loads(f) {
				continue fields
			}
		}
		out[f.Name()] = true
	}
	return out
}

func structElem(t types.Type) *types.Named {
	for i := 0; i < 6; i++ {
		switch u := types.Unalias(t).(type) {
		case *types.Pointer:
			t = u.Elem()
		case *types.Slice:
			t = u.Elem()
		case *types.Array:
			t = u.Elem()
		case *types.Named:
			if _, ok := u.Underlying().(*types.Struct); ok {
				return u
			}
			t = u.Underlying()
		default:
			return nil
		}
	}
	return nil
}

// emptyValue: T{}, &T{}, new(T), make(...), nil.
func emptyValue(e ast.Expr) bool {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op.String() == "&" {
		e = ast.Unparen(u.X)
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		return len(e.Elts) == 0
	case *ast.CallExpr:
		if id, ok := e.Fun.(*ast.Ident); ok && (id.Name == "new" || id.Name == "make") {
			return true
		}
	case *ast.Ident:
		return e.Name == "nil"
	}
	return false
}
