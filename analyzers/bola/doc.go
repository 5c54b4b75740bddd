package bola

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

A service that knows no caller at all — a type whose handler methods
are on visible routes none of which authenticates, and none of whose
methods learns the caller (an internal backend such as lakeFS's
contrib/auth/acl, or a service behind an authenticating gateway) — is
one warning, at its first change by a client-chosen ID, with the others
as related information: the root cause is that the service cannot tell
clients apart, and the fix is to authenticate (or to declare the
gateway's authorization with authz-middleware), not an ownership check
per handler. An RPC service that never learns its caller is not
reported (an mTLS admin API). Plain-function handlers, and services
whose routes are not in sight, are judged one by one.

What counts as a check (no finding):

  - Scoped access: another selector of the same call, or another argument
    of the repository call, derives from the principal; or the call is of
    a helper of the same package that receives the request itself (it can
    learn the caller and check there) (the caller, as the
    HTTP model recognizes it: auth.FromContext(ctx), c.Get("user"),
    c.Get(getUserIDContextKey()) with a key getter of the package that
    only returns the key, c.Locals("user"), JWT claims, configured
    principal-funcs).
  - Scoped existence check: before the access, the handler reads the
    object by the same client-chosen input scoped by the caller
    (FindResource(ctx, &ResourceFind{ID: &id, CreatorID: &me})) and
    stops when that read fails or finds nothing (if err != nil, if
    r == nil: return). A scoped read whose outcome is ignored checks
    nothing. Neither this nor a comparison covers a change selected by
    a struct literal's ID field that the request body is then decoded
    into, when the decoder can set that field (exported, not
    json:"-"): the client's {"ID": 7} replaces the checked ID. For the
    same reason the caller's ID in such a literal
    (&Upsert{MemoID: id, UserID: me}, then decoded over) scopes
    nothing; assigned after the decode, it does.
  - Ownership comparison: anywhere in the handler, an if-condition compares
    a principal-derived value with a non-constant value (o.UserID != me.ID,
    uid != me.ID), and the mismatch branch stops: it ends in return, panic,
    an abort or exit call, or it is the handler's last statement and writes
    an error response. "if o.UserID == me.ID { ...respond... }" also
    counts. A mismatch branch that only logs is not a check.
  - Caller-narrowed filter: before the access, an if-statement whose
    condition compares the caller with the client-chosen ID or with a
    field of the filter the access is given
    (*memoFind.CreatorID != currentUserID) assigns, in one of its
    branches, a visibility, status or owner field of that filter
    (memoFind.VisibilityList = public only): the branches decide what
    the caller sees (memos' GET /memo/stats). A branch on anything else
    (a query flag), or one that sets another field (a page size),
    checks nothing.
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
    caller's ID with the path's user) or with an owner field of a
    parameter (checkMemoAccess(ctx, memo): memo.CreatorID != user.ID),
    or to call such a function, or of a configured authz-funcs entry. A
    call whose bool or error answer is thrown away (a bare
    s.CheckOwnership(ctx, id) statement, _ = canEdit(u, o)) checks
    nothing.
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
    changing or deleting it is. Authored content that can be private (a
    field ending in Visibility, Private, Public, Draft, Published,
    Hidden: a memo, a draft), or that belongs to such a parent (an
    Attachment's MemoID, the package's Memo having a Visibility), is
    per-user when read too, unless the
    handler loads it only to list what another read filtered by the
    caller returns (memos' ListMemoComments). A user-account model (User,
    SysUser, Account, Member, Profile) with no owner field is each user's
    own record: changing one selected by a client-chosen ID is reported.
    A part with no owner of its own (a memo's resource link
    MemoResource{MemoID}) selected by the client-chosen ID of its parent
    (memoId names Memo, and the part or its filter has a MemoID) is
    judged by the parent: reported when the parent has an owner field or
    is private-capable authored content, upserts included. A table whose owner lives only in a
    column counts as per-user when other SQL of the repository's package
    filters it by an owner column (SELECT ... FROM authors WHERE
    owner_user_id = ?), and a lookup of it by ID is judged as owned,
    reads included even when the model names only an author (a book's
    AuthorID is its writer).
    This is a heuristic: mark private models without such a field in owned-models,
    and public models with one in public-models.
  - Public reads: a read (not a change) in a handler that learns no
    principal, on routes none of which has authentication middleware, is a
    public endpoint by design (GET /articles/:slug); BOLA needs a caller.
    A route on a router handed to code the model cannot follow (a
    dispatcher keeping routers in a map or slice; apivet routes flags it
    detached) may be served behind authentication not seen: its reads are
    reported.
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

Streaming RPCs are handlers too: grpc-go's server streaming
ListOrders(req *pb.ListReq, stream pb.Svc_ListOrdersServer), client
streaming and bidi Upload(stream pb.Svc_UploadServer), and connect's
(ctx, *connect.Request[T] or *T, *connect.ServerStream[U]),
(ctx, *connect.ClientStream[T]) and (ctx, *connect.BidiStream[T, U]).
The request message and every message received (msg, err :=
stream.Recv(); stream.Msg(); stream.Receive()) are client input, field
by field; the caller comes from stream.Context() or ctx. A route's
interceptors are those of its kind of call: a streaming RPC has the
server's grpc.StreamInterceptor/ChainStreamInterceptor ones, a unary RPC
the unary ones; a connect.UnaryInterceptorFunc does not intercept
streams, and a connect.Interceptor is judged per kind by its WrapUnary
and WrapStreamingHandler. apivet routes flags streaming RPCs
server-stream, client-stream or bidi-stream.

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
lookup, as do the fields of the literal a filter variable is defined by
and the fields assigned to it afterwards (pin.OwnerID = me); a
repository function with no model in sight (SQL text built at run time)
acts on the model it or its filter is named after (DeleteShortcut(ctx,
&ShortcutDelete{...}): Shortcut), and one that reads several models on
the one it is named after (FindMemo: memoRaw); keeping objects in a
cache (UpsertCache, a CacheService) changes nothing stored; calls
through a project interface that *sql.DB implements (sqlc's DBTX,
ExecContext/QueryContext/QueryRowContext) are database/sql calls, SQL
text included; changes made through the object a read loaded (load by slug, then
article.Update(...) or db.Model(&a).Updates(...)), and changes to its
parts (DeleteMemoRelation(&{MemoID: &memo.ID}) after loading the memo
by a client-chosen name), judged by the loaded object's model unless the
read was scoped or the change upserts a new part (a comment); and IDs
from cookies (a uid cookie), and each element of a bound list of IDs
(for _, id := range req.IDs: bulk endpoints). A handler no route names that other
handlers only delegate to (memos' Connect methods calling the gRPC ones
with req.Msg) is judged on their routes. The caller's own record, loaded
by the principal (GetUser(ctx, &FindUser{ID: &claims.UserID}), a store
reading a userRaw row included), is a principal too. Also seen as checks: decision methods of an authorizer
object the handler holds (policy.Check, acl.Can, enforcer.Enforce on a
Checker/Authorizer/Policy/Enforcer/ACL-named type), and functions named
as a decision that are handed such an object (CheckRegistry(ctx,
c.Authorizer, session)), that receive the caller, request input or the
loaded object. A read whose answer leaves the handler only as a number —
a count or existence query (CountMemos, ExistsOrder, gorm Count)
answering an integer or a bool, or a list used only as len(list)
(memos' GET /memo/amount) — is a warning, not an error: it tells how
many objects another user has, not what they hold. One finding is
reported per client-chosen input in a handler (the access that does the most with it)
and per route and handler at a registration.

Limits. The analysis is per handler and syntactic (go/types plus the HTTP
model's flow-insensitive value flow): a check anywhere in the handler
covers every access in it, except that a check in one case of a switch
or select covers only the accesses of that case (bindery's bulk
endpoint checked "search" and deleted unchecked); a check made in a helper the handler calls is
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
