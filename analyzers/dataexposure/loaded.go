package dataexposure

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/persist"
	"github.com/apivet/apivet/internal/source"
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
		if op.Kind != persist.Read || op.Call.Pos() < w.body.Pos() || op.Call.Pos() > w.at || source.RootVar(info, op.Arg) != v {
			continue
		}
		cols, gorm := persist.ReadColumns(info, w.body, op)
		if !gorm || !cols.Restricted() {
			return nil
		}
		reads = append(reads, cols)
	}
	literal := false
	for _, d := range w.defs.sets[v] {
		keys, ok := persist.LiteralKeys(d.expr)
		if !ok || d.elem {
			return nil // v = other, v := f() with one result
		}
		literal = true
		assigned = append(assigned, keys...)
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
			for _, r := range f.Reads {
				if r.Guard > 0 && r.Guard-1 < len(call.Args) {
					if tv, ok := info.Types[call.Args[r.Guard-1]]; ok && tv.Value != nil && tv.Value.Kind() == constant.Bool &&
						constant.BoolVal(tv.Value) != r.GuardValue {
						continue // GetUserById(id, false): the read for true does not run
					}
				}
				if !r.Restricted() {
					bad = true
					return false
				}
				reads = append(reads, r)
			}
			assigned = append(assigned, f.Assigned...)
			if len(f.Reads) > 0 {
				literal = true // the function's own literal counts as a source
			}
			continue
		}
		return true
	})
	if bad || len(reads) == 0 && !literal || fills(info, w.pm, w.body, v, w.at) {
		return nil
	}
	out := map[string]bool{}
fields:
	for _, f := range persist.Fields(named) {
		for _, a := range assigned {
			if a == f.Name() || len(f.Via) > 0 && a == f.Via[0].Name() {
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

// fills: a call other than a data-access read takes v's address before
// pos (json.Unmarshal(b, &u), c.Bind(&u), fill(&u)) and may set any field.
func fills(info *types.Info, pm *persist.Result, body ast.Node, v *types.Var, pos token.Pos) bool {
	ops := map[*ast.CallExpr]bool{}
	for _, op := range pm.Ops {
		ops[op.Call] = true
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found || call.Pos() >= pos {
			return !found
		}
		if ops[call] {
			return true
		}
		if fn, _ := typeutil.Callee(info, call).(*types.Func); fn != nil && fn.Pkg() != nil &&
			(fn.Pkg().Path() == "gorm.io/gorm" || fn.Pkg().Path() == "github.com/jinzhu/gorm") {
			return true // Model(&users), Count: gorm's reads are ops
		}
		for _, a := range call.Args {
			if u, ok := ast.Unparen(a).(*ast.UnaryExpr); ok && u.Op == token.AND && source.RootVar(info, u.X) == v {
				found = true
			}
			if id, ok := ast.Unparen(a).(*ast.Ident); ok && info.Uses[id] == v {
				if _, ptr := v.Type().Underlying().(*types.Pointer); ptr {
					found = true
				}
			}
		}
		return true
	})
	return found
}
