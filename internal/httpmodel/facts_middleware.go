package httpmodel

// Middleware summaries: MiddlewareFact, and the body scan that tells
// which kinds of middleware (auth, rate limit, body limit, CORS, authz)
// a function is or builds.

import (
	"go/ast"
	"go/types"
	"strings"
)

// MiddlewareFact marks a function that is, or builds, middleware of the
// given kinds: its body (closures included) calls rate limiters
// (golang.org/x/time/rate Allow/Wait/Reserve, httprate, tollbooth...),
// body limiters (http.MaxBytesReader), token parsers or rejects with 401
// (auth), sets Access-Control-Allow-Origin (CORS), or calls or refers to
// functions with such facts.
type MiddlewareFact struct{ Kind MiddlewareKind }

func (*MiddlewareFact) AFact()           {}
func (f *MiddlewareFact) String() string { return "middleware(" + f.Kind.String() + ")" }

// configuredKinds are the kinds the settings give fn by name
// (authz-middleware, ratelimit-middleware).
func configuredKinds(fn *types.Func) MiddlewareKind {
	var k MiddlewareKind
	if nameListed(Config.AuthMiddleware, fn) {
		k |= Auth
	}
	if nameListed(Config.RateLimitMiddleware, fn) {
		k |= RateLimit
	}
	return k
}

// mwKindOfFunc returns the middleware kinds of a called or referenced
// function: table, settings, this package's summaries, facts.
func (m *modeler) mwKindOfFunc(fn *types.Func) MiddlewareKind {
	if fn == nil {
		return 0
	}
	fn = fn.Origin()
	local := fn.Pkg() == m.pass.Pkg
	if !local {
		// Imported functions' kinds do not change during the run; the
		// same ones are asked about by every body that calls them.
		if k, ok := m.importedKinds[fn]; ok {
			return k
		}
	}
	k := middlewareTable[keyOf(fn)] | configuredKinds(fn)
	if local {
		return k | m.mwKinds[fn]
	}
	if fn.Pkg() != nil {
		var f MiddlewareFact
		if m.importFact(fn, middlewareFacts, &f) {
			k |= f.Kind
		}
	}
	if m.importedKinds == nil {
		m.importedKinds = map[*types.Func]MiddlewareKind{}
	}
	m.importedKinds[fn] = k
	return k
}

// middlewareKindOf computes the kinds of a declared function from its
// body.
func (m *modeler) middlewareKindOf(fn *types.Func, fd *ast.FuncDecl) MiddlewareKind {
	var k MiddlewareKind
	// The body is scanned once; later fixpoint rounds only re-read the
	// kinds of the same-package functions it refers to.
	bk, ok := m.bodyKindCache[fd]
	if !ok {
		m.scanDecl(fd, fn)
		bk = m.bodyKindCache[fd]
	}
	if !bk.routes {
		k = bk.static
		for _, f := range bk.locals {
			k |= m.mwKindOfFunc(f)
		}
	}
	return k | configuredKinds(fn)
}

// routerCall reports whether fn is a router method (not a constructor):
// a function calling one sets up routing, it is not itself middleware.
func routerCall(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	row, ok := routerTable[keyOf(fn)]
	return ok && row.op != opNew
}

// bodyKindSummary is the cached middleware scan of a declared body.
type bodyKindSummary struct {
	routes bool           // the body builds routes: not middleware
	static MiddlewareKind // from library calls, tables and imported facts
	locals []*types.Func  // same-package functions referred to
}

// bodyKinds scans a body (closures included) for what makes middleware
// of a kind.
func (m *modeler) bodyKinds(body ast.Node, self *types.Func) MiddlewareKind {
	k, locals := m.bodyKindsSplit(body, self)
	for _, f := range locals {
		k |= m.mwKindOfFunc(f)
	}
	return k
}

// bodyKindsSplit is bodyKinds with the kinds of same-package functions
// (which change while facts are computed) left to the caller.
func (m *modeler) bodyKindsSplit(body ast.Node, self *types.Func) (MiddlewareKind, []*types.Func) {
	s := kindScan{m: m, self: self, body: body, seen: map[*types.Func]bool{}}
	m.inspect(body, kindTypes, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			s.use(m.info.Uses[n])
		case *ast.CallExpr:
			s.call(n, m.callee(n))
		case *ast.SelectorExpr:
			s.selector(n)
		}
		return true
	})
	return s.k, s.locals
}

// kindScan accumulates what makes a body middleware of a kind.
type kindScan struct {
	m      *modeler
	self   *types.Func
	body   ast.Node // for local variables' values (loginRedirectKind)
	k      MiddlewareKind
	locals []*types.Func // same-package functions referred to
	seen   map[*types.Func]bool
}

// use: a function referred to, whose kinds the body inherits.
func (s *kindScan) use(obj types.Object) {
	fn, ok := obj.(*types.Func)
	if !ok {
		return
	}
	fn = fn.Origin()
	if fn == s.self || s.seen[fn] {
		return
	}
	s.seen[fn] = true
	if fn.Pkg() == s.m.pass.Pkg {
		s.locals = append(s.locals, fn)
	} else {
		s.k |= s.m.mwKindOfFunc(fn)
	}
}

// call: responses with status 401 and CORS headers.
func (s *kindScan) call(n *ast.CallExpr, fn *types.Func) {
	if fn == nil {
		return
	}
	info := s.m.info
	s.rpcError(n, fn)
	k := keyOf(fn)
	s.k |= rejectionKind(fn) | s.m.loginRedirectKind(n, k, s.body)
	switch k {
	case key{"net/http", "", "Error"}, key{"net/http", "ResponseWriter", "WriteHeader"},
		key{pkgGin, "Context", "AbortWithStatus"}, key{pkgGin, "Context", "AbortWithStatusJSON"}, key{pkgGin, "Context", "AbortWithError"},
		key{pkgEcho, "", "NewHTTPError"}, key{pkgFiber, "Ctx", "SendStatus"}, key{pkgFiber, "Ctx", "Status"}, key{pkgEcho, "Context", "JSON"}, key{pkgEcho, "Context", "String"}, key{pkgEcho, "Context", "NoContent"}:
		for _, a := range n.Args {
			if c, ok := constInt(info, a); ok && c == 401 {
				s.k |= Auth
			}
		}
	case key{"net/http", "Header", "Set"}, key{"net/http", "Header", "Add"}, key{pkgGin, "Context", "Header"}, key{pkgFiber, "Ctx", "Set"}:
		if v, ok := constString(info, arg(n, 0)); ok && strings.EqualFold(v, "Access-Control-Allow-Origin") {
			s.k |= CORS
		}
	}
}

// selector: fiber.ErrUnauthorized, echo.ErrUnauthorized.
func (s *kindScan) selector(n *ast.SelectorExpr) {
	if v, ok := s.m.info.Uses[n.Sel].(*types.Var); ok && v.Name() == "ErrUnauthorized" && v.Pkg() != nil &&
		(v.Pkg().Path() == pkgEcho || v.Pkg().Path() == pkgFiber || v.Pkg().Path() == pkgEcho5 || v.Pkg().Path() == pkgFiber3) {
		s.k |= Auth
	}
}

// rpcErrorCtors build an RPC error from a status code (first argument).
var rpcErrorCtors = map[key]bool{
	{pkgGRPC + "/status", "", "Error"}: true, {pkgGRPC + "/status", "", "Errorf"}: true,
	{pkgGRPC + "/status", "", "New"}: true, {pkgGRPC + "/status", "", "Newf"}: true,
	{pkgConnect, "", "NewError"}: true,
}

// rpcError: a call that builds an error with a code of rpcCodeKinds. A
// code only compared or switched on (a logging interceptor picking a
// level) rejects nothing.
func (s *kindScan) rpcError(n *ast.CallExpr, fn *types.Func) {
	if !rpcErrorCtors[keyOf(fn)] || len(n.Args) == 0 {
		return
	}
	var c *types.Const
	switch a := ast.Unparen(n.Args[0]).(type) {
	case *ast.SelectorExpr:
		c, _ = s.m.info.Uses[a.Sel].(*types.Const)
	case *ast.Ident:
		c, _ = s.m.info.Uses[a].(*types.Const)
	}
	if c != nil && c.Pkg() != nil {
		s.k |= rpcCodeKinds[[2]string{c.Pkg().Path(), c.Name()}]
	}
}

// rpcCodeKinds are the RPC status codes whose use marks an interceptor:
// rejecting unauthenticated calls, or calls the caller is not permitted.
var rpcCodeKinds = map[[2]string]MiddlewareKind{
	{pkgGRPC + "/codes", "Unauthenticated"}:  Auth,
	{pkgGRPC + "/codes", "PermissionDenied"}: Authz,
	{pkgConnect, "CodeUnauthenticated"}:      Auth,
	{pkgConnect, "CodePermissionDenied"}:     Authz,
}
