package persist

import (
	"go/ast"
	"go/constant"
	"go/types"
	"regexp"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/words"
)

// A read makes its destination a model only when the destination is a
// row: the whole row of a table, not a projection of some columns into a
// DTO. These decide it from what the call says about the query:
//
//   - gorm: Model(&User{}) or Table("users") in the chain naming another
//     type's table makes the destination a projection
//     (db.Model(&User{}).Select("id,email").Scan(&dtos)); Raw(sql) is
//     read as SQL;
//   - SQL text (sqlx Get/Select, gorm Raw, the query a database/sql or
//     pgx Row/Rows comes from): SELECT * (or t.*) reads whole rows; a
//     column list reads a row only of the table the type is named after
//     (Session from sessions, UserRow from users); a DTO filled from
//     another table, a join or an INSERT … RETURNING of a domain type's
//     key is a projection;
//   - database/sql and pgx Scan(&u.F, ...): at least two fields, and at
//     least half of the type's fields (row.Scan(&u.ID) after INSERT …
//     RETURNING id fills one field, not a row).
//
// A query the code builds at run time is not read: the call counts as a
// row read, as before these rules.

// gormProjection reports whether a gorm read's chain names, with Model
// or Table, a table that is not dest's own, or reads raw SQL that is not
// a row of dest.
func gormProjection(info *types.Info, call *ast.CallExpr, dest *types.Named) bool {
	projection := false
	gormChain(info, call.Fun, func(inner *ast.CallExpr, fn *types.Func) {
		if len(inner.Args) == 0 {
			return
		}
		switch fn.Name() {
		case "Model":
			if m := sliceElemNamed(info.TypeOf(inner.Args[0])); m != nil && m.Origin() != dest.Origin() {
				projection = true
			}
		case "Table":
			if name, ok := constString(info, inner.Args[0]); ok && !tableOf(name, dest) {
				projection = true
			}
		case "Raw":
			if q, ok := constString(info, inner.Args[0]); ok {
				if row, known := sqlRow(q, dest); known && !row {
					projection = true
				}
			}
		}
	})
	return projection
}

func sliceElemNamed(t types.Type) *types.Named {
	for i := 0; i < 3 && t != nil; i++ {
		switch u := types.Unalias(t).(type) {
		case *types.Pointer:
			t = u.Elem()
		case *types.Slice:
			t = u.Elem()
		default:
			i = 3
		}
	}
	return namedStruct(t)
}

func constString(info *types.Info, e ast.Expr) (string, bool) {
	if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value), true
	}
	return "", false
}

// queryText returns the constant SQL text of e: a constant, or a local
// variable that body sets once, to a constant.
func queryText(info *types.Info, body ast.Node, e ast.Expr) (string, bool) {
	if s, ok := constString(info, e); ok {
		return s, true
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || body == nil {
		return "", false
	}
	v, _ := info.Uses[id].(*types.Var)
	if v == nil {
		return "", false
	}
	var vals []ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if lid, ok := l.(*ast.Ident); ok && info.ObjectOf(lid) == v {
					if len(n.Lhs) == len(n.Rhs) {
						vals = append(vals, n.Rhs[i])
					} else {
						vals = append(vals, nil)
					}
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if info.Defs[name] == v && i < len(n.Values) {
					vals = append(vals, n.Values[i])
				}
			}
		}
		return true
	})
	if len(vals) != 1 || vals[0] == nil {
		return "", false
	}
	return constString(info, vals[0])
}

// rowsQuery returns the SQL text of the query whose Row or Rows the Scan
// receiver recv is: db.QueryRow(q, ...).Scan(...), or rows := db.Query(q)
// then rows.Scan(...). The query is the first string argument of the
// call that returns the rows (database/sql, sqlx and pgx put it first,
// after a context).
func rowsQuery(info *types.Info, body ast.Node, recv ast.Expr) (string, bool) {
	call, ok := ast.Unparen(recv).(*ast.CallExpr)
	if !ok {
		id, isID := ast.Unparen(recv).(*ast.Ident)
		if !isID || body == nil {
			return "", false
		}
		v, _ := info.Uses[id].(*types.Var)
		if v == nil {
			return "", false
		}
		var defs []*ast.CallExpr
		ast.Inspect(body, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || len(as.Rhs) != 1 {
				return true
			}
			for _, l := range as.Lhs {
				if lid, ok := l.(*ast.Ident); ok && info.ObjectOf(lid) == v {
					c, _ := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
					defs = append(defs, c)
				}
			}
			return true
		})
		if len(defs) != 1 || defs[0] == nil {
			return "", false
		}
		call = defs[0]
	}
	if fn, _ := typeutil.Callee(info, call).(*types.Func); fn == nil {
		return "", false
	}
	for _, a := range call.Args {
		if t := info.TypeOf(a); t != nil {
			if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
				return queryText(info, body, a)
			}
		}
	}
	return "", false
}

var (
	sqlComment = regexp.MustCompile(`(?m)--[^\n]*$`)
	sqlSpace   = regexp.MustCompile(`\s+`)
	sqlSelect  = regexp.MustCompile(`^(?:with\b.*?\)\s*)?select\s+(?:distinct\s+)?(.*?)\s+from\s+([a-z0-9_."` + "`" + `]+)`)
	sqlWrite   = regexp.MustCompile(`^(?:insert\s+into|update|delete\s+from)\s+([a-z0-9_."` + "`" + `]+).*?\sreturning\s+(.*)$`)
)

// sqlRow reports whether the query reads whole rows of dest's table, and
// whether the text says (known is false for SQL it does not parse).
func sqlRow(query string, dest *types.Named) (row, known bool) {
	q := strings.ToLower(sqlComment.ReplaceAllString(query, ""))
	q = strings.TrimSpace(sqlSpace.ReplaceAllString(q, " "))
	var cols, table string
	if m := sqlSelect.FindStringSubmatch(q); m != nil {
		cols, table = m[1], m[2]
	} else if m := sqlWrite.FindStringSubmatch(q); m != nil {
		table, cols = m[1], m[2]
	} else {
		return false, false
	}
	for _, c := range strings.Split(cols, ",") {
		if c = strings.TrimSpace(c); c == "*" || strings.HasSuffix(c, ".*") {
			return true, true
		}
	}
	return tableOf(table, dest), true
}

// rowSuffixes may follow a table's name in the name of the type that
// holds its rows (UserRow, UserRecord, UserModel).
var rowSuffixes = map[string]bool{"row": true, "record": true, "model": true, "entity": true, "db": true, "table": true, "po": true, "dao": true}

// tableOf reports whether table (as SQL names it: "users",
// "public.api_keys", `"User"`) is the table named after dest.
func tableOf(table string, dest *types.Named) bool {
	table = strings.Trim(table, "`\"")
	if i := strings.LastIndex(table, "."); i >= 0 {
		table = strings.Trim(table[i+1:], "`\"")
	}
	tw := words.Split(table)
	if len(tw) == 0 {
		return false
	}
	tw[len(tw)-1] = singular(tw[len(tw)-1])
	dw := words.Split(dest.Obj().Name())
	for len(dw) > 1 && rowSuffixes[dw[len(dw)-1]] {
		dw = dw[:len(dw)-1]
	}
	if len(dw) == 0 {
		return false
	}
	dw[len(dw)-1] = singular(dw[len(dw)-1])
	if strings.Join(tw, "") == strings.Join(dw, "") {
		return true
	}
	// tbl_users, t_users: a table prefix.
	return len(tw) > 1 && (tw[0] == "tbl" || tw[0] == "t") && strings.Join(tw[1:], "") == strings.Join(dw, "")
}

func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

// scanCovers reports whether a Scan that fills the fields scanned of
// dest (their names, once each) reads a row of it: two fields or more,
// and at least half of its exported fields.
func scanCovers(dest *types.Named, scanned int) bool {
	if scanned < 2 {
		return false
	}
	total := 0
	for _, f := range Fields(dest) {
		if f.Var.Exported() {
			total++
		}
	}
	return scanned*2 >= total
}

// registerRows are the calls that register a struct as a table with the
// ORM: gorm (*DB).AutoMigrate(dst ...interface{}) (migrator.go,
// v1.31.2), bun (*DB).RegisterModel(models ...interface{}) (db.go,
// v1.2.15).
var registerRows = map[[3]string]bool{
	{"gorm.io/gorm", "DB", "AutoMigrate"}:             true,
	{"github.com/jinzhu/gorm", "DB", "AutoMigrate"}:   true,
	{"github.com/uptrace/bun", "DB", "RegisterModel"}: true,
}

func registers(fn *types.Func) bool {
	if fn.Pkg() == nil || fn.Signature().Recv() == nil {
		return false
	}
	n := namedOf(fn.Signature().Recv().Type())
	return n != nil && registerRows[[3]string{fn.Pkg().Path(), n.Obj().Name(), fn.Name()}]
}

// enclosingBody is the body of the innermost function in stack.
func enclosingBody(stack []ast.Node) ast.Node {
	for i := len(stack) - 1; i >= 0; i-- {
		switch f := stack[i].(type) {
		case *ast.FuncDecl:
			return f.Body
		case *ast.FuncLit:
			return f.Body
		}
	}
	return nil
}

// rowReadOf returns, for one read call, whether it reads rows of a
// destination type (see the rules above).
func rowReadOf(info *types.Info, body ast.Node, call *ast.CallExpr, row opRow) func(*types.Named) bool {
	switch {
	case row.kind == Write:
		break // a written struct is stored: a row
	case row.pkg == "gorm.io/gorm" || row.pkg == "github.com/jinzhu/gorm":
		return func(dest *types.Named) bool { return !gormProjection(info, call, dest) }
	case row.pkg == "github.com/jmoiron/sqlx" && row.arg+1 < len(call.Args) && row.name != "StructScan":
		q, ok := queryText(info, body, call.Args[row.arg+1])
		return func(dest *types.Named) bool {
			if !ok {
				return true
			}
			r, known := sqlRow(q, dest)
			return r || !known
		}
	case row.fields:
		// Scan(&u.ID, &u.Email, ...): count the fields of each root.
		scanned := map[types.Object]map[string]bool{}
		for _, a := range call.Args[row.arg:] {
			if root := fieldRoot(a); root != nil {
				if id, ok := ast.Unparen(root).(*ast.Ident); ok {
					obj := info.ObjectOf(id)
					if scanned[obj] == nil {
						scanned[obj] = map[string]bool{}
					}
					u := ast.Unparen(a).(*ast.UnaryExpr)
					scanned[obj][types.ExprString(u.X)] = true
				}
			}
		}
		var recv ast.Expr
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			recv = sel.X
		}
		q, ok := rowsQuery(info, body, recv)
		return func(dest *types.Named) bool {
			n := 0
			for _, m := range scanned {
				if len(m) > n {
					n = len(m)
				}
			}
			if !scanCovers(dest, n) {
				return false
			}
			if !ok {
				return true
			}
			r, known := sqlRow(q, dest)
			return r || !known
		}
	}
	return func(*types.Named) bool { return true }
}
