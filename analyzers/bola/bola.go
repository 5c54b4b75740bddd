// Package bola defines the bola check: handlers that read, change or
// delete an object selected by a client-chosen ID with no ownership or
// authorization check (OWASP API1:2023, CWE-639).
package bola

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/httpmodel"
	"github.com/apivet/apivet/internal/persist"
	"github.com/apivet/apivet/internal/source"
	"github.com/apivet/apivet/internal/words"
)

// Analyzer is the bola analyzer.
var Analyzer = &analysis.Analyzer{
	Name:      "bola",
	Doc:       Doc,
	URL:       "https://github.com/apivet/apivet/blob/main/docs/checks.md#bola",
	Run:       run,
	Requires:  []*analysis.Analyzer{httpmodel.Analyzer},
	FactTypes: []analysis.Fact{new(AuthorizerFact), new(UnscopedAccessFact), new(PartialRoutesFact)},
}

// Check is the bola check's metadata.
var Check = &check.Check{
	Analyzer:  Analyzer,
	Title:     "Object accessed by a client-chosen ID with no ownership or authorization check",
	OWASP:     "API1:2023",
	CWE:       []int{639, 862},
	Severity:  check.Error,
	Precision: check.Medium,
	Since:     "v0.1.0",
	Bad: `r.Get("/orders/{id}", func(w http.ResponseWriter, r *http.Request) {
	var o store.Order
	db.First(&o, chi.URLParam(r, "id")) // any caller reads any order
	render.JSON(w, r, o)
})`,
	Good: `r.Get("/orders/{id}", func(w http.ResponseWriter, r *http.Request) {
	me := auth.FromContext(r.Context())
	var o store.Order
	if err := db.Where("user_id = ?", me.UserID).First(&o, chi.URLParam(r, "id")).Error; err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	render.JSON(w, r, o)
})`,
	Settings: settings,
}

func run(pass *analysis.Pass) (any, error) {
	if err := settings.validate(); err != nil {
		return nil, err
	}
	res, _ := pass.ResultOf[httpmodel.Analyzer].(*httpmodel.Result)
	authz := authorizers(pass, res)
	if res == nil {
		return nil, nil
	}
	r := &runner{pass: pass, res: res, authz: authz, refs: map[*types.Func]bool{}, partials: map[*types.Func][]PartialRoute{},
		reported: map[string]bool{}, unscoped: map[*types.Func]*UnscopedAccessFact{}, partial: map[*types.Func]*PartialRoutesFact{}}
	for _, h := range res.Handlers {
		if h.Middleware || h.Body == nil {
			continue
		}
		r.handler(h)
	}
	r.routeFindings()
	r.reportUnauthenticated()
	return nil, nil
}

type runner struct {
	pass  *analysis.Pass
	res   *httpmodel.Result
	authz map[*types.Func]string

	refs         map[*types.Func]bool // referencedOutside, memoized
	partials     map[*types.Func][]PartialRoute
	partialOrder []*types.Func
	reported     map[string]bool
	unscoped     map[*types.Func]*UnscopedAccessFact // imported facts, memoized
	partial      map[*types.Func]*PartialRoutesFact
	delegating   map[*types.Func][]*httpmodel.Handler // delegators, memoized
	// unscopedImpls are the methods with UnscopedAccessFacts, by name.
	unscopedImpls map[string][]*types.Func
	// unauthenticated holds, by service type, the findings of services
	// that authenticate no caller (unauthenticatedService): one finding
	// per service.
	unauthenticated      map[*types.TypeName][]unauthFinding
	unauthenticatedOrder []*types.TypeName
}

// idInput is a client-chosen identifier reaching a selector.
type idInput struct {
	in   *httpmodel.Input
	sel  ast.Expr
	name string // "id", "OrderID"
	desc string // `path parameter "id"`
	// loaded is the read that loaded the object a change is selected by
	// (load by slug, then change it or its parts), or nil.
	loaded *httpmodel.DataAccess
	// loadedBy is the selector of loaded that the input reached.
	loadedBy ast.Expr
}

func (r *runner) handler(h *httpmodel.Handler) {
	if len(h.DataAccesses) == 0 || r.authorizedHandler(h) {
		return
	}
	if h.Framework == httpmodel.GraphQL && r.authzDirective(h) {
		return // @hasRole-style directive on the field
	}
	if h.Framework.IsRPC() && !r.serviceKnowsCaller(h) {
		// No method of the service learns who the caller is: an
		// internal or administrative API (dex's mTLS admin API) has no
		// users whose objects could be mixed up; unauthenticated access
		// is a different flaw.
		return
	}
	all := r.routesOf(h)
	for _, rt := range all {
		if _, ok := ignoredRoute(settings.IgnoreRoutes, rt.Method, rt.Path); ok {
			return
		}
	}
	// Routes registered on a router the registering function receives
	// are decided by that function's callers, with the middleware of the
	// router they pass (see reach.go), when a caller exists elsewhere.
	var routes, partial []*httpmodel.Route
	for _, rt := range all {
		if r.callersDecide(rt) {
			partial = append(partial, rt)
		} else {
			routes = append(routes, rt)
		}
	}
	unauth := r.unauthenticatedService(h, routes)
	var guards []guardHit
	guardDone := false
	var unscoped []DeferredAccess
	var pending []finding
	for _, da := range h.DataAccesses {
		id := r.idInput(h, da)
		if id == nil {
			continue
		}
		model, owned := r.ownedModel(h, da, id)
		if !owned && id.loaded != nil && !upsert(da.Method) {
			// A change to the parts of a loaded object (memo relations by
			// memo.ID) changes that object: judged by its model. An
			// upsert of a new part (a comment's relation to the memo it
			// answers) adds to it, as creating does.
			parent := *id.loaded
			parent.Kind = da.Kind
			model, owned = r.ownedModel(h, &parent, id)
		}
		if !owned && id.loaded == nil {
			model, owned = r.partOf(da, id, model)
		}
		if !owned {
			continue
		}
		if r.scoped(h, da, id) || r.checkedByScopedRead(h, da, id) || r.narrowedByCaller(h, da, id) {
			continue
		}
		if id.loaded != nil && r.scoped(h, id.loaded, &idInput{sel: id.loadedBy}) {
			continue // the object was loaded scoped by the caller
		}
		if !guardDone {
			guards = r.guards(h, false)
			guardDone = true
		}
		if r.covered(h, guards, da) && !r.bodyOverrides(h, da, id) {
			continue // a check of the path's ID covers it, unless the body replaces that ID
		}
		unscoped = append(unscoped, DeferredAccess{Desc: id.desc, Model: model, Via: r.via(da), Kind: string(da.Kind), Pos: shortPos(r.pass.Fset.Position(da.Call.Pos()))})
		if len(routes) == 0 && len(partial) > 0 {
			continue // only the callers of the registering functions know the chain
		}
		if da.Kind == httpmodel.Read && r.publicEndpoint(h, routes) {
			continue
		}
		if len(routes) > 0 && r.authzMiddleware(routes) != "" {
			continue
		}
		if len(routes) == 0 && r.mountedElsewhere(h) {
			continue // an importer mounts it and decides (UnscopedAccessFact)
		}
		pending = append(pending, finding{da, id, model})
	}
	for _, f := range strongestPerInput(pending) {
		if unauth {
			r.addUnauthenticated(h, f, routes)
			continue
		}
		r.report(h, f.da, f.id, f.model, routes)
	}
	unscoped = strongestPerDesc(unscoped)
	if len(unscoped) == 0 {
		return
	}
	label := r.handlerLabel(h)
	for _, rt := range partial {
		r.deferRoute(rt, label, unscoped)
	}
	if len(all) == 0 && r.mountedElsewhere(h) {
		r.pass.ExportObjectFact(r.subject(h), &UnscopedAccessFact{Accesses: unscoped})
	}
}

// authzDirective: a directive on the resolver's field reads as
// authorization (HasRole, HasPermission) or is configured in
// authz-middleware.
func (r *runner) authzDirective(h *httpmodel.Handler) bool {
	for _, d := range h.Directives {
		if _, ok := httpmodel.AuthzMiddlewareName(d); ok || matchName(settings.AuthzMiddleware, d, "") || matchName(settings.AuthzMiddleware, "@"+d, "") {
			return true
		}
	}
	return false
}

// serviceKnowsCaller: some RPC method of h's service type (for GraphQL,
// some resolver of the package) reads a principal (the caller from the
// context).
func (r *runner) serviceKnowsCaller(h *httpmodel.Handler) bool {
	recv := recvNamed(h.Func.Type().(*types.Signature).Recv().Type())
	for _, o := range r.res.Handlers {
		if o.Framework != h.Framework || o.Func == nil || len(o.Principals) == 0 {
			continue
		}
		if h.Framework == httpmodel.GraphQL {
			return true
		}
		if n := recvNamed(o.Func.Type().(*types.Signature).Recv().Type()); n != nil && recv != nil && n.Obj() == recv.Obj() {
			return true
		}
	}
	return false
}

// finding is an access to report.
type finding struct {
	da    *httpmodel.DataAccess
	id    *idInput
	model string
}

// strength orders access kinds: a handler that reads an object by an ID
// and then deletes it has one flaw, reported as the delete.
func strength(kind string) int {
	switch kind {
	case string(httpmodel.Delete):
		return 2
	case string(httpmodel.Write):
		return 1
	}
	return 0
}

// strongestPerInput keeps, for each client-chosen input, the access that
// does the most with it: one finding per root cause.
func strongestPerInput(fs []finding) []finding {
	var out []finding
	at := map[string]int{} // by description: the same field read twice is one input
	for _, f := range fs {
		if i, ok := at[f.id.desc]; ok {
			if strength(string(f.da.Kind)) > strength(string(out[i].da.Kind)) {
				out[i] = f
			}
			continue
		}
		at[f.id.desc] = len(out)
		out = append(out, f)
	}
	return out
}

// strongestPerDesc does the same for accesses deferred to a route.
func strongestPerDesc(ds []DeferredAccess) []DeferredAccess {
	var out []DeferredAccess
	at := map[string]int{}
	for _, d := range ds {
		if i, ok := at[d.Desc]; ok {
			if strength(d.Kind) > strength(out[i].Kind) {
				out[i] = d
			}
			continue
		}
		at[d.Desc] = len(out)
		out = append(out, d)
	}
	return out
}

func (r *runner) routesOf(h *httpmodel.Handler) []*httpmodel.Route {
	rts := r.routesTo(h)
	if len(rts) == 0 && h.Func != nil {
		// A handler only other handlers call (memos' Connect methods
		// delegate to the gRPC ones: s.APIV1Service.UpdateAttachment(ctx,
		// req.Msg)) is served on their routes.
		for _, d := range r.delegators()[h.Func.Origin()] {
			if r.guard(d) == "" && !r.authorizedHandler(d) { // a wrapper that checks first
				rts = append(rts, r.routesTo(d)...)
			}
		}
	}
	return rts
}

// delegators maps a handler function to the handlers of the package that
// call it.
func (r *runner) delegators() map[*types.Func][]*httpmodel.Handler {
	if r.delegating != nil {
		return r.delegating
	}
	r.delegating = map[*types.Func][]*httpmodel.Handler{}
	for _, o := range r.res.Handlers {
		if o.Body == nil || o.Middleware {
			continue
		}
		r.res.Inspect(o.Body, []ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) bool {
			fn := typeutil.StaticCallee(r.pass.TypesInfo, n.(*ast.CallExpr))
			if fn == nil || fn.Pkg() != r.pass.Pkg || (o.Func != nil && fn.Origin() == o.Func.Origin()) {
				return true
			}
			if callee := r.res.HandlerOf(fn); callee != nil && !slices.Contains(r.delegating[fn.Origin()], o) {
				r.delegating[fn.Origin()] = append(r.delegating[fn.Origin()], o)
			}
			return true
		})
	}
	return r.delegating
}

// routesTo are the routes registered with h itself (or its factory).
func (r *runner) routesTo(h *httpmodel.Handler) []*httpmodel.Route {
	rts := r.res.RoutesTo(h)
	if len(rts) == 0 && h.Factory != nil {
		for _, rt := range r.res.Routes {
			if rt.HandlerFunc != nil && rt.HandlerFunc.Origin() == h.Factory.Origin() {
				rts = append(rts, rt)
			}
		}
	}
	return rts
}

// idInput returns the first client-controlled identifier among the
// access's selectors, or, for a change, the identifier that selected the
// object being changed when an earlier read loaded it (load by slug, then
// article.Update(...) or db.Model(&a).Updates(...)).
func (r *runner) idInput(h *httpmodel.Handler, da *httpmodel.DataAccess) *idInput {
	if id := r.directIDInput(h, da); id != nil || da.Kind == httpmodel.Read || creation(da.Method) {
		return id
	}
	for _, s := range da.Selectors {
		for _, rd := range h.DataAccesses {
			if rd == da || rd.Kind != httpmodel.Read || !r.loadedBy(h, s, rd) {
				continue
			}
			if id := r.directIDInput(h, rd); id != nil {
				return &idInput{in: id.in, sel: s, name: id.name, desc: id.desc, loaded: rd, loadedBy: id.sel}
			}
		}
	}
	return nil
}

// loadedBy: s is the object read rd loaded (its destination, or the
// result of a repository call).
func (r *runner) loadedBy(h *httpmodel.Handler, s ast.Expr, rd *httpmodel.DataAccess) bool {
	if v := source.RootVar(r.pass.TypesInfo, s); v != nil && rd.Dest != nil && v == source.RootVar(r.pass.TypesInfo, rd.Dest) {
		return true
	}
	return rd.Library == "repo" && h.Flow().DerivesFrom(s, rd.Call)
}

func (r *runner) directIDInput(h *httpmodel.Handler, da *httpmodel.DataAccess) *idInput {
	for _, s := range da.Selectors {
		in := h.InputOf(s)
		if in == nil {
			continue
		}
		var desc string
		switch in.Kind {
		case httpmodel.PathParam:
			desc = fmt.Sprintf("path parameter %q", in.Name)
			if in.Name == "" {
				desc = "a path parameter"
			}
		case httpmodel.Argument:
			// A GraphQL field argument, or a field of an input object.
			if !idName(in.Name) {
				continue
			}
			desc = fmt.Sprintf("argument %q", in.Name)
		case httpmodel.Message:
			// An RPC request field: an identifier, or a resource name
			// ("orders/{id}", AIP-122) that carries one.
			if !idName(in.Name) && !resourceName(in.Name) {
				continue
			}
			desc = fmt.Sprintf("request field %q", in.Name)
		case httpmodel.Header:
			// A tenant, organization or user ID the client sends (a
			// header, incoming gRPC metadata) is chosen by the client.
			if in.Name == "" || !ownerIDName(in.Name) {
				continue
			}
			desc = fmt.Sprintf("header %q", in.Name)
			if h.Framework.IsRPC() {
				desc = fmt.Sprintf("metadata %q", in.Name)
			}
		case httpmodel.Cookie:
			if in.Name == "" || !idName(in.Name) {
				continue
			}
			desc = fmt.Sprintf("cookie %q", in.Name)
		case httpmodel.QueryParam, httpmodel.Form:
			if in.Name == "" || !idName(in.Name) {
				continue
			}
			kind := "query parameter"
			if in.Kind == httpmodel.Form {
				kind = "form field"
			}
			desc = fmt.Sprintf("%s %q", kind, in.Name)
		case httpmodel.Body:
			field := bodyField(s)
			if field == "" {
				// An element of a bound list (for _, id := range req.IDs).
				field = bodyField(h.Flow().Origin(s))
			}
			if field == "" || !idName(field) && !idName(strings.TrimSuffix(field, "s")) { // IDs
				continue
			}
			desc = fmt.Sprintf("body field %q", field)
		default:
			continue
		}
		name := in.Name
		if in.Kind == httpmodel.Body {
			if name = bodyField(s); name == "" {
				name = bodyField(h.Flow().Origin(s))
			}
		}
		return &idInput{in: in, sel: s, name: name, desc: desc}
	}
	return nil
}

// ownerIDName: the identifier names a user or owner (uid, user_id,
// ownerId, account_id, tenant_id).
func ownerIDName(name string) bool {
	if _, ok := persist.OwnerName(name); ok {
		return true
	}
	ws := words.Split(name)
	return len(ws) == 1 && ws[0] == "uid"
}

// bodyField is the field name a selector reads from a bound body.
func bodyField(e ast.Expr) string {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			return x.Sel.Name
		case *ast.CallExpr:
			if len(x.Args) != 1 {
				return ""
			}
			e = x.Args[0]
		case *ast.StarExpr:
			e = x.X
		default:
			return ""
		}
	}
}

// idName: the last word names an identifier (OrderID, doc_id, uuid, slug).
func idName(name string) bool { return words.Identifier(name) }

// isPrincipal reports whether e derives from who the caller is.
func (r *runner) isPrincipal(h *httpmodel.Handler, e ast.Expr) bool {
	if h.PrincipalOf(e) != nil {
		return true
	}
	if len(settings.PrincipalFuncs) == 0 {
		return false
	}
	return h.Flow().DerivesWhere(e, func(x ast.Expr) bool { return configuredPrincipal(r.pass.TypesInfo, x) })
}

// configuredPrincipal: x calls a configured principal-funcs entry.
func configuredPrincipal(info *types.Info, x ast.Expr) bool {
	c, ok := x.(*ast.CallExpr)
	return ok && matchFunc(settings.PrincipalFuncs, typeutil.StaticCallee(info, c))
}

// scoped: another selector or argument of the access derives from the
// principal.
func (r *runner) scoped(h *httpmodel.Handler, da *httpmodel.DataAccess, id *idInput) bool {
	var cands []ast.Expr
	cands = append(cands, da.Selectors...)
	cands = append(cands, da.Call.Args...)
	for _, c := range da.Conditions {
		cands = append(cands, c.Args...)
	}
	for _, c := range chainOf(da) {
		if calleeName(r.pass.TypesInfo, c) == "Scopes" || calleeName(r.pass.TypesInfo, c) == "Where" {
			cands = append(cands, c.Args...)
		}
	}
	// The caller's ID in a literal the body is decoded over afterwards
	// ({"UserID": 7} replaces it) scopes nothing; nor does the variable
	// holding it, whose other fields are selectors of their own.
	overVals, overVars := r.overridable(h, da)
	for _, e := range cands {
		if e == id.sel || overVals[e] {
			continue
		}
		if v := source.RootVar(r.pass.TypesInfo, e); v != nil && overVars[v] && isVarRef(e) {
			continue
		}
		if decodeInto(r.pass.TypesInfo, e, overVars) {
			continue // the decode call itself (a definition of the variable)
		}
		if r.isPrincipal(h, e) {
			return true
		}
	}
	// A repository or service method that learns the caller itself
	// (claims from the context) scopes its queries there.
	if da.Library == "repo" && da.Func != nil {
		if f := r.res.DataAccessOf(da.Func); f != nil && f.CallerScoped {
			return true
		}
	}
	// A helper of the same package that receives the request itself
	// (findEntries(w, r, feedID)) can learn the caller and check there.
	if da.Library == "repo" && da.Func != nil && da.Func.Pkg() == r.pass.Pkg && h.Request != nil {
		for _, a := range da.Call.Args {
			if h.Flow().DerivesFromVar(a, h.Request) && !h.Flow().DerivesFrom(a, id.sel) {
				return true
			}
		}
	}
	return false
}

// decodeInto: e is a call that takes one of vars or its address (the
// body decode that defines it).
func decodeInto(info *types.Info, e ast.Expr, vars map[*types.Var]bool) bool {
	c, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(vars) == 0 {
		return false
	}
	for _, a := range c.Args {
		if v := source.RootVar(info, a); v != nil && vars[v] && isVarRef(a) {
			return true
		}
	}
	return false
}

// isVarRef: e is a variable or its address (v, &v).
func isVarRef(e ast.Expr) bool {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok {
		e = ast.Unparen(u.X)
	}
	_, ok := e.(*ast.Ident)
	return ok
}

// publicEndpoint: the handler learns no principal and no route to it is
// authenticated. A detached route (its router handed to code the model
// cannot follow) may be served under authentication the model does not
// see: no sign of a public endpoint.
func (r *runner) publicEndpoint(h *httpmodel.Handler, routes []*httpmodel.Route) bool {
	if len(h.Principals) > 0 || len(routes) == 0 {
		return false
	}
	for _, rt := range routes {
		if rt.Kinds()&httpmodel.Auth != 0 || rt.Detached {
			return false
		}
	}
	return true
}

// authzMiddleware returns the name of an authorizing middleware on every
// route to the handler, or "".
func (r *runner) authzMiddleware(routes []*httpmodel.Route) string {
	if len(routes) == 0 {
		return ""
	}
	found := ""
	for _, rt := range routes {
		name := ""
		for _, m := range rt.Middleware {
			// Configured authz-middleware first, then what the shared
			// HTTP model reads as authorization.
			if m.Func != nil && matchFunc(settings.AuthzMiddleware, m.Func) {
				name = m.Func.Name()
				break
			}
			n := m.Name
			if m.Func != nil {
				n = m.Func.Name()
			}
			if n == "" && m.Expr != nil {
				n = types.ExprString(m.Expr)
			}
			if matchName(settings.AuthzMiddleware, n, m.PkgPath) {
				name = n
				break
			}
			if name = m.AuthzName(); name != "" {
				break
			}
		}
		if name == "" {
			return ""
		}
		found = name
	}
	return found
}

func matchName(es []Entry, name, pkgPath string) bool {
	for _, e := range es {
		if e.Name == name || (pkgPath != "" && e.Name == pkgPath+"."+name) {
			return true
		}
	}
	return false
}

func (r *runner) report(h *httpmodel.Handler, da *httpmodel.DataAccess, id *idInput, model string, routes []*httpmodel.Route) {
	fix := "scope the query by the caller or check the owner (403/404)"
	if da.Library == "repo" {
		fix = "pass the caller to " + da.Method + " to scope it, or check the owner (403/404)"
	}
	verb := verbOf(string(da.Kind))
	count := r.countOnly(h, da)
	if count {
		verb = "count"
	}
	var msg string
	if len(routes) > 0 {
		msg = fit(
			fmt.Sprintf("no ownership check: %s selects %s in %s on %s %s, so any caller can %s others' objects; %s",
				id.desc, model, r.via(da), routes[0].Method, routes[0].Path, verb, fix),
			fmt.Sprintf("no ownership check: %s selects %s on %s %s, so any caller can %s others' objects; %s",
				id.desc, model, routes[0].Method, routes[0].Path, verb, fix),
			fmt.Sprintf("no ownership check: %s selects %s on %s %s; scope the query by the caller or check the owner",
				id.desc, model, routes[0].Method, routes[0].Path))
	} else {
		msg = fit(
			fmt.Sprintf("no ownership check: %s selects %s in %s, and no route to %s is visible; any caller may %s others' objects: scope the query or check the owner, or list it in bola.authorized-handlers",
				id.desc, model, r.via(da), r.handlerLabel(h), verb),
			fmt.Sprintf("no ownership check: %s selects %s, and no route to %s is visible; scope the query or check the owner, or list it in bola.authorized-handlers",
				id.desc, model, shortName(r.handlerLabel(h))))
	}
	if count {
		// Only how many objects there are leaves the handler.
		check.Report(r.pass, analysis.Diagnostic{Pos: da.Call.Pos(), End: da.Call.End(), Message: msg}, check.Warning)
		return
	}
	r.pass.Report(analysis.Diagnostic{Pos: da.Call.Pos(), End: da.Call.End(), Message: msg})
}

func verbOf(kind string) string {
	switch kind {
	case string(httpmodel.Read):
		return "read"
	case string(httpmodel.Write):
		return "change"
	case string(httpmodel.Delete):
		return "delete"
	}
	return "access"
}

func (r *runner) via(da *httpmodel.DataAccess) string {
	if da.Func != nil {
		return funcLabel(da.Func)
	}
	return da.Method
}

func shortPos(p token.Position) string {
	return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
}

func funcLabel(fn *types.Func) string {
	sig, _ := fn.Type().(*types.Signature)
	if sig != nil && sig.Recv() != nil {
		t := sig.Recv().Type()
		star := ""
		if p, ok := t.(*types.Pointer); ok {
			t, star = p.Elem(), "*"
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			pkg := ""
			if n.Obj().Pkg() != nil {
				pkg = n.Obj().Pkg().Name() + "."
			}
			return "(" + star + pkg + n.Obj().Name() + ")." + fn.Name()
		}
	}
	if fn.Pkg() != nil {
		return fn.Pkg().Name() + "." + fn.Name()
	}
	return fn.Name()
}
