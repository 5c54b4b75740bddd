package bola

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/httpmodel"
	"github.com/apivet/apivet/internal/modrefs"
)

// Where a handler's decision is made.
//
// A handler is judged with the middleware of the routes that reach it, but
// those routes are often registered out of the handler's package: a
// routes package mounts a controllers package, an Init...Router(group)
// function registers on a group its caller built with authorization
// middleware, a generated router or a table of handlers mounts them where
// the model cannot see. go/analysis facts flow only to importers, so:
//
//   - a handler with no route in its package is decided there unless a file
//     of another package imports it and names it (modrefs, the same answer
//     in every delivery path); then it carries an UnscopedAccessFact and
//     the importer decides at the route, or at the reference when no route
//     to it is visible there;
//   - a route registered on a router parameter of a function that another
//     package calls is decided by that caller, with the full chain of the
//     group it passes: the function carries a PartialRoutesFact;
//   - otherwise the decision is made with what is visible, and the message
//     says when no route was seen.

// UnscopedAccessFact marks a handler (or handler factory) that accesses
// objects by a client-chosen ID with no check and that another package
// mounts: that package decides (a public route makes reads public;
// authorizing middleware makes all accesses fine) and reports there.
type UnscopedAccessFact struct{ Accesses []DeferredAccess }

// DeferredAccess is one access of an UnscopedAccessFact.
type DeferredAccess struct{ Desc, Model, Via, Kind, Pos string }

func (*UnscopedAccessFact) AFact() {}
func (f *UnscopedAccessFact) String() string {
	var s []string
	for _, d := range f.Accesses {
		s = append(s, d.Kind+" "+d.Model+" by "+d.Desc)
	}
	return "unscoped: " + strings.Join(s, ", ")
}

// PartialRoutesFact marks a function that registers, on a router it
// receives, routes whose handlers access objects by client-chosen IDs
// with no check. Its callers decide with the middleware of the router
// they pass.
type PartialRoutesFact struct{ Routes []PartialRoute }

// PartialRoute is one route of a PartialRoutesFact; Path is relative to
// the router parameter.
type PartialRoute struct {
	Method, Path, Handler, HandlerPos string
	Accesses                          []DeferredAccess
}

func (*PartialRoutesFact) AFact() {}
func (f *PartialRoutesFact) String() string {
	var s []string
	for _, rt := range f.Routes {
		s = append(s, rt.Method+" "+rt.Path+" "+rt.Handler)
	}
	return "partial routes: " + strings.Join(s, ", ")
}

// subject is the function an importer names to mount the handler: the
// handler itself, or the factory returning it.
func (r *runner) subject(h *httpmodel.Handler) *types.Func {
	if h.Func != nil {
		return h.Func
	}
	return h.Factory
}

func (r *runner) handlerLabel(h *httpmodel.Handler) string {
	if fn := r.subject(h); fn != nil {
		return funcLabel(fn)
	}
	return h.Name
}

// authorizedHandler: the handler is configured as authorized by its routes.
func (r *runner) authorizedHandler(h *httpmodel.Handler) bool {
	return matchFunc(settings.AuthorizedHandlers, h.Func) || matchFunc(settings.AuthorizedHandlers, h.Factory)
}

// mountedElsewhere: another package of the module imports this one and
// names the handler (or its factory); for an RPC method, its service type
// or a function returning one (the registration names the value, not the
// method: pb.RegisterOrderServiceServer(s, server.New(db))).
func (r *runner) mountedElsewhere(h *httpmodel.Handler) bool {
	if h.Service != nil {
		// A GraphQL resolver (the schema is built where its resolver
		// root is named: graph.Config{Resolvers: &graph.Resolver{}}), a
		// generated OpenAPI server's method (chiapi.HandlerFromMux(&svc.Server{}, r)).
		return r.typeNamedOutside(h.Service)
	}
	if h.Framework.IsRPC() && h.Func != nil {
		if recv := recvNamed(h.Func.Type().(*types.Signature).Recv().Type()); recv != nil {
			return r.typeNamedOutside(recv.Obj())
		}
		return false
	}
	return r.referencedOutside(r.subject(h))
}

// typeNamedOutside: a file of another package names the type tn, declared
// here, or an exported function returning it (or an interface it
// implements).
func (r *runner) typeNamedOutside(tn *types.TypeName) bool {
	if tn.Pkg() != r.pass.Pkg {
		return false
	}
	f := r.pass.Fset.File(tn.Pos())
	if f == nil {
		return false
	}
	dir := filepath.Dir(f.Name())
	if tn.Exported() && modrefs.ReferencedOutside(dir, r.pass.Pkg.Path(), false, tn.Name()) {
		return true
	}
	recv := tn.Type()
	scope := r.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		fn, ok := scope.Lookup(name).(*types.Func)
		if !ok || !fn.Exported() {
			continue
		}
		res := fn.Type().(*types.Signature).Results()
		for i := 0; i < res.Len(); i++ {
			t := res.At(i).Type()
			n := recvNamed(t)
			iface, isIface := t.Underlying().(*types.Interface)
			returnsIt := (n != nil && n.Obj() == tn) ||
				(isIface && iface.NumMethods() > 0 && (types.Implements(recv, iface) || types.Implements(types.NewPointer(recv), iface)))
			if returnsIt && modrefs.ReferencedOutside(dir, r.pass.Pkg.Path(), false, name) {
				return true
			}
		}
	}
	return false
}

// referencedOutside: fn, declared in this package, is named by a file of
// another package of the module.
func (r *runner) referencedOutside(fn *types.Func) bool {
	if fn == nil || !fn.Exported() || fn.Pkg() != r.pass.Pkg {
		return false
	}
	if v, ok := r.refs[fn]; ok {
		return v
	}
	f := r.pass.Fset.File(fn.Pos())
	method := fn.Type().(*types.Signature).Recv() != nil
	v := f != nil && modrefs.ReferencedOutside(filepath.Dir(f.Name()), r.pass.Pkg.Path(), method, fn.Name())
	r.refs[fn] = v
	return v
}

// callersDecide: rt is registered on a router parameter of a function that
// another package calls, so the caller knows its full path and chain.
func (r *runner) callersDecide(rt *httpmodel.Route) bool {
	return rt.Partial && rt.PartialOf != nil && r.referencedOutside(rt.PartialOf)
}

// deferRoute records a route for its registering function's callers.
func (r *runner) deferRoute(rt *httpmodel.Route, handler string, accs []DeferredAccess) {
	fn := rt.PartialOf
	if _, ok := r.partials[fn]; !ok {
		r.partialOrder = append(r.partialOrder, fn)
	}
	r.partials[fn] = append(r.partials[fn], PartialRoute{Method: rt.Method, Path: rt.Path, Handler: handler, HandlerPos: rt.HandlerPos.String(), Accesses: accs})
}

func (r *runner) exportPartials() {
	for _, fn := range r.partialOrder {
		r.pass.ExportObjectFact(fn, &PartialRoutesFact{Routes: r.partials[fn]})
	}
}

// decideRoute decides, at its registration, a route whose handler was
// analyzed elsewhere: reads only on authenticated routes, changes on any
// route, none behind authorizing middleware.
func (r *runner) decideRoute(rt *httpmodel.Route, handler string, accs []DeferredAccess) {
	if _, ok := ignoredRoute(settings.IgnoreRoutes, rt.Method, rt.Path); ok {
		return
	}
	if r.authzMiddleware([]*httpmodel.Route{rt}) != "" {
		return
	}
	if r.callersDecide(rt) {
		r.deferRoute(rt, handler, accs)
		return
	}
	// One finding per route and handler: the access that does the most.
	authn := rt.Kinds()&httpmodel.Auth != 0 || rt.Detached // see publicEndpoint
	var worst *DeferredAccess
	n := 0
	for i, d := range accs {
		if d.Kind == string(httpmodel.Read) && !authn {
			continue // a public route: reads are public by design
		}
		n++
		if worst == nil || strength(d.Kind) > strength(worst.Kind) {
			worst = &accs[i]
		}
	}
	if worst == nil {
		return
	}
	more := ""
	if n > 1 {
		more = fmt.Sprintf(" (and %d more)", n-1)
	}
	d := worst
	head := fmt.Sprintf("no ownership check: %s %s: ", rt.Method, rt.Path)
	verb := verbOf(d.Kind)
	r.reportOnce(rt.Call, fit(
		fmt.Sprintf("%shandler %s selects %s by %s in %s (%s)%s, so a caller can %s others' objects; scope it by the caller or check the owner",
			head, handler, d.Model, d.Desc, d.Via, d.Pos, more, verb),
		fmt.Sprintf("%shandler %s selects %s by %s (%s)%s, so a caller can %s others' objects; scope it by the caller or check the owner",
			head, handler, d.Model, d.Desc, d.Pos, more, verb),
		fmt.Sprintf("%s%s selects %s by %s (%s)%s; scope it by the caller or check the owner",
			head, shortName(handler), d.Model, d.Desc, d.Pos, more)))
}

// maxMessage bounds a finding's message; longer forms drop detail (the
// function that does the access, the handler's receiver) in turn.
const maxMessage = 280

// fit returns the first of the forms of a message that fits maxMessage,
// or the last.
func fit(forms ...string) string {
	for _, f := range forms {
		if len(f) <= maxMessage {
			return f
		}
	}
	return forms[len(forms)-1]
}

// shortName drops a label's receiver: (*metadata.APIController).DeleteWebhook
// is DeleteWebhook.
func shortName(label string) string {
	if i := strings.LastIndexByte(label, '.'); i >= 0 && strings.HasPrefix(label, "(") {
		return label[i+1:]
	}
	return label
}

func (r *runner) reportOnce(n ast.Node, msg string) {
	key := fmt.Sprint(n.Pos(), msg)
	if r.reported[key] {
		return
	}
	r.reported[key] = true
	r.pass.Report(analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Message: msg})
}

// routeFindings decides the routes of this package whose handlers were
// analyzed in another package (an UnscopedAccessFact), the routes spliced
// from another package's registering function (a PartialRoutesFact), and
// the references to such functions through which no route is visible.
func (r *runner) routeFindings() {
	for _, rt := range append(append([]*httpmodel.Route(nil), r.res.Routes...), r.res.RPCRoutes...) {
		// (A spliced route whose registering function deferred its
		// accesses is decided below, from that summary.)
		if fn := rt.HandlerFunc; rt.Handler == nil && fn != nil && fn.Pkg() != nil && fn.Pkg() != r.pass.Pkg &&
			(rt.SplicedFrom == nil || r.partialFact(rt.SplicedFrom) == nil) {
			for _, impl := range r.implementations(fn, rt.HandlerExpr) {
				if f := r.unscopedFact(impl); f != nil && !matchFunc(settings.AuthorizedHandlers, impl) {
					r.decideRoute(rt, funcLabel(impl), f.Accesses)
				}
			}
		}
		if rt.SplicedFrom == nil {
			continue
		}
		f := r.partialFact(rt.SplicedFrom)
		if f == nil {
			continue
		}
		for _, e := range f.Routes {
			if e.Method == rt.Method && e.HandlerPos == rt.HandlerPos.String() && strings.HasSuffix(strings.Trim(rt.Path, "/"), strings.Trim(e.Path, "/")) {
				r.decideRoute(rt, e.Handler, e.Accesses)
			}
		}
	}
	r.unroutedReferences()
	r.exportPartials()
}

func (r *runner) unscopedFact(fn *types.Func) *UnscopedAccessFact {
	fn = fn.Origin()
	if f, ok := r.unscoped[fn]; ok {
		return f
	}
	var f *UnscopedAccessFact
	if fn.Pkg() != r.pass.Pkg {
		var v UnscopedAccessFact
		if r.pass.ImportObjectFact(fn, &v) {
			f = &v
		}
	}
	r.unscoped[fn] = f
	return f
}

func (r *runner) partialFact(fn *types.Func) *PartialRoutesFact {
	fn = fn.Origin()
	if f, ok := r.partial[fn]; ok {
		return f
	}
	var f *PartialRoutesFact
	if fn.Pkg() != r.pass.Pkg {
		var v PartialRoutesFact
		if r.pass.ImportObjectFact(fn, &v) {
			f = &v
		}
	}
	r.partial[fn] = f
	return f
}

// unroutedReferences reports references to another package's unscoped
// handlers, or to its registering functions, through which the model sees
// no route: a table of handlers, reflection, a router the model does not
// follow. Nobody else would decide them. A reference inside a handler with
// visible routes (a wrapper calling it) is decided with those routes.
func (r *runner) unroutedReferences() {
	type use struct {
		id *ast.Ident
		fn *types.Func
	}
	var uses []use
	for id, obj := range r.pass.TypesInfo.Uses {
		fn, ok := obj.(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg() == r.pass.Pkg {
			continue
		}
		if r.unscopedFact(fn) == nil && r.partialFact(fn) == nil {
			continue
		}
		uses = append(uses, use{id, fn})
	}
	if len(uses) == 0 {
		return
	}
	sort.Slice(uses, func(i, j int) bool { return uses[i].id.Pos() < uses[j].id.Pos() })
	for _, u := range uses {
		if !r.countedFile(u.id.Pos()) || r.routed(u.id, u.fn) {
			continue
		}
		label := funcLabel(u.fn)
		if f := r.unscopedFact(u.fn); f != nil && !matchFunc(settings.AuthorizedHandlers, u.fn) {
			if eh := r.res.Enclosing(u.id.Pos()); eh != nil && !eh.Middleware {
				if rts := r.routesOf(eh); len(rts) > 0 {
					for _, rt := range rts {
						r.decideRoute(rt, label, f.Accesses)
					}
					continue
				}
			}
			d := f.Accesses[0]
			r.reportOnce(u.id, fit(
				fmt.Sprintf("no ownership check: handler %s selects %s by %s in %s (%s), and no route to it is visible from here; scope the query by the caller, or list it in bola.authorized-handlers",
					label, d.Model, d.Desc, d.Via, d.Pos),
				fmt.Sprintf("no ownership check: handler %s selects %s by %s (%s), and no route to it is visible from here; scope the query by the caller, or list it in bola.authorized-handlers",
					shortName(label), d.Model, d.Desc, d.Pos)))
		}
		if f := r.partialFact(u.fn); f != nil {
			e := f.Routes[0]
			d := e.Accesses[0]
			r.reportOnce(u.id, fit(
				fmt.Sprintf("no ownership check: %s registers %s %s (handler %s selects %s by %s) on a router whose middleware is not visible here; pass it the router, or list the handler in bola.authorized-handlers",
					label, e.Method, e.Path, e.Handler, d.Model, d.Desc),
				fmt.Sprintf("no ownership check: %s registers %s %s (%s selects %s by %s) on a router whose middleware is not visible here; pass it the router, or list the handler in bola.authorized-handlers",
					shortName(label), e.Method, e.Path, shortName(e.Handler), d.Model, d.Desc),
				fmt.Sprintf("no ownership check: %s registers %s %s (%s selects %s by %s) on a router whose middleware is not visible here",
					shortName(label), e.Method, e.Path, shortName(e.Handler), d.Model, d.Desc)))
		}
	}
}

// routed: the reference is a route's handler argument, or the call that
// spliced the function's routes, as the model resolved them.
func (r *runner) routed(id *ast.Ident, fn *types.Func) bool {
	for _, rt := range append(append([]*httpmodel.Route(nil), r.res.Routes...), r.res.RPCRoutes...) {
		if rt.HandlerExpr != nil && within(id, rt.HandlerExpr) {
			return true
		}
		if rt.SplicedFrom != nil && rt.SplicedFrom.Origin() == fn.Origin() && within(id, rt.Call) {
			return true
		}
		if rt.Partial && within(id, rt.Call) {
			return true
		}
	}
	return false
}

func within(id *ast.Ident, n ast.Node) bool { return n.Pos() <= id.Pos() && id.End() <= n.End() }

// countedFile: references in test and generated files mount nothing
// (modrefs.Counts), here as when the module was scanned.
func (r *runner) countedFile(pos token.Pos) bool {
	f := fileOf(r.pass, pos)
	return f != nil && modrefs.Counts(r.pass.Fset.File(pos).Name(), f)
}

// implementations is fn, or for an interface method (a service registered
// as the interface its constructor returns: RegisterXServer(s, api.New(db)))
// the methods of that name that carry an UnscopedAccessFact and whose
// receivers implement the interface.
func (r *runner) implementations(fn *types.Func, expr ast.Expr) []*types.Func {
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil {
		return []*types.Func{fn}
	}
	iface, ok := recv.Type().Underlying().(*types.Interface)
	if !ok {
		return []*types.Func{fn}
	}
	if r.unscopedImpls == nil {
		r.unscopedImpls = map[string][]*types.Func{}
		for _, of := range r.pass.AllObjectFacts() {
			if _, ok := of.Fact.(*UnscopedAccessFact); ok {
				if m, ok := of.Object.(*types.Func); ok && m.Type().(*types.Signature).Recv() != nil {
					r.unscopedImpls[m.Name()] = append(r.unscopedImpls[m.Name()], m)
				}
			}
		}
	}
	var out []*types.Func
	for _, m := range r.unscopedImpls[fn.Name()] {
		t := m.Type().(*types.Signature).Recv().Type()
		if types.Implements(t, iface) || types.Implements(types.NewPointer(t), iface) {
			out = append(out, m)
		}
	}
	// A constructor call (api.New(db)) returns one of its own package's
	// types, when that package has any: not every implementation the
	// program has.
	if c, ok := ast.Unparen(expr).(*ast.CallExpr); ok {
		if ctor := typeutil.StaticCallee(r.pass.TypesInfo, c); ctor != nil && ctor.Pkg() != nil && declaresImpl(ctor.Pkg(), iface) {
			var own []*types.Func
			for _, m := range out {
				if m.Pkg() == ctor.Pkg() {
					own = append(own, m)
				}
			}
			out = own
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].FullName() < out[j].FullName() })
	return out
}

// declaresImpl: pkg declares a type that implements iface.
func declaresImpl(pkg *types.Package, iface *types.Interface) bool {
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || types.IsInterface(tn.Type()) {
			continue
		}
		if types.Implements(tn.Type(), iface) || types.Implements(types.NewPointer(tn.Type()), iface) {
			return true
		}
	}
	return false
}
