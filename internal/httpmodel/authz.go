package httpmodel

import (
	"go/ast"
	"go/token"
	"go/types"
	"path"
	"strings"

	"github.com/apivet/apivet/internal/words"
)

// Route-level authorization: middleware that decides what the caller
// may do, not only who it is. bola trusts it to check objects, massassign
// to let privileged callers set privileged fields.

// authzMiddlewarePhrases are what middleware that restricts a route to
// privileged callers, or checks object permissions, is named after:
// RequireAdmin, AdminOnly, RequireRole("admin"), HasPermission, RBAC,
// casbin's middleware, ... Authentication middleware (Auth, JWT,
// Authenticate, RequireLogin) is not authorization and is not listed.
var authzMiddlewarePhrases = []string{
	"admin", "admins", "administrator", "superuser", "super admin", "staff", "operator only",
	"role", "roles", "rbac", "abac", "acl", "casbin", "opa", "policy", "policies", "enforce", "enforcer",
	"permission", "permissions", "perm", "perms", "authorize", "authorise", "authz", "privilege", "privileged",
	"owner", "ownership", "scope", "scopes", "can",
}

// AuthzMiddlewareName reports whether a middleware (or GraphQL
// directive) name reads as authorization, and the phrase that matched.
func AuthzMiddlewareName(name string) (string, bool) {
	ws := words.Split(name)
	for _, p := range authzMiddlewarePhrases {
		if i := words.Index(ws, p); i >= 0 {
			if p == "can" && i != 0 {
				continue
			}
			return p, true
		}
	}
	return "", false
}

// genericMiddlewareNames say nothing about what the middleware does; its
// package's name does (authz.UnaryServerInterceptor, casbin.Middleware).
var genericMiddlewareNames = map[string]bool{
	"UnaryServerInterceptor": true, "StreamServerInterceptor": true, "UnaryInterceptor": true, "StreamInterceptor": true,
	"Interceptor": true, "Middleware": true, "Handler": true, "New": true, "Unary": true, "Stream": true, "NewInterceptor": true, "NewMiddleware": true,
}

// AuthzName returns the name under which m reads as authorization, or
// "": an interceptor of kind Authz, a function or expression named as
// authorization (RequireAdmin, requireRole("admin") → "requireRole
// admin"), or a generic name in a package named so (rbac.Middleware).
func (m *Middleware) AuthzName() string {
	if m.Kind&Authz != 0 {
		if m.Name == "" && m.Expr != nil {
			return types.ExprString(m.Expr)
		}
		return m.Name // an interceptor that answers PermissionDenied
	}
	n := m.Name
	if m.Func != nil {
		n = m.Func.Name()
	}
	if n == "" && m.Expr != nil {
		n = types.ExprString(m.Expr)
	}
	if _, ok := AuthzMiddlewareName(n); ok {
		return n
	}
	if m.PkgPath != "" && genericMiddlewareNames[n] {
		if _, ok := AuthzMiddlewareName(path.Base(m.PkgPath) + " " + n); ok {
			return path.Base(m.PkgPath) + "." + n
		}
	}
	if m.Expr != nil {
		if e := exprName(m.Expr); e != "" {
			if _, ok := AuthzMiddlewareName(e); ok {
				return e
			}
		}
	}
	return ""
}

// AuthorizedBy returns the name of an authorizing middleware on route
// rt, or "".
func AuthorizedBy(rt *Route) string {
	for _, m := range rt.Middleware {
		if n := m.AuthzName(); n != "" {
			return n
		}
	}
	return ""
}

// exprName is the called or referenced name of a middleware expression,
// with constant string arguments (requireRole("admin") → "requireRole admin").
func exprName(e ast.Expr) string {
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		s := exprName(x.Fun)
		for _, a := range x.Args {
			if bl, ok := a.(*ast.BasicLit); ok && bl.Kind == token.STRING {
				s += " " + strings.Trim(bl.Value, "\"`")
			}
		}
		return s
	case *ast.SelectorExpr:
		return x.Sel.Name
	case *ast.Ident:
		return x.Name
	}
	return ""
}
