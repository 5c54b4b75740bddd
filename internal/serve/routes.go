package serve

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/httpmodel"
)

// Routes returns the routes the serve call's handler reaches: those of
// http.DefaultServeMux, or of the router the handler expression evaluates
// to. ok is false when they cannot be seen (a handler from a parameter or
// an interface, a server with no routes).
func Routes(pass *analysis.Pass, model *httpmodel.Result, sc *Call) (routes []*httpmodel.Route, ok bool) {
	if sc.DefaultMux {
		for _, rt := range model.Routes {
			if onDefaultMux(pass, rt) {
				routes = append(routes, rt)
			}
		}
		return routes, len(routes) > 0
	}
	if sc.Handler == nil {
		return nil, false
	}
	r := model.RouterOf(sc.Handler)
	if r == nil {
		return nil, false
	}
	routes = model.RoutesOf(r)
	return routes, len(routes) > 0
}

// Wraps reports whether the served handler expression wraps the router in
// middleware of the kind: tollbooth.LimitHandler(lmt, mux),
// http.MaxBytesHandler(mux, n), httprate.LimitByIP(10, time.Minute)(mux).
func Wraps(pass *analysis.Pass, model *httpmodel.Result, sc *Call, kind httpmodel.MiddlewareKind) bool {
	if sc.Handler == nil {
		return false
	}
	found := false
	ast.Inspect(sc.Handler, func(n ast.Node) bool {
		if found {
			return false
		}
		if _, isLit := n.(*ast.FuncLit); isLit {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func); ok && model.MiddlewareKindOf(fn)&kind != 0 {
			found = true
		}
		return true
	})
	return found
}

// CallName is how messages name the serve call: "srv.ListenAndServe",
// "r.Run", "Start".
func CallName(sc *Call) string {
	if sel, ok := ast.Unparen(sc.Call.Fun).(*ast.SelectorExpr); ok {
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok {
			return id.Name + "." + sel.Sel.Name
		}
		return sel.Sel.Name
	}
	return sc.Method
}

// onDefaultMux reports whether rt was registered with http.Handle,
// http.HandleFunc or on http.DefaultServeMux.
func onDefaultMux(pass *analysis.Pass, rt *httpmodel.Route) bool {
	if rt.Call == nil || rt.Framework != httpmodel.NetHTTP {
		return false
	}
	fn, ok := typeutil.Callee(pass.TypesInfo, rt.Call).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "net/http" {
		return false
	}
	if sig := fn.Type().(*types.Signature); sig.Recv() == nil {
		return fn.Name() == "Handle" || fn.Name() == "HandleFunc"
	}
	sel, ok := ast.Unparen(rt.Call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	inner, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	v, ok := pass.TypesInfo.Uses[inner.Sel].(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == "net/http" && v.Name() == "DefaultServeMux"
}

// Server is the serve calls that serve the same routes: one server,
// started from more than one place (a dev and a prod branch, TLS and
// plain). Checks report a server's flaw once, at Calls[0], naming the
// other calls.
type Server struct {
	Calls  []*Call
	Routes []*httpmodel.Route
}

// Servers groups the serve calls whose routes are visible (Routes) by the
// routes they serve, in the order of their first calls. A call that
// wraps its router in middleware of kind (Wraps) is left out: that
// server has it, whatever its other calls do.
func Servers(pass *analysis.Pass, model *httpmodel.Result, calls []*Call, kind httpmodel.MiddlewareKind) []*Server {
	var out []*Server
	byKey := map[string]*Server{}
	for _, sc := range calls {
		if Wraps(pass, model, sc, kind) {
			continue
		}
		routes, ok := Routes(pass, model, sc)
		if !ok {
			continue
		}
		key := routeSetKey(routes)
		if s := byKey[key]; s != nil {
			s.Calls = append(s.Calls, sc)
			continue
		}
		s := &Server{Calls: []*Call{sc}, Routes: routes}
		byKey[key] = s
		out = append(out, s)
	}
	return out
}

// routeSetKey names a set of routes (the model's, by identity).
func routeSetKey(routes []*httpmodel.Route) string {
	ps := make([]string, len(routes))
	for i, rt := range routes {
		ps[i] = fmt.Sprintf("%p", rt)
	}
	slices.Sort(ps)
	return strings.Join(ps, ",")
}

// AlsoServed is related information naming a server's other serve calls.
func AlsoServed(srv *Server) []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	for _, sc := range srv.Calls[1:] {
		out = append(out, analysis.RelatedInformation{Pos: sc.Call.Pos(), End: sc.Call.End(), Message: "the same routes are also served here"})
	}
	return out
}
