package dataexposure

import (
	"fmt"
	"go/ast"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/httpmodel"
	"github.com/apivet/apivet/internal/persist"
	"github.com/apivet/apivet/internal/source"
)

// clearsFact marks a function or method that assigns sensitive fields of
// its pointer parameters or receiver: hideFields(u) { u.Password = "" },
// (u *User) Sanitize() { u.PasswordHash = "" }. A handler that calls it
// before responding has masked those fields.
type clearsFact struct {
	// Params lists, by parameter, the fields assigned.
	Params []clearedParam
}

type clearedParam struct {
	Index  int // parameter index; -1 is the receiver
	Fields []string
}

func (*clearsFact) AFact() {}
func (f *clearsFact) String() string {
	var parts []string
	for _, p := range f.Params {
		parts = append(parts, fmt.Sprintf("%d:%s", p.Index, strings.Join(p.Fields, ",")))
	}
	return "clears " + strings.Join(parts, " ")
}

// exportClears computes clearsFacts for the functions of the package.
var clearsTypes = []ast.Node{(*ast.RangeStmt)(nil), (*ast.AssignStmt)(nil)}

func exportClears(pass *analysis.Pass, hm *httpmodel.Result) map[*types.Func]*clearsFact {
	out := map[*types.Func]*clearsFact{}
	if first, _, _ := strings.Cut(pass.Pkg.Path(), "/"); !strings.Contains(first, ".") {
		// The standard library has no masking helpers; skipping it
		// keeps the facts few.
		return out
	}
	for fd, fn := range source.Funcs(pass.Files, pass.TypesInfo) {
		params := map[*types.Var]int{}
		sig := fn.Signature()
		if r := sig.Recv(); r != nil {
			params[r] = -1
		}
		for i := 0; i < sig.Params().Len(); i++ {
			params[sig.Params().At(i)] = i
		}
		fields := map[int]map[string]bool{}
		hm.Inspect(fd.Body, clearsTypes, func(n ast.Node) bool {
			// for _, s := range ss: s stands for ss's elements.
			if rs, ok := n.(*ast.RangeStmt); ok {
				if id, ok := rs.Value.(*ast.Ident); ok {
					if v, ok := pass.TypesInfo.Defs[id].(*types.Var); ok && v != nil && pointerish(v.Type()) {
						if i, ok := params[source.RootVar(pass.TypesInfo, rs.X)]; ok {
							params[v] = i
						}
					}
				}
				return true
			}
			as, ok := n.(*ast.AssignStmt)
			if !ok {
				return true
			}
			for _, l := range as.Lhs {
				sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
				if !ok {
					continue
				}
				root := source.RootVar(pass.TypesInfo, sel.X)
				i, ok := params[root]
				if !ok || !pointerish(root.Type()) {
					continue
				}
				// Only fields that matter here: secrets cleared, directly
				// (u.Password = "") or through the parts of a nullable
				// wrapper (u.Password.String = "": "Password.String").
				name := sel.Sel.Name
				if _, secret := persist.SensitiveName(name); !secret {
					inner, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
					if !ok {
						continue
					}
					if _, secret := persist.SensitiveName(inner.Sel.Name); !secret {
						continue
					}
					name = inner.Sel.Name + "." + name
				}
				if fields[i] == nil {
					fields[i] = map[string]bool{}
				}
				fields[i][name] = true
			}
			return true
		})
		if len(fields) == 0 {
			continue
		}
		f := &clearsFact{}
		for i, names := range fields {
			p := clearedParam{Index: i}
			for n := range names {
				p.Fields = append(p.Fields, n)
			}
			sort.Strings(p.Fields)
			f.Params = append(f.Params, p)
		}
		sort.Slice(f.Params, func(a, b int) bool { return f.Params[a].Index < f.Params[b].Index })
		out[fn] = f
		pass.ExportObjectFact(fn, f)
	}
	return out
}

// pointerish: assignments through the value reach the caller's copy.
func pointerish(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Slice, *types.Map:
		return true
	}
	return false
}

// clearsOf returns the clearsFact of a called function.
func clearsOf(pass *analysis.Pass, local map[*types.Func]*clearsFact, call *ast.CallExpr) (*clearsFact, *types.Func) {
	fn, _ := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
	if fn == nil {
		return nil, nil
	}
	fn = fn.Origin()
	if f, ok := local[fn]; ok {
		return f, fn
	}
	if fn.Pkg() != nil && fn.Pkg() != pass.Pkg {
		var f clearsFact
		if pass.ImportObjectFact(fn, &f) {
			return &f, fn
		}
	}
	return nil, nil
}

// clearedThrough reports whether the sensitive field f, a nullable
// wrapper (sql.NullString, null.String, pgtype.Text), was cleared
// through its parts: its string part assigned (u.Password.String = ""),
// or its Valid flag when the wrapper marshals itself (null.String writes
// null when Valid is false; sql.NullString has no MarshalJSON and still
// writes its String). masked holds "Field.Part" names (defs.masked).
func clearedThrough(masked map[string]bool, f persist.Field) bool {
	if len(masked) == 0 {
		return false
	}
	t := f.Var.Type()
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		part := st.Field(i)
		if !masked[f.Name()+"."+part.Name()] {
			continue
		}
		if b, ok := part.Type().Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
			return true
		}
		if part.Name() == "Valid" && persist.HasCustomJSON(t) {
			return true
		}
	}
	return false
}
