package persist

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/structtype"
	"github.com/apivet/apivet/internal/words"
)

// computeWriters finds the functions of the package that write one of
// their parameters to the database, directly (a write Op on the
// parameter) or through another writer, exports a WriterFact for each,
// and adds the calls of writers (here or imported) to r.Ops.
func (r *Result) computeWriters(pass *analysis.Pass, ins *inspector.Inspector) {
	// One walk collects every call of the package with its static callee,
	// grouped by the function declaration whose body holds it; the
	// fixpoint below then loops over those lists, not over the syntax.
	type callInfo struct {
		call   *ast.CallExpr
		callee *types.Func // nil when not static
	}
	type fnInfo struct {
		fn     *types.Func
		params map[*types.Var]int
		body   *ast.BlockStmt
		calls  []callInfo
	}
	var (
		fns   []*fnInfo
		calls []callInfo // every call, for the write Ops at the end
		cur   *fnInfo
	)
	ins.Preorder([]ast.Node{(*ast.FuncDecl)(nil), (*ast.CallExpr)(nil)}, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.FuncDecl:
			cur = nil
			fn, _ := pass.TypesInfo.Defs[n.Name].(*types.Func)
			if fn == nil || n.Body == nil || fn.Signature().Params().Len() == 0 {
				return // no parameter to write
			}
			params := map[*types.Var]int{}
			sig := fn.Signature()
			for i := 0; i < sig.Params().Len(); i++ {
				params[sig.Params().At(i)] = i
			}
			cur = &fnInfo{fn: fn, params: params, body: n.Body}
			fns = append(fns, cur)
		case *ast.CallExpr:
			callee, _ := typeutil.Callee(pass.TypesInfo, n).(*types.Func)
			ci := callInfo{n, callee}
			calls = append(calls, ci)
			if cur != nil && cur.body.Pos() <= n.Pos() && n.End() <= cur.body.End() {
				cur.calls = append(cur.calls, ci)
			}
		}
	})
	writeOps := map[*ast.CallExpr][]Op{}
	for _, op := range r.Ops {
		if op.Kind == Write {
			writeOps[op.Call] = append(writeOps[op.Call], op)
		}
	}
	// Fixpoint: a writer calling a writer in the same package.
	for changed := true; changed; {
		changed = false
		for _, f := range fns {
			var found map[int]string
			var selected, omitted []string
			var phase Phase
			record := func(param int, via string) {
				if found == nil {
					found = map[int]string{}
				}
				found[param] = via
			}
			for _, c := range f.calls {
				call, callee := c.call, c.callee
				for _, op := range writeOps[call] {
					if v := paramOf(pass, op.Arg, f.params); v >= 0 {
						record(v, op.Func)
						phase |= op.Phase
						sel, om := GormColumnsIn(pass.TypesInfo, f.body, call)
						selected = append(selected, sel...)
						omitted = append(omitted, om...)
					}
				}
				if callee == nil || callee == f.fn {
					continue
				}
				// A repository behind an interface: its implementation is
				// unknown here; a method named like a write that takes a
				// model parameter counts.
				if recv := callee.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) && WriteName(callee.Name()) {
					for _, a := range call.Args {
						if v := paramOf(pass, a, f.params); v >= 0 && structtype.Elem(pass.TypesInfo.TypeOf(a)) != nil {
							record(v, callee.Name()+" (interface)")
							phase |= NamePhase(callee.Name())
						}
					}
				}
				if w := r.Writer(callee); w != nil {
					for _, i := range w.Params {
						if i < len(call.Args) {
							if v := paramOf(pass, call.Args[i], f.params); v >= 0 {
								record(v, callee.Name()+" → "+w.Via)
								phase |= w.Phase
								selected = append(selected, w.Selected...)
								omitted = append(omitted, w.Omitted...)
							}
						}
					}
				}
			}
			if len(found) == 0 {
				continue
			}
			old := r.writers[f.fn]
			if old != nil && len(old.Params) == len(found) && old.Phase == phase {
				continue
			}
			w := &WriterFact{Selected: selected, Omitted: omitted, Phase: phase}
			for i := range found {
				w.Params = append(w.Params, i)
			}
			sort.Ints(w.Params)
			w.Via = found[w.Params[0]] // deterministic when several parameters are written
			r.writers[f.fn] = w
			changed = true
		}
	}
	for fn, w := range r.writers {
		pass.ExportObjectFact(fn, w)
	}
	// Calls of writers become write Ops.
	for _, c := range calls {
		if c.callee == nil {
			continue
		}
		w := r.Writer(c.callee)
		if w == nil {
			continue
		}
		for _, i := range w.Params {
			if i < len(c.call.Args) {
				r.Ops = append(r.Ops, Op{Call: c.call, Kind: Write, Arg: c.call.Args[i], Func: c.callee.Name(), Writer: w, Phase: w.Phase})
			}
		}
	}
	sort.SliceStable(r.Ops, func(i, j int) bool { return r.Ops[i].Call.Pos() < r.Ops[j].Call.Pos() })
}

// paramOf returns the index of the parameter e denotes (p, &p, *p), or -1.
func paramOf(pass *analysis.Pass, e ast.Expr, params map[*types.Var]int) int {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	if s, ok := e.(*ast.StarExpr); ok {
		e = ast.Unparen(s.X)
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return -1
	}
	v, _ := pass.TypesInfo.Uses[id].(*types.Var)
	if i, ok := params[v]; ok {
		return i
	}
	return -1
}

var writePrefixes = []string{"create", "save", "update", "insert", "upsert", "store", "put", "add",
	"register", "patch", "edit", "modify", "persist"}

// WriteName reports whether a method name reads like a write of its
// argument (Create, SaveUser, UpdateProfile, Insert, Upsert, Store, Put,
// Add, Register, Patch, Edit, Modify, Persist): used for interface
// methods, whose implementation is unknown.
func WriteName(name string) bool {
	ws := words.Split(name)
	if len(ws) == 0 {
		return false
	}
	for _, p := range writePrefixes {
		if ws[0] == p {
			return true
		}
	}
	return false
}

// GormColumns reads the Select and Omit calls in the receiver chain of a
// gorm call (db.Select("name").Save(&u), db.Omit("role").Create(&u)):
// the columns (or field names) listed. Select("*") lists nothing.
func GormColumns(info *types.Info, call *ast.CallExpr) (selected, omitted []string) {
	return GormColumnsIn(info, nil, call)
}

// GormColumnsIn is GormColumns that also follows a query built in a local
// variable of body (q := db.Omit("password"); q = q.Order("id");
// q.Find(&users)): the columns every definition of the variable lists.
func GormColumnsIn(info *types.Info, body ast.Node, call *ast.CallExpr) (selected, omitted []string) {
	return gormColumns(info, body, call.Fun, 0)
}

func gormColumns(info *types.Info, body ast.Node, fun ast.Expr, depth int) (selected, omitted []string) {
	root := gormChain(info, fun, func(inner *ast.CallExpr, fn *types.Func) {
		var into *[]string
		switch fn.Name() {
		case "Select":
			into = &selected
		case "Omit":
			into = &omitted
		default:
			return
		}
		for _, a := range inner.Args {
			for _, str := range stringList(info, body, a) {
				for _, c := range strings.Split(str, ",") {
					if c = strings.TrimSpace(c); c != "" && c != "*" {
						*into = append(*into, c)
					}
				}
			}
		}
	})
	if root != nil && body != nil && depth < 3 {
		if v, isVar := info.Uses[root].(*types.Var); isVar {
			s, o := queryVarColumns(info, body, v, depth+1)
			return append(selected, s...), append(omitted, o...)
		}
	}
	return selected, omitted
}

// gormChain walks the receiver chain of fun, the function of a gorm call
// (db.Where(..).Select(..).Find: Select, then Where), calling visit for
// each gorm call in it, outermost first. It returns the identifier the
// chain starts from (db, or a query variable q), if it starts from one.
func gormChain(info *types.Info, fun ast.Expr, visit func(inner *ast.CallExpr, fn *types.Func)) *ast.Ident {
	for x := fun; ; {
		sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		if id, isID := ast.Unparen(sel.X).(*ast.Ident); isID {
			return id
		}
		inner, ok := ast.Unparen(sel.X).(*ast.CallExpr)
		if !ok {
			return nil
		}
		if fn, ok := typeutil.Callee(info, inner).(*types.Func); ok && fn.Pkg() != nil &&
			(fn.Pkg().Path() == "gorm.io/gorm" || fn.Pkg().Path() == "github.com/jinzhu/gorm") {
			visit(inner, fn)
		}
		x = inner.Fun
	}
}

// queryVarColumns: the columns that every definition of the query
// variable v in body lists; a definition that extends v itself (q =
// q.Order(...)) keeps them.
func queryVarColumns(info *types.Info, body ast.Node, v *types.Var, depth int) (selected, omitted []string) {
	var defs []ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != len(as.Rhs) {
			return true
		}
		for i, l := range as.Lhs {
			if id, ok := l.(*ast.Ident); ok && info.ObjectOf(id) == v {
				defs = append(defs, as.Rhs[i])
			}
		}
		return true
	})
	first := true
	for _, d := range defs {
		call, ok := ast.Unparen(d).(*ast.CallExpr)
		if !ok {
			return nil, nil
		}
		if chainRoot(info, call) == v {
			continue // q = q.Where(...): keeps what q had
		}
		// The definition's calls, its own last one included
		// (q := db.Omit("password")).
		s, o := gormColumns(info, body, &ast.SelectorExpr{X: call, Sel: ast.NewIdent("_")}, depth)
		if first {
			selected, omitted = s, o
			first = false
			continue
		}
		selected, omitted = intersect(selected, s), intersect(omitted, o)
	}
	return selected, omitted
}

// chainRoot is the variable a call chain starts from (q in q.Where().Order()).
func chainRoot(info *types.Info, call *ast.CallExpr) *types.Var {
	for x := ast.Expr(call); ; {
		switch e := ast.Unparen(x).(type) {
		case *ast.CallExpr:
			x = e.Fun
		case *ast.SelectorExpr:
			x = e.X
		case *ast.Ident:
			v, _ := info.Uses[e].(*types.Var)
			return v
		default:
			return nil
		}
	}
}

func intersect(a, b []string) []string {
	var out []string
	for _, x := range a {
		for _, y := range b {
			if strings.EqualFold(x, y) {
				out = append(out, x)
				break
			}
		}
	}
	return out
}

// stringList returns the constant strings an argument stands for: a
// constant, a []string literal of constants, or a local slice variable
// of body built from such literals and appends of constants
// (allow := []string{"name", "mail"}; allow = append(allow, "role")).
// Anything else gives nil.
func stringList(info *types.Info, body ast.Node, e ast.Expr) []string {
	e = ast.Unparen(e)
	if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return []string{constant.StringVal(tv.Value)}
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		var out []string
		for _, el := range x.Elts {
			tv, ok := info.Types[el]
			if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
				return nil
			}
			out = append(out, constant.StringVal(tv.Value))
		}
		return out
	case *ast.Ident:
		v, _ := info.Uses[x].(*types.Var)
		if v == nil || body == nil {
			return nil
		}
		if _, ok := v.Type().Underlying().(*types.Slice); !ok {
			return nil
		}
		var out []string
		ok := true
		ast.Inspect(body, func(n ast.Node) bool {
			var lhs []ast.Expr
			var rhs []ast.Expr
			switch n := n.(type) {
			case *ast.AssignStmt:
				lhs, rhs = n.Lhs, n.Rhs
			case *ast.ValueSpec:
				for _, name := range n.Names {
					lhs = append(lhs, name)
				}
				rhs = n.Values
			default:
				return ok
			}
			for i, l := range lhs {
				id, isID := l.(*ast.Ident)
				if !isID || info.ObjectOf(id) != v {
					continue
				}
				if len(rhs) != len(lhs) {
					if len(rhs) != 0 {
						ok = false
					}
					continue
				}
				r := ast.Unparen(rhs[i])
				if call, isCall := r.(*ast.CallExpr); isCall {
					if fid, isFn := ast.Unparen(call.Fun).(*ast.Ident); isFn && fid.Name == "append" && len(call.Args) > 0 {
						if base, isBase := ast.Unparen(call.Args[0]).(*ast.Ident); isBase && info.Uses[base] == v {
							for _, a := range call.Args[1:] {
								tv, isConst := info.Types[a]
								if !isConst || tv.Value == nil || tv.Value.Kind() != constant.String {
									ok = false
									return false
								}
								out = append(out, constant.StringVal(tv.Value))
							}
							continue
						}
					}
				}
				lit, isLit := r.(*ast.CompositeLit)
				if !isLit {
					ok = false
					return false
				}
				strs := stringList(info, nil, lit)
				if strs == nil && len(lit.Elts) > 0 {
					ok = false
					return false
				}
				out = append(out, strs...)
			}
			return ok
		})
		if !ok {
			return nil
		}
		return out
	}
	return nil
}
