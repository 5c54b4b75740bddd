package httpmodel

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/apivet/apivet/internal/structtype"
)

// Which model type a data access touches, and which result methods carry
// a query's rows into a Go value.

// resultMethods are methods on the value a query returns that store the
// rows into their argument at the given index (variadic for Scan: the
// first destination decides the model, &x.F giving x's type). Read from
// database/sql (Go 1.26 sql.go), sqlx v1.4.0 (sqlx.go), mongo-driver
// v1.17.2 and v2.5.0 (single_result.go, cursor.go).
var resultMethods = map[key]int{
	{pkgSQL, "Row", "Scan"}:               0,
	{pkgSQL, "Rows", "Scan"}:              0,
	{pkgSqlx, "Row", "Scan"}:              0,
	{pkgSqlx, "Row", "StructScan"}:        0,
	{pkgSqlx, "Rows", "StructScan"}:       0,
	{pkgPgx, "Row", "Scan"}:               0, // pgx v5 rows.go: interfaces
	{pkgPgx, "Rows", "Scan"}:              0,
	{pkgPgx4, "Row", "Scan"}:              0,
	{pkgPgx4, "Rows", "Scan"}:             0,
	{pkgMongo, "SingleResult", "Decode"}:  0,
	{pkgMongo, "Cursor", "Decode"}:        0,
	{pkgMongo, "Cursor", "All"}:           1,
	{pkgMongo2, "SingleResult", "Decode"}: 0,
	{pkgMongo2, "Cursor", "Decode"}:       0,
	{pkgMongo2, "Cursor", "All"}:          1,
}

// modelArgMethods are finishers whose argument at the index is a value
// of the model (gorm Delete(&T{}, id), Create(&o), Save(&o),
// Updates(&o), mongo InsertOne(ctx, doc)).
var modelArgMethods = map[key]int{}

func init() {
	for _, p := range []string{pkgGorm, pkgGormV1} {
		for _, n := range []string{"Delete", "Create", "CreateInBatches", "Save", "Updates", "UpdateColumns", "FirstOrCreate", "FirstOrInit"} {
			modelArgMethods[key{p, "DB", n}] = 0
		}
	}
	for _, p := range []string{pkgMongo, pkgMongo2} {
		modelArgMethods[key{p, "Collection", "InsertOne"}] = 1
		modelArgMethods[key{p, "Collection", "ReplaceOne"}] = 2
		modelArgMethods[key{p, "Collection", "FindOneAndReplace"}] = 2
	}
}

// modelNamed is the named struct type t holds (typeutil.ElemNamedStruct)
// when it is declared outside the standard library and the frameworks, or
// nil (Scan(&count), time.Time, bson.M).
func modelNamed(t types.Type) *types.Named {
	u := structtype.Elem(t)
	if u == nil || u.Obj().Pkg() == nil || libraryPackage(u.Obj().Pkg().Path()) {
		return nil
	}
	return u
}

// setModel records t's model type on d unless one is known already.
func setModel(d *DataAccess, t types.Type) {
	if d.Model != nil || t == nil {
		return
	}
	if n := modelNamed(t); n != nil {
		d.Model = n
		d.ModelPkg, d.ModelName = n.Obj().Pkg().Path(), n.Obj().Name()
	}
}

// destRootType is the type of x in &x, &x.F, x.F, x (the value a Scan
// destination belongs to).
func (m *modeler) destRootType(e ast.Expr) types.Type {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	for {
		switch x := e.(type) {
		case *ast.SelectorExpr:
			if sel, ok := m.info.Selections[x]; ok && sel.Kind() == types.FieldVal {
				e = ast.Unparen(x.X)
				continue
			}
		case *ast.StarExpr:
			e = ast.Unparen(x.X)
			continue
		}
		break
	}
	return m.info.TypeOf(e)
}

// accessModel fills d.Model (and Table) for a library access: the read
// destination, a model-valued argument, gorm Model/Table/G[T] in the
// chain, or the destination of Scan/StructScan/Decode/All called on the
// rows the query returned (found through fl).
func (m *modeler) accessModel(fl *Flow, d *DataAccess, k key) {
	if d.Dest != nil {
		setModel(d, m.info.TypeOf(d.Dest))
	}
	if i, ok := modelArgMethods[k]; ok {
		if a := arg(d.Call, i); a != nil {
			setModel(d, m.info.TypeOf(a))
		}
	}
	for _, c := range d.Chain {
		fn := m.callee(c)
		if fn == nil {
			continue
		}
		switch fn.Name() {
		case "Model":
			setModel(d, m.info.TypeOf(arg(c, 0)))
		case "Table":
			if s, ok := constString(m.info, arg(c, 0)); ok && d.Table == "" {
				d.Table = s
			}
		case "G":
			// gorm.G[T](db) returns Interface[T].
			if n, ok := types.Unalias(m.info.TypeOf(c)).(*types.Named); ok && n.TypeArgs().Len() > 0 {
				setModel(d, n.TypeArgs().At(0))
			}
		}
	}
	if d.Model == nil && fl != nil && fl.body != nil && d.Library != "gorm" {
		m.resultModel(fl, d)
	}
}

// resultModel finds row.Scan(&x.F, ...) / rows.StructScan(&x) /
// res.Decode(&x) calls on the value d.Call returns (directly or
// through a variable) and takes x's type.
func (m *modeler) resultModel(fl *Flow, d *DataAccess) {
	ast.Inspect(fl.body, func(n ast.Node) bool {
		if d.Model != nil {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		i, ok := resultMethods[keyOf(m.callee(call))]
		if !ok {
			return true
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || !m.fromCall(fl, sel.X, d.Call) {
			return true
		}
		if a := arg(call, i); a != nil {
			setModel(d, m.destRootType(a))
		}
		return true
	})
}

// fromCall reports whether e is call, or a variable whose definitions
// include call (rows, err := db.Query(...)).
func (m *modeler) fromCall(fl *Flow, e ast.Expr, call *ast.CallExpr) bool {
	e = ast.Unparen(e)
	if e == call {
		return true
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := m.info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	for _, def := range fl.Defs(v) {
		if ast.Unparen(def) == call {
			return true
		}
	}
	return false
}

// repoModel resolves a summarized function's model type by name, among
// the function's package, its imports, and this package's imports.
func (m *modeler) repoModel(fn *types.Func, d *DataAccess, f *DataAccessFact) {
	d.ModelPkg, d.ModelName = f.ModelPkg, f.ModelName
	if f.ModelName == "" {
		return
	}
	lookup := func(p *types.Package) bool {
		if p == nil || p.Path() != f.ModelPkg {
			return false
		}
		if tn, ok := p.Scope().Lookup(f.ModelName).(*types.TypeName); ok {
			d.Model = tn.Type()
			return true
		}
		return false
	}
	if lookup(m.pass.Pkg) || lookup(fn.Pkg()) {
		return
	}
	for _, ps := range [][]*types.Package{fn.Pkg().Imports(), m.pass.Pkg.Imports()} {
		for _, p := range ps {
			if lookup(p) {
				return
			}
		}
	}
}
