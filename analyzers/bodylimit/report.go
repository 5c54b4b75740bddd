package bodylimit

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/analysis"

	"github.com/apivet/apivet/internal/httpmodel"
	"github.com/apivet/apivet/internal/serve"
	"github.com/apivet/apivet/internal/source"
)

// advice is how to bound bodies in each framework: in a handler (the
// suggested fix writes the same statement), and for a whole router.
var advice = map[httpmodel.Framework]struct{ handler, router string }{
	httpmodel.NetHTTP:    {"r.Body = http.MaxBytesReader(w, r.Body, 1<<20)", "wrap the handler in http.MaxBytesHandler(h, 1<<20)"},
	httpmodel.GorillaMux: {"r.Body = http.MaxBytesReader(w, r.Body, 1<<20)", "wrap the router in http.MaxBytesHandler(r, 1<<20)"},
	httpmodel.HTTPRouter: {"r.Body = http.MaxBytesReader(w, r.Body, 1<<20)", "wrap the router in http.MaxBytesHandler(r, 1<<20)"},
	httpmodel.Chi:        {"r.Body = http.MaxBytesReader(w, r.Body, 1<<20)", "add r.Use(middleware.RequestSize(1<<20))"},
	httpmodel.Gin:        {"c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, 1<<20)", "add a middleware that sets c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, 1<<20)"},
	httpmodel.Echo:       {"c.Request().Body = http.MaxBytesReader(c.Response(), c.Request().Body, 1<<20)", `add e.Use(middleware.BodyLimit("1M"))`},
	httpmodel.EchoV5:     {"c.Request().Body = http.MaxBytesReader(c.Response(), c.Request().Body, 1<<20)", "add e.Use(middleware.BodyLimit(1 << 20))"},
}

// maxRelated bounds the related locations of one finding.
const maxRelated = 100

// bodyRoute is a route whose handler reads the whole body and nothing on
// the route limits it.
type bodyRoute struct {
	route *httpmodel.Route
	what  string    // the read: "gin.Context.ShouldBindJSON", or the remote handler's fact
	at    token.Pos // the read in a handler of this package, else the route's registering call
	end   token.Pos
	// handler is the route's handler when it is in this package.
	handler *httpmodel.Handler
}

// report reports the unbounded reads of the package's routes, once per
// root cause: at a serve call when none of the routes it serves limits
// bodies; else at each read (a handler of this package) or route
// registration (a handler of another package). Routes of routers that a
// caller in another package mounts or serves (partial and returned
// routes) are left to that package, where their whole path and chain are
// known; their handlers carry a ReadsBodyFact for it.
func (c *checker) report() {
	handled := map[*httpmodel.Route]bool{}
	// One finding per cause: two serve calls of the same routes (dev and
	// prod branches) report them once, and a read reached by routes of
	// two servers once.
	reportedAt := map[token.Pos]bool{}
	sres := c.pass.ResultOf[serve.Analyzer].(*serve.Result)
	for _, srv := range serve.Servers(c.pass, c.model, sres.Calls, httpmodel.BodyLimit) {
		var unbounded []bodyRoute
		limited := false
		for _, rt := range srv.Routes {
			handled[rt] = true
			if c.limits(rt) {
				limited = true
			} else if br, ok := c.bodyRouteOf(rt); ok {
				unbounded = append(unbounded, br)
			}
		}
		switch {
		case len(unbounded) == 0:
		case !limited:
			sortBodyRoutes(unbounded)
			c.reportServer(srv, unbounded)
		default:
			c.reportRoutes(unbounded, reportedAt)
		}
	}
	var rest []bodyRoute
	for _, rt := range c.model.Routes {
		if handled[rt] || rt.Partial || rt.Returned || c.limits(rt) {
			continue
		}
		if br, ok := c.bodyRouteOf(rt); ok {
			rest = append(rest, br)
		}
	}
	c.reportRoutes(c.reportRouters(rest), reportedAt)
	c.index = map[string]string{}
	c.exportDeferred(handled)
	if len(c.index) > 0 {
		f := &BodyReadsFact{}
		for at, what := range c.index {
			f.Handlers = append(f.Handlers, HandlerRead{At: at, What: what})
		}
		sort.Slice(f.Handlers, func(i, j int) bool { return f.Handlers[i].At < f.Handlers[j].At })
		c.pass.ExportPackageFact(f)
	}
}

// limits reports whether a route bounds bodies: body-limit middleware on
// its chain, or a limiter in its handler's body.
func (c *checker) limits(rt *httpmodel.Route) bool {
	if rt.Kinds()&httpmodel.BodyLimit != 0 {
		return true
	}
	return rt.Handler != nil && rt.Handler.Body != nil && c.hasLimiter(rt.Handler)
}

// bodyRouteOf returns the unbounded read of rt's handler, if any.
func (c *checker) bodyRouteOf(rt *httpmodel.Route) (bodyRoute, bool) {
	if rt.Framework == httpmodel.Fiber || rt.Framework == httpmodel.FiberV3 {
		return bodyRoute{}, false // fiber bounds bodies itself (see fiberConfigs)
	}
	if h := rt.Handler; h != nil {
		rs := c.readsOf(h)
		if len(rs) == 0 || (rs[0].bodyOnlyNonGET && (rt.Method == "GET" || rt.Method == "HEAD")) {
			return bodyRoute{}, false
		}
		return bodyRoute{route: rt, what: rs[0].what, at: rs[0].call.Pos(), end: rs[0].call.End(), handler: h}, true
	}
	if rt.Call == nil {
		return bodyRoute{}, false
	}
	what := c.remoteRead(rt)
	if what == "" {
		return bodyRoute{}, false
	}
	return bodyRoute{route: rt, what: what, at: rt.Call.Pos(), end: rt.Call.End()}, true
}

// readsOf returns the unbounded reads of a handler of this package.
func (c *checker) readsOf(h *httpmodel.Handler) []read {
	if h.Middleware {
		return nil
	}
	rs, ok := c.handlerReads[h]
	if !ok {
		rs = c.reads(h.Body)
		c.handlerReads[h] = rs
	}
	return rs
}

// remoteRead returns what a route's handler in another package reads:
// by its function's ReadsBodyFact, or, for a route spliced from another
// package's route summary (no function, only the handler's position), by
// the file and line of the handler in the BodyReadsFacts of the
// dependencies. (Object facts about package-level functions reach only
// the packages that import the function's package directly; package
// facts reach every dependent.)
func (c *checker) remoteRead(rt *httpmodel.Route) string {
	if fn := rt.HandlerFunc; fn != nil {
		var f ReadsBodyFact
		if fn.Pkg() != c.pass.Pkg && c.pass.ImportObjectFact(fn, &f) {
			return f.What
		}
		return ""
	}
	if !rt.HandlerPos.IsValid() {
		return ""
	}
	if c.remote == nil {
		c.remote = map[string]string{}
		for _, pf := range c.pass.AllPackageFacts() {
			if f, ok := pf.Fact.(*BodyReadsFact); ok && pf.Package != c.pass.Pkg {
				for _, h := range f.Handlers {
					c.remote[h.At] = h.What
				}
			}
		}
	}
	return c.remote[lineKey(rt.HandlerPos)]
}

func lineKey(p token.Position) string { return fmt.Sprintf("%s:%d", p.Filename, p.Line) }

// reportServer reports a serve call none of whose routes limits bodies,
// once, with the routes that read them as related information.
func (c *checker) reportServer(srv *serve.Server, brs []bodyRoute) {
	sc := srv.Calls[0]
	sortBodyRoutes(brs)
	routes := make([]*httpmodel.Route, len(brs))
	for i, br := range brs {
		routes[i] = br.route
	}
	n := "1 route that reads"
	if len(brs) > 1 {
		n = fmt.Sprintf("%d routes that read", len(brs))
	}
	c.pass.Report(analysis.Diagnostic{
		Pos: sc.Call.Pos(), End: sc.Call.End(),
		Message: fmt.Sprintf("%s serves %s the whole request body, and no route limits its size: one request can make the server buffer gigabytes; %s",
			serve.CallName(sc), n, adviceFor(brs[0].route.Framework).router),
		Related: append(c.related(brs), serve.AlsoServed(srv)...),
	})
}

// reportRouters reports, once at its creation, a router of this package
// that no visible serve call serves (gophish's api.Server keeps its
// router in a field and serves it from its ServeHTTP) when two or more
// of its routes read unbounded bodies and none of its routes limits
// them: one cause, one finding. It returns the reads left to report one
// by one.
func (c *checker) reportRouters(brs []bodyRoute) []bodyRoute {
	byRoot := map[token.Pos][]bodyRoute{}
	for _, br := range brs {
		if p := br.route.RootPos(); p.IsValid() {
			byRoot[p] = append(byRoot[p], br)
		}
	}
	for _, group := range byRoot {
		sortBodyRoutes(group)
	}
	limitedRoot := map[token.Pos]bool{}
	for _, rt := range c.model.Routes {
		if p := rt.RootPos(); byRoot[p] != nil && c.limits(rt) {
			limitedRoot[p] = true
		}
	}
	var left []bodyRoute
	for _, br := range brs {
		p := br.route.RootPos()
		group := byRoot[p]
		if len(group) < 2 || limitedRoot[p] {
			left = append(left, br)
			continue
		}
		if group[0].route != br.route {
			continue // reported with the first
		}
		c.pass.Report(analysis.Diagnostic{
			Pos: p,
			Message: fmt.Sprintf("%d routes of this router read the whole request body, and no route limits its size: one request can make the server buffer gigabytes; %s",
				len(group), adviceFor(group[0].route.Framework).router),
			Related: c.related(group),
		})
	}
	return left
}

// reportRoutes reports each read (or registration) once, naming the
// first route and listing all of them as related information.
func (c *checker) reportRoutes(brs []bodyRoute, reportedAt map[token.Pos]bool) {
	sortBodyRoutes(brs)
	byPos := map[token.Pos][]bodyRoute{}
	var order []token.Pos
	for _, br := range brs {
		if byPos[br.at] == nil {
			order = append(order, br.at)
		}
		byPos[br.at] = append(byPos[br.at], br)
	}
	for _, pos := range order {
		if reportedAt[pos] {
			continue
		}
		reportedAt[pos] = true
		group := byPos[pos]
		first := group[0]
		routes := make([]*httpmodel.Route, len(group))
		for i, br := range group {
			routes[i] = br.route
		}
		name := httpmodel.RouteList(routes, 1)
		adv := adviceFor(first.route.Framework)
		d := analysis.Diagnostic{Pos: first.at, End: first.end}
		if first.handler != nil {
			d.Message = fmt.Sprintf("%s reads the whole request body of %s with no size limit: one request can make the server buffer gigabytes; bound it first: %s",
				first.what, name, adv.handler)
			if fix := c.maxBytesFix(first.handler); fix != nil {
				d.SuggestedFixes = []analysis.SuggestedFix{*fix}
			}
		} else {
			d.Message = fmt.Sprintf("%s: handler %s reads the whole request body (%s) and nothing on the route limits it; bound it with http.MaxBytesReader in the handler or body-limit middleware",
				name, first.route.HandlerName, first.what)
		}
		if len(group) > 1 {
			d.Related = c.related(group)
		}
		c.pass.Report(d)
	}
}

// related lists the routes and their reads, at most maxRelated of them.
func (c *checker) related(brs []bodyRoute) []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	for i, br := range brs {
		if i == maxRelated {
			out = append(out, analysis.RelatedInformation{Pos: brs[0].at, Message: fmt.Sprintf("and %d more routes", len(brs)-maxRelated)})
			break
		}
		// Another package's handler is named in the text, at the route's
		// registration here: the go vet mode has no position for it.
		msg := br.route.Name() + ": " + br.what
		if br.handler != nil {
			msg += " at " + source.ShortPos(c.pass.Fset, br.at)
		} else {
			msg += " (handler " + br.route.HandlerName + ")"
		}
		out = append(out, analysis.RelatedInformation{Pos: br.at, End: br.end, Message: msg})
	}
	return out
}

// exportDeferred leaves a ReadsBodyFact on the handlers of this package
// that read bodies unbounded and whose routes were all left to another
// package (partial or returned routes, not served here), so that the
// package that mounts or serves them can report them.
func (c *checker) exportDeferred(handled map[*httpmodel.Route]bool) {
	for _, h := range c.model.Handlers {
		rs := c.readsOf(h)
		if len(rs) == 0 {
			continue
		}
		routes := c.model.RoutesTo(h)
		if len(routes) == 0 {
			// Not routed here: a helper (see run) or routed elsewhere.
			c.exportRead(h, rs[0])
			continue
		}
		deferred := true
		for _, rt := range routes {
			if handled[rt] || !(rt.Partial || rt.Returned) {
				deferred = false
			}
		}
		if deferred {
			c.exportRead(h, rs[0])
		}
	}
}

func (c *checker) exportRead(h *httpmodel.Handler, r read) {
	what := r.what + " at " + source.ShortPos(c.pass.Fset, r.call.Pos())
	for _, fn := range []*types.Func{h.Func, h.Factory} {
		if fn == nil || fn.Pkg() != c.pass.Pkg {
			continue
		}
		if h.Func == fn {
			c.index[lineKey(c.pass.Fset.Position(fn.Pos()))] = what
		}
		if c.helpers[fn] == "" { // else exported as a helper
			c.pass.ExportObjectFact(fn, &ReadsBodyFact{What: what})
		}
	}
	c.index[lineKey(c.pass.Fset.Position(h.Node.Pos()))] = what
}

func adviceFor(fw httpmodel.Framework) struct{ handler, router string } {
	if a, ok := advice[fw]; ok {
		return a
	}
	return advice[httpmodel.NetHTTP]
}

func sortBodyRoutes(brs []bodyRoute) {
	sort.SliceStable(brs, func(i, j int) bool {
		if brs[i].at != brs[j].at {
			return brs[i].at < brs[j].at
		}
		return brs[i].route.Name() < brs[j].route.Name()
	})
}

// hasLimiter reports whether a handler's body bounds the request body.
func (c *checker) hasLimiter(h *httpmodel.Handler) bool {
	found := false
	c.model.Inspect(h.Body, callTypes, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && c.isLimiter(call) {
			found = true
		}
		return !found
	})
	return found
}
