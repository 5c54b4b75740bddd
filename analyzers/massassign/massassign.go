// Package massassign defines the massassign check: a request body bound
// straight into a persistence model that is then written to the database.
package massassign

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/httpmodel"
	"github.com/apivet/apivet/internal/persist"
	"github.com/apivet/apivet/internal/structtype"
	"github.com/apivet/apivet/internal/words"
)

const doc = `report request bodies bound straight into persistence models that are then saved

The massassign check (mass assignment, CWE-915) finds handlers that bind
client input into a database model and write that model: the client can
then set any field the binder fills, including ones it must not control.

A finding needs all of:

  - a bind into a persistence model (see dataexposure for what a model
    is): c.ShouldBind*/Bind* (gin), c.Bind (echo), c.BodyParser and
    the other parsers (fiber), json.NewDecoder(r.Body).Decode,
    json.Unmarshal, render.Bind/DecodeJSON (chi), as the shared HTTP
    model reports them;
  - a later write of that same value in the handler: gorm
    Create/Save/Updates/UpdateColumns, bun NewInsert/NewUpdate().Model,
    sqlx NamedExec with the value, SQL INSERT/UPDATE passing its fields
    (database/sql, sqlx, gorm Exec), a repository or service function
    that writes its argument (learned across packages with facts), or an
    interface method named Create/Save/Update/Insert/Upsert/Store/Put/
    Add/Register/Patch... taking the value (its implementation is
    unknown);
  - privileged fields the binder fills: named role, admin, permissions,
    scopes, verified, approved, balance, credits, price, discount, owner
    id, user id, tenant id, org id, account id, created by (as words of
    the field name), that the binder's tag does not exclude (json:"-" for
    JSON bodies, form:"-"/query:"-"/uri:"-" for the others), that gorm
    does not ignore (gorm:"-", read-only gorm:"->"), and that the write
    actually stores.

Not flagged: binding into a request DTO (then copying chosen fields);
gorm Select(...) before the write (only the listed columns are written)
and Omit(...) of the privileged columns; privileged fields assigned
after the bind and before the write (from the principal or any
server-side value: u.UserID = me.ID; u.Role = "member"); fields gorm
sets server-side on that write: the model's BeforeSave/BeforeCreate/
BeforeUpdate hook (pointer receiver, gorm's signature) assigns them or
sets them with Statement.SetColumn, or a callback the program registers
on the create or update chain (db.Callback().Create().Before(...).
Register(name, fn)) sets their column with SetColumn; Save must be
stamped on both chains, UpdateColumns skips hooks, and a hook that only
fills a default (if u.Role == "" {...}) or rewrites the client's value
(u.Role = strings.ToLower(u.Role)) does not count; models with their own
UnmarshalJSON for JSON binders.

Not flagged either: handlers whose every route is behind authorizing
middleware (RequireAdmin, AdminOnly, RequireRole("admin"), casbin,
RBAC, HasPermission: the route-level authorization bola trusts too).
Whoever passes it may set privileged fields: an admin creating an
announcement sets its UserID as the author. One route without it (a
user route to the same handler) is enough for a finding. When the
routes are registered in another package (a router package mounting a
controllers package, an Init...Router(group) whose caller adds the
middleware), the finding is decided, and reported, at the route there,
through facts; a reference to such a handler where no route goes (a
table of handlers), or to such a registering function that the route
walker does not follow (a func value), is reported at the reference.

Copies of the bound value (t := in, p := &in, var t = *in) are
followed: their writes and field assignments count.

Limits: the bind and the write must be in the same handler (the write may
be behind repository functions); a value copied field by field into
another model is not followed. gorm callbacks are seen only when
registered in a package the handler's package depends on (facts follow
imports); bun hooks are not modelled. Timestamps (CreatedAt, UpdatedAt,
DeletedAt) are not counted unless audit-fields is on. gin's ShouldBind
and echo's Bind choose the decoder from the client's Content-Type, so a
field with json:"-" but no form:"-" can still be set with a form post;
the check trusts json:"-" there.

Settings (.apivet.yml):

  massassign:
    privileged-fields: [tier, quota]  # more words that make a field privileged
    audit-fields: false               # count created/updated/deleted timestamps

Suppress a finding with //apivet:ignore massassign <reason> on the line
of the bind or the line above.`

// Settings are the massassign settings.
type Settings struct {
	// PrivilegedFields are extra phrases (space-separated lowercase
	// words, matched against the words of field names) that make a field
	// privileged.
	PrivilegedFields []string `yaml:"privileged-fields"`
	// AuditFields counts created/updated/deleted timestamps as
	// privileged.
	AuditFields bool `yaml:"audit-fields"`
}

var settings = &Settings{}

// Analyzer is the massassign analyzer.
var Analyzer = &analysis.Analyzer{
	Name:     "massassign",
	Doc:      doc,
	Requires: []*analysis.Analyzer{httpmodel.Analyzer, persist.Analyzer},
	Run:      run,
	// bindFact: findings of a handler decided where its routes are.
	FactTypes: []analysis.Fact{new(bindFact), new(partialFact)},
}

// Check is the massassign check's metadata.
var Check = &check.Check{
	Analyzer:  Analyzer,
	Title:     "Request body bound into a persistence model that is then saved",
	OWASP:     "API3:2023",
	CWE:       []int{915},
	Severity:  check.Error,
	Precision: check.High,
	Since:     "v0.1.0",
	Settings:  settings,
	Bad: `func updateMe(c *gin.Context) {
	var u store.User // has Role
	if err := c.ShouldBindJSON(&u); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	u.ID = currentUserID(c)
	db.Save(&u) // {"role": "admin"} makes the caller an admin
}`,
	Good: `type updateMeRequest struct {
	Name  string ` + "`json:\"name\"`" + `
	Email string ` + "`json:\"email\"`" + `
}

func updateMe(c *gin.Context) {
	var req updateMeRequest
	if err := c.ShouldBindJSON(&req); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	db.Model(&store.User{}).Where("id = ?", currentUserID(c)).
		Updates(map[string]any{"name": req.Name, "email": req.Email})
}`,
}

func run(pass *analysis.Pass) (any, error) {
	hm, _ := pass.ResultOf[httpmodel.Analyzer].(*httpmodel.Result)
	pm := pass.ResultOf[persist.Analyzer].(*persist.Result)
	if hm == nil {
		return nil, nil
	}
	d := &decider{pass: pass, hm: hm, deferred: map[*types.Func]*bindFact{}, partials: map[*types.Func]*partialFact{}, reported: map[string]bool{}}
	for _, h := range hm.Handlers {
		if h.Body == nil {
			continue
		}
		for _, in := range h.Inputs {
			if in.Target == nil {
				continue
			}
			checkBind(pass, pm, d, h, in)
		}
	}
	d.finish()
	return nil, nil
}

// privField is a privileged field the binder fills.
type privField struct {
	f      persist.Field
	phrase string
}

func checkBind(pass *analysis.Pass, pm *persist.Result, d *decider, h *httpmodel.Handler, in *httpmodel.Input) {
	info := pass.TypesInfo
	v := targetVar(info, in.Target)
	if v == nil {
		return
	}
	model, _, ok := pm.ElemModel(v.Type())
	if !ok {
		return
	}
	tagKey := bindTag(in)
	if tagKey == "json" && persist.HasCustomUnmarshal(model) {
		return
	}
	var priv []privField
	for _, f := range persist.Fields(model) {
		if !bindable(f, tagKey) || gormIgnores(f) || persist.PrimaryKey(model, f) {
			continue
		}
		if phrase, ok := privileged(f.Name()); ok {
			priv = append(priv, privField{f, phrase})
		}
	}
	if len(priv) == 0 {
		return
	}
	bindPos := in.Call.End()
	vs := aliases(info, h.Body, v, bindPos)
	sets := fieldSets(info, h.Body, vs)
	for _, w := range writesOf(pass, pm, h, vs, bindPos) {
		var left []privField
		for _, p := range priv {
			if w.limited != nil && !w.limited(p.f) {
				continue
			}
			if sets.assignedBetween(p.f.Name(), bindPos, w.call.Pos()) {
				continue
			}
			if pm.ServerSet(model, p.f, w.phase) {
				continue
			}
			left = append(left, p)
		}
		if sets.reassignedBetween(bindPos, w.call.Pos()) {
			continue
		}
		if len(left) == 0 {
			continue
		}
		if d.route(h, deferredOf(pass, in, model, w, left)) {
			report(pass, in, model, w, left)
		}
		return
	}
}

// varSet is the bound variable and its copies.
type varSet map[types.Object]bool

// aliases returns v and the variables that copy it or point to it after
// the bind (x := v, x := &v, y := *p, var x = v), so that a write or a
// field assignment through a copy counts.
func aliases(info *types.Info, body ast.Node, v *types.Var, after token.Pos) varSet {
	vs := varSet{v: true}
	for changed := true; changed; {
		changed = false
		ast.Inspect(body, func(n ast.Node) bool {
			var lhs []*ast.Ident
			var rhs []ast.Expr
			switch n := n.(type) {
			case *ast.AssignStmt:
				if n.Pos() < after || len(n.Lhs) != len(n.Rhs) {
					return true
				}
				for i, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						lhs = append(lhs, id)
						rhs = append(rhs, n.Rhs[i])
					}
				}
			case *ast.ValueSpec:
				if n.Pos() < after || len(n.Names) != len(n.Values) {
					return true
				}
				lhs, rhs = n.Names, n.Values
			default:
				return true
			}
			for i, id := range lhs {
				x, _ := info.ObjectOf(id).(*types.Var)
				if x == nil || vs[x] || !wholeValue(info, rhs[i], vs) {
					continue
				}
				if structtype.Elem(x.Type()) != structtype.Elem(v.Type()) {
					continue
				}
				vs[x] = true
				changed = true
			}
			return true
		})
	}
	return vs
}

// targetVar is the variable a bind fills: v in &v, v (a pointer), *v.
func targetVar(info *types.Info, e ast.Expr) *types.Var {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := info.Uses[id].(*types.Var)
	return v
}

// bindTag is the struct tag key the binder reads field names from.
func bindTag(in *httpmodel.Input) string {
	name := ""
	if in.Func != nil {
		name = in.Func.Name()
	}
	switch {
	case strings.Contains(name, "Query"):
		if in.Func != nil && strings.HasPrefix(in.Func.Pkg().Path(), "github.com/gofiber/") {
			return "query"
		}
		return "form"
	case strings.Contains(name, "Uri"):
		return "uri"
	case strings.Contains(name, "Header"):
		return "header"
	case name == "ParamsParser":
		return "params"
	case strings.Contains(name, "XML"):
		return "xml"
	case strings.Contains(name, "YAML"):
		return "yaml"
	case strings.Contains(name, "TOML"):
		return "toml"
	}
	return "json"
}

// bindable: the binder can set the field.
func bindable(f persist.Field, tagKey string) bool {
	if !f.Var.Exported() {
		return false
	}
	if tagKey == "json" {
		return f.Serialized()
	}
	return !f.Excluded(tagKey)
}

// gormIgnores: gorm never writes the field (gorm:"-", gorm:"->" read-only).
func gormIgnores(f persist.Field) bool {
	for _, part := range strings.Split(f.Tag.Get("gorm"), ";") {
		part = strings.TrimSpace(part)
		if part == "-" || part == "-:all" {
			return true
		}
		if strings.HasPrefix(part, "->") && !strings.Contains(f.Tag.Get("gorm"), "<-") {
			return true
		}
	}
	return false
}

func privileged(name string) (string, bool) {
	if phrase, weak, ok := persist.PrivilegedName(name); ok && (!weak || settings.AuditFields) {
		return phrase, true
	}
	ws := words.Split(name)
	for _, p := range settings.PrivilegedFields {
		if words.Index(ws, strings.ToLower(p)) >= 0 {
			return p, true
		}
	}
	return "", false
}

// write is a database write of the bound value.
type write struct {
	call *ast.CallExpr
	what string
	// limited, if set, says whether the write stores a field at all
	// (gorm Select/Omit, sqlx named parameters, SQL arguments).
	limited func(persist.Field) bool
	skip    bool
	// phase is the gorm callback chain the write runs, for the fields
	// gorm hooks and callbacks set server-side.
	phase persist.Phase
}

// writesOf returns the writes of v after pos in the handler body.
func writesOf(pass *analysis.Pass, pm *persist.Result, h *httpmodel.Handler, v varSet, after token.Pos) []write {
	info := pass.TypesInfo
	var out []write
	inBody := func(p token.Pos) bool { return p >= after && p < h.Body.End() }
	seen := map[*ast.CallExpr]bool{}
	for _, op := range pm.Ops {
		if op.Kind != persist.Write || !inBody(op.Call.Pos()) || !wholeValue(info, op.Arg, v) {
			continue
		}
		w := write{call: op.Call, what: op.Func, phase: op.Phase}
		switch {
		case op.Writer != nil:
			w.limited, w.skip = limitColumns(op.Writer.Selected, op.Writer.Omitted)
		case op.Library == "gorm.io/gorm" || op.Library == "github.com/jinzhu/gorm":
			w.limited, w.skip = limitColumns(persist.GormColumnsIn(info, h.Body, op.Call))
		case strings.HasPrefix(op.Func, "(*sqlx.") || strings.HasPrefix(op.Func, "sqlx."):
			w.limited, w.skip = namedColumns(info, op.Call)
		}
		if w.skip {
			continue
		}
		seen[op.Call] = true
		out = append(out, w)
	}
	// Interface methods named like a write, SQL with the value's fields.
	ast.Inspect(h.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || seen[call] || !inBody(call.Pos()) {
			return true
		}
		fn, _ := typeutil.Callee(info, call).(*types.Func)
		if fn == nil {
			return true
		}
		if recv := fn.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) && persist.WriteName(fn.Name()) {
			for _, a := range call.Args {
				if wholeValue(info, a, v) {
					out = append(out, write{call: call, what: fn.Name() + " (an interface method)", phase: persist.NamePhase(fn.Name())})
					return true
				}
			}
		}
		if w, ok := sqlWrite(info, call, v); ok {
			out = append(out, w)
		}
		return true
	})
	sortWrites(out)
	return out
}

func sortWrites(ws []write) {
	for i := 1; i < len(ws); i++ {
		for j := i; j > 0 && ws[j].call.Pos() < ws[j-1].call.Pos(); j-- {
			ws[j], ws[j-1] = ws[j-1], ws[j]
		}
	}
}

// wholeValue: e is v, &v or *v.
func wholeValue(info *types.Info, e ast.Expr, v varSet) bool {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	if s, ok := e.(*ast.StarExpr); ok {
		e = ast.Unparen(s.X)
	}
	id, ok := e.(*ast.Ident)
	return ok && v[info.Uses[id]]
}

// limitColumns turns gorm Select/Omit lists into a filter of the fields
// a write stores; skip when Select lists columns (only those are written:
// the check trusts the list).
func limitColumns(selected, omitted []string) (limit func(persist.Field) bool, skip bool) {
	if len(selected) > 0 {
		return nil, true
	}
	if len(omitted) == 0 {
		return nil, false
	}
	return func(f persist.Field) bool {
		for _, o := range omitted {
			if strings.EqualFold(o, f.Name()) || strings.EqualFold(o, f.Column()) {
				return false
			}
		}
		return true
	}, false
}

var namedParam = regexp.MustCompile(`:(\w+)`)

// namedColumns: sqlx NamedExec stores the fields named in its query; a
// query that is not an INSERT/UPDATE is not a write of the model.
func namedColumns(info *types.Info, call *ast.CallExpr) (func(persist.Field) bool, bool) {
	q := ""
	for _, a := range call.Args {
		if s := constString(info, a); s != "" {
			q = s
			break
		}
	}
	if q == "" {
		return nil, false
	}
	if !isWriteSQL(q) {
		return nil, true
	}
	names := map[string]bool{}
	for _, m := range namedParam.FindAllStringSubmatch(q, -1) {
		names[strings.ToLower(m[1])] = true
	}
	return func(f persist.Field) bool {
		db, _, _ := strings.Cut(f.Tag.Get("db"), ",")
		if db == "" {
			db = strings.ToLower(f.Name()) // sqlx's default mapper lowercases the name
		}
		return names[strings.ToLower(db)]
	}, false
}

func isWriteSQL(q string) bool {
	s := strings.ToUpper(strings.TrimSpace(q))
	return strings.HasPrefix(s, "INSERT") || strings.HasPrefix(s, "UPDATE") ||
		strings.HasPrefix(s, "UPSERT") || strings.HasPrefix(s, "REPLACE") ||
		strings.HasPrefix(s, "WITH") && (strings.Contains(s, "INSERT ") || strings.Contains(s, "UPDATE "))
}

// sqlWrite: Exec-like call with constant INSERT/UPDATE SQL that passes
// fields of v as arguments.
func sqlWrite(info *types.Info, call *ast.CallExpr, v varSet) (write, bool) {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return write{}, false
	}
	switch fn.Pkg().Path() {
	case "database/sql", "github.com/jmoiron/sqlx", "gorm.io/gorm", "github.com/jackc/pgx/v5", "github.com/jackc/pgx/v5/pgxpool", "github.com/jackc/pgx/v4", "github.com/jackc/pgx/v4/pgxpool":
	default:
		return write{}, false
	}
	q := ""
	fields := map[string]bool{}
	for _, a := range call.Args {
		if s := constString(info, a); s != "" && q == "" {
			q = s
			continue
		}
		if sel, ok := ast.Unparen(a).(*ast.SelectorExpr); ok {
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && v[info.Uses[id]] {
				fields[sel.Sel.Name] = true
			}
		}
	}
	if q == "" || !isWriteSQL(q) || len(fields) == 0 {
		return write{}, false
	}
	recv := ""
	if r := fn.Signature().Recv(); r != nil {
		if n, ok := types.Unalias(derefType(r.Type())).(*types.Named); ok {
			recv = "(*" + fn.Pkg().Name() + "." + n.Obj().Name() + ")."
		}
	}
	return write{call: call, what: recv + fn.Name() + " (SQL " + strings.Fields(strings.ToUpper(strings.TrimSpace(q)))[0] + ")",
		limited: func(f persist.Field) bool { return fields[f.Name()] && len(f.Via) == 0 }, phase: persist.PhaseRaw}, true
}

func derefType(t types.Type) types.Type {
	if p, ok := t.(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

func constString(info *types.Info, e ast.Expr) string {
	if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value)
	}
	return ""
}

// assignments of v's fields in a handler body.
type sets struct {
	fields map[string][]token.Pos // field name -> positions of v.F = ...
	whole  []token.Pos            // v = ..., *v = ...
}

func fieldSets(info *types.Info, body ast.Node, v varSet) *sets {
	s := &sets{fields: map[string][]token.Pos{}}
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok {
			return true
		}
		for i, l := range as.Lhs {
			l = ast.Unparen(l)
			if len(as.Rhs) == len(as.Lhs) && wholeValue(info, as.Rhs[i], v) {
				continue // x := v makes a copy, it does not replace the bound value
			}
			if st, ok := l.(*ast.StarExpr); ok {
				l = ast.Unparen(st.X)
				if id, ok := l.(*ast.Ident); ok && v[info.Uses[id]] {
					s.whole = append(s.whole, as.Pos())
				}
				continue
			}
			if id, ok := l.(*ast.Ident); ok && v[info.Uses[id]] {
				s.whole = append(s.whole, as.Pos())
				continue
			}
			sel, ok := l.(*ast.SelectorExpr)
			if !ok {
				continue
			}
			// v.F, v.Embedded.F, v[i].F (slices bound in bulk)
			if rootIs(info, sel.X, v) {
				s.fields[sel.Sel.Name] = append(s.fields[sel.Sel.Name], as.Pos())
			}
		}
		return true
	})
	return s
}

func rootIs(info *types.Info, e ast.Expr, v varSet) bool {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return v[info.Uses[x]]
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return false
		}
	}
}

func (s *sets) assignedBetween(field string, from, to token.Pos) bool {
	for _, p := range s.fields[field] {
		if p > from && p < to {
			return true
		}
	}
	return false
}

func (s *sets) reassignedBetween(from, to token.Pos) bool {
	for _, p := range s.whole {
		if p > from && p < to {
			return true
		}
	}
	return false
}

func report(pass *analysis.Pass, in *httpmodel.Input, model *types.Named, w write, left []privField) {
	var names []string
	var related []analysis.RelatedInformation // where the fields are declared: not in the message, to keep it short
	for i, p := range left {
		related = append(related, analysis.RelatedInformation{Pos: p.f.DeclLine(pass.Fset), Message: fmt.Sprintf("%s, %s", p.f.Path(), p.f.DeclaredAt(pass.Fset))})
		if i == 4 {
			names = append(names, fmt.Sprintf("and %d more", len(left)-4))
		} else if i < 4 {
			names = append(names, p.f.Path())
		}
	}
	bind := "the bind"
	if in.Func != nil {
		bind = in.Func.Name()
	}
	wp := pass.Fset.Position(w.call.Pos())
	first := left[0].f.Name()
	pass.Report(analysis.Diagnostic{
		Pos: in.Call.Pos(), End: in.Call.End(),
		Message: fmt.Sprintf("%s binds client input into persistence model %s, which %s writes at line %d: the client can set %s; bind into a request DTO and copy the fields it may change, or set %s server-side before the write",
			bind, types.TypeString(model, qualifier(pass.Pkg)), w.what, wp.Line, strings.Join(names, ", "), first),
		Related: related,
	})
}

// deferredOf is a finding as a bindFact carries it.
func deferredOf(pass *analysis.Pass, in *httpmodel.Input, model *types.Named, w write, left []privField) deferred {
	x := deferred{Bind: "the bind", Model: types.TypeString(model, qualifier(nil)), Writer: w.what, Pos: shortPos(pass.Fset, in.Call.Pos())}
	if in.Func != nil {
		x.Bind = in.Func.Name()
	}
	for i, p := range left {
		if i == 4 {
			x.Fields = append(x.Fields, fmt.Sprintf("and %d more", len(left)-4))
			break
		}
		x.Fields = append(x.Fields, p.f.Path())
	}
	return x
}

// qualifier writes types of other packages with their package name.
func qualifier(pkg *types.Package) types.Qualifier {
	return func(p *types.Package) string {
		if p == pkg {
			return ""
		}
		return p.Name()
	}
}
