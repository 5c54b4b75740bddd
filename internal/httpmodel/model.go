// Package httpmodel is apivet's shared model of a Go HTTP API: which
// functions are HTTP handlers, which routes reach them through which
// middleware, where a handler reads client input, learns who the caller is,
// writes a response, and reads or changes stored objects.
//
// Every check that needs this knowledge Requires Analyzer and reads its
// *Result:
//
//	res := pass.ResultOf[httpmodel.Analyzer].(*httpmodel.Result)
//	for _, h := range res.Handlers {
//		for _, in := range h.Inputs { ... }
//	}
//
// Frameworks: net/http (Go 1.22 ServeMux patterns), gorilla/mux, chi v5,
// gin, echo v4 (and v5), fiber v2 (and v3), julienschmidt/httprouter;
// generated servers of oapi-codegen (oapi.go). RPC and GraphQL services,
// whose methods are handlers and whose registrations are
// Result.RPCRoutes: grpc-go (grpc.go), connect-go (connect.go), gqlgen
// resolvers (gqlgen.go).
// Libraries: encoding/json, go-chi/render, gorm (gorm.io chain and
// generics API, and jinzhu/gorm v1), database/sql, sqlx, mongo-driver
// (v1 and v2), golang-jwt. Knowledge of each library is written as tables (tables*.go),
// keyed by package path, receiver type name and function name, checked
// against the library source of the versions listed there.
//
// Cross-package knowledge travels as go/analysis facts:
//   - *PrincipalFact: a function returns who the caller is (auth.FromContext);
//   - *MiddlewareFact: a function is (or builds) middleware that
//     authenticates, rate-limits, limits bodies or sets CORS headers;
//   - *DataAccessFact: a function or method reads/writes/deletes stored
//     objects selected by some of its parameters (a repository method);
//   - *InputFact: a function returns request input (an input helper
//     such as idParam(r)), or decodes the request into a parameter (a
//     bind helper); its calls in handlers are Inputs;
//   - *ResponseFact: a function writes a parameter as a response body
//     (respondJSON(w, status, v)); its calls in handlers are Responses;
//   - *RoutesFact: a function registers routes on a router parameter, or
//     returns a router, so routers built in one package and mounted in
//     another join up.
//
// Packages that import none of the known frameworks or libraries get an
// empty Result at once.
//
// Limits: the model is syntactic plus go/types. Routers are followed
// through local variables, struct fields and package variables (one
// router per field), function parameters and results (summaries), but not
// through maps, slices or channels; route tables built in loops give
// paths that are not constant, shown as "{?}". Value flow (Flow) is a
// flow-insensitive def-use walk over one function body: see Flow.
package httpmodel

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"sort"

	"github.com/apivet/apivet/internal/check"
	"golang.org/x/tools/go/analysis"
)

// Analyzer computes the HTTP model of a package. Its result is a *Result.
var Analyzer = &analysis.Analyzer{
	Name:       "httpmodel",
	Doc:        "computes apivet's model of a Go HTTP API (handlers, routes, middleware, inputs, principals, responses, data access); reports nothing",
	Run:        run,
	Requires:   []*analysis.Analyzer{check.Inspect},
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{new(PrincipalFact), new(MiddlewareFact), new(DataAccessFact), new(RoutesFact), new(ModelFact), new(InputFact), new(ResponseFact), new(GraphQLFieldFact), new(OpenAPIOperationFact), new(RPCRoutesFact)},
}

// Framework names an HTTP framework.
type Framework string

// The frameworks the model knows.
const (
	NetHTTP    Framework = "net/http"
	GorillaMux Framework = "gorilla/mux"
	Chi        Framework = "chi"
	Gin        Framework = "gin"
	Echo       Framework = "echo" // echo v4
	EchoV5     Framework = "echo/v5"
	Fiber      Framework = "fiber" // fiber v2
	FiberV3    Framework = "fiber/v3"
	// HTTPRouter is julienschmidt/httprouter: handlers
	// func(http.ResponseWriter, *http.Request, httprouter.Params).
	HTTPRouter Framework = "httprouter"
)

// Result is the HTTP model of one package.
type Result struct {
	// Handlers are all functions, methods and closures of the package with
	// a framework handler signature, in source order.
	Handlers []*Handler
	// Routes are the routes registered in this package, in source order
	// of registration. Routes spliced in from other packages' RoutesFacts
	// (a router built there, mounted here) are included with their full
	// path; see Route.Partial for routes whose prefix is decided by a
	// caller in another package.
	Routes []*Route
	// RPCRoutes are the RPC methods of the services this package
	// registers (grpc-go pb.RegisterXServer), with their interceptors as
	// middleware. They are kept apart from Routes, which the HTTP checks
	// (ratelimit, bodylimit, the inventory) read.
	RPCRoutes []*Route
	// Consumed lists functions of other packages whose route summaries
	// (RoutesFact) this package spliced into its own routes. Inventory
	// tools drop those functions' Partial/Returned routes to avoid
	// listing a route twice.
	Consumed []string

	byNode     map[ast.Node]*Handler
	byFunc     map[*types.Func]*Handler // FuncDecl handlers and factories
	routerOf   map[ast.Expr]*Router
	principals map[*types.Func]*PrincipalFact
	m          *modeler
}

// Release drops the model once every analyzer that requires it has run on
// the package (see check.Plan); it must not be used afterwards.
func (r *Result) Release() { *r = Result{} }

// HandlerAt returns the handler whose node (*ast.FuncDecl or *ast.FuncLit)
// is n, or nil.
func (r *Result) HandlerAt(n ast.Node) *Handler {
	if r == nil {
		return nil
	}
	return r.byNode[n]
}

// HandlerOf returns the handler declared as fn, or the handler that fn
// (a factory such as `func getOrder(db) http.HandlerFunc`) returns, or nil.
func (r *Result) HandlerOf(fn *types.Func) *Handler {
	if r == nil || fn == nil {
		return nil
	}
	return r.byFunc[fn.Origin()]
}

// Enclosing returns the handler whose body contains pos (the innermost
// one), or nil.
func (r *Result) Enclosing(pos token.Pos) *Handler {
	var best *Handler
	for _, h := range r.Handlers {
		if h.Node.Pos() <= pos && pos < h.Node.End() {
			if best == nil || h.Node.Pos() >= best.Node.Pos() {
				best = h
			}
		}
	}
	return best
}

// RoutesTo returns the routes whose handler is h.
func (r *Result) RoutesTo(h *Handler) []*Route {
	var out []*Route
	for _, rt := range r.Routes {
		if rt.Handler == h {
			out = append(out, rt)
		}
	}
	for _, rt := range r.RPCRoutes {
		if rt.Handler == h {
			out = append(out, rt)
		}
	}
	return out
}

// RouterOf returns the router (or sub-router, group) that the expression
// e evaluates to, if e is an expression the route walker evaluated (a
// router variable passed to http.ListenAndServe, an http.Server Handler
// field, a gin/echo/fiber receiver of Run/Start/Listen), or nil.
func (r *Result) RouterOf(e ast.Expr) *Router {
	if r == nil {
		return nil
	}
	return r.routerOf[ast.Unparen(e)]
}

// IsPrincipalFunc reports whether fn returns who the caller is: it is
// listed in Settings.PrincipalFuncs, or carries a PrincipalFact.
func (r *Result) IsPrincipalFunc(fn *types.Func) bool {
	if r == nil || r.m == nil || fn == nil {
		return false
	}
	defer r.m.lock()()
	_, ok := r.m.principalFn(fn)
	return ok
}

// PrincipalCall reports whether call yields the caller's identity (a
// principal library call, a principal function), in any function of the
// package: checks use it outside handlers, in helpers that decide access.
func (r *Result) PrincipalCall(call *ast.CallExpr) bool {
	if r == nil || r.m == nil {
		return false
	}
	defer r.m.lock()()
	return r.m.principalCall(call, nil) != nil
}

// InputFunc reports whether calls of fn read client-controlled request
// input, and which part: a library function of the tables (r.PathValue,
// chi.URLParam, c.Param, ...) or a helper summarized as one.
func (r *Result) InputFunc(fn *types.Func) (InputKind, bool) {
	if fn == nil {
		return "", false
	}
	if row, ok := inputTable[keyOf(fn)]; ok {
		return row.kind, true
	}
	if f := r.InputHelperOf(fn); f != nil {
		return f.Kind, true
	}
	return "", false
}

// Handler is a function, method or closure with a framework handler
// signature.
type Handler struct {
	// Node is the *ast.FuncDecl or *ast.FuncLit.
	Node ast.Node
	// Func is the declared function or method (nil for a closure).
	Func *types.Func
	// Factory is the function that returns this closure as a handler
	// (`func getOrder(db *gorm.DB) http.HandlerFunc { return func(w, r) {...} }`),
	// or nil.
	Factory *types.Func
	// Name is a readable name: "getOrder", "(*Server).GetOrder",
	// "getOrder$1" for a closure returned by factory getOrder, "func@file.go:12".
	Name      string
	Framework Framework
	// Request is the request or framework-context parameter: the
	// *http.Request, *gin.Context, echo.Context, *fiber.Ctx. Nil if the
	// parameter is unnamed.
	Request *types.Var
	// Writer is the http.ResponseWriter parameter (net/http handlers only).
	Writer *types.Var
	// Stream is the stream parameter of a streaming RPC (grpc-go's
	// pb.Svc_MethodServer, connect's *connect.ServerStream[T],
	// *connect.ClientStream[T], *connect.BidiStream[T, U]), or nil; its
	// received messages are client input (streams.go).
	Stream *types.Var
	// StreamKind is what a streaming RPC streams; "" for other handlers.
	StreamKind StreamKind
	// Middleware is true for handler-shaped closures that are the inner
	// part of a middleware (inside `func(next http.Handler) http.Handler`,
	// echo `func(next echo.HandlerFunc) echo.HandlerFunc`), and for
	// gin/fiber handlers that call c.Next().
	Middleware bool
	// Body is the function body.
	Body *ast.BlockStmt
	// Service is the type other packages name to serve the handler: for
	// a GraphQL resolver, the package's resolver root (graph.Resolver);
	// for a method of a generated OpenAPI server interface, its receiver
	// type; nil otherwise.
	Service *types.TypeName
	// Directives are the GraphQL directives on a resolver's field, by
	// their DirectiveRoot field names ("HasRole").
	Directives []string

	Inputs       []*Input
	Principals   []*Principal
	Responses    []*Response
	DataAccesses []*DataAccess

	flow   *Flow
	stream streamParam // the row of Stream's type
}

// Flow returns the value-flow helper of the handler body.
func (h *Handler) Flow() *Flow { return h.flow }

// InputOf returns the first request input that e derives from, or nil.
func (h *Handler) InputOf(e ast.Expr) *Input {
	for _, in := range h.Inputs {
		if h.flow.DerivesFrom(e, in.Expr) {
			return in
		}
	}
	return nil
}

// PrincipalOf returns the first principal that e derives from, or nil.
func (h *Handler) PrincipalOf(e ast.Expr) *Principal {
	for _, p := range h.Principals {
		if h.flow.DerivesFrom(e, p.Expr) {
			return p
		}
	}
	return nil
}

// InputKind is what part of the request an input reads.
type InputKind string

// Input kinds.
const (
	PathParam  InputKind = "path"
	QueryParam InputKind = "query"
	Header     InputKind = "header"
	Cookie     InputKind = "cookie"
	Body       InputKind = "body"
	Form       InputKind = "form"
)

// Input is a place where a handler reads client-controlled input.
type Input struct {
	Kind InputKind
	// Name is the parameter name when it is a constant ("id"), else "".
	Name string
	// Call is the call that reads the input (for mux.Vars(r)["id"] the
	// mux.Vars call).
	Call *ast.CallExpr
	// Expr is the expression whose value is the input: Call, or the
	// index expression mux.Vars(r)["id"], or the target variable for
	// binds (see Target).
	Expr ast.Expr
	// Target is the bind/decode destination (`&req` in c.ShouldBindJSON(&req),
	// json.NewDecoder(r.Body).Decode(&req)), or nil.
	Target ast.Expr
	// Func is the library function or method called.
	Func *types.Func
}

// Pos is the input's position.
func (in *Input) Pos() token.Pos { return in.Expr.Pos() }

// Principal is a place where a handler learns who the caller is.
type Principal struct {
	// Expr is the expression whose value is (or carries) the principal.
	Expr ast.Expr
	Call *ast.CallExpr
	// Key is the context key argument (c.Get("user"), ctx.Value(userKey)),
	// or nil.
	Key ast.Expr
	// KeyName is Key's constant string value, or the name of the key
	// identifier, or "".
	KeyName string
	// Source names what provides the value: "context.Value", "gin.Get",
	// "echo.Get", "fiber.Locals", "jwt.Parse", or the accessor function
	// ("example.com/demo/internal/auth.FromContext").
	Source string
	Func   *types.Func
}

// Pos is the principal's position.
func (p *Principal) Pos() token.Pos { return p.Expr.Pos() }

// Response is a place where a handler writes a response body.
type Response struct {
	Call *ast.CallExpr
	// Value is the serialized value expression (the v of c.JSON(200, v),
	// of json.NewEncoder(w).Encode(v), of json.Marshal(v) whose bytes are
	// written), or nil (c.AbortWithStatus).
	Value ast.Expr
	// Format is "json", "xml", "yaml", "toml", "protobuf", "text", "html",
	// "bytes" or "" (no body).
	Format string
	// Status is the status code argument, or nil.
	Status ast.Expr
	// Error is true for error writes: http.Error, AbortWithStatus*,
	// AbortWithError, and writes with a constant status >= 400.
	Error bool
	Func  *types.Func
}

// Pos is the response's position.
func (r *Response) Pos() token.Pos { return r.Call.Pos() }

// AccessKind is what a data access does to stored objects.
type AccessKind string

// Access kinds.
const (
	Read   AccessKind = "read"
	Write  AccessKind = "write"
	Delete AccessKind = "delete"
)

// DataAccess is a call that reads or changes stored objects.
type DataAccess struct {
	Call *ast.CallExpr
	// Library is "gorm" (gorm.io/gorm and github.com/jinzhu/gorm),
	// "database/sql", "sqlx", "mongo", or "repo" for a project
	// function summarized by a DataAccessFact.
	Library string
	// Method is the called function or method name ("First", "QueryRowContext").
	Method string
	Kind   AccessKind
	// Dest is the read destination (&o in db.First(&o, id)), or nil.
	Dest ast.Expr
	// Selectors are the values that pick the rows: First/Find/Delete
	// condition args, Where/Not/Or args anywhere in the receiver chain
	// (for a Where with a constant query string, the args after it; for
	// struct or map conditions the struct/map), SQL args, and for "repo"
	// accesses the arguments at the fact's SelectorParams.
	Selectors []ast.Expr
	// Conditions are the Where/Not/Or/Joins/Raw calls in the receiver
	// chain (and in chains reached through variables), outermost last.
	Conditions []*ast.CallExpr
	// Chain is the receiver chain of calls, root first, ending with Call:
	// for db.Where(a).Where(b).First(&o, id) it is [Where(a), Where(b), First].
	Chain []*ast.CallExpr
	// SQL is the SQL text when constant (Raw, Exec, database/sql, sqlx);
	// "" for "repo" accesses, whose summarized SQL is
	// Result.DataAccessOf(Func).SQL.
	SQL string
	// Model is the type of the stored objects read, written or deleted,
	// when known: the read destination's type (&o, &list, Scan(&x.F, ...)
	// of the rows a database/sql or sqlx query returns, a mongo Decode
	// target), gorm Model(&T{}) in the chain, the value of
	// Delete(&T{}, id)/Create/Save/Updates, the type argument of
	// gorm.G[T]; pointers and slices are removed. For "repo" accesses,
	// the summarized function's model (DataAccessFact.ModelPkg/ModelName),
	// resolved among the packages visible from here; nil when unknown.
	Model types.Type
	// ModelPkg and ModelName name Model ("example.com/app/store", "Order");
	// set even when the type could not be resolved here.
	ModelPkg, ModelName string
	// Table is the constant argument of gorm Table("orders") in the
	// chain, or "".
	Table string
	// Func is the called function.
	Func *types.Func
}

// Pos is the access position.
func (d *DataAccess) Pos() token.Pos { return d.Call.Pos() }

// MiddlewareKind is a bit set of what a middleware does.
type MiddlewareKind uint8

// Middleware kinds.
const (
	Auth MiddlewareKind = 1 << iota
	RateLimit
	BodyLimit
	CORS
	// Authz is an RPC interceptor that denies calls as not permitted
	// (grpc codes.PermissionDenied, connect.CodePermissionDenied): it
	// decides what the caller may do.
	Authz
)

// String lists the kinds, comma-separated ("auth,ratelimit").
func (k MiddlewareKind) String() string {
	s := ""
	for _, n := range kindNames {
		if k&n.k != 0 {
			if s != "" {
				s += ","
			}
			s += n.name
		}
	}
	return s
}

var kindNames = []struct {
	k    MiddlewareKind
	name string
}{{Auth, "auth"}, {RateLimit, "ratelimit"}, {CORS, "cors"}, {BodyLimit, "bodylimit"}, {Authz, "authz"}}

// Middleware is one element of a route's middleware chain.
type Middleware struct {
	// Expr is the middleware expression (the Use/With/route argument, or
	// the wrapping call mw(h)); nil for middleware known only from a fact.
	Expr ast.Expr
	// Func is the function or factory called or referenced
	// (httprate.LimitByIP, auth.Middleware, (*Limiter).Handler), or nil
	// for a closure.
	Func *types.Func
	// PkgPath and Name identify Func (kept when Func is not available,
	// for middleware from another package's RoutesFact).
	PkgPath, Name string
	Kind          MiddlewareKind
	// Global is true when the middleware wraps the whole router or server
	// (mw(router) passed to ListenAndServe, echo Pre).
	Global bool
	// AuthOverride: go-grpc-middleware's auth interceptor, which a
	// service implementing AuthFuncOverride replaces with that method.
	AuthOverride bool
	// Calls are the RPC calls an interceptor intercepts: grpc-go's
	// unary interceptor options, connect's UnaryInterceptorFunc
	// (UnaryCalls); grpc's stream interceptor options (StreamCalls); 0
	// for every call (HTTP middleware, connect interceptors wrapping
	// both). A route of the other kind does not have it in its chain.
	Calls CallKinds

	scope string // fiber app.Use("/prefix", mw): applies under the prefix only
	// param is 1 + the index of the walked function's parameter the
	// middleware is (Register(r, authn) { r.Use(authn) }), or 0: a call
	// of that function puts its argument there (paramMiddleware).
	param int
}

// Route is one route registration.
type Route struct {
	Framework Framework
	// Method is "GET", "POST", ... or "*" for any method.
	Method string
	// Path is the full pattern, prefixes of groups, sub-routers, Route
	// and Mount joined, in the framework's own syntax ({id}, :id). Parts
	// that are not constant are "{?}".
	Path string
	// Call is the registering call (in this package; for routes spliced
	// from another package's summary, the call that spliced them).
	Call *ast.CallExpr
	// HandlerExpr is the handler argument, or nil for spliced routes.
	HandlerExpr ast.Expr
	// Handler is the resolved handler when it is in this package.
	Handler *Handler
	// HandlerFunc is the handler function or method (or the factory
	// returning it), in any package, or nil.
	HandlerFunc *types.Func
	// HandlerName is a readable name of the handler.
	HandlerName string
	// HandlerPos is the position of the handler (function or closure).
	HandlerPos token.Position
	// Middleware is the ordered chain, outermost first.
	Middleware []*Middleware
	// Partial is true for routes registered on a router parameter of a
	// function that no code in this package calls with a router: their
	// path and chain are relative to whatever router the caller passes.
	Partial bool
	// Returned is true for routes of a router the registering function
	// returns (a caller may mount it under a prefix).
	Returned bool
	// Registrar is "pkgpath.Func" of the function whose body registered
	// the route.
	Registrar string
	// PartialOf is, for a Partial route, the function whose router
	// parameter it is registered on; callers of that function decide its
	// full path and chain.
	PartialOf *types.Func
	// SplicedFrom is the function of another package whose route summary
	// (RoutesFact) this route was spliced from, at Call; nil otherwise.
	SplicedFrom *types.Func
	// Detached is true for a route whose root router was handed to code
	// the model cannot follow (stored in a map by index, passed in a
	// map or slice to a function that does not mount it): it is likely
	// served under a prefix and middleware that Middleware lacks.
	Detached bool
	// Stream is what a streaming RPC route streams; "" for unary RPCs
	// and HTTP routes.
	Stream StreamKind

	router *Router
	ownLen int           // len(router.own) at registration
	suffix string        // path relative to router
	tail   []*Middleware // route-level middleware (args, wrappers, callee chains)
}

// RootPos is where the route's root router was created (the fiber.New,
// gin.New or echo.New call, or a router parameter), or token.NoPos.
func (r *Route) RootPos() token.Pos {
	if r.router == nil {
		return token.NoPos
	}
	return r.router.root().Pos
}

// Kinds is the union of the middleware kinds on the route's chain.
func (rt *Route) Kinds() MiddlewareKind {
	var k MiddlewareKind
	for _, m := range rt.Middleware {
		k |= m.Kind
	}
	return k
}

// PathParams returns the names of the path parameters in rt.Path
// ({id}, {id:[0-9]+}, {path...}, :id, *rest).
func (rt *Route) PathParams() []string { return PathParams(rt.Path) }

func sortRoutes(rs []*Route) {
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].Call.Pos() < rs[j].Call.Pos() })
}

// PrincipalOf returns the principal summary of fn (this package's or an
// imported fact), or nil.
func (r *Result) PrincipalOf(fn *types.Func) *PrincipalFact {
	if r == nil || r.m == nil || fn == nil {
		return nil
	}
	defer r.m.lock()()
	p, _ := r.m.principalFn(fn)
	return p
}

// MiddlewareKindOf returns what fn does as middleware (tables, settings,
// this package's summaries, imported facts).
func (r *Result) MiddlewareKindOf(fn *types.Func) MiddlewareKind {
	if r == nil || r.m == nil {
		return 0
	}
	defer r.m.lock()()
	return r.m.mwKindOfFunc(fn)
}

// DataAccessOf returns the data-access summary of fn (a repository
// method of this or another package, or, for an interface method, the
// merged summary of its known implementations), or nil.
func (r *Result) DataAccessOf(fn *types.Func) *DataAccessFact {
	if r == nil || r.m == nil || fn == nil {
		return nil
	}
	defer r.m.lock()()
	return r.m.accessFact(fn)
}
