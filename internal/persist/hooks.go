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

	"github.com/apivet/apivet/internal/source"
	"github.com/apivet/apivet/internal/words"
)

// Phase says which gorm callback chains a write runs, and so which
// server-side hooks and callbacks see the record before it is stored.
type Phase uint8

const (
	// PhaseCreate: the create callbacks run (Create, CreateInBatches, Save
	// of a record without a primary key).
	PhaseCreate Phase = 1 << iota
	// PhaseUpdate: the update callbacks run (Updates, Save).
	PhaseUpdate
	// PhaseNoHooks: the model's hook methods are skipped (UpdateColumns),
	// registered callbacks still run.
	PhaseNoHooks
	// PhaseRaw: a path of the write runs no gorm callbacks at all (SQL,
	// sqlx, bun).
	PhaseRaw
)

// NamePhase guesses the phase of a write behind an interface method from
// its name: Create/Insert/Add/Register create, Update/Patch/Edit/Modify
// update, Save/Store/Put/Upsert/Persist either.
func NamePhase(name string) Phase {
	ws := words.Split(name)
	if len(ws) == 0 {
		return 0
	}
	switch ws[0] {
	case "create", "insert", "add", "register":
		return PhaseCreate
	case "update", "patch", "edit", "modify":
		return PhaseUpdate
	case "save", "store", "put", "upsert", "persist":
		return PhaseCreate | PhaseUpdate
	}
	return 0
}

// StampFact marks a function that sets columns of the record gorm is
// about to write, whatever the client sent: a hook method assigning its
// receiver's fields (u.CreatedBy = ...), or a callback or helper calling
// Statement.SetColumn("created_by", ...) (Scope.SetColumn in gorm v1).
// Columns are field names or column names, as written in the code.
type StampFact struct{ Columns []string }

func (*StampFact) AFact() {}
func (f *StampFact) String() string {
	return "stamps " + strings.Join(f.Columns, ", ")
}

// CallbacksFact lists the columns that the gorm callbacks a package
// registers (db.Callback().Create().Before("gorm:create").Register(name,
// fn)) set on every record created or updated.
type CallbacksFact struct{ Create, Update []string }

func (*CallbacksFact) AFact() {}
func (f *CallbacksFact) String() string {
	return "callbacks stamp create [" + strings.Join(f.Create, ", ") + "] update [" + strings.Join(f.Update, ", ") + "]"
}

// hookPhases are gorm's hook methods (gorm.io/gorm/callbacks/interfaces.go,
// v1.31.2; jinzhu/gorm callback_create.go and callback_update.go call the
// same names) that run before a record is written.
var hookPhases = map[string]Phase{
	"BeforeSave":   PhaseCreate | PhaseUpdate,
	"BeforeCreate": PhaseCreate,
	"BeforeUpdate": PhaseUpdate,
}

// gormStampers are the methods that set a column of the record being
// written: gorm v2 (*Statement).SetColumn(name string, value any,
// fromCallbacks ...bool), gorm v1 (*Scope).SetColumn(column, value any).
var gormStampers = map[string]bool{
	"gorm.io/gorm.Statement.SetColumn":       true,
	"github.com/jinzhu/gorm.Scope.SetColumn": true,
}

// callbackRegistrars register a gorm callback function: gorm v2
// (*processor|*callback).Register/Replace(name string, fn func(*DB)),
// gorm v1 (*CallbackProcessor).Register/Replace(name string, fn
// func(*Scope)).
var callbackRegistrars = map[string]bool{
	"gorm.io/gorm.processor.Register":                   true,
	"gorm.io/gorm.processor.Replace":                    true,
	"gorm.io/gorm.callback.Register":                    true,
	"gorm.io/gorm.callback.Replace":                     true,
	"github.com/jinzhu/gorm.CallbackProcessor.Register": true,
	"github.com/jinzhu/gorm.CallbackProcessor.Replace":  true,
}

// methodKey is "pkgpath.Recv.Name" for a method, "" otherwise.
func methodKey(fn *types.Func) string {
	if fn == nil || fn.Pkg() == nil {
		return ""
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return ""
	}
	n := namedOf(recv.Type())
	if n == nil {
		return ""
	}
	return fn.Pkg().Path() + "." + n.Obj().Name() + "." + fn.Name()
}

// stamps computes the StampFacts of the package's functions that can
// stamp (hook methods, functions taking or returning a gorm handle) and
// the package's registered callbacks.
type stamper struct {
	pass  *analysis.Pass
	decls map[*types.Func]*ast.FuncDecl
	memo  map[*types.Func][]string
	busy  map[*types.Func]bool
}

func (r *Result) computeStamps(pass *analysis.Pass, ins *inspector.Inspector) {
	if !importsGorm(pass.Pkg) {
		r.loadCallbacks(pass)
		return
	}
	s := &stamper{pass: pass, decls: map[*types.Func]*ast.FuncDecl{}, memo: map[*types.Func][]string{}, busy: map[*types.Func]bool{}}
	ins.Preorder([]ast.Node{(*ast.FuncDecl)(nil)}, func(n ast.Node) {
		d := n.(*ast.FuncDecl)
		if fn, _ := pass.TypesInfo.Defs[d.Name].(*types.Func); fn != nil && d.Body != nil {
			s.decls[fn] = d
		}
	})
	for fn, d := range s.decls {
		if !s.mayStamp(fn, d) {
			continue
		}
		if cols := s.of(fn); len(cols) > 0 {
			pass.ExportObjectFact(fn, &StampFact{Columns: cols})
		}
	}
	// Registered callbacks.
	own := &CallbacksFact{}
	ins.Preorder([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) {
		call := n.(*ast.CallExpr)
		fn, _ := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
		if !callbackRegistrars[methodKey(fn)] || len(call.Args) != 2 {
			return
		}
		ph := s.processorPhase(call.Fun)
		if ph == 0 {
			return
		}
		cols := s.ofExpr(call.Args[1])
		if ph&PhaseCreate != 0 {
			own.Create = append(own.Create, cols...)
		}
		if ph&PhaseUpdate != 0 {
			own.Update = append(own.Update, cols...)
		}
	})
	if len(own.Create)+len(own.Update) > 0 {
		own.Create, own.Update = dedup(own.Create), dedup(own.Update)
		pass.ExportPackageFact(own)
	}
	r.loadCallbacks(pass)
	r.addCallbacks(own)
}

func importsGorm(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if p := imp.Path(); p == "gorm.io/gorm" || p == "github.com/jinzhu/gorm" {
			return true
		}
	}
	return false
}

// loadCallbacks reads the CallbacksFacts of the packages this one
// depends on. Callbacks registered in a package outside the dependencies
// (only main imports it) are not seen.
func (r *Result) loadCallbacks(pass *analysis.Pass) {
	for _, pf := range pass.AllPackageFacts() {
		if f, ok := pf.Fact.(*CallbacksFact); ok {
			r.addCallbacks(f)
		}
	}
}

func (r *Result) addCallbacks(f *CallbacksFact) {
	if r.callbackCols == nil {
		r.callbackCols = map[Phase]map[string]bool{PhaseCreate: {}, PhaseUpdate: {}}
	}
	for _, c := range f.Create {
		r.callbackCols[PhaseCreate][strings.ToLower(c)] = true
	}
	for _, c := range f.Update {
		r.callbackCols[PhaseUpdate][strings.ToLower(c)] = true
	}
}

// mayStamp: fn is a hook method, or takes or returns a gorm handle (a
// callback, a helper called from hooks, a function returning a callback).
func (s *stamper) mayStamp(fn *types.Func, d *ast.FuncDecl) bool {
	sig := fn.Signature()
	if sig.Recv() != nil {
		if _, ok := hookPhases[fn.Name()]; ok {
			return true
		}
	}
	for _, tup := range []*types.Tuple{sig.Params(), sig.Results()} {
		for i := 0; i < tup.Len(); i++ {
			if mentionsGorm(tup.At(i).Type()) {
				return true
			}
		}
	}
	return false
}

// mentionsGorm: t is a gorm handle (*gorm.DB, *gorm.Scope) or a function
// over one.
func mentionsGorm(t types.Type) bool {
	switch t := types.Unalias(t).(type) {
	case *types.Pointer:
		return mentionsGorm(t.Elem())
	case *types.Named:
		if p := t.Obj().Pkg(); p != nil && (p.Path() == "gorm.io/gorm" || p.Path() == "github.com/jinzhu/gorm") {
			return t.Obj().Name() == "DB" || t.Obj().Name() == "Scope" || t.Obj().Name() == "Statement"
		}
	case *types.Signature:
		for _, tup := range []*types.Tuple{t.Params(), t.Results()} {
			for i := 0; i < tup.Len(); i++ {
				if mentionsGorm(tup.At(i).Type()) {
					return true
				}
			}
		}
	}
	return false
}

// of returns the columns fn stamps.
func (s *stamper) of(fn *types.Func) []string {
	fn = fn.Origin()
	if cols, ok := s.memo[fn]; ok {
		return cols
	}
	if fn.Pkg() != s.pass.Pkg {
		var f StampFact
		if s.pass.ImportObjectFact(fn, &f) {
			return f.Columns
		}
		return nil
	}
	d := s.decls[fn]
	if d == nil || s.busy[fn] {
		return nil
	}
	s.busy[fn] = true
	var recv *types.Var
	if d.Recv != nil && len(d.Recv.List) == 1 && len(d.Recv.List[0].Names) == 1 {
		// Only a pointer receiver's assignments reach the stored record.
		if v, _ := s.pass.TypesInfo.Defs[d.Recv.List[0].Names[0]].(*types.Var); v != nil {
			if _, ok := types.Unalias(v.Type()).(*types.Pointer); ok {
				recv = v
			}
		}
	}
	cols := dedup(s.body(d.Body, recv))
	delete(s.busy, fn)
	s.memo[fn] = cols
	return cols
}

// ofExpr returns the columns a callback expression stamps: a function or
// method value, a function literal, or a call returning a callback.
func (s *stamper) ofExpr(e ast.Expr) []string {
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return dedup(s.body(e.Body, nil))
	case *ast.CallExpr:
		if fn, _ := typeutil.Callee(s.pass.TypesInfo, e).(*types.Func); fn != nil {
			return s.of(fn)
		}
	case *ast.Ident, *ast.SelectorExpr:
		var id *ast.Ident
		if sel, ok := e.(*ast.SelectorExpr); ok {
			id = sel.Sel
		} else {
			id = e.(*ast.Ident)
		}
		if fn, _ := s.pass.TypesInfo.Uses[id].(*types.Func); fn != nil {
			return s.of(fn)
		}
	}
	return nil
}

// body collects the stamps of a function body (nested function literals
// included: a function returning a callback). recv, if set, is the
// receiver of a hook method: assignments to its fields stamp them.
//
// An assignment under an if whose condition reads the same field
// (if u.Role == "" { u.Role = "member" }) is a default the client can
// override, and one whose right side reads the field (u.Role =
// strings.ToLower(u.Role)) keeps the client's value: neither stamps.
func (s *stamper) body(body *ast.BlockStmt, recv *types.Var) []string {
	info := s.pass.TypesInfo
	var cols []string
	var conds []ast.Expr
	var walk func(n ast.Node) bool
	walk = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IfStmt:
			if n.Init != nil {
				ast.Inspect(n.Init, walk)
			}
			conds = append(conds, n.Cond)
			ast.Inspect(n.Body, walk)
			if n.Else != nil {
				ast.Inspect(n.Else, walk)
			}
			conds = conds[:len(conds)-1]
			return false
		case *ast.AssignStmt:
			if recv == nil || n.Tok == token.DEFINE {
				return true
			}
			for i, l := range n.Lhs {
				sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
				if !ok || source.RootVar(info, sel.X) != recv {
					continue
				}
				name := sel.Sel.Name
				if underCond(info, conds, name, recv) {
					continue
				}
				if len(n.Rhs) == len(n.Lhs) && readsField(info, n.Rhs[i], name, recv) {
					continue
				}
				cols = append(cols, name)
			}
		case *ast.CallExpr:
			fn, _ := typeutil.Callee(info, n).(*types.Func)
			if fn == nil {
				return true
			}
			if callbackRegistrars[methodKey(fn)] {
				return false // registering a callback does not run it
			}
			if gormStampers[methodKey(fn)] && len(n.Args) >= 2 {
				if name := constStr(info, n.Args[0]); name != "" && !underCond(info, conds, name, recv) {
					cols = append(cols, name)
				}
				return true
			}
			if fn.Pkg() != s.pass.Pkg && fn.Pkg() != nil && fn.Signature().Recv() == nil {
				// A stamping helper of another package: helpers.SetCreator(tx).
				cols = append(cols, s.of(fn)...)
				return true
			}
			if fn.Pkg() == s.pass.Pkg {
				// A helper of this package: a method on the same receiver
				// (u.setOwner(tx)) or a function over the gorm handle.
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && recv != nil && source.RootVar(info, sel.X) == recv && fn.Signature().Recv() != nil {
					cols = append(cols, s.of(fn)...)
				} else if fn.Signature().Recv() == nil {
					if d := s.decls[fn.Origin()]; d != nil && s.mayStamp(fn, d) {
						cols = append(cols, s.of(fn)...)
					}
				}
			}
		}
		return true
	}
	ast.Inspect(body, walk)
	return cols
}

// underCond: one of the enclosing if conditions reads a field named name.
func underCond(info *types.Info, conds []ast.Expr, name string, recv *types.Var) bool {
	for _, c := range conds {
		if readsField(info, c, name, recv) {
			return true
		}
	}
	return false
}

// readsField: e reads a struct field named name (x.Name) — of recv, when
// the hook has a receiver: o.UserID = c.UserID stamps the caller's ID, it
// does not keep the client's —, or calls a method that asks about the
// column by name (Statement.Changed("Name")).
func readsField(info *types.Info, e ast.Expr, name string, recv *types.Var) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if sel, ok := info.Selections[n]; ok && sel.Kind() == types.FieldVal && n.Sel.Name == name &&
				(recv == nil || source.RootVar(info, n.X) == recv) {
				found = true
			}
		case *ast.BasicLit:
			if n.Kind == token.STRING && strings.EqualFold(strings.Trim(n.Value, "`\""), name) {
				// Changed("Role"), Schema.LookUpField("role") in a condition
				// asks about the client's value only with Changed.
				found = isChangedCall(info, e, n)
			}
		}
		return true
	})
	return found
}

// isChangedCall: lit is an argument of gorm's Statement.Changed in e.
func isChangedCall(info *types.Info, e ast.Expr, lit *ast.BasicLit) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		if fn, _ := typeutil.Callee(info, call).(*types.Func); fn != nil && methodKey(fn) == "gorm.io/gorm.Statement.Changed" {
			for _, a := range call.Args {
				if a == ast.Expr(lit) {
					found = true
				}
			}
		}
		return true
	})
	return found
}

func constStr(info *types.Info, e ast.Expr) string {
	if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value)
	}
	return ""
}

// processorPhase walks the receiver chain of a Register/Replace call back
// to Callback().Create() or .Update() (through Before/After/Match and
// local variables holding a processor).
func (s *stamper) processorPhase(fun ast.Expr) Phase {
	info := s.pass.TypesInfo
	e := fun
	for i := 0; i < 8; i++ {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			e = x.X
		case *ast.CallExpr:
			fn, _ := typeutil.Callee(info, x).(*types.Func)
			if fn == nil {
				return 0
			}
			switch methodKey(fn) {
			case "gorm.io/gorm.callbacks.Create", "github.com/jinzhu/gorm.Callback.Create":
				return PhaseCreate
			case "gorm.io/gorm.callbacks.Update", "github.com/jinzhu/gorm.Callback.Update":
				return PhaseUpdate
			}
			e = x.Fun
		case *ast.Ident:
			v, _ := info.Uses[x].(*types.Var)
			if v == nil {
				return 0
			}
			e = s.initOf(v)
			if e == nil {
				return 0
			}
		default:
			return 0
		}
	}
	return 0
}

// initOf returns the expression a local variable was declared with
// (c := db.Callback().Create()), if it is assigned only there.
func (s *stamper) initOf(v *types.Var) ast.Expr {
	for _, f := range s.pass.Files {
		if f.Pos() > v.Pos() || v.Pos() >= f.End() {
			continue
		}
		var init ast.Expr
		ast.Inspect(f, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || init != nil {
				return init == nil
			}
			for i, l := range as.Lhs {
				if id, ok := l.(*ast.Ident); ok && id.Pos() == v.Pos() && len(as.Rhs) == len(as.Lhs) {
					init = as.Rhs[i]
				}
			}
			return true
		})
		return init
	}
	return nil
}

func dedup(xs []string) []string {
	if len(xs) == 0 {
		return nil
	}
	sort.Strings(xs)
	out := xs[:1]
	for _, x := range xs[1:] {
		if x != out[len(out)-1] {
			out = append(out, x)
		}
	}
	return out
}

// ServerSet reports whether gorm sets field f of model on a write of
// phase ph from server-side code, whatever the client sent: the model's
// BeforeSave/BeforeCreate/BeforeUpdate hook assigns it (unless the write
// skips hooks), or a callback the program registers on every create or
// update sets its column. A write with a raw path (PhaseRaw) or of no
// known phase gets nothing.
func (r *Result) ServerSet(model *types.Named, f Field, ph Phase) bool {
	if ph&PhaseRaw != 0 || ph&(PhaseCreate|PhaseUpdate) == 0 {
		return false
	}
	for _, p := range []Phase{PhaseCreate, PhaseUpdate} {
		if ph&p == 0 {
			continue
		}
		if !r.callbackStamps(p, f) && (ph&PhaseNoHooks != 0 || !r.hookStamps(model, p, f)) {
			return false
		}
	}
	return true
}

func (r *Result) callbackStamps(p Phase, f Field) bool {
	cols := r.callbackCols[p]
	return cols[strings.ToLower(f.Name())] || cols[strings.ToLower(f.Column())]
}

// hookStamps: a hook method of model that runs in phase p stamps f.
func (r *Result) hookStamps(model *types.Named, p Phase, f Field) bool {
	for name, hp := range hookPhases {
		if hp&p == 0 {
			continue
		}
		obj, _, _ := types.LookupFieldOrMethod(model, true, model.Obj().Pkg(), name)
		fn, _ := obj.(*types.Func)
		if fn == nil || !hookSignature(fn) {
			continue
		}
		for _, c := range r.stampsOf(fn) {
			if strings.EqualFold(c, f.Name()) || strings.EqualFold(c, f.Column()) {
				return true
			}
		}
	}
	return false
}

func (r *Result) stampsOf(fn *types.Func) []string {
	if r.pass == nil {
		return nil
	}
	var f StampFact
	if r.pass.ImportObjectFact(fn.Origin(), &f) {
		return f.Columns
	}
	return nil
}

// hookSignature: gorm calls the method as a hook. gorm v2 needs exactly
// func(*gorm.DB) error; gorm v1 takes (), (*gorm.Scope) or (*gorm.DB),
// returning nothing or an error.
func hookSignature(fn *types.Func) bool {
	sig := fn.Signature()
	res := sig.Results()
	if res.Len() > 1 || res.Len() == 1 && res.At(0).Type().String() != "error" {
		return false
	}
	switch sig.Params().Len() {
	case 0:
		return source.Imports(fn.Pkg(), "github.com/jinzhu/gorm")
	case 1:
		switch sig.Params().At(0).Type().String() {
		case "*gorm.io/gorm.DB":
			return res.Len() == 1
		case "*github.com/jinzhu/gorm.DB", "*github.com/jinzhu/gorm.Scope":
			return true
		}
	}
	return false
}
