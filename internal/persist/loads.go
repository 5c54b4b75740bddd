package persist

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/source"
	"github.com/apivet/apivet/internal/structtype"
)

// Columns is the column list of one gorm read: db.Select("id, name")
// loads only those columns, db.Omit("password") all but those.
type Columns struct {
	Selected, Omitted []string
	// Guard, when > 0, says the read runs only when boolean parameter
	// Guard-1 of the function that holds it is GuardValue (if selectAll {
	// db.First(&u) } else { db.Omit("password").First(&u) }).
	Guard      int
	GuardValue bool
	// Preloads are the associations the read loads too
	// (Preload("Buyer"), Preload("Websites.WebsiteSSL"), Joins("Buyer");
	// "*" for Preload(clause.Associations)).
	Preloads []string
}

// Restricted reports whether the read lists the columns it loads or
// leaves out (Select("*") lists nothing).
func (c Columns) Restricted() bool { return len(c.Selected) > 0 || len(c.Omitted) > 0 }

var columnWord = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*|\*`)

// Loads reports whether a read with these columns fills field f. A
// Select entry loads f when one of its words is f's column or name
// ("users.password", "password AS pw"); "*" loads everything.
func (c Columns) Loads(f Field) bool {
	col, name := strings.ToLower(f.Column()), strings.ToLower(f.Name())
	if len(c.Selected) > 0 {
		for _, s := range c.Selected {
			for _, w := range columnWord.FindAllString(strings.ToLower(s), -1) {
				if w == "*" || w == col || w == name {
					return true
				}
			}
		}
		return false
	}
	for _, o := range c.Omitted {
		o = strings.ToLower(strings.Trim(o, "`\" "))
		if i := strings.LastIndex(o, "."); i >= 0 {
			o = o[i+1:]
		}
		if o == col || o == name {
			return false
		}
	}
	return true
}

// ReadColumns returns the gorm column list of a read Op in body (the
// function around it, to follow a query kept in a variable), and whether
// the read is a gorm read at all.
func ReadColumns(info *types.Info, body ast.Node, op Op) (Columns, bool) {
	if op.Library != "gorm.io/gorm" && op.Library != "github.com/jinzhu/gorm" {
		return Columns{}, false
	}
	sel, om := GormColumnsIn(info, body, op.Call)
	for _, s := range sel {
		if strings.Contains(s, "*") {
			return Columns{}, true
		}
	}
	return Columns{Selected: sel, Omitted: om, Preloads: GormPreloads(info, body, op.Call)}, true
}

// GormPreloads returns the associations that Preload and Joins calls in
// the receiver chain of a gorm read (or in the definitions of the query
// variable it starts from) load.
func GormPreloads(info *types.Info, body ast.Node, call *ast.CallExpr) []string {
	var out []string
	var walk func(fun ast.Expr, depth int)
	walk = func(fun ast.Expr, depth int) {
		root := gormChain(info, fun, func(inner *ast.CallExpr, fn *types.Func) {
			if (fn.Name() == "Preload" || fn.Name() == "Joins" || fn.Name() == "InnerJoins") && len(inner.Args) > 0 {
				if tv, ok := info.Types[inner.Args[0]]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
					name := constant.StringVal(tv.Value)
					if name == "~~~as~~~" { // clause.Associations (gorm/clause/clause.go, v1.31.2)
						name = "*"
					}
					out = append(out, name)
				}
			}
		})
		if root == nil || body == nil || depth >= 3 {
			return
		}
		v, isVar := info.Uses[root].(*types.Var)
		if !isVar {
			return
		}
		ast.Inspect(body, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || len(as.Lhs) != len(as.Rhs) {
				return true
			}
			for i, l := range as.Lhs {
				if lid, ok := l.(*ast.Ident); ok && info.ObjectOf(lid) == v {
					if c, ok := ast.Unparen(as.Rhs[i]).(*ast.CallExpr); ok {
						walk(&ast.SelectorExpr{X: c, Sel: ast.NewIdent("_")}, depth+1)
					}
				}
			}
			return true
		})
	}
	walk(&ast.SelectorExpr{X: call, Sel: ast.NewIdent("_")}, 0)
	return out
}

// LoadsFact marks a function that returns (as result Result) a model
// value it fills only with gorm reads: fields none of Reads loads (all
// of them list their columns), and not in Assigned, come back empty
// (`db.Select("id,username,role").Find(&users); return users`), and so
// do associations none of them preloads.
type LoadsFact struct {
	Result   int
	Reads    []Columns
	Assigned []string
}

func (*LoadsFact) AFact() {}
func (f *LoadsFact) String() string {
	var parts []string
	for _, c := range f.Reads {
		var p []string
		if len(c.Selected) > 0 {
			p = append(p, "select "+strings.Join(c.Selected, ","))
		}
		if len(c.Omitted) > 0 {
			p = append(p, "omit "+strings.Join(c.Omitted, ","))
		}
		if len(c.Preloads) > 0 {
			p = append(p, "preload "+strings.Join(c.Preloads, ","))
		}
		if len(p) == 0 {
			p = append(p, "all")
		}
		parts = append(parts, strings.Join(p, " "))
	}
	return "loads result " + itoa(f.Result) + ": " + strings.Join(parts, "; ")
}

func itoa(i int) string {
	if i < 0 {
		return "-" + itoa(-i)
	}
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// Loads returns the LoadsFact of a called function, if any.
func (r *Result) Loads(fn *types.Func) *LoadsFact {
	if fn == nil || r.pass == nil {
		return nil
	}
	var f LoadsFact
	if r.pass.ImportObjectFact(fn.Origin(), &f) {
		return &f
	}
	return nil
}

// computeLoads exports a LoadsFact for each function returning a model
// variable that only column-listing gorm reads fill.
func (r *Result) computeLoads(pass *analysis.Pass, ins *inspector.Inspector) {
	if !importsGorm(pass.Pkg) {
		return
	}
	info := pass.TypesInfo
	ops := r.newOpIndex()
	ins.Preorder([]ast.Node{(*ast.FuncDecl)(nil)}, func(n ast.Node) {
		d := n.(*ast.FuncDecl)
		fn, _ := info.Defs[d.Name].(*types.Func)
		if fn == nil || d.Body == nil {
			return
		}
		res := fn.Signature().Results()
		idx := -1
		for i := 0; i < res.Len(); i++ {
			if r.IsModel(elemOrNil(res.At(i).Type())) {
				idx = i
				break
			}
		}
		if idx < 0 {
			return
		}
		if f := r.loadsOf(info, d, res.At(idx), idx, ops); f != nil {
			pass.ExportObjectFact(fn, f)
		}
	})
}

func elemOrNil(t types.Type) types.Type {
	if n := structtype.Elem(t); n != nil {
		return n
	}
	return types.Typ[types.Invalid]
}

// loadsOf: every return of result idx is one local variable, declared
// empty, that only restricted gorm reads fill.
func (r *Result) loadsOf(info *types.Info, d *ast.FuncDecl, named *types.Var, idx int, ops *opsByPos) *LoadsFact {
	var v *types.Var
	ok := true
	ast.Inspect(d.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			var x *types.Var
			if len(n.Results) == 0 {
				x = named
			} else if idx < len(n.Results) {
				e := ast.Unparen(n.Results[idx])
				if u, isAddr := e.(*ast.UnaryExpr); isAddr && u.Op == token.AND {
					e = ast.Unparen(u.X)
				}
				if id, isID := e.(*ast.Ident); isID {
					if _, isNil := info.Uses[id].(*types.Nil); isNil {
						return true // return nil, err: nothing to send
					}
					x, _ = info.Uses[id].(*types.Var)
				}
			}
			if x == nil || v != nil && x != v {
				ok = false
			}
			v = x
		}
		return ok
	})
	if !ok || v == nil {
		return nil
	}
	f := &LoadsFact{Result: idx}
	// Assignments: only empty declarations; field assignments load the field.
	ast.Inspect(d.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if id, isID := ast.Unparen(l).(*ast.Ident); isID && info.ObjectOf(id) == v {
					if len(n.Rhs) != len(n.Lhs) {
						ok = false
					} else if keys, isLit := LiteralKeys(n.Rhs[i]); isLit {
						f.Assigned = append(f.Assigned, keys...)
					} else {
						ok = false
					}
				} else if sel, isSel := ast.Unparen(l).(*ast.SelectorExpr); isSel && source.RootVar(info, sel.X) == v {
					f.Assigned = append(f.Assigned, sel.Sel.Name)
				} else if ix, isIx := ast.Unparen(l).(*ast.IndexExpr); isIx && source.RootVar(info, ix.X) == v {
					ok = false // users[i] = other
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if info.ObjectOf(id) == v && i < len(n.Values) {
					if keys, isLit := LiteralKeys(n.Values[i]); isLit {
						f.Assigned = append(f.Assigned, keys...)
					} else {
						ok = false
					}
				}
			}
		case *ast.CallExpr:
			// append(users, x), copy(users, x): filled some other way.
			if id, isID := ast.Unparen(n.Fun).(*ast.Ident); isID && (id.Name == "append" || id.Name == "copy") {
				if _, builtin := info.Uses[id].(*types.Builtin); builtin && len(n.Args) > 0 && source.RootVar(info, n.Args[0]) == v {
					ok = false
				}
			}
		}
		return ok
	})
	if !ok {
		return nil
	}
	for _, i := range ops.within(d.Body.Pos(), d.Body.End()) {
		op := r.Ops[i]
		if op.Call.End() > d.Body.End() || source.RootVar(info, op.Arg) != v {
			continue
		}
		if op.Kind == Write {
			continue
		}
		cols, gorm := ReadColumns(info, d.Body, op)
		if !gorm {
			return nil
		}
		cols.Guard, cols.GuardValue = guardOf(info, d, op.Call)
		f.Reads = append(f.Reads, cols)
	}
	// Any other call taking the variable may fill it (json.Unmarshal,
	// a helper): only the listed reads may.
	other := false
	ast.Inspect(d.Body, func(n ast.Node) bool {
		call, isCall := n.(*ast.CallExpr)
		if !isCall || other {
			return !other
		}
		if fn, _ := typeutil.Callee(info, call).(*types.Func); fn != nil && fn.Pkg() != nil &&
			(fn.Pkg().Path() == "gorm.io/gorm" || fn.Pkg().Path() == "github.com/jinzhu/gorm") {
			return true // gorm's reads are Ops; Model(&users) and Count fill nothing
		}
		for _, a := range call.Args {
			if u, isAddr := ast.Unparen(a).(*ast.UnaryExpr); isAddr && u.Op == token.AND && source.RootVar(info, u.X) == v && !ops.calls[call] {
				other = true
			}
		}
		return true
	})
	if other || len(f.Reads) == 0 {
		return nil
	}
	return f
}

// guardOf: call sits in the then or else branch of an if whose
// condition is a boolean parameter of d (or its negation); it returns 1+
// the parameter's index and the value that runs the branch.
func guardOf(info *types.Info, d *ast.FuncDecl, call *ast.CallExpr) (int, bool) {
	params := map[types.Object]int{}
	i := 0
	for _, fl := range d.Type.Params.List {
		for _, n := range fl.Names {
			if b, ok := info.TypeOf(n).Underlying().(*types.Basic); ok && b.Kind() == types.Bool {
				params[info.Defs[n]] = i
			}
			i++
		}
		if len(fl.Names) == 0 {
			i++
		}
	}
	if len(params) == 0 {
		return 0, false
	}
	guard, value := 0, false
	ast.Inspect(d.Body, func(n ast.Node) bool {
		ifs, ok := n.(*ast.IfStmt)
		if !ok || call.Pos() < ifs.Pos() || call.End() > ifs.End() {
			return n == nil || call.Pos() >= n.Pos() && call.End() <= n.End()
		}
		cond, neg := ast.Unparen(ifs.Cond), false
		if u, ok := cond.(*ast.UnaryExpr); ok && u.Op == token.NOT {
			cond, neg = ast.Unparen(u.X), true
		}
		id, ok := cond.(*ast.Ident)
		if !ok {
			return true
		}
		idx, ok := params[info.Uses[id]]
		if !ok {
			return true
		}
		switch {
		case call.Pos() >= ifs.Body.Pos() && call.End() <= ifs.Body.End():
			guard, value = idx+1, !neg
		case ifs.Else != nil && call.Pos() >= ifs.Else.Pos() && call.End() <= ifs.Else.End():
			guard, value = idx+1, neg
		}
		return true
	})
	return guard, value
}

// opsByPos finds a function's Ops without a scan of all of them per
// function, which made computeLoads quadratic: a repository package of
// thousands of functions spent a third of its analysis there.
type opsByPos struct {
	byPos []int                  // indexes into Ops, by the call's position
	pos   []token.Pos            // the calls' positions, in byPos's order
	calls map[*ast.CallExpr]bool // the Ops' calls
}

func (r *Result) newOpIndex() *opsByPos {
	x := &opsByPos{byPos: make([]int, len(r.Ops)), calls: make(map[*ast.CallExpr]bool, len(r.Ops))}
	for i, op := range r.Ops {
		x.byPos[i] = i
		x.calls[op.Call] = true
	}
	sort.SliceStable(x.byPos, func(a, b int) bool { return r.Ops[x.byPos[a]].Call.Pos() < r.Ops[x.byPos[b]].Call.Pos() })
	x.pos = make([]token.Pos, len(x.byPos))
	for j, i := range x.byPos {
		x.pos[j] = r.Ops[i].Call.Pos()
	}
	return x
}

// within returns the indexes of the Ops whose call starts in [start, end],
// in the Ops' (source) order.
func (x *opsByPos) within(start, end token.Pos) []int {
	lo := sort.Search(len(x.pos), func(j int) bool { return x.pos[j] >= start })
	hi := sort.Search(len(x.pos), func(j int) bool { return x.pos[j] > end })
	out := append([]int(nil), x.byPos[lo:hi]...)
	sort.Ints(out)
	return out
}

// LiteralKeys reports whether e is a value whose fields are zero but for
// the keys of a keyed composite literal: T{}, &T{ID: id}, new(T),
// make(...), nil. It returns the keys.
func LiteralKeys(e ast.Expr) ([]string, bool) {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		var keys []string
		for _, el := range e.Elts {
			kv, ok := el.(*ast.KeyValueExpr)
			if !ok {
				return nil, false // positional: every field set
			}
			id, ok := kv.Key.(*ast.Ident)
			if !ok {
				return nil, false // a slice or map literal with elements
			}
			keys = append(keys, id.Name)
		}
		return keys, true
	case *ast.CallExpr:
		if id, ok := e.Fun.(*ast.Ident); ok && (id.Name == "new" || id.Name == "make") {
			return nil, true
		}
	case *ast.Ident:
		return nil, e.Name == "nil"
	}
	return nil, false
}
