// Package persist knows the persistence models of a Go program: the
// struct types that map to database rows or documents, which of their
// fields are secrets, which a client must not set, which tie a record to
// its owner, and which calls read or write them.
//
// A struct type is a persistence model when
//   - one of its fields has a gorm, db, bun, pg, sql, bson, dynamodbav or
//     xorm struct tag;
//   - it embeds gorm.Model or bun.BaseModel;
//   - it is an ent entity (generated assignValues method);
//   - it is registered with the ORM (gorm AutoMigrate, bun RegisterModel);
//   - or a data-access call anywhere in the program reads whole rows into
//     it or writes it (gorm First/Find/Create/Save..., sqlx Get/Select/
//     StructScan/NamedExec, database/sql Rows.Scan into its fields, bun
//     Model, gorm.G[T]); a projection into a DTO or a key scanned back
//     into one field is no row read (see rows.go).
//
// The last kind is learned across packages with facts: the model usually
// lives in a store package, the read in a repository package, and the
// handler that serializes it in a third. Analyzer computes them; a check
// lists it in Requires and reads its *Result.
//
// The classification of fields (Sensitive, PrivilegedName, OwnerFields)
// needs no analyzer: it reads names, types and tags only.
package persist

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/structtype"
)

// Analyzer finds the persistence models and the data-access calls of a
// package. Its result is a *Result.
var Analyzer = &analysis.Analyzer{
	Name:       "persist",
	Doc:        "find persistence models (database-mapped structs) and the calls that read and write them",
	Run:        run,
	Requires:   []*analysis.Analyzer{check.Inspect},
	ResultType: reflect.TypeOf((*Result)(nil)),
	FactTypes:  []analysis.Fact{new(ModelFact), new(foreignModelsFact), new(WriterFact), new(StampFact), new(CallbacksFact), new(LoadsFact)},
}

// ModelFact marks a struct type of the analyzed package that is a
// persistence model only because data-access calls read or write it (a
// tagged or embedding model needs no fact: its type says so everywhere).
type ModelFact struct{ Reason string }

func (*ModelFact) AFact()           {}
func (f *ModelFact) String() string { return "model: " + f.Reason }

// foreignModelsFact lists types declared in other packages that this
// package's data-access calls read or write.
type foreignModelsFact struct{ Models []ModelRef }

// ModelRef names a type by package path and name.
type ModelRef struct{ Pkg, Name, Reason string }

func (*foreignModelsFact) AFact() {}
func (f *foreignModelsFact) String() string {
	var s []string
	for _, m := range f.Models {
		s = append(s, m.Pkg+"."+m.Name)
	}
	return "models: " + strings.Join(s, ", ")
}

// WriterFact marks a function or method that writes some of its
// parameters to the database (a repository's Save/Create/Update): Params
// are their indexes (receiver excluded), Via the write it reaches.
type WriterFact struct {
	Params []int
	Via    string
	// Selected and Omitted are the columns that gorm Select/Omit calls
	// on the way limit the write to or leave out.
	Selected, Omitted []string
	// Phase is the union of the gorm callback chains the writes on the
	// way run.
	Phase Phase
}

func (*WriterFact) AFact() {}
func (f *WriterFact) String() string {
	s := fmt.Sprintf("writes params %v via %s", f.Params, f.Via)
	if len(f.Selected) > 0 {
		s += fmt.Sprintf(" select %v", f.Selected)
	}
	if len(f.Omitted) > 0 {
		s += fmt.Sprintf(" omit %v", f.Omitted)
	}
	return s
}

// Result is what Analyzer knows about one package.
type Result struct {
	// Ops are the data-access calls of the package on values of struct
	// type, in source order.
	Ops []Op

	pkg     *types.Package
	learned map[*types.TypeName]string
	foreign map[[2]string]string // {pkg path, name} -> reason, from package facts
	// structural memoizes structuralModel by type name: dataexposure asks
	// about every field type of every value it follows.
	structural map[*types.TypeName]structural
	// structuralMu guards structural: the checks sharing the Result may
	// run concurrently (go/analysis drivers run independent analyzers in
	// parallel).
	structuralMu sync.Mutex
	pass         *analysis.Pass
	writers      map[*types.Func]*WriterFact
	// callbackCols are the columns (lowercase field or column names) that
	// registered gorm callbacks set, by PhaseCreate and PhaseUpdate.
	callbackCols map[Phase]map[string]bool
}

// Release drops the result once every analyzer that requires it has run
// on the package (see check.Plan); it must not be used afterwards.
func (r *Result) Release() { *r = Result{} }

// OpKind says whether a data-access call reads or writes.
type OpKind int

const (
	Read OpKind = iota
	Write
)

func (k OpKind) String() string {
	if k == Write {
		return "write"
	}
	return "read"
}

// Op is a data-access call that reads rows into, or writes, a value.
type Op struct {
	Call *ast.CallExpr
	Kind OpKind
	// Arg is the argument read into or written (&u, u, users, ...); for
	// database/sql Scan into fields, the &u.F argument.
	Arg ast.Expr
	// Func names the call for messages, e.g. "(*gorm.DB).Save".
	Func string
	// Library is the package path of the library.
	Library string
	// Writer is set for a call of a function with a WriterFact (a
	// repository method writing its argument).
	Writer *WriterFact
	// Phase is the gorm callback chain a write runs (0 for reads).
	Phase Phase
}

// Model reports whether t (through any pointers) is a named persistence
// model type, the type, and why it is one.
func (r *Result) Model(t types.Type) (*types.Named, string, bool) {
	named := namedStruct(t)
	if named == nil {
		return nil, "", false
	}
	obj := named.Origin().Obj()
	r.structuralMu.Lock()
	st, seen := r.structural[obj]
	if !seen {
		st.why, st.ok = structuralModel(named)
		if r.structural == nil {
			r.structural = map[*types.TypeName]structural{}
		}
		r.structural[obj] = st
	}
	r.structuralMu.Unlock()
	if st.ok {
		return named, st.why, true
	}
	if why, ok := r.learned[obj]; ok {
		return named, why, true
	}
	if obj.Pkg() != nil && obj.Pkg() != r.pkg && r.pass != nil {
		var f ModelFact
		if r.pass.ImportObjectFact(obj, &f) {
			return named, f.Reason, true
		}
	}
	if obj.Pkg() != nil {
		if why, ok := r.foreign[[2]string{obj.Pkg().Path(), obj.Name()}]; ok {
			return named, why, true
		}
	}
	return nil, "", false
}

// IsModel reports whether t (through pointers) is a persistence model.
func (r *Result) IsModel(t types.Type) bool {
	_, _, ok := r.Model(t)
	return ok
}

// Writer returns the WriterFact of a function, if any.
func (r *Result) Writer(fn *types.Func) *WriterFact {
	if fn == nil || r.pass == nil {
		return nil
	}
	fn = fn.Origin()
	var f WriterFact
	if fn.Pkg() == r.pkg {
		if w, ok := r.writers[fn]; ok {
			return w
		}
		return nil
	}
	if r.pass.ImportObjectFact(fn, &f) {
		return &f
	}
	return nil
}

// namedStruct returns the named struct type t denotes through pointers.
func namedStruct(t types.Type) *types.Named {
	for i := 0; i < 4; i++ {
		p, ok := types.Unalias(t).(*types.Pointer)
		if !ok {
			break
		}
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return nil
	}
	if _, ok := named.Underlying().(*types.Struct); !ok {
		return nil
	}
	return named
}

// modelTagKeys are struct tag keys of ORMs and database mappers.
var modelTagKeys = []string{"gorm", "db", "bun", "pg", "sql", "bson", "dynamodbav", "xorm"}

// modelBases are types whose embedding makes a struct a model.
var modelBases = map[string]string{
	"gorm.io/gorm.Model":                      "gorm.Model",
	"github.com/jinzhu/gorm.Model":            "gorm.Model",
	"github.com/uptrace/bun/schema.BaseModel": "bun.BaseModel",
}

type structural struct {
	why string
	ok  bool
}

// structuralModel reports whether the type itself says it is a model.
func structuralModel(named *types.Named) (string, bool) {
	st := named.Underlying().(*types.Struct)
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		tag := reflect.StructTag(st.Tag(i))
		for _, k := range modelTagKeys {
			if v, ok := tag.Lookup(k); ok && v != "-" {
				return fmt.Sprintf("its fields have %s tags", k), true
			}
		}
		if f.Embedded() {
			if n := namedStruct(f.Type()); n != nil && n.Obj().Pkg() != nil {
				if base, ok := modelBases[n.Obj().Pkg().Path()+"."+n.Obj().Name()]; ok {
					return "it embeds " + base, true
				}
			}
		}
	}
	if EntEntity(named) {
		return "it is an ent entity", true
	}
	return "", false
}

// EntEntity reports whether named is an entity that ent generated (it
// has the generated assignValues(columns []string, values []any) error).
// Its Edges field holds the related entities a query eager-loaded with
// With<Edge>(), nil otherwise.
//
// ent declares the method on the entity itself (pointer receiver, no
// embedding), so the declared methods are enough: a method set would be
// computed for every type asked about.
func EntEntity(named *types.Named) bool {
	for m := range named.Origin().Methods() {
		if m.Name() == "assignValues" {
			sig := m.Signature()
			return sig.Params().Len() == 2
		}
	}
	return false
}

// opRow is one library call that reads into or writes a value.
type opRow struct {
	pkg, recv, name string // recv "" for a package-level function
	kind            OpKind
	arg             int  // index of the value argument
	variadic        bool // every argument from arg on (Scan)
	fields          bool // the arguments are &v.F, the model is v (database/sql Scan)
	phase           Phase
}

var opTable = []opRow{
	// gorm.io/gorm (finisher_api.go, v1.31.2)
	{pkg: "gorm.io/gorm", recv: "DB", name: "First", kind: Read},
	{pkg: "gorm.io/gorm", recv: "DB", name: "Take", kind: Read},
	{pkg: "gorm.io/gorm", recv: "DB", name: "Last", kind: Read},
	{pkg: "gorm.io/gorm", recv: "DB", name: "Find", kind: Read},
	{pkg: "gorm.io/gorm", recv: "DB", name: "FindInBatches", kind: Read},
	{pkg: "gorm.io/gorm", recv: "DB", name: "FirstOrInit", kind: Read},
	{pkg: "gorm.io/gorm", recv: "DB", name: "FirstOrCreate", kind: Read},
	{pkg: "gorm.io/gorm", recv: "DB", name: "Scan", kind: Read},
	{pkg: "gorm.io/gorm", recv: "DB", name: "ScanRows", kind: Read, arg: 1},
	{pkg: "gorm.io/gorm", recv: "DB", name: "Create", kind: Write, phase: PhaseCreate},
	{pkg: "gorm.io/gorm", recv: "DB", name: "CreateInBatches", kind: Write, phase: PhaseCreate},
	{pkg: "gorm.io/gorm", recv: "DB", name: "Save", kind: Write, phase: PhaseCreate | PhaseUpdate},
	{pkg: "gorm.io/gorm", recv: "DB", name: "Updates", kind: Write, phase: PhaseUpdate},
	{pkg: "gorm.io/gorm", recv: "DB", name: "UpdateColumns", kind: Write, phase: PhaseUpdate | PhaseNoHooks},
	// github.com/jinzhu/gorm (v1), same names
	{pkg: "github.com/jinzhu/gorm", recv: "DB", name: "First", kind: Read},
	{pkg: "github.com/jinzhu/gorm", recv: "DB", name: "Last", kind: Read},
	{pkg: "github.com/jinzhu/gorm", recv: "DB", name: "Take", kind: Read},
	{pkg: "github.com/jinzhu/gorm", recv: "DB", name: "Find", kind: Read},
	{pkg: "github.com/jinzhu/gorm", recv: "DB", name: "Scan", kind: Read},
	{pkg: "github.com/jinzhu/gorm", recv: "DB", name: "FirstOrInit", kind: Read},
	{pkg: "github.com/jinzhu/gorm", recv: "DB", name: "FirstOrCreate", kind: Read},
	{pkg: "github.com/jinzhu/gorm", recv: "DB", name: "Create", kind: Write, phase: PhaseCreate},
	{pkg: "github.com/jinzhu/gorm", recv: "DB", name: "Save", kind: Write, phase: PhaseCreate | PhaseUpdate},
	{pkg: "github.com/jinzhu/gorm", recv: "DB", name: "Updates", kind: Write, phase: PhaseUpdate},
	// github.com/jmoiron/sqlx (sqlx.go, sqlx_context.go, v1.4.0)
	// (*DB), (*Tx), (*Conn), (*Stmt), (*NamedStmt): the same argument order.
	{pkg: "github.com/jmoiron/sqlx", recv: "*", name: "Get", kind: Read},
	{pkg: "github.com/jmoiron/sqlx", recv: "*", name: "Select", kind: Read},
	{pkg: "github.com/jmoiron/sqlx", recv: "*", name: "GetContext", kind: Read, arg: 1},
	{pkg: "github.com/jmoiron/sqlx", recv: "*", name: "SelectContext", kind: Read, arg: 1},
	{pkg: "github.com/jmoiron/sqlx", recv: "Rows", name: "StructScan", kind: Read},
	{pkg: "github.com/jmoiron/sqlx", recv: "Row", name: "StructScan", kind: Read},
	{pkg: "github.com/jmoiron/sqlx", recv: "", name: "Get", kind: Read, arg: 1},
	{pkg: "github.com/jmoiron/sqlx", recv: "", name: "Select", kind: Read, arg: 1},
	{pkg: "github.com/jmoiron/sqlx", recv: "", name: "GetContext", kind: Read, arg: 2},
	{pkg: "github.com/jmoiron/sqlx", recv: "", name: "SelectContext", kind: Read, arg: 2},
	{pkg: "github.com/jmoiron/sqlx", recv: "", name: "StructScan", kind: Read, arg: 1},
	{pkg: "github.com/jmoiron/sqlx", recv: "*", name: "NamedExec", kind: Write, arg: 1, phase: PhaseRaw},
	{pkg: "github.com/jmoiron/sqlx", recv: "*", name: "NamedExecContext", kind: Write, arg: 2, phase: PhaseRaw},
	{pkg: "github.com/jmoiron/sqlx", recv: "", name: "NamedExec", kind: Write, arg: 2, phase: PhaseRaw},
	{pkg: "github.com/jmoiron/sqlx", recv: "", name: "NamedExecContext", kind: Write, arg: 3, phase: PhaseRaw},
	// database/sql: Scan(&u.ID, &u.Email, ...)
	{pkg: "database/sql", recv: "Rows", name: "Scan", kind: Read, variadic: true, fields: true},
	{pkg: "database/sql", recv: "Row", name: "Scan", kind: Read, variadic: true, fields: true},
	// github.com/jackc/pgx/v5 (rows.go, v5.10.0): Row and Rows interfaces
	// (sqlc's generated code scans into its entities this way)
	{pkg: "github.com/jackc/pgx/v5", recv: "Rows", name: "Scan", kind: Read, variadic: true, fields: true},
	{pkg: "github.com/jackc/pgx/v5", recv: "Row", name: "Scan", kind: Read, variadic: true, fields: true},
	{pkg: "github.com/jackc/pgx/v4", recv: "Rows", name: "Scan", kind: Read, variadic: true, fields: true},
	{pkg: "github.com/jackc/pgx/v4", recv: "Row", name: "Scan", kind: Read, variadic: true, fields: true},
	// github.com/uptrace/bun (query_*.go, v1.3.0)
	{pkg: "github.com/uptrace/bun", recv: "SelectQuery", name: "Model", kind: Read},
	{pkg: "github.com/uptrace/bun", recv: "SelectQuery", name: "Scan", kind: Read, arg: 1, variadic: true},
	{pkg: "github.com/uptrace/bun", recv: "InsertQuery", name: "Model", kind: Write, phase: PhaseRaw},
	{pkg: "github.com/uptrace/bun", recv: "UpdateQuery", name: "Model", kind: Write, phase: PhaseRaw},
}

// opIndex indexes opTable by package path and function name (a struct
// key: lookupOp runs for every call of every package).
var opIndex = func() map[[2]string][]opRow {
	m := map[[2]string][]opRow{}
	for _, r := range opTable {
		k := [2]string{r.pkg, r.name}
		m[k] = append(m[k], r)
	}
	return m
}()

// lookupOp returns the table row for a called function.
func lookupOp(fn *types.Func) (opRow, bool) {
	if fn.Pkg() == nil {
		return opRow{}, false
	}
	rows := opIndex[[2]string{fn.Pkg().Path(), fn.Name()}]
	if len(rows) == 0 {
		return opRow{}, false
	}
	sig := fn.Signature()
	recv := ""
	if sig.Recv() != nil {
		if n := namedOf(sig.Recv().Type()); n != nil {
			recv = n.Obj().Name()
		}
	}
	for _, r := range rows {
		if r.recv == recv || r.recv == "*" && recv != "" {
			return r, true
		}
	}
	return opRow{}, false
}

func namedOf(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

func (r opRow) describe() string {
	short := r.pkg[strings.LastIndex(r.pkg, "/")+1:]
	if r.recv == "" {
		return short + "." + r.name
	}
	recv := r.recv
	if recv == "*" {
		recv = "DB"
	}
	return "(*" + short + "." + recv + ")." + r.name
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{
		pkg:     pass.Pkg,
		learned: map[*types.TypeName]string{},
		foreign: map[[2]string]string{},
		pass:    pass,
		writers: map[*types.Func]*WriterFact{},
	}
	for _, pf := range pass.AllPackageFacts() {
		if f, ok := pf.Fact.(*foreignModelsFact); ok {
			for _, m := range f.Models {
				res.foreign[[2]string{m.Pkg, m.Name}] = m.Reason
			}
		}
	}
	ins := pass.ResultOf[check.Inspect].(*inspector.Inspector)

	// Data-access calls of the package, and the models they touch.
	foreign := map[[2]string]ModelRef{}
	ins.WithStack([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		call := n.(*ast.CallExpr)
		fn, _ := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
		if fn == nil {
			// gorm.G[User](db): the type argument is a model.
			learnGeneric(pass, call, res, foreign)
			return true
		}
		if registers(fn) {
			// db.AutoMigrate(&User{}), bun RegisterModel: registered rows.
			for _, a := range call.Args {
				if named := namedStruct(pass.TypesInfo.TypeOf(a)); named != nil {
					pos := pass.Fset.Position(call.Pos())
					learn(pass, named, fmt.Sprintf("%s registers it at %s:%d", fn.Name(), shortFile(pos.Filename), pos.Line), res, foreign)
				}
			}
			return true
		}
		row, ok := lookupOp(fn)
		if !ok {
			return true
		}
		args := call.Args
		if row.arg >= len(args) {
			return true
		}
		body := enclosingBody(stack)
		rowRead := rowReadOf(pass.TypesInfo, body, call, row)
		if !row.variadic {
			args = args[row.arg : row.arg+1]
		} else {
			args = args[row.arg:]
		}
		for _, a := range args {
			op := Op{Call: call, Kind: row.kind, Arg: a, Func: row.describe(), Library: row.pkg, Phase: row.phase}
			target := a
			if row.fields {
				target = fieldRoot(a)
				if target == nil {
					continue
				}
			}
			named := structtype.Elem(pass.TypesInfo.TypeOf(target))
			if named == nil {
				continue
			}
			res.Ops = append(res.Ops, op)
			if !rowRead(named) {
				continue // a projection into a DTO, or a key scanned back
			}
			pos := pass.Fset.Position(call.Pos())
			why := fmt.Sprintf("%s %s it at %s:%d", row.describe(), verb(row.kind), shortFile(pos.Filename), pos.Line)
			learn(pass, named, why, res, foreign)
		}
		return true
	})

	res.computeStamps(pass, ins)
	res.computeWriters(pass, ins)
	res.computeLoads(pass, ins)

	if len(foreign) > 0 {
		f := &foreignModelsFact{}
		for _, m := range foreign {
			f.Models = append(f.Models, m)
		}
		sort.Slice(f.Models, func(i, j int) bool {
			return f.Models[i].Pkg+f.Models[i].Name < f.Models[j].Pkg+f.Models[j].Name
		})
		pass.ExportPackageFact(f)
	}
	return res, nil
}

func verb(k OpKind) string {
	if k == Write {
		return "writes"
	}
	return "reads into"
}

func shortFile(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		if j := strings.LastIndexAny(name[:i], `/\`); j >= 0 {
			return name[j+1:]
		}
	}
	return name
}

// learn records named as a model of the package or of another package.
func learn(pass *analysis.Pass, named *types.Named, why string, res *Result, foreign map[[2]string]ModelRef) {
	if _, ok := structuralModel(named); ok {
		return
	}
	obj := named.Origin().Obj()
	if obj.Pkg() == nil {
		return
	}
	if obj.Pkg() == pass.Pkg {
		if _, done := res.learned[obj]; !done {
			res.learned[obj] = why
			if obj.Parent() == obj.Pkg().Scope() {
				pass.ExportObjectFact(obj, &ModelFact{Reason: why})
			}
		}
		return
	}
	key := [2]string{obj.Pkg().Path(), obj.Name()}
	if _, known := res.foreign[key]; known {
		return
	}
	var f ModelFact
	if pass.ImportObjectFact(obj, &f) {
		return
	}
	if _, done := foreign[key]; !done {
		foreign[key] = ModelRef{Pkg: obj.Pkg().Path(), Name: obj.Name(), Reason: why}
		res.foreign[key] = why
	}
}

// learnGeneric learns T from gorm.G[T](db).
func learnGeneric(pass *analysis.Pass, call *ast.CallExpr, res *Result, foreign map[[2]string]ModelRef) {
	fun := ast.Unparen(call.Fun)
	var id *ast.Ident
	switch f := fun.(type) {
	case *ast.IndexExpr:
		id = selIdent(f.X)
	case *ast.IndexListExpr:
		id = selIdent(f.X)
	}
	if id == nil {
		return
	}
	inst, ok := pass.TypesInfo.Instances[id]
	if !ok || inst.TypeArgs.Len() == 0 {
		return
	}
	fn, _ := pass.TypesInfo.Uses[id].(*types.Func)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "gorm.io/gorm" || fn.Name() != "G" {
		return
	}
	if named := namedStruct(inst.TypeArgs.At(0)); named != nil {
		pos := pass.Fset.Position(call.Pos())
		learn(pass, named, fmt.Sprintf("gorm.G uses it at %s:%d", shortFile(pos.Filename), pos.Line), res, foreign)
	}
}

func selIdent(e ast.Expr) *ast.Ident {
	switch e := e.(type) {
	case *ast.Ident:
		return e
	case *ast.SelectorExpr:
		return e.Sel
	}
	return nil
}

// fieldRoot returns v for &v.F (or &v.F.G), else nil.
func fieldRoot(e ast.Expr) ast.Expr {
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	if !ok || u.Op != token.AND {
		return nil
	}
	sel, ok := ast.Unparen(u.X).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	x := sel.X
	for {
		s, ok := ast.Unparen(x).(*ast.SelectorExpr)
		if !ok {
			return x
		}
		x = s.X
	}
}

// ElemModel is Model through slices, arrays, maps and pointers: the model
// a []User, *[]*User or map[int]User holds.
func (r *Result) ElemModel(t types.Type) (*types.Named, string, bool) {
	n := structtype.Elem(t)
	if n == nil {
		return nil, "", false
	}
	return r.Model(n)
}
