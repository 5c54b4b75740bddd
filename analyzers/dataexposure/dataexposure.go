// Package dataexposure defines the dataexposure check: a persistence
// model serialized straight into an HTTP response.
package dataexposure

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/httpmodel"
	"github.com/apivet/apivet/internal/persist"
	"github.com/apivet/apivet/internal/source"
)

// Settings are the dataexposure settings.
type Settings struct {
	// ReportWholeModels reports, at note level, persistence models with
	// no sensitive fields sent whole.
	ReportWholeModels bool `yaml:"report-whole-models"`
}

var settings = &Settings{ReportWholeModels: true}

// Analyzer is the dataexposure analyzer.
var Analyzer = &analysis.Analyzer{
	Name:     "dataexposure",
	Doc:      doc,
	Requires: []*analysis.Analyzer{httpmodel.Analyzer, persist.Analyzer},
	Run:      run,
	// clearsFact: functions that assign fields of their pointer
	// parameters (masking helpers).
	// readsOnlyFact: response helpers that read only some fields of
	// their model parameter.
	// schemaFact: struct types a schema generator declared.
	FactTypes: []analysis.Fact{new(clearsFact), new(readsOnlyFact), new(schemaFact)},
}

// Check is the dataexposure check's metadata.
var Check = &check.Check{
	Analyzer:  Analyzer,
	Title:     "Persistence model serialized into an HTTP response",
	OWASP:     "API3:2023",
	CWE:       []int{213, 200},
	Severity:  check.Error,
	Precision: check.High,
	Since:     "v0.1.0",
	Settings:  settings,
	Bad: `type User struct {
	gorm.Model
	Email        string ` + "`json:\"email\"`" + `
	PasswordHash string ` + "`json:\"password_hash\"`" + `
}

func getUser(c *gin.Context) {
	var u User
	db.First(&u, c.Param("id"))
	c.JSON(http.StatusOK, u) // the password hash goes to the client
}`,
	Good: `type userResponse struct {
	ID    uint   ` + "`json:\"id\"`" + `
	Email string ` + "`json:\"email\"`" + `
}

func getUser(c *gin.Context) {
	var u User
	db.First(&u, c.Param("id"))
	c.JSON(http.StatusOK, userResponse{ID: u.ID, Email: u.Email})
}`,
}

func run(pass *analysis.Pass) (any, error) {
	hm, _ := pass.ResultOf[httpmodel.Analyzer].(*httpmodel.Result)
	pm := pass.ResultOf[persist.Analyzer].(*persist.Result)
	clears := exportClears(pass, hm)
	exportReadsOnly(pass, pm)
	schemas := exportSchemaTypes(pass)
	if hm == nil {
		return nil, nil
	}
	copied := map[token.Pos]bool{} // copies reported (a DTO sent by two responses)
	funcs := map[*types.Func]*ast.FuncDecl{}
	for fd, fn := range source.Funcs(pass.Files, pass.TypesInfo) {
		funcs[fn] = fd
	}
	for _, h := range hm.Handlers {
		var bodyDefs *defs
		for _, r := range h.Responses {
			if r.Value == nil || !serializedFormat(r.Format) {
				continue
			}
			if bodyDefs == nil {
				bodyDefs = collectDefs(pass, hm, clears, h.Body)
			}
			w := &walker{pass: pass, pm: pm, hm: hm, defs: bodyDefs, at: r.Call.Pos(), format: r.Format, body: h.Body, h: h, only: readsOnly(pass, r), funcs: funcs}
			w.value(r.Value, "", 0)
			report(pass, schemas, r, w.found)
			var copies []secretCopy
			w.root = nil
			w.copies(r.Value, "", 0, map[*types.Var]bool{}, &copies)
			reportCopies(pass, schemas, r, w.found, copies, copied)
		}
	}
	return nil, nil
}

func serializedFormat(f string) bool {
	switch f {
	case "json", "xml", "yaml", "toml", "":
		return true
	}
	return false
}

// exposure is a model found in a response value.
type exposure struct {
	model *types.Named
	why   string
	path  string // where in the response: "" (the body itself), "user", "items[]"
	leaks []leak
	// plain is set for a struct that is no persistence model: only its
	// secrets are reported, as a warning.
	plain bool
}

type leak struct {
	field  persist.Field
	phrase string
}

// walker finds the models a response value carries.
type walker struct {
	pass   *analysis.Pass
	pm     *persist.Result
	hm     *httpmodel.Result
	defs   *defs
	at     token.Pos // the response call
	format string
	found  []*exposure
	seen   map[*types.Named]bool
	// root is the variable the response value was read from, if any.
	root *types.Var
	// body is the handler body (for the owner check).
	body *ast.BlockStmt
	h    *httpmodel.Handler
	// preloads are the gorm associations the root's reads load (nil:
	// not known), assocPath the association path being walked.
	preloads  map[string]bool
	assocPath string
	// only, if set, are the fields of the value that a response helper
	// can send at all (it reads no others).
	only map[string]bool
	// conv are the converters being walked for copies (copies.go), funcs
	// the package's function declarations.
	conv  []convFrame
	funcs map[*types.Func]*ast.FuncDecl
}

const maxDepth = 6

// value walks a value expression: composite literals and local variables
// of interface or map type are followed to what they hold.
func (w *walker) value(e ast.Expr, path string, depth int) {
	if depth > maxDepth || e == nil {
		return
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		w.value(u.X, path, depth)
		return
	}
	info := w.pass.TypesInfo
	t := info.TypeOf(e)
	if t == nil {
		return
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		w.compositeLit(e, t, path, depth)
		return
	case *ast.Ident:
		v, _ := info.Uses[e].(*types.Var)
		if v != nil && holdsInterface(t) {
			for _, d := range w.defs.of(v, w.at) {
				if d.elemKey != "" || d.elem {
					w.value(d.expr, join(path, d.elemKey), depth+1)
				} else {
					w.value(d.expr, path, depth+1)
				}
			}
			return
		}
		if v != nil {
			w.setRoot(v)
			w.typ(t, path, depth, w.masked(v))
			return
		}
	case *ast.SelectorExpr, *ast.IndexExpr:
		if root := source.RootVar(info, e); root != nil {
			w.setRoot(root)
			w.typ(t, path, depth, w.masked(root))
			return
		}
	case *ast.CallExpr:
		// withResolvedImage(&app), app.Public(): a call that returns
		// (a pointer to) one of its arguments' type passes that value
		// through; its masks hold.
		if root := passThrough(info, e, t); root != nil {
			w.setRoot(root)
			w.typ(t, path, depth, w.masked(root))
			return
		}
	}
	w.preloads, w.assocPath = nil, ""
	w.typ(t, path, depth, nil)
}

// passThrough returns the root variable of the argument (or receiver)
// of call whose type, through pointers, is the call's result type.
func passThrough(info *types.Info, call *ast.CallExpr, result types.Type) *types.Var {
	want := deref(result)
	args := call.Args
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s, ok := info.Selections[sel]; ok && s.Kind() == types.MethodVal {
			args = append([]ast.Expr{sel.X}, args...)
		}
	}
	for _, a := range args {
		if at := info.TypeOf(a); at != nil && types.Identical(deref(at), want) {
			if root := source.RootVar(info, a); root != nil {
				return root
			}
		}
	}
	return nil
}

func deref(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

func (w *walker) compositeLit(lit *ast.CompositeLit, t types.Type, path string, depth int) {
	switch u := t.Underlying().(type) {
	case *types.Map:
		if !isInterface(u.Elem()) {
			w.typ(t, path, depth, nil)
			return
		}
		for _, el := range lit.Elts {
			kv, ok := el.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			w.value(kv.Value, join(path, keyName(w.pass.TypesInfo, kv.Key)), depth+1)
		}
	case *types.Slice, *types.Array:
		var elem types.Type
		if s, ok := u.(*types.Slice); ok {
			elem = s.Elem()
		} else {
			elem = u.(*types.Array).Elem()
		}
		if !isInterface(elem) {
			w.typ(t, path, depth, nil)
			return
		}
		for _, el := range lit.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			w.value(el, path+"[]", depth+1)
		}
	case *types.Struct:
		if _, _, ok := w.pm.Model(t); ok || persist.HasCustomJSON(t) {
			// A model built here: the associations it sets are loaded.
			keys, _ := persist.LiteralKeys(lit)
			w.preloads, w.assocPath = map[string]bool{}, ""
			for _, k := range keys {
				w.preloads[k] = true
			}
			w.typ(t, path, depth, nil)
			return
		}
		// A wrapper struct: fields of interface type take the value
		// written in the literal; the others their static type.
		given := map[string]ast.Expr{}
		for i, el := range lit.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					given[id.Name] = kv.Value
				}
			} else if i < u.NumFields() {
				given[u.Field(i).Name()] = el
			}
		}
		for _, f := range persist.Fields(t) {
			if !w.fieldSerialized(f) || entEdges(t, f) {
				continue
			}
			if v, ok := given[f.Name()]; ok && len(f.Via) == 0 {
				w.value(v, join(path, w.key(f)), depth+1)
				continue
			}
			if keyed(lit) && !(len(f.Via) > 0 && given[f.Via[0].Name()] != nil) {
				continue // left out of a keyed literal: the zero value
			}
			w.typ(f.Var.Type(), join(path, w.key(f)), depth+1, nil)
		}
	default:
		w.typ(t, path, depth, nil)
	}
}

// keyed: a struct literal with field names (T{A: a}), or empty.
func keyed(lit *ast.CompositeLit) bool {
	if len(lit.Elts) == 0 {
		return true
	}
	_, ok := lit.Elts[0].(*ast.KeyValueExpr)
	return ok
}

// typ walks a static type.
func (w *walker) typ(t types.Type, path string, depth int, masked map[string]bool) {
	if depth > maxDepth || t == nil {
		return
	}
	switch u := types.Unalias(t).(type) {
	case *types.Pointer:
		w.typ(u.Elem(), path, depth, masked)
		return
	case *types.Slice:
		if isBytes(u.Elem()) {
			return
		}
		w.typ(u.Elem(), path+"[]", depth+1, masked)
		return
	case *types.Array:
		w.typ(u.Elem(), path+"[]", depth+1, masked)
		return
	case *types.Map:
		w.typ(u.Elem(), path+"{}", depth+1, masked)
		return
	case *types.Named:
		if _, ok := u.Underlying().(*types.Struct); !ok {
			w.typ(u.Underlying(), path, depth, masked)
			return
		}
		if w.seen == nil {
			w.seen = map[*types.Named]bool{}
		}
		if w.seen[u] || persist.HasCustomJSON(u) && w.format == "json" {
			return
		}
		w.seen[u] = true
		defer delete(w.seen, u)
		named, why, isModel := w.pm.Model(u)
		if isModel {
			x := &exposure{model: named, why: why, path: path}
			for _, f := range persist.Fields(u) {
				if !w.fieldSerialized(f) || masked[f.Name()] {
					continue
				}
				if f.NotStored() {
					continue // gorm:"-": not database data, the code fills it
				}
				if phrase, ok := persist.Sensitive(f); ok {
					if clearedThrough(masked, f) {
						continue
					}
					if issuable[phrase] && path == "" && (w.ownerChecked() || w.callerScoped()) {
						// The caller's own credential, after an
						// ownership check: shown on purpose.
						continue
					}
					x.leaks = append(x.leaks, leak{f, phrase})
				}
			}
			w.found = append(w.found, x)
		} else if std(u) {
			return
		} else if x := w.plainSecrets(u, path, masked); x != nil {
			w.found = append(w.found, x)
		}
		for _, f := range persist.Fields(u) {
			if entEdges(u, f) {
				continue
			}
			if w.fieldSerialized(f) && !masked[f.Name()] {
				if isModel && w.association(why, f) {
					// A gorm association: loaded only by Preload/Joins.
					if !w.preloaded(f.Name()) {
						continue
					}
					saved := w.assocPath
					w.assocPath = joinDot(saved, f.Name())
					w.typ(f.Var.Type(), join(path, w.key(f)), depth+1, masked)
					w.assocPath = saved
					continue
				}
				// Masks of the root variable hold at every depth:
				// stack.Git.Auth.Password = "" masks the nested field.
				w.typ(f.Var.Type(), join(path, w.key(f)), depth+1, masked)
			}
		}
	case *types.Struct:
		for _, f := range persist.Fields(u) {
			if w.fieldSerialized(f) && !entEdges(u, f) {
				w.typ(f.Var.Type(), join(path, w.key(f)), depth+1, nil)
			}
		}
	}
}

// entEdges: f is the Edges field of an ent entity (t itself or one it
// embeds). ent fills it only when a query eager-loads the relations with
// With<Edge>(), which this check does not see; the related entities are
// checked where they are sent themselves.
func entEdges(t types.Type, f persist.Field) bool {
	if f.Name() != "Edges" {
		return false
	}
	decl := t
	if len(f.Via) > 0 {
		decl = f.Via[len(f.Via)-1].Type()
	}
	if p, ok := types.Unalias(decl).(*types.Pointer); ok {
		decl = p.Elem()
	}
	n, ok := types.Unalias(decl).(*types.Named)
	return ok && persist.EntEntity(n)
}

// issuable are credentials a service issues to the owner of a record and
// shows them (an application's token, an API key): not a leak when the
// handler checked that the caller owns the record. Passwords, hashes,
// salts and personal data are never shown.
var issuable = map[string]bool{
	"token": true, "api key": true, "apikey": true, "secret": true, "secret key": true, "access key": true,
}

// ownerChecked reports whether the handler compares an owner field of
// the response's root variable (app.UserID == me.ID) before responding.
func (w *walker) ownerChecked() bool {
	if w.root == nil || w.body == nil {
		return false
	}
	found := false
	info := w.pass.TypesInfo
	ast.Inspect(w.body, func(n ast.Node) bool {
		be, ok := n.(*ast.BinaryExpr)
		if !ok || found || be.Pos() > w.at || (be.Op != token.EQL && be.Op != token.NEQ) {
			return !found
		}
		for _, side := range []ast.Expr{be.X, be.Y} {
			sel, ok := ast.Unparen(side).(*ast.SelectorExpr)
			if !ok {
				continue
			}
			if _, owner := persist.OwnerName(sel.Sel.Name); owner && source.RootVar(info, sel.X) == w.root {
				found = true
			}
		}
		return !found
	})
	return found
}

// fieldSerialized: encoding/json writes it, and the format's own tag
// does not exclude it.
func (w *walker) fieldSerialized(f persist.Field) bool {
	if !f.Serialized() {
		return false
	}
	if w.format != "json" && w.format != "" && f.Excluded(w.format) {
		return false
	}
	return true
}

func (w *walker) key(f persist.Field) string {
	if w.format != "json" && w.format != "" {
		if v, _, _ := strings.Cut(f.Tag.Get(w.format), ","); v != "" {
			return v
		}
		return f.Name()
	}
	return f.Key
}

func std(n *types.Named) bool {
	pkg := n.Obj().Pkg()
	if pkg == nil {
		return true
	}
	first, _, _ := strings.Cut(pkg.Path(), "/")
	return !strings.Contains(first, ".")
}

func isInterface(t types.Type) bool { return types.IsInterface(t) }

func isBytes(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Byte
}

// holdsInterface: a value of this type carries values whose dynamic
// type the static type does not tell (any, map[string]any, []any).
func holdsInterface(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Interface:
		return true
	case *types.Map:
		return isInterface(u.Elem())
	case *types.Slice:
		return isInterface(u.Elem())
	}
	return false
}

func join(path, key string) string {
	if key == "" {
		return path
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

func keyName(info *types.Info, e ast.Expr) string {
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		return strings.Trim(tv.Value.ExactString(), `"`)
	}
	return "?"
}

// report writes one diagnostic for one response.
func report(pass *analysis.Pass, schemas map[*types.TypeName]string, r *httpmodel.Response, found []*exposure) {
	if len(found) == 0 {
		return
	}
	var leaky, plain []*exposure
	for _, x := range found {
		if len(x.leaks) > 0 && x.plain {
			plain = append(plain, x)
		} else if len(x.leaks) > 0 {
			leaky = append(leaky, x)
		}
	}
	// A model's leak is the error; secrets of other structs in the same
	// response are named with it.
	leaky = append(leaky, plain...)
	call := callName(r)
	if len(leaky) == 0 {
		if !settings.ReportWholeModels {
			return
		}
		x := found[0]
		check.Report(pass, analysis.Diagnostic{
			Pos: r.Call.Pos(), End: r.Call.End(),
			Message: fmt.Sprintf("%s sends %s whole%s, a persistence model: %s; a response DTO keeps columns added later from reaching clients",
				call, typeName(pass, x.model), where(x.path), x.why),
		}, check.Note)
		return
	}
	x := leaky[0]
	var names []string
	var fixes []analysis.SuggestedFix
	var related []analysis.RelatedInformation // where the fields are declared: not in the message, to keep it short
	for _, l := range x.leaks {
		names = append(names, l.field.Path())
		related = append(related, analysis.RelatedInformation{Pos: l.field.DeclLine(pass.Fset), Message: fmt.Sprintf("%s, %s", l.field.Path(), l.field.DeclaredAt(pass.Fset))})
		if fix, ok := jsonDashFix(pass, l.field.Var); ok {
			fixes = append(fixes, fix)
		}
	}
	if len(fixes) > 1 {
		// One fix that hides every leaking field.
		var all analysis.SuggestedFix
		all.Message = "Add json:\"-\" to the sensitive fields"
		for _, f := range fixes {
			all.TextEdits = append(all.TextEdits, f.TextEdits...)
		}
		fixes = []analysis.SuggestedFix{all}
	}
	more := ""
	if len(leaky) > 1 {
		var others []string
		for _, o := range leaky[1:] {
			others = append(others, typeName(pass, o.model)+where(o.path))
		}
		more = "; also " + strings.Join(others, ", ")
	}
	noun := "field"
	if len(names) > 1 {
		noun = "fields"
	}
	if schema := schemaOf(pass, schemas, x.model); x.plain && schema != "" {
		pronoun := "it"
		if len(names) > 1 {
			pronoun = "them"
		}
		check.Report(pass, analysis.Diagnostic{
			Pos: r.Call.Pos(), End: r.Call.End(),
			Message: fmt.Sprintf("%s sends %s%s with its secret %s %s: the API's %s schema declares %s; if clients must not see %[7]s, take %[7]s out of the schema (or mark %[7]s writeOnly)",
				call, typeName(pass, x.model), where(x.path), noun, strings.Join(names, ", "), schema, pronoun),
			Related: related,
		}, check.Note)
		return
	}
	if x.plain {
		// No json:"-" fix: such structs often carry the secret in as
		// well (a settings form sets the SMTP password).
		check.Report(pass, analysis.Diagnostic{
			Pos: r.Call.Pos(), End: r.Call.End(),
			Message: fmt.Sprintf("%s sends %s%s with its secret %s %s to the client%s: leave them out of the response (a DTO, json:\"-\") or clear them first",
				call, typeName(pass, x.model), where(x.path), noun, strings.Join(names, ", "), more),
			Related: related,
		}, check.Warning)
		return
	}
	pass.Report(analysis.Diagnostic{
		Pos: r.Call.Pos(), End: r.Call.End(),
		Message: fmt.Sprintf("%s sends persistence model %s%s with its sensitive %s %s to the client%s: respond with a DTO that leaves them out, or tag them json:\"-\"",
			call, typeName(pass, x.model), where(x.path), noun, strings.Join(names, ", "), more),
		Related:        related,
		SuggestedFixes: fixes,
	})
}

// where names the JSON path of a nested model; a long one keeps its
// last segments, so the first clause stays short.
func where(path string) string {
	if path == "" {
		return ""
	}
	const maxPath = 48
	for len(path) > maxPath {
		i := strings.IndexByte(strings.TrimPrefix(path, "…"), '.')
		if i < 0 {
			break
		}
		path = "…" + strings.TrimPrefix(path, "…")[i+1:]
	}
	return fmt.Sprintf(" (at %q)", path)
}

func callName(r *httpmodel.Response) string {
	if r.Func == nil {
		// render.Respond is a variable of func type.
		return types.ExprString(r.Call.Fun)
	}
	if sig := r.Func.Signature(); sig.Recv() != nil {
		return r.Func.Name()
	}
	return r.Func.Pkg().Name() + "." + r.Func.Name()
}

func typeName(pass *analysis.Pass, n *types.Named) string {
	return types.TypeString(n, qualifier(pass.Pkg))
}

// jsonDashFix adds json:"-" to the tag of a field declared in this
// package.
func jsonDashFix(pass *analysis.Pass, v *types.Var) (analysis.SuggestedFix, bool) {
	if v.Pkg() != pass.Pkg {
		return analysis.SuggestedFix{}, false
	}
	var field *ast.Field
	for _, f := range pass.Files {
		if f.Pos() <= v.Pos() && v.Pos() < f.End() {
			ast.Inspect(f, func(n ast.Node) bool {
				if fl, ok := n.(*ast.Field); ok && len(fl.Names) == 1 && fl.Names[0].Pos() == v.Pos() {
					field = fl
				}
				return field == nil
			})
		}
	}
	if field == nil {
		return analysis.SuggestedFix{}, false
	}
	msg := fmt.Sprintf("Add json:\"-\" to %s", v.Name())
	if field.Tag == nil {
		return analysis.SuggestedFix{Message: msg, TextEdits: []analysis.TextEdit{{
			Pos: field.Type.End(), End: field.Type.End(), NewText: []byte(" `json:\"-\"`"),
		}}}, true
	}
	raw := field.Tag.Value
	if raw[0] != '`' {
		return analysis.SuggestedFix{}, false
	}
	body := raw[1 : len(raw)-1]
	var newBody string
	if i := strings.Index(body, `json:"`); i >= 0 && (i == 0 || body[i-1] == ' ') {
		j := strings.Index(body[i+6:], `"`)
		if j < 0 {
			return analysis.SuggestedFix{}, false
		}
		newBody = body[:i] + `json:"-"` + body[i+6+j+1:]
	} else {
		newBody = strings.TrimSpace(body + ` json:"-"`)
	}
	return analysis.SuggestedFix{Message: msg, TextEdits: []analysis.TextEdit{{
		Pos: field.Tag.Pos(), End: field.Tag.End(), NewText: []byte("`" + newBody + "`"),
	}}}, true
}

var _ = sort.Strings

// qualifier writes types of other packages with their package name.
func qualifier(pkg *types.Package) types.Qualifier {
	return func(p *types.Package) string {
		if p == pkg {
			return ""
		}
		return p.Name()
	}
}
