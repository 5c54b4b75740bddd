package httpmodel

import (
	"go/ast"
	"go/types"
)

// Router sets: routers held in a map, slice or struct literal that a
// handler type serves (a version dispatcher):
//
//	func NewNegotiatedRouter(mw Middleware, routers map[Version]chi.Router) chi.Router {
//		r := chi.NewRouter()
//		r.Use(mw)
//		r.Mount("/", &dispatcher{routers: routers})
//		return r
//	}
//
// A literal holding routers evaluates to a routerSet; a map or slice
// parameter of routers is a set standing for the caller's argument.
// Mounting a set mounts each of its routers; mounting a set parameter is
// recorded (setMount) and done by the caller with the routers it passes.
// Routers the walk cannot follow into the set (stored in a loop,
// assigned by index) stay where they were: no route is invented.

// routerSet is the routers a composite value holds, and the router-set
// parameters it stands for.
type routerSet struct {
	routers []*Router
	params  []int
	// container: a map or slice literal of routers (not a struct that
	// merely holds one, such as &http.Server{Handler: r}).
	container bool
}

func (s *routerSet) add(v value) {
	switch x := v.(type) {
	case *Router:
		s.routers = append(s.routers, x)
	case *routerSet:
		s.routers = append(s.routers, x.routers...)
		s.params = append(s.params, x.params...)
	}
}

func (s *routerSet) empty() bool { return len(s.routers) == 0 && len(s.params) == 0 }

// setMount is a mount of a router-set parameter in a summarized function.
type setMount struct {
	param  int
	router *Router
	ownLen int
	prefix string
}

// routerSetParam reports whether t is a map or slice of routers.
func routerSetParam(t types.Type) bool {
	if t == nil {
		return false // an ill-typed literal
	}
	switch u := t.Underlying().(type) {
	case *types.Map:
		return routerFramework(u.Elem()) != ""
	case *types.Slice:
		return routerFramework(u.Elem()) != ""
	}
	return false
}

// compositeSet is the router set of a composite literal whose elements
// evaluated to vals, or nil.
func compositeSet(vals []value, container bool) value {
	s := &routerSet{container: container}
	for _, v := range vals {
		s.add(v)
	}
	if s.empty() {
		return nil
	}
	return s
}

// mountSet mounts the routers of set under rt at prefix.
func (w *walker) mountSet(rt *Router, set *routerSet, prefix string) {
	for _, sub := range set.routers {
		w.link(rt, sub, prefix)
	}
	for _, p := range set.params {
		w.sum.mounts = append(w.sum.mounts, &setMount{param: p, router: rt, ownLen: len(rt.own), prefix: prefix})
	}
}

// mountUses returns a local summary's set mounts as call-site uses
// (callbackUse with arg unused).
func (s *summary) mountUses() []callbackUse {
	var out []callbackUse
	for _, mt := range s.mounts {
		out = append(out, callbackUse{param: mt.param, prefix: joinPath(mt.router.FullPrefix(), mt.prefix),
			chain: mt.router.chain(mt.ownLen, true), on: s.useOn(mt.router)})
	}
	return out
}

// returnedSet maps a callee's returned set to the caller's arguments.
func returnedSet(ret *routerSet, args []value) value {
	if ret == nil {
		return nil
	}
	out := &routerSet{routers: ret.routers}
	for _, p := range ret.params {
		if p < len(args) {
			out.add(args[p])
		}
	}
	if out.empty() {
		return nil
	}
	return out
}

// applyMounts mounts, at a call of a function with set mounts, the
// routers the caller passes in the set arguments.
func (w *walker) applyMounts(call *ast.CallExpr, uses []callbackUse, args []value, ret value, fw Framework) {
	for _, u := range uses {
		if u.param >= len(args) {
			continue
		}
		set, ok := args[u.param].(*routerSet)
		if !ok {
			continue
		}
		base := w.siteBase(call, u, args, ret, fw)
		if base == nil {
			continue
		}
		w.mountSet(base, set, "")
	}
}

// siteBase is the router, at a call site, that a callee's callback or
// mount site u puts routes on: a child of the router the callee was
// given or returns, with the callee's prefix and chain there.
func (w *walker) siteBase(call *ast.CallExpr, u callbackUse, args []value, ret value, fw Framework) *Router {
	var base *Router
	parentLen := 0
	switch {
	case u.on >= 0:
		if u.on < len(args) {
			base, _ = args[u.on].(*Router)
		}
		if base != nil {
			parentLen = len(base.own)
		}
	case u.on == cbReturned:
		// The returned router's own chain is the callee's whole chain;
		// the site sees the part before it, which u.chain holds.
		base, _ = ret.(*Router)
	default:
		// A router the callee keeps to itself (mounts in something the
		// model cannot follow): a root of its own with the chain the
		// callee gave.
		base = &Router{Framework: fw, param: -1, Pos: call.Pos(), res: w.m.res, dynamic: fw == GorillaMux}
	}
	if base == nil {
		return nil
	}
	return &Router{Framework: base.Framework, Prefix: u.prefix, Parent: base, parentLen: parentLen, param: -1, Pos: call.Pos(),
		res: w.m.res, own: append([]*Middleware(nil), w.m.paramMiddleware(w, u.chain, call, w.m.callee(call))...)}
}

// summaryMounts returns fn's set mounts and the set it returns, from its
// local summary or its RoutesFact.
func (w *walker) summaryMounts(fn *types.Func) ([]callbackUse, *routerSet) {
	if fn.Pkg() == w.m.pass.Pkg {
		s := w.m.summaries[fn]
		if s == nil {
			return nil, nil
		}
		return s.mountUses(), s.retSet
	}
	var f RoutesFact
	if !w.m.pass.ImportObjectFact(fn, &f) {
		return nil, nil
	}
	var out []callbackUse
	for _, c := range f.Mounts {
		u := callbackUse{param: c.Param, on: c.On, prefix: c.Prefix}
		for _, mr := range c.Chain {
			u.chain = append(u.chain, mr.middleware())
		}
		out = append(out, u)
	}
	var set *routerSet
	if len(f.ReturnedSet) > 0 {
		set = &routerSet{params: f.ReturnedSet}
	}
	return out, set
}

// escape marks v's routers, when they are roots, as handed to code the
// walk cannot follow: their routes' chains may lack a mount's middleware.
func escape(v value) {
	switch x := v.(type) {
	case *Router:
		if x.Parent == nil {
			x.escaped = true
		}
	case *routerSet:
		for _, r := range x.routers {
			escape(r)
		}
	}
}

// escapeArgs marks the routers of map and slice literals passed to a
// call that neither mounts nor returns them (a dispatcher the model
// does not know): they are served somewhere, under a chain not seen.
func escapeArgs(args []value, mounts []callbackUse, ret *routerSet) {
	for i, a := range args {
		set, ok := a.(*routerSet)
		if !ok || !set.container {
			continue
		}
		used := false
		for _, u := range mounts {
			used = used || u.param == i
		}
		if ret != nil {
			for _, p := range ret.params {
				used = used || p == i
			}
		}
		if !used {
			escape(set)
		}
	}
}
