package dataexposure

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/persist"
	"github.com/apivet/apivet/internal/source"
	"github.com/apivet/apivet/internal/structtype"
)

// setRoot makes v the response value's root variable and learns which
// gorm associations its reads preload.
func (w *walker) setRoot(v *types.Var) {
	w.root = v
	w.assocPath = ""
	w.preloads = w.preloadsOf(v)
}

// association: f is a gorm association of a gorm model (a field whose
// type is another model, not stored as a serialized column): gorm fills
// it only when a query preloads or joins it.
func (w *walker) association(why string, f persist.Field) bool {
	if !strings.Contains(why, "gorm") || f.Var.Embedded() {
		return false
	}
	tag := strings.ToLower(f.Tag.Get("gorm"))
	if strings.Contains(tag, "serializer") || strings.Contains(tag, "embedded") || strings.Contains(tag, "type:json") {
		return false
	}
	n := structtype.Elem(f.Var.Type())
	return n != nil && w.pm.IsModel(n)
}

// preloaded: the association at w.assocPath + name is loaded by the
// root's reads (Preload("Buyer"), Preload("Websites.WebsiteSSL") loads
// Websites too, Preload(clause.Associations) the first level).
func (w *walker) preloaded(name string) bool {
	if w.preloads == nil {
		return false
	}
	p := joinDot(w.assocPath, name)
	if w.preloads[p] || w.assocPath == "" && w.preloads["*"] {
		return true
	}
	for q := range w.preloads {
		if strings.HasPrefix(q, p+".") {
			return true
		}
	}
	return false
}

func joinDot(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

// preloadsOf returns the associations loaded into v by the reads the
// handler makes (db.Preload("Buyer").First(&o)), by the function it comes
// from (persist.LoadsFact), or set in a literal (Order{Buyer: u}); nil
// when v comes from anywhere else.
func (w *walker) preloadsOf(v *types.Var) map[string]bool {
	if w.body == nil {
		return nil
	}
	info := w.pass.TypesInfo
	var out map[string]bool
	add := func(names ...string) {
		if out == nil {
			out = map[string]bool{}
		}
		for _, n := range names {
			out[n] = true
		}
	}
	for _, op := range w.pm.Ops {
		if op.Kind != persist.Read || op.Call.Pos() < w.body.Pos() || op.Call.Pos() > w.at || source.RootVar(info, op.Arg) != v {
			continue
		}
		add(persist.GormPreloads(info, w.body, op.Call)...)
	}
	for _, d := range w.defs.sets[v] {
		if keys, ok := persist.LiteralKeys(d.expr); ok {
			add(keys...)
		} else if call, ok := d.expr.(*ast.CallExpr); ok {
			w.addLoads(info, call, 0, add)
		}
	}
	ast.Inspect(w.body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 || len(as.Lhs) < 2 {
			return true
		}
		for i, l := range as.Lhs {
			if id, ok := l.(*ast.Ident); ok && info.ObjectOf(id) == v {
				if call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr); ok {
					w.addLoads(info, call, i, add)
				}
			}
		}
		return true
	})
	for _, f := range w.defs.fields[v] {
		add(f.name) // o.Buyer = u
	}
	return out
}

// addLoads adds the preloads of a call of a function with a LoadsFact
// for result i, leaving out reads a constant argument rules out.
func (w *walker) addLoads(info *types.Info, call *ast.CallExpr, i int, add func(...string)) {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	f := w.pm.Loads(fn)
	if f == nil || f.Result != i {
		return
	}
	add() // known source: nothing preloaded unless listed
	for _, r := range f.Reads {
		if r.Guard > 0 && r.Guard-1 < len(call.Args) {
			if tv, ok := info.Types[call.Args[r.Guard-1]]; ok && tv.Value != nil && tv.Value.Kind() == constant.Bool &&
				constant.BoolVal(tv.Value) != r.GuardValue {
				continue
			}
		}
		add(r.Preloads...)
	}
	add(f.Assigned...)
}
