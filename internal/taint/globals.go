package taint

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/apivet/apivet/internal/source"
)

// Package-level variables of the package are followed flow-insensitively
// across its functions: a global derives from its initializer and from
// every assignment to it (or to a field or element of it) anywhere in the
// package, whichever function holds the assignment. Only sources travel
// this way (the assigning function's parameters mean nothing where the
// global is read):
//
//	var filter string
//	func handler(w, r) { filter = r.FormValue("f"); run(db) }
//	func run(db *sql.DB) { db.Query("SELECT … WHERE " + filter) }
//
// Globals of other packages are not followed.

// globalDef is one assignment to a global: the value and the function
// body (or package-level declaration) it is in.
type globalDef struct {
	body ast.Node
	fn   *types.Func
	rhs  ast.Expr
}

// globalDefs indexes the assignments to the package's globals (once).
func (e *engine) globalDefs() map[*types.Var][]globalDef {
	if e.globals != nil {
		return e.globals
	}
	e.globals = map[*types.Var][]globalDef{}
	add := func(body ast.Node, fn *types.Func, lhs, rhs ast.Expr) {
		v := source.RootVar(e.info, lhs)
		if v != nil && e.isGlobal(v) && rhs != nil {
			e.globals[v] = append(e.globals[v], globalDef{body, fn, rhs})
		}
	}
	for _, f := range e.pass.Files {
		for _, d := range f.Decls {
			var body ast.Node = d
			var fn *types.Func
			if fd, ok := d.(*ast.FuncDecl); ok {
				if fd.Body == nil {
					continue
				}
				fn, _ = e.info.Defs[fd.Name].(*types.Func)
			}
			e.walk.Inspect(d, []ast.Node{(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)}, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.AssignStmt:
					if n.Tok == token.DEFINE {
						return true
					}
					for i, l := range n.Lhs {
						switch {
						case len(n.Lhs) == len(n.Rhs):
							add(body, fn, l, n.Rhs[i])
						case len(n.Rhs) == 1:
							add(body, fn, l, n.Rhs[0])
						}
					}
				case *ast.ValueSpec:
					for i, name := range n.Names {
						switch {
						case len(n.Names) == len(n.Values):
							add(body, fn, name, n.Values[i])
						case len(n.Values) == 1:
							add(body, fn, name, n.Values[0])
						}
					}
				}
				return true
			})
		}
	}
	return e.globals
}

// isGlobal reports whether v is a package-level variable of the package.
func (e *engine) isGlobal(v *types.Var) bool {
	return v.Pkg() == e.pass.Pkg && v.Parent() == v.Pkg().Scope()
}

// globalOrig returns the sources a global of the package derives from.
func (e *engine) globalOrig(v *types.Var, k Kind) origins {
	key := memoKey{v: v, k: k, n: -1}
	if o, ok := e.globalMemo[key]; ok {
		return o // done, or in progress (a cycle)
	}
	e.globalMemo[key] = origins{}
	var o origins
	for _, d := range e.globalDefs()[v] {
		c := e.fnCtx(d.body, d.fn)
		do := c.orig(d.rhs, k)
		o.srcs = append(o.srcs, do.srcs...)
	}
	if k == Log && len(o.srcs) == 0 {
		if s := e.secretVar(v); s != nil {
			o.srcs = append(o.srcs, s)
		}
	}
	o.params = 0
	e.globalMemo[key] = o
	return o
}
