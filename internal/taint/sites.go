package taint

import (
	"go/ast"
	"go/constant"
	"go/types"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/httpmodel"
)

// site is one sink argument in a body: a call of a sink function, a call
// of a function whose summary says a parameter reaches a sink, or an
// assignment that sets where an outgoing request goes.
type site struct {
	kind Kind
	call ast.Node
	arg  ast.Expr
	sink string
	// where and fn, for a sink reached through a called function: the
	// sink's position and the function that holds it.
	where, fn string
	via       *types.Func
}

// sites returns the sink sites of c's body, nested function literals
// included.
func (e *engine) sites(c *fnCtx) []site {
	var out []site
	body := c.body
	if fd, ok := body.(*ast.FuncDecl); ok {
		body = fd.Body
	}
	incoming := map[*types.Var]bool{}
	if fd, ok := c.body.(*ast.FuncDecl); ok {
		e.incomingRequests(fd.Type, incoming)
	}
	if lit, ok := c.body.(*ast.FuncLit); ok {
		e.incomingRequests(lit.Type, incoming)
	}
	e.walk.Inspect(body, []ast.Node{(*ast.FuncLit)(nil), (*ast.CallExpr)(nil), (*ast.AssignStmt)(nil)}, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			e.incomingRequests(n.Type, incoming)
		case *ast.CallExpr:
			out = append(out, e.callSites(c, n)...)
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if i < len(n.Rhs) && len(n.Lhs) == len(n.Rhs) {
					if name := e.requestTarget(l, incoming); name != "" {
						out = append(out, site{kind: URL, call: n, arg: n.Rhs[i], sink: name})
					}
				}
			}
		}
		return true
	})
	return out
}

// callSites returns the sink arguments of one call.
func (e *engine) callSites(c *fnCtx, call *ast.CallExpr) []site {
	fn, _ := typeutil.Callee(e.info, call).(*types.Func)
	if fn == nil {
		return nil
	}
	fn = c.devirtualize(call, fn).Origin()
	if row := e.sinkRowOf(fn); row != nil {
		if row.kind == URL && c.restrictedClient(call, fn) || row.terminal && c.cliCommand() {
			return nil
		}
		return e.rowSites(call, fn, row)
	}
	s := e.summaryOf(fn)
	if s == nil || len(s.Sinks) == 0 {
		return nil
	}
	args := e.callArgs(call, fn)
	var out []site
	for _, ps := range s.Sinks {
		for _, a := range argsFor(args, fn, ps.Param) {
			out = append(out, site{kind: ps.Kind, call: call, arg: a, sink: ps.Sink, where: ps.Where, fn: ps.Func, via: fn})
		}
	}
	return out
}

// rowSites returns the arguments of a call of a sink function.
func (e *engine) rowSites(call *ast.CallExpr, fn *types.Func, row *sinkRow) []site {
	sig := fn.Type().(*types.Signature)
	name := funcName(fn)
	if len(row.params) > 0 {
		for i := 0; i < sig.Params().Len() && i < len(call.Args); i++ {
			p := sig.Params().At(i)
			if !slices.Contains(row.params, p.Name()) {
				continue
			}
			arg := call.Args[i]
			if _, iface := p.Type().Underlying().(*types.Interface); iface && !stringTyped(e.info, arg) {
				return nil // gorm's Where(&User{…}) or Where(map…): not text
			}
			return []site{{kind: row.kind, call: call, arg: arg, sink: name}}
		}
		return nil
	}
	if row.stdio && (len(call.Args) == 0 || !isStdio(e.info, call.Args[0])) {
		return nil
	}
	var out []site
	typeOnly := e.typeOnlyArgs(call, fn, row)
	for i := row.from; i < len(call.Args); i++ {
		if typeOnly[i] {
			continue
		}
		out = append(out, site{kind: row.kind, call: call, arg: call.Args[i], sink: name})
	}
	return out
}

// typeOnlyArgs returns the arguments of a log call with a constant
// format (Printf, Msgf, Infof) that are printed under %T or %p: their
// type or address is logged, not their value ("failed to publish %T").
func (e *engine) typeOnlyArgs(call *ast.CallExpr, fn *types.Func, row *sinkRow) map[int]bool {
	if row.kind != Log || !strings.HasSuffix(fn.Name(), "f") {
		return nil
	}
	for i := row.from; i < len(call.Args); i++ {
		tv, ok := e.info.Types[call.Args[i]]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
			continue
		}
		verbs, ok := formatVerbs(constant.StringVal(tv.Value))
		if !ok {
			return nil
		}
		out := map[int]bool{}
		for j, v := range verbs {
			if v == 'T' || v == 'p' {
				out[i+1+j] = true
			}
		}
		return out
	}
	return nil
}

// sinkRowOf returns the sink row of fn, or nil.
func (e *engine) sinkRowOf(fn *types.Func) *sinkRow {
	if r, ok := e.sinkCache[fn]; ok {
		return r
	}
	var found *sinkRow
	if fn.Pkg() != nil && sinkPackages[fn.Pkg().Path()] {
		pkg, recv := fn.Pkg().Path(), recvName(fn)
		for i := range sinkRows {
			r := &sinkRows[i]
			if r.pkg != pkg || !slices.Contains(r.names, fn.Name()) {
				continue
			}
			if r.recv == recv || r.recv == "*" && recv != "" {
				found = r
				break
			}
		}
	}
	e.sinkCache[fn] = found
	return found
}

// incomingRequests adds to in the *http.Request parameters of a handler
// signature (one that also takes an http.ResponseWriter): the request a
// server received, whose URL a middleware may rewrite without sending
// anything (harness's address middleware sets r.URL.Host).
func (e *engine) incomingRequests(ft *ast.FuncType, in map[*types.Var]bool) {
	if ft == nil || ft.Params == nil {
		return
	}
	writer := false
	var reqs []*types.Var
	for _, f := range ft.Params.List {
		t := e.info.TypeOf(f.Type)
		if t == nil {
			continue
		}
		if isNamed(t, "net/http", "ResponseWriter") {
			writer = true
		}
		if isNamed(t, "net/http", "Request") {
			for _, n := range f.Names {
				if v, ok := e.info.Defs[n].(*types.Var); ok {
					reqs = append(reqs, v)
				}
			}
		}
	}
	if writer {
		for _, v := range reqs {
			in[v] = true
		}
	}
}

// requestTarget names an assignment target that sets where an outgoing
// request goes (req.URL = u, req.URL.Host = h, req.Host = h, in a
// ReverseProxy's Director or on a request built to be sent), or "". The
// request a handler received (in) is not one.
func (e *engine) requestTarget(lhs ast.Expr, in map[*types.Var]bool) string {
	sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	tv, ok := e.info.Types[sel.X]
	if !ok {
		return ""
	}
	received := func(x ast.Expr) bool {
		id, ok := ast.Unparen(x).(*ast.Ident)
		if !ok {
			return false
		}
		v, ok := e.info.Uses[id].(*types.Var)
		return ok && in[v]
	}
	switch {
	case (sel.Sel.Name == "URL" || sel.Sel.Name == "Host") && isNamed(tv.Type, "net/http", "Request"):
		if received(sel.X) {
			return ""
		}
		return "the request's " + sel.Sel.Name
	case (sel.Sel.Name == "Host" || sel.Sel.Name == "Scheme") && isNamed(tv.Type, "net/url", "URL"):
		if inner, ok := ast.Unparen(sel.X).(*ast.SelectorExpr); ok && inner.Sel.Name == "URL" && !received(inner.X) {
			if tv, ok := e.info.Types[inner.X]; ok && isNamed(tv.Type, "net/http", "Request") {
				return "the request's URL." + sel.Sel.Name
			}
		}
	}
	return ""
}

func stringTyped(info *types.Info, x ast.Expr) bool {
	tv, ok := info.Types[x]
	if !ok {
		return false
	}
	b, ok := tv.Type.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

func isStdio(info *types.Info, x ast.Expr) bool {
	sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	v, ok := info.Uses[sel.Sel].(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == "os" && (v.Name() == "Stdout" || v.Name() == "Stderr")
}

// findFlows finds the flows of every function body of the package.
func (e *engine) findFlows() {
	fns := make([]*types.Func, 0, len(e.decls))
	for fn := range e.decls {
		fns = append(fns, fn)
	}
	sort.Slice(fns, func(i, j int) bool { return fns[i].Pos() < fns[j].Pos() })
	for _, fn := range fns {
		if fd := e.decls[fn]; fd.Body != nil {
			e.bodyFlows(e.fnCtx(fd, fn))
		}
	}
	// Function literals at package level (var h = func(w, r) {...}).
	for _, f := range e.pass.Files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok {
				continue
			}
			e.walk.Inspect(gd, []ast.Node{(*ast.FuncLit)(nil)}, func(n ast.Node) bool {
				if lit, ok := n.(*ast.FuncLit); ok {
					e.bodyFlows(e.fnCtx(lit, nil))
					return false
				}
				return true
			})
		}
	}
}

func (e *engine) bodyFlows(c *fnCtx) {
	seen := map[[2]int]bool{}
	for _, s := range e.sites(c) {
		key := [2]int{int(s.arg.Pos()), int(s.kind)}
		if seen[key] {
			continue
		}
		o := c.orig(s.arg, s.kind)
		want := Input
		if s.kind == Log {
			want = Secret
		}
		var srcs []*Source
		for _, src := range o.srcs {
			if src.Class == want {
				srcs = append(srcs, src)
			}
		}
		if len(srcs) == 0 {
			continue
		}
		seen[key] = true
		sort.SliceStable(srcs, func(i, j int) bool { return srcs[i].Pos() < srcs[j].Pos() })
		f := &Flow{Kind: s.kind, Call: s.call, Arg: s.arg, Sink: s.sink, Sources: srcs}
		if s.via != nil {
			f.Via = s.fn + " (" + s.where + ")"
		}
		e.flows = append(e.flows, f)
	}
}

// markRequestMessages marks the request parameters of RPC handlers (a
// gRPC message, a *connect.Request) and of oapi-codegen strict handlers
// (the RequestObject), whose every field the client chooses: a handler
// passing req whole to a helper passes input.
func (e *engine) markRequestMessages() {
	for _, h := range e.hm.Handlers {
		if (h.Framework.IsRPC() || h.Framework == httpmodel.OapiStrict) && h.Request != nil {
			e.requestVars[h.Request] = &Source{Class: Input, Expr: &ast.Ident{Name: h.Request.Name(), NamePos: h.Request.Pos()}, Desc: "the request message"}
		}
	}
}

// restrictedClient reports whether call is a method of an http.Client
// built in the function with a Transport whose dialer is the program's
// own (a DialContext or Dial function, or a net.Dialer with a Control
// hook): the way to refuse internal addresses at connect time, after DNS
// resolution (gophish's restricted dialer). Such clients are not SSRF
// sinks.
func (c *fnCtx) restrictedClient(call *ast.CallExpr, fn *types.Func) bool {
	if recvName(fn) != "Client" || fn.Pkg().Path() != "net/http" {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	client := c.literal(sel.X)
	if client == nil {
		return false
	}
	for _, el := range client.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok || !isKey(kv, "Transport") {
			continue
		}
		tr := c.literal(kv.Value)
		if tr == nil {
			return false
		}
		for _, el := range tr.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok && (isKey(kv, "DialContext") || isKey(kv, "Dial") || isKey(kv, "DialTLSContext")) {
				return true
			}
		}
	}
	return false
}

// literal follows x through single definitions to a composite literal
// (&T{…} or T{…}), or returns nil.
func (c *fnCtx) literal(x ast.Expr) *ast.CompositeLit {
	o := c.flow.Origin(x)
	if u, ok := o.(*ast.UnaryExpr); ok {
		o = ast.Unparen(u.X)
	}
	lit, _ := o.(*ast.CompositeLit)
	return lit
}

func isKey(kv *ast.KeyValueExpr, name string) bool {
	id, ok := kv.Key.(*ast.Ident)
	return ok && id.Name == name
}

// devirtualize returns, for a call of an interface method on a local
// variable every definition of which has the same concrete type (var x
// Executor = &sqlExecutor{}), that type's method; else fn.
func (c *fnCtx) devirtualize(call *ast.CallExpr, fn *types.Func) *types.Func {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || !types.IsInterface(sig.Recv().Type()) {
		return fn
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return fn
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return fn
	}
	v, ok := c.e.info.Uses[id].(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return fn
	}
	if _, isParam := c.params[v]; isParam {
		return fn
	}
	var concrete types.Type
	for _, d := range c.flow.Defs(v) {
		tv, ok := c.e.info.Types[d]
		if !ok || types.IsInterface(tv.Type) || concrete != nil && !types.Identical(concrete, tv.Type) {
			return fn
		}
		concrete = tv.Type
	}
	if concrete == nil {
		return fn
	}
	obj, _, _ := types.LookupFieldOrMethod(concrete, true, fn.Pkg(), fn.Name())
	if m, ok := obj.(*types.Func); ok {
		return m
	}
	return fn
}

// cliCommand: the function is a command-line command's body (a parameter
// of a cliCommandParams type); closures inside it are walked with it.
func (c *fnCtx) cliCommand() bool {
	var ft *ast.FuncType
	switch b := c.body.(type) {
	case *ast.FuncDecl:
		ft = b.Type
	case *ast.FuncLit:
		ft = b.Type
	}
	if ft == nil || ft.Params == nil {
		return false
	}
	for _, f := range ft.Params.List {
		for _, cp := range cliCommandParams {
			if isNamed(c.e.info.TypeOf(f.Type), cp.pkg, cp.name) {
				return true
			}
		}
	}
	return false
}
