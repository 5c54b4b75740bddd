package massassign

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/apivet/apivet/internal/httpmodel"
	"github.com/apivet/apivet/internal/modrefs"
)

// Who may set privileged fields: a route behind authorizing middleware
// (RequireAdmin, casbin, RBAC: httpmodel.AuthorizedBy, the knowledge bola
// uses too) serves callers allowed to set a record's owner or role; an
// admin creating an announcement for a user sets its UserID on purpose.
// Every route to the handler must be authorized; a handler on a user
// route stays a finding.
//
// Routes are often registered out of the handler's package (a router
// package mounts a controllers package, its caller adds the middleware),
// and go/analysis facts flow only to importers. So a handler with no
// route in its package that another package names, or whose routes are
// registered on a router parameter that another package passes, carries
// a bindFact, and the package that registers a route to it with its full
// middleware chain decides and reports at the route.

// bindFact marks a handler whose bind reaches a write with privileged
// fields the client can set, decided where its routes are.
type bindFact struct{ Findings []deferred }

type deferred struct {
	Bind, Model, Writer string
	Fields              []string
	Pos                 string // the bind, file:line
}

func (*bindFact) AFact() {}
func (f *bindFact) String() string {
	var s []string
	for _, d := range f.Findings {
		s = append(s, d.Model+" "+strings.Join(d.Fields, ","))
	}
	return "binds " + strings.Join(s, "; ")
}

// partialFact marks a function that registers, on a router its caller
// passes, routes to handlers with deferred findings: the caller's
// package, which splices the routes in with its own middleware, decides.
type partialFact struct{ Routes []partialRoute }

type partialRoute struct {
	Method, Path, HandlerPos, Handler string
	Findings                          []deferred
}

func (*partialFact) AFact() {}
func (f *partialFact) String() string {
	var s []string
	for _, r := range f.Routes {
		s = append(s, r.Method+" "+r.Path+" "+r.Handler)
	}
	return "partial " + strings.Join(s, ", ")
}

// decider decides the findings of one package.
type decider struct {
	pass     *analysis.Pass
	hm       *httpmodel.Result
	deferred map[*types.Func]*bindFact
	order    []*types.Func
	partials map[*types.Func]*partialFact
	porder   []*types.Func
	reported map[string]bool
}

// deferRoute records a route registered on a router parameter of
// rt.PartialOf, for the callers of that function.
func (d *decider) deferRoute(rt *httpmodel.Route, handler string, fs []deferred) {
	fn := rt.PartialOf.Origin()
	if d.partials[fn] == nil {
		d.partials[fn] = &partialFact{}
		d.porder = append(d.porder, fn)
	}
	d.partials[fn].Routes = append(d.partials[fn].Routes, partialRoute{Method: rt.Method, Path: rt.Path, HandlerPos: rt.HandlerPos.String(), Handler: handler, Findings: fs})
}

// route decides whether a finding of handler h is reported here (true),
// dropped (every route authorized) or deferred to the packages that
// route to it (then it is recorded for the fact).
func (d *decider) route(h *httpmodel.Handler, f deferred) bool {
	routes := d.hm.RoutesTo(h)
	deferToCallers := false
	for _, rt := range routes {
		if httpmodel.AuthorizedBy(rt) != "" {
			continue
		}
		if rt.Partial && d.referencedOutside(rt.PartialOf) {
			// The caller adds the middleware.
			d.deferRoute(rt, h.Name, []deferred{f})
			continue
		}
		return true // a route with no authorization
	}
	subject := h.Func
	if subject == nil {
		subject = h.Factory
	}
	if len(routes) == 0 {
		if !d.referencedOutside(subject) {
			return true // no route visible anywhere: decided here
		}
		deferToCallers = true
	}
	if deferToCallers && subject != nil {
		fn := subject.Origin()
		if d.deferred[fn] == nil {
			d.deferred[fn] = &bindFact{}
			d.order = append(d.order, fn)
		}
		d.deferred[fn].Findings = append(d.deferred[fn].Findings, f)
	}
	return false
}

// referencedOutside: fn, declared here, is named by another package of
// the module that can see this package's facts.
func (d *decider) referencedOutside(fn *types.Func) bool {
	if fn == nil || fn.Pkg() != d.pass.Pkg || !fn.Exported() {
		return false
	}
	f := d.pass.Fset.File(fn.Pos())
	if f == nil {
		return false
	}
	method := fn.Signature().Recv() != nil
	return modrefs.ReferencedOutside(filepath.Dir(f.Name()), d.pass.Pkg.Path(), method, fn.Name())
}

// finish exports the deferred findings and decides the routes of this
// package to handlers of other packages that carry a bindFact.
func (d *decider) finish() {
	for _, fn := range d.order {
		d.pass.ExportObjectFact(fn, d.deferred[fn])
	}
	for _, rt := range d.hm.Routes {
		if rt.Call == nil {
			continue
		}
		if fn := rt.HandlerFunc; rt.Handler == nil && fn != nil && fn.Pkg() != nil && fn.Pkg() != d.pass.Pkg {
			var f bindFact
			if d.pass.ImportObjectFact(fn.Origin(), &f) {
				d.decideRoute(rt, fn.Name(), f.Findings)
			}
		}
		if rt.SplicedFrom == nil || rt.SplicedFrom.Pkg() == d.pass.Pkg {
			continue
		}
		var pf partialFact
		if !d.pass.ImportObjectFact(rt.SplicedFrom.Origin(), &pf) {
			continue
		}
		for _, e := range pf.Routes {
			if e.Method == rt.Method && e.HandlerPos == rt.HandlerPos.String() && strings.HasSuffix(strings.Trim(rt.Path, "/"), strings.Trim(e.Path, "/")) {
				d.decideRoute(rt, e.Handler, e.Findings)
			}
		}
	}
	d.unrouted()
	for _, fn := range d.porder {
		d.pass.ExportObjectFact(fn, d.partials[fn])
	}
}

// unrouted reports the references to another package's handlers with
// deferred findings through which no route of this package goes (a
// table of handlers, a wrapper the model does not follow): no package
// would decide them otherwise.
func (d *decider) unrouted() {
	inRoute := func(pos token.Pos) bool {
		within := func(n ast.Node) bool { return n.Pos() <= pos && pos < n.End() }
		for _, rt := range d.hm.Routes {
			// The registering call, or the handler argument (a route of
			// a local function is expanded at the function's call).
			if rt.Call != nil && within(rt.Call) || rt.HandlerExpr != nil && within(rt.HandlerExpr) {
				return true
			}
		}
		return false
	}
	for id, obj := range d.pass.TypesInfo.Uses {
		fn, ok := obj.(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg() == d.pass.Pkg {
			continue
		}
		var f bindFact
		if !d.pass.ImportObjectFact(fn.Origin(), &f) {
			if !inRoute(id.Pos()) {
				d.unspliced(id, fn)
			}
			continue
		}
		if inRoute(id.Pos()) {
			continue
		}
		for _, x := range f.Findings {
			key := fmt.Sprint(id.Pos(), x.Pos)
			if d.reported[key] {
				continue
			}
			d.reported[key] = true
			d.pass.Report(analysis.Diagnostic{
				Pos: id.Pos(), End: id.End(),
				Message: fmt.Sprintf("%s lets the client set %s of %s, and no route to it is visible: its %s (%s) binds it and %s writes it; bind into a request DTO, or authorize its routes",
					fn.Name(), strings.Join(x.Fields, ", "), x.Model, x.Bind, x.Pos, x.Writer),
			})
		}
	}
}

// decideRoute decides, where it is registered, a route to a handler of
// another package with deferred findings.
func (d *decider) decideRoute(rt *httpmodel.Route, handler string, fs []deferred) {
	if httpmodel.AuthorizedBy(rt) != "" {
		return
	}
	if rt.Partial && d.referencedOutside(rt.PartialOf) {
		d.deferRoute(rt, handler, fs) // its callers decide, with their middleware
		return
	}
	for _, x := range fs {
		d.reportRoute(rt, handler, x)
	}
}

func (d *decider) reportRoute(rt *httpmodel.Route, handler string, x deferred) {
	key := fmt.Sprint(rt.Call.Pos(), x.Pos)
	if d.reported[key] {
		return
	}
	d.reported[key] = true
	d.pass.Report(analysis.Diagnostic{
		Pos: rt.Call.Pos(), End: rt.Call.End(),
		Message: fmt.Sprintf("%s %s lets the client set %s of %s: %s's %s (%s) binds it and %s writes it; bind into a request DTO, or authorize the route",
			rt.Method, rt.Path, strings.Join(x.Fields, ", "), x.Model, handler, x.Bind, x.Pos, x.Writer),
	})
}

func shortPos(fset *token.FileSet, pos token.Pos) string {
	p := fset.Position(pos)
	return fmt.Sprintf("%s/%s:%d", filepath.Base(filepath.Dir(p.Filename)), filepath.Base(p.Filename), p.Line)
}

// unspliced reports, at a reference to another package's registering
// function with a partialFact that is no route registration here (a
// call the route walker did not splice: a func value, a router it does
// not follow), the routes no package will decide otherwise.
func (d *decider) unspliced(id *ast.Ident, fn *types.Func) {
	var pf partialFact
	if !d.pass.ImportObjectFact(fn.Origin(), &pf) {
		return
	}
	for _, r := range pf.Routes {
		for _, x := range r.Findings {
			key := fmt.Sprint(id.Pos(), x.Pos)
			if d.reported[key] {
				continue
			}
			d.reported[key] = true
			d.pass.Report(analysis.Diagnostic{
				Pos: id.Pos(), End: id.End(),
				Message: fmt.Sprintf("%s %s lets the client set %s of %s, and no middleware of %s's router is visible: %s's %s (%s) binds it and %s writes it; bind into a request DTO, or authorize the route",
					r.Method, r.Path, strings.Join(x.Fields, ", "), x.Model, fn.Name(), r.Handler, x.Bind, x.Pos, x.Writer),
			})
		}
	}
}
