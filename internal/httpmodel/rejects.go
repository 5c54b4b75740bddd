package httpmodel

import (
	"go/ast"
	"go/types"

	"github.com/apivet/apivet/internal/words"
)

// Rejections built by a constructor that names its status.
//
// A middleware that answers through the API's own error type
// (flightctl's writeResponse(w, api.StatusUnauthorized("…"))) writes no
// constant 401 where the model looks for one: the constructor's name is
// what says the request is refused as unauthenticated.

// rejectionWords map a word of a constructor's name to the kind of the
// middleware that calls it.
var rejectionWords = map[string]MiddlewareKind{
	"unauthorized":    Auth,
	"unauthenticated": Auth,
}

// predicateWords begin the names of tests, not constructors
// (IsUnauthorized(err) classifies an error; it refuses nothing).
// A 403 constructor (Forbidden) is left out: an HTTP middleware that
// forbids is not yet a kind of its own.
var predicateWords = map[string]bool{"is": true, "has": true, "was": true, "should": true, "can": true, "check": true}

// rejectionKind is the kind a call of fn marks its middleware with: a
// function (not a method) of the module or a library whose name builds a
// refusal (StatusUnauthorized, NewUnauthorized, Unauthenticated).
func rejectionKind(fn *types.Func) MiddlewareKind {
	if fn.Type().(*types.Signature).Recv() != nil {
		return 0
	}
	ws := words.Split(fn.Name())
	if len(ws) == 0 || predicateWords[ws[0]] {
		return 0
	}
	var k MiddlewareKind
	for _, w := range ws {
		k |= rejectionWords[w]
	}
	return k
}

// Refusals that send the client to a login page.
//
// A web application's middleware refuses an anonymous request by
// redirecting it (govwa's AuthCheck: if !sess.IsLoggedIn(r) {
// http.Redirect(w, r, "/login", 303); return }): no 401 is written, the
// target page says what the refusal is.

// loginRedirects are the redirect calls, with the index of the target
// URL argument.
var loginRedirects = map[key]int{
	{"net/http", "", "Redirect"}:     2,
	{pkgGin, "Context", "Redirect"}:  1,
	{pkgEcho, "Context", "Redirect"}: 1,
	{pkgFiber, "Ctx", "Redirect"}:    0,
}

// loginPageWords name a sign-in page in a URL's words.
var loginPageWords = []string{"login", "signin", "sign in", "log in", "logon", "sso"}

// loginRedirectKind is Auth for a redirect to a sign-in page: a constant
// target, or a local variable of body defined only as one.
func (m *modeler) loginRedirectKind(call *ast.CallExpr, k key, body ast.Node) MiddlewareKind {
	i, ok := loginRedirects[k]
	if !ok {
		return 0
	}
	target := arg(call, i)
	url, ok := constString(m.info, target)
	if !ok {
		url, ok = m.localConstString(target, body)
	}
	if !ok {
		return 0
	}
	for _, w := range loginPageWords {
		if words.Contains(url, w) {
			return Auth
		}
	}
	return 0
}

// localConstString is the constant string a local variable x of body is
// given, when every definition of it in body (Flow.Defs) gives the same
// one.
func (m *modeler) localConstString(x ast.Expr, body ast.Node) (string, bool) {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok || body == nil {
		return "", false
	}
	v, ok := m.info.Uses[id].(*types.Var)
	if !ok {
		return "", false
	}
	defs := m.newFlow(body).Defs(v)
	val := ""
	for i, d := range defs {
		s, ok := constString(m.info, d)
		if !ok || i > 0 && s != val {
			return "", false
		}
		val = s
	}
	return val, len(defs) > 0
}
