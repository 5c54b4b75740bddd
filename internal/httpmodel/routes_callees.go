package httpmodel

// Applying the route summaries of called functions at a call site: the
// routes a callee registers on a router argument or returns on a router
// (this package's summaries, imported RoutesFacts).

import (
	"go/ast"
	"go/types"
)

// applySummary applies the route summary of fn (this package's walk, or
// an imported RoutesFact) at a call site.
func (w *walker) applySummary(call *ast.CallExpr, fn *types.Func, args []value) value {
	v, uses, fw := w.applyRoutes(call, fn.Origin(), args)
	if len(uses) > 0 {
		w.applyCallbacks(call, uses, args, v, fw)
	}
	mounts, set := w.summaryMounts(fn.Origin())
	if len(mounts) > 0 {
		w.applyMounts(call, mounts, args, v, fw)
	}
	escapeArgs(args, mounts, set)
	if v == nil {
		v = returnedSet(set, args)
	}
	return v
}

// applyRoutes applies fn's routes; it also returns fn's callback sites
// and framework.
func (w *walker) applyRoutes(call *ast.CallExpr, fn *types.Func, args []value) (value, []callbackUse, Framework) {
	if fn.Pkg() == w.m.pass.Pkg {
		s := w.m.summaryOf(fn)
		if s == nil {
			return nil, nil, ""
		}
		fw := Framework("")
		for i, pr := range s.params {
			fw = pr.Framework
			if i >= len(args) {
				continue
			}
			actual, ok := args[i].(*Router)
			if !ok {
				continue
			}
			w.m.consumedLocal[fn] = true
			for _, rt := range s.routes {
				if rt.router.root() != pr {
					continue
				}
				w.m.cloneOnto(w, rt, actual, call, fn, w.sum)
			}
		}
		uses := s.callbackUses()
		if s.returned != nil {
			return &Router{Framework: s.returned.Framework, param: -1, Pos: call.Pos(), res: w.m.res,
				virtual: &virtualRouter{call: call, fn: fn, local: w.m.routesOn(s, s.returned), registrar: qualifiedName(fn)}}, uses, s.returned.Framework
		}
		for _, c := range s.callbacks {
			fw = c.router.Framework
		}
		return nil, uses, fw
	}
	var f RoutesFact
	if !w.m.pass.ImportObjectFact(fn, &f) {
		return nil, nil, ""
	}
	uses := f.callbackUses()
	for i, ts := range f.Params {
		if i >= len(args) {
			continue
		}
		actual, ok := args[i].(*Router)
		if !ok {
			continue
		}
		w.m.consume(fn)
		for _, t := range ts {
			w.m.fromTemplate(w, t, actual, call, fn, w.sum, f.Framework)
		}
	}
	if len(f.Returned) > 0 {
		return &Router{Framework: f.Framework, param: -1, Pos: call.Pos(), res: w.m.res,
			virtual: &virtualRouter{call: call, fn: fn, remote: f.Returned, registrar: qualifiedName(fn)}}, uses, f.Framework
	}
	if f.Router {
		r := &Router{Framework: f.Framework, param: -1, Pos: call.Pos(), res: w.m.res, dynamic: f.Framework == GorillaMux}
		for _, mr := range f.Chain {
			r.own = append(r.own, mr.middleware())
		}
		r.own = w.m.paramMiddleware(w, r.own, call, fn)
		return r, uses, f.Framework
	}
	return nil, uses, f.Framework
}

func (m *modeler) consume(fn *types.Func) {
	q := qualifiedName(fn)
	for _, c := range m.res.Consumed {
		if c == q {
			return
		}
	}
	m.res.Consumed = append(m.res.Consumed, q)
}

// routesOn returns the routes of s registered on router root r.
func (m *modeler) routesOn(s *summary, r *Router) []*Route {
	var out []*Route
	for _, rt := range s.routes {
		if rt.router.root() == r {
			out = append(out, rt)
		}
	}
	return out
}

// cloneOnto registers, on router actual, a copy of route rt of callee
// fn called at call (whose path and chain are relative to the callee's
// router parameter or returned router). Middleware that is one of fn's
// parameters becomes what call passes (paramMiddleware; w, the caller's
// walk, may be nil).
func (m *modeler) cloneOnto(w *walker, rt *Route, actual *Router, call *ast.CallExpr, fn *types.Func, into *summary) *Route {
	c := *rt
	c.suffix = joinPath(rt.router.FullPrefix(), rt.suffix)
	c.tail = m.paramMiddleware(w, append(rt.router.chain(rt.ownLen, true), rt.tail...), call, fn)
	c.router, c.ownLen = actual, len(actual.own)
	c.Call = call
	c.Partial, c.Returned, c.PartialOf = false, false, nil
	if into.fn != nil {
		c.Registrar = qualifiedName(into.fn)
	}
	into.routes = append(into.routes, &c)
	return &c
}

// fromTemplate registers, on router actual, the route of another
// package's callee fn that t describes, as cloneOnto does.
func (m *modeler) fromTemplate(w *walker, t *RouteTemplate, actual *Router, call *ast.CallExpr, fn *types.Func, into *summary, fw Framework) *Route {
	rt := &Route{Framework: fw, Method: t.Method, Call: call, HandlerName: t.HandlerName, HandlerPos: t.HandlerPos,
		Registrar: t.Registrar, router: actual, ownLen: len(actual.own), suffix: t.Path, SplicedFrom: fn}
	if into.fn != nil {
		rt.Registrar = qualifiedName(into.fn)
	}
	for _, mr := range t.Middleware {
		rt.tail = append(rt.tail, mr.middleware())
	}
	rt.tail = m.paramMiddleware(w, rt.tail, call, fn)
	into.routes = append(into.routes, rt)
	return rt
}

// materialize creates the routes of a virtual router (into the walk's
// summary when it is linked; detached for RoutesOf otherwise).
func (m *modeler) materialize(v *Router, linked bool, in *types.Func) []*Route {
	vr := v.virtual
	if vr == nil {
		return nil
	}
	tmp := &summary{fn: in}
	for _, rt := range vr.local {
		m.cloneOnto(nil, rt, v, vr.call, vr.fn, tmp)
	}
	for _, t := range vr.remote {
		m.fromTemplate(nil, t, v, vr.call, vr.fn, tmp, v.Framework)
	}
	if linked {
		vr.linked = true
		if vr.fn.Pkg() == m.pass.Pkg {
			m.consumedReturned[vr.fn] = true
		} else {
			m.consume(vr.fn)
		}
	} else {
		for _, r := range tmp.routes {
			m.finalize(r)
		}
	}
	return tmp.routes
}
