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

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/httpmodel"
	"github.com/apivet/apivet/internal/persist"
	"github.com/apivet/apivet/internal/source"
	"github.com/apivet/apivet/internal/words"
)

// Doc is the man page of the check.
const Doc = `bola: report handlers that act on a client-chosen object ID with no ownership or authorization check

A handler takes an identifier from the request (a path parameter, an
ID-named query or form parameter, an ID field of the bound body), and
that identifier selects rows in a data access (gorm, database/sql, sqlx,
or a repository/service method in another package that reaches one), and
nothing in the handler establishes that the caller may touch that
object. Any authenticated caller can then read, change or delete other
users' objects by changing the ID: Broken Object Level Authorization,
OWASP API1:2023, CWE-639.

The finding is reported at the data-access call (or the repository call
that leads to it) and names the parameter, the model, the route when it
is known, and the fix: scope the query by the caller
(WHERE id = ? AND user_id = ?), or load the object, compare its owner
with the caller and return 403/404 on a mismatch.

What counts as a check (no finding):

  - Scoped access: another selector of the same call, or another argument
    of the repository call, derives from the principal; or the call is of
    a helper of the same package that receives the request itself (it can
    learn the caller and check there) (the caller, as the
    HTTP model recognizes it: auth.FromContext(ctx), c.Get("user"),
    c.Locals("user"), JWT claims, configured principal-funcs).
  - Ownership comparison: anywhere in the handler, an if-condition compares
    a principal-derived value with a non-constant value (o.UserID != me.ID,
    uid != me.ID), and the mismatch branch stops: it ends in return, panic,
    an abort or exit call, or it is the handler's last statement and writes
    an error response. "if o.UserID == me.ID { ...respond... }" also
    counts. A mismatch branch that only logs is not a check.
  - Role check: a principal's role/admin field compared with a constant, or
    a boolean admin flag, with a stopping mismatch branch (admin-only
    handlers).
  - Authorization call: a call of an authorization library (casbin Enforce,
    OPA rego Eval, ory/keto CheckPermission, openfga Check, cerbos
    IsAllowed/CheckResources, SpiceDB CheckPermission, permit.io Check), of
    a project function whose name reads as a decision (authorize, can...,
    checkAccess, ensureOwner, isOwner, hasPermission, enforce, allowed,
    ...), of a function known by a fact to compare an owner field of one
    parameter with another parameter, or the caller (a principal) with
    request input it reads itself (CheckEffectiveUser(w, r) comparing the
    caller's ID with the path's user), or to call such a function, or of a
    configured authz-funcs entry.
  - The ID is the principal's own: selectors derived only from the principal
    are not client-chosen.
  - Route-level authorization: a route to the handler has middleware whose
    name reads as authorization (RequireAdmin, AdminOnly, RequireRole,
    RBAC, casbin, HasPermission, ...) or is configured in authz-middleware.
    Authentication middleware alone is not authorization.
  - Objects that are not per-user data: the model (the read destination,
    gorm Model(&T{}), the table of the SQL text matched to a model by
    gorm's naming, or the result/receiver of a repository method) has no
    owner field (UserID, OwnerID, TenantID, AccountID, OrgID, CustomerID,
    AuthorID, CreatedBy, ...) and the SQL names no owner column: it is taken
    to be public or shared data (a catalog, reference data). A model whose
    only owner fields name an author or creator (AuthorID, CreatedBy) is
    authored content (posts, comments): reading it is not reported,
    changing or deleting it is. This is a heuristic: mark private models without such a field in owned-models,
    and public models with one in public-models.
  - Public reads: a read (not a change) in a handler that learns no
    principal, on routes none of which has authentication middleware, is a
    public endpoint by design (GET /articles/:slug); BOLA needs a caller.
  - Routes in another package: when a handler's routes are registered in
    another package (a controllers package mounted by a routes package),
    the handler gets a fact and the decision is made where the routes
    are: a finding is reported at the route registration ("GET
    /orders/:id: handler ctrl.GetOrder selects store.Order by ...
    (orders.go:42)") unless the route has authorizing middleware, and for
    reads only if the route is authenticated.
  - Routes on a caller's group: routes registered on a router or group a
    function receives (gin *gin.RouterGroup, echo *echo.Group, chi
    chi.Router, mux *mux.Router, fiber fiber.Router) are judged at each
    call of that function in another package, with the middleware of the
    group passed there (gin-vue-admin's Init...Router(privateGroup) behind
    casbin is fine; the same function called with a group that only
    authenticates is reported at that call).

When no route is visible. A handler that no code of the module mounts
where the model can follow (a generated router, reflection, another
module, a library of handlers) is still judged, where it is: its
accesses are reported with "no route to X is visible", reads included
(nothing shows the route is public). Whether code elsewhere mounts it is
read from the module's source (a file of another package that imports the
handler's package and names the handler), so every delivery path
(apivet, go vet -vettool, golangci-lint, the language server) decides the
same way; such code then decides, at the route, or at the reference when
it mounts the handler in a way the model does not follow (a table of
handlers). Declare an authorization the model cannot see with
authorized-handlers, or suppress with a reason.

gRPC services (grpc-go). Methods of a type that embeds the generated
Unimplemented...Server, with a unary RPC signature, are handlers; their
request message's fields and getters are client input (ID-named fields,
and resource names: name, parent). The registration
pb.RegisterXServer(s, impl) is their route, with the interceptors of the
grpc.NewServer(...) s holds as middleware: an authorizing interceptor
(authz.UnaryServerInterceptor, a configured authz-middleware) makes them
fine, one that rejects unauthenticated calls makes reads count; one that
answers PermissionDenied (grpc codes, connect.CodePermissionDenied)
authorizes. A code only compared or switched on (a logging interceptor)
rejects nothing. go-grpc-middleware's auth interceptor (v1, v2, also
behind its selector) authenticates, and authorizes when its AuthFunc
answers PermissionDenied; a service implementing AuthFuncOverride has
that method decide instead (one that lets every call through makes the
service public). Services registered on a server a function receives
(memos' NewAPIV1Service(..., grpcServer)) are judged at each call, with
the interceptors of the server passed there. Only the methods of the
registered service interface are its routes. A tenant, organization or
user ID read from incoming metadata (md.Get("x-tenant-id"),
metadata.ValueFromIncomingContext) or an HTTP header is client-chosen.

Connect services (connect-go). Methods taking *connect.Request[T] and
returning *connect.Response[U], and methods of the generator's simple
form of a type implementing a generated XServiceHandler, are handlers;
req.Msg's fields and getters are client input. Their route is
xconnect.NewXServiceHandler(svc, opts...): the chain of the HTTP route
that mounts the returned handler (mux.Handle(path, mw(h))), then the
interceptors of connect.WithInterceptors, decided as for gRPC.

GraphQL resolvers (gqlgen). Methods of the query, mutation and object
resolver types are handlers; their arguments (id, input.ID) are
client-chosen, a field resolver's parent object is not. A directive on
the field whose name reads as authorization (@hasRole) is a check; one
that authenticates (@isAuthenticated) makes reads count. The schema
built from the resolver root (X.NewExecutableSchema(X.Config{Resolvers:
...})) is the route of every field, with the chain of the HTTP route
serving it.

Generated OpenAPI servers (oapi-codegen). Methods implementing the
generated ServerInterface (std-http, chi, echo, gin, fiber) or
StrictServerInterface are handlers; their typed path parameters, the
fields of their Params struct and of the strict RequestObject (path
parameters, Params, Body) are client input. HandlerFromMux(si, r),
HandlerWithOptions, RegisterHandlers(e, si) register each operation on
the router given, with that router's middleware, the Middlewares option
and NewStrictHandler's strict middlewares.

Also seen as object accesses: repository interfaces whose implementations
are not in the program (a lookup- or change-named method, Get/List/Find/
Delete/Update..., taking an identifier or a filter struct with an ID
field, and returning or named after a model: memos'
ListMemos(ctx, &FindMemo{UID: &uid}) through its Driver interface); the
fields of a filter literal are selectors of their own, so an owner field
set from the caller (&FindMemo{UID: &uid, CreatorID: &me.ID}) scopes the
lookup; changes made through the object a read loaded (load by slug, then
article.Update(...) or db.Model(&a).Updates(...)), and changes to its
parts (DeleteMemoRelation(&{MemoID: &memo.ID}) after loading the memo
by a client-chosen name), judged by the loaded object's model unless the
read was scoped or the change upserts a new part (a comment); and IDs
from cookies (a uid cookie). A handler no route names that other
handlers only delegate to (memos' Connect methods calling the gRPC ones
with req.Msg) is judged on their routes. The caller's own record, loaded
by the principal (GetUser(ctx, &FindUser{ID: &claims.UserID})), is a
principal too. Also seen as checks: decision methods of an authorizer
object the handler holds (policy.Check, acl.Can, enforcer.Enforce on a
Checker/Authorizer/Policy/Enforcer/ACL-named type), and functions named
as a decision that are handed such an object (CheckRegistry(ctx,
c.Authorizer, session)), that receive the caller, request input or the
loaded object. One finding is reported per
client-chosen input in a handler (the access that does the most with it)
and per route and handler at a registration.

Limits. The analysis is per handler and syntactic (go/types plus the HTTP
model's flow-insensitive value flow): a check anywhere in the handler
covers every access in it; a check made in a helper the handler calls is
seen only when the helper is an authorizer (by name, library or fact) or
receives the principal; IDs passed into callbacks (withID(c, func(id)
{...})), through maps or globals are not followed; a model whose
ownership lives in another table (a join through a membership table) has
no owner field and is treated as shared unless configured; handlers whose
model cannot be determined (a repository method returning no model, SQL
naming an unknown table) are not reported. Middleware is known only where
the HTTP model resolves the route (see "When no route is visible").

Settings (.apivet.yml, section bola; every entry has a name and a
one-line reason):

  principal-funcs   functions that return the caller
  authz-funcs       functions that decide object access ("pkg.Func",
                    "(*pkg.Type).Method", or a bare name)
  authz-middleware  middleware that authorizes the routes it wraps
  authorized-handlers handlers whose routes authorize every object they
                    serve where apivet cannot see it (a gateway, a
                    generated router)
  owned-models      models (or SQL tables) that are per-user data
  public-models     models (or SQL tables) anyone may read
  ignore-routes     "METHOD /path" or "/path/*" routes not to report

Suppress one finding with a reason, on the line or the line above:

  //apivet:ignore bola <reason, e.g. ids are unguessable share links>
`

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
	var guard string
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
		if !owned {
			continue
		}
		if r.scoped(h, da, id) {
			continue
		}
		if id.loaded != nil && r.scoped(h, id.loaded, &idInput{sel: id.loadedBy}) {
			continue // the object was loaded scoped by the caller
		}
		if !guardDone {
			guard = r.guard(h)
			guardDone = true
		}
		if guard != "" {
			continue
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
	at := map[*httpmodel.Input]int{}
	for _, f := range fs {
		if i, ok := at[f.id.in]; ok {
			if strength(string(f.da.Kind)) > strength(string(out[i].da.Kind)) {
				out[i] = f
			}
			continue
		}
		at[f.id.in] = len(out)
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
			if field == "" || !idName(field) {
				continue
			}
			desc = fmt.Sprintf("body field %q", field)
		default:
			continue
		}
		name := in.Name
		if in.Kind == httpmodel.Body {
			name = bodyField(s)
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
	for _, e := range cands {
		if e == id.sel {
			continue
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

// publicEndpoint: the handler learns no principal and no route to it is
// authenticated.
func (r *runner) publicEndpoint(h *httpmodel.Handler, routes []*httpmodel.Route) bool {
	if len(h.Principals) > 0 || len(routes) == 0 {
		return false
	}
	for _, rt := range routes {
		if rt.Kinds()&httpmodel.Auth != 0 {
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
	var msg string
	if len(routes) > 0 {
		msg = fit(
			fmt.Sprintf("no ownership check: %s selects %s in %s on %s %s, so any caller can %s others' objects; %s",
				id.desc, model, r.via(da), routes[0].Method, routes[0].Path, verbOf(string(da.Kind)), fix),
			fmt.Sprintf("no ownership check: %s selects %s on %s %s, so any caller can %s others' objects; %s",
				id.desc, model, routes[0].Method, routes[0].Path, verbOf(string(da.Kind)), fix),
			fmt.Sprintf("no ownership check: %s selects %s on %s %s; scope the query by the caller or check the owner",
				id.desc, model, routes[0].Method, routes[0].Path))
	} else {
		msg = fit(
			fmt.Sprintf("no ownership check: %s selects %s in %s, and no route to %s is visible; any caller may %s others' objects: scope the query or check the owner, or list it in bola.authorized-handlers",
				id.desc, model, r.via(da), r.handlerLabel(h), verbOf(string(da.Kind))),
			fmt.Sprintf("no ownership check: %s selects %s, and no route to %s is visible; scope the query or check the owner, or list it in bola.authorized-handlers",
				id.desc, model, shortName(r.handlerLabel(h))))
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
