package dataexposure

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/apivet/apivet/internal/httpmodel"
	"github.com/apivet/apivet/internal/source"
)

// defs indexes, in one handler body, what each local variable is set to
// (to follow a response value of interface or map type to what it holds)
// and which fields of a variable are assigned (masked before a response).
type defs struct {
	info   *types.Info
	sets   map[*types.Var][]def
	fields map[*types.Var][]fieldSet
	ranges map[*types.Var]*types.Var // range value var -> ranged var (slice of pointers)
}

type def struct {
	expr    ast.Expr
	pos     token.Pos
	elem    bool   // an element put into the variable (m[k] = x, append)
	elemKey string // the constant map key, if any
}

type fieldSet struct {
	name string
	pos  token.Pos
	// lhs, value and stmt are set for an assignment x.F = value (copies.go).
	lhs   *ast.SelectorExpr
	value ast.Expr
	stmt  ast.Node
}

var defsTypes = []ast.Node{(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.CallExpr)(nil), (*ast.RangeStmt)(nil)}

func collectDefs(pass *analysis.Pass, hm *httpmodel.Result, clears map[*types.Func]*clearsFact, body ast.Node) *defs {
	info := pass.TypesInfo
	d := &defs{info: info, sets: map[*types.Var][]def{}, fields: map[*types.Var][]fieldSet{}, ranges: map[*types.Var]*types.Var{}}
	if body == nil {
		return d
	}
	hm.Inspect(body, defsTypes, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				return true
			}
			for i, l := range n.Lhs {
				d.assign(l, n.Rhs[i], n.Pos(), n)
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, name := range n.Names {
					d.assign(name, n.Values[i], n.Pos(), n)
				}
			}
		case *ast.CallExpr:
			// hideFields(u), u.Sanitize(): a masking helper.
			f, fn := clearsOf(pass, clears, n)
			if f == nil {
				return true
			}
			for _, p := range f.Params {
				i, names := p.Index, p.Fields
				var arg ast.Expr
				if i == -1 {
					if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && fn.Signature().Recv() != nil {
						arg = sel.X
					}
				} else if i < len(n.Args) {
					arg = n.Args[i]
				}
				if arg == nil {
					continue
				}
				if root := source.RootVar(info, arg); root != nil {
					for _, name := range names {
						d.fields[root] = append(d.fields[root], fieldSet{name: name, pos: n.Pos()})
					}
				}
			}
		case *ast.RangeStmt:
			val, _ := n.Value.(*ast.Ident)
			x := source.RootVar(info, n.X)
			if val == nil || x == nil {
				return true
			}
			if v, ok := info.Defs[val].(*types.Var); ok && v != nil {
				if _, ptr := v.Type().Underlying().(*types.Pointer); ptr {
					d.ranges[v] = x
				}
			}
		}
		return true
	})
	return d
}

func (d *defs) assign(lhs, rhs ast.Expr, pos token.Pos, stmt ast.Node) {
	lhs = ast.Unparen(lhs)
	switch l := lhs.(type) {
	case *ast.Ident:
		v := d.varOf(l)
		if v == nil {
			return
		}
		// v = append(v, x, y): elements.
		if call, ok := ast.Unparen(rhs).(*ast.CallExpr); ok {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && id.Name == "append" && len(call.Args) > 1 {
				if _, builtin := d.info.Uses[id].(*types.Builtin); builtin {
					for _, a := range call.Args[1:] {
						d.sets[v] = append(d.sets[v], def{expr: a, pos: pos, elem: true, elemKey: "[]"})
					}
					return
				}
			}
		}
		d.sets[v] = append(d.sets[v], def{expr: rhs, pos: pos})
	case *ast.IndexExpr:
		if id, ok := ast.Unparen(l.X).(*ast.Ident); ok {
			if v := d.varOf(id); v != nil {
				if _, isMap := v.Type().Underlying().(*types.Map); isMap {
					d.sets[v] = append(d.sets[v], def{expr: rhs, pos: pos, elem: true, elemKey: keyName(d.info, l.Index)})
					return
				}
			}
		}
		if root := source.RootVar(d.info, l); root != nil {
			d.fields[root] = append(d.fields[root], fieldSet{name: "", pos: pos})
		}
	case *ast.SelectorExpr:
		if root := source.RootVar(d.info, l.X); root != nil {
			d.fields[root] = append(d.fields[root], fieldSet{name: l.Sel.Name, pos: pos, lhs: l, value: rhs, stmt: stmt})
			// u.Password.String = "": also the last two names, so that
			// a nullable wrapper cleared through its parts counts.
			if inner, ok := ast.Unparen(l.X).(*ast.SelectorExpr); ok {
				d.fields[root] = append(d.fields[root], fieldSet{name: inner.Sel.Name + "." + l.Sel.Name, pos: pos})
			}
		}
	case *ast.StarExpr:
		// *p = x: p now points at x.
		if id, ok := ast.Unparen(l.X).(*ast.Ident); ok {
			if v := d.varOf(id); v != nil {
				d.sets[v] = append(d.sets[v], def{expr: rhs, pos: pos})
			}
		}
	}
}

func (d *defs) varOf(id *ast.Ident) *types.Var {
	if v, ok := d.info.Defs[id].(*types.Var); ok && v != nil {
		return v
	}
	v, _ := d.info.Uses[id].(*types.Var)
	return v
}

// of returns what v was set to before pos.
func (d *defs) of(v *types.Var, pos token.Pos) []def {
	var out []def
	for _, x := range d.sets[v] {
		if x.pos < pos {
			out = append(out, x)
		}
	}
	return out
}

// masked returns the names of v's fields assigned before pos (directly,
// through an index of v, or through a range variable over v's pointers).
func (d *defs) masked(v *types.Var, pos token.Pos) map[string]bool {
	var m map[string]bool
	add := func(v *types.Var) {
		for _, f := range d.fields[v] {
			if f.pos < pos && f.name != "" {
				if m == nil {
					m = map[string]bool{}
				}
				m[f.name] = true
			}
		}
	}
	add(v)
	for rv, x := range d.ranges {
		if x == v {
			add(rv)
		}
	}
	return m
}
