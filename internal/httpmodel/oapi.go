package httpmodel

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"strings"
)

// Generated OpenAPI servers (github.com/oapi-codegen/oapi-codegen/v2,
// checked against v2.8.2's std-http, chi, echo, gin, fiber and strict
// server templates).
//
// The generated package declares ServerInterface (one method per
// operation: the framework's request parameters, then the typed path
// parameters and a <Op>Params struct of the query, header and cookie
// parameters), a ServerInterfaceWrapper whose methods bind them, and a
// registration function (HandlerFromMux(si, r), HandlerWithOptions(si,
// ChiServerOptions{...}), RegisterHandlers(e, si), ...) that routes each
// operation to its wrapper. With the strict server, StrictServerInterface
// methods take (ctx, <Op>RequestObject), whose fields are the path
// parameters, Params and Body, and NewStrictHandler(ssi, middlewares)
// adapts them to a ServerInterface.
//
// A method of a type implementing either interface, with a name of it, is
// a handler; its typed parameters (RequestObject fields) are Inputs. The
// generated package's own registrations give each operation's method and
// path (OpenAPIOperationFact on the interface methods); a call of the
// registration function with an implementation registers those routes on
// the router it is given (or a new one it returns), with the
// implementation's methods as handlers: the router's middleware, the
// Middlewares option and the strict middlewares are their chain.

// OapiStrict is a method of an oapi-codegen StrictServerInterface.
const OapiStrict Framework = "oapi-codegen/strict"

// OpenAPIOperationFact is the route of a generated ServerInterface (or
// StrictServerInterface) method: "GET", "/orders/{orderId}" in the
// syntax of the generated router.
type OpenAPIOperationFact struct{ Method, Path string }

func (*OpenAPIOperationFact) AFact()           {}
func (f *OpenAPIOperationFact) String() string { return "openapi " + f.Method + " " + f.Path }

// oapiGen is a generated server package.
type oapiGen struct {
	pkg            *types.Package
	server, strict *types.Interface // ServerInterface, StrictServerInterface (or nil)
	serverNamed    *types.Named
	strictNamed    *types.Named
}

// oapiRequestFrameworks are the leading parameters of generated
// ServerInterface methods per framework: their types, and which is the
// request (or context) and the writer.
var oapiRequestFrameworks = []struct {
	params      []handlerParam
	req, writer int
	fw          Framework
}{
	{[]handlerParam{{pkg: "net/http", name: "ResponseWriter"}, {pkg: "net/http", name: "Request", pointer: true}}, 1, 0, NetHTTP},
	{[]handlerParam{{pkg: pkgEcho, name: "Context"}}, 0, -1, Echo},
	{[]handlerParam{{pkg: pkgGin, name: "Context", pointer: true}}, 0, -1, Gin},
	{[]handlerParam{{pkg: pkgFiber, name: "Ctx", pointer: true}}, 0, -1, Fiber},
	{[]handlerParam{{pkg: "context", name: "Context"}}, -1, -1, OapiStrict},
}

// oapiGens are the generated server packages visible here: this package
// and its direct imports that declare ServerInterface and
// ServerInterfaceWrapper.
func (m *modeler) oapiGens() []*oapiGen {
	if m.oapiMemo != nil {
		return *m.oapiMemo
	}
	var out []*oapiGen
	for _, p := range append([]*types.Package{m.pass.Pkg}, m.pass.Pkg.Imports()...) {
		if p.Scope().Lookup("ServerInterfaceWrapper") == nil {
			continue
		}
		tn, ok := p.Scope().Lookup("ServerInterface").(*types.TypeName)
		if !ok {
			continue
		}
		g := &oapiGen{pkg: p}
		g.serverNamed, _ = types.Unalias(tn.Type()).(*types.Named)
		g.server, _ = tn.Type().Underlying().(*types.Interface)
		if g.server == nil || g.serverNamed == nil {
			continue
		}
		if st, ok := p.Scope().Lookup("StrictServerInterface").(*types.TypeName); ok {
			g.strictNamed, _ = types.Unalias(st.Type()).(*types.Named)
			g.strict, _ = st.Type().Underlying().(*types.Interface)
		}
		out = append(out, g)
	}
	m.oapiMemo = &out
	return out
}

// oapiMethod reports whether fn implements an operation of a generated
// server interface, and its framework, request and writer parameters.
func (m *modeler) oapiMethod(fn *types.Func) (fw Framework, req, writer int, ok bool) {
	sig := fn.Type().(*types.Signature)
	if len(m.oapiGens()) == 0 || sig.Recv() == nil || !fn.Exported() || promotedFromBase(fn) {
		return "", -1, -1, false
	}
	recv := sig.Recv().Type()
	impl := func(it *types.Interface) bool {
		return it != nil && hasMethod(it, fn.Name()) && (types.Implements(recv, it) || types.Implements(types.NewPointer(structDeref(recv)), it))
	}
	for _, g := range m.oapiGens() {
		if !impl(g.server) && !impl(g.strict) {
			continue
		}
		for _, rf := range oapiRequestFrameworks {
			if sig.Params().Len() < len(rf.params) {
				continue
			}
			match := true
			for i, hp := range rf.params {
				t := sig.Params().At(i).Type()
				if hp.pointer && !isPointerTo(t, hp.pkg, hp.name) || !hp.pointer && !isNamed(t, hp.pkg, hp.name) {
					match = false
				}
			}
			if !match {
				continue
			}
			if rf.fw == OapiStrict {
				if sig.Params().Len() != 2 {
					continue
				}
				return OapiStrict, 1, -1, true
			}
			return rf.fw, rf.req, rf.writer, true
		}
	}
	return "", -1, -1, false
}

// oapiInputs records the typed parameters of a generated-server handler:
// path parameters (orderId), fields of the <Op>Params struct (query
// parameters by their form tag, header and cookie parameters), and for a
// strict handler the RequestObject's fields (request.OrderId,
// request.Params.Limit, request.Body).
func (m *modeler) oapiInputs(h *Handler) {
	fd, ok := h.Node.(*ast.FuncDecl)
	if !ok || h.Func == nil {
		return
	}
	sig := h.Func.Type().(*types.Signature)
	if h.Framework == OapiStrict {
		if h.Request != nil {
			m.oapiRequestObject(h)
		}
		return
	}
	first := 1
	if h.Framework == NetHTTP {
		first = 2
	}
	paths := map[*types.Var]bool{}
	params := map[*types.Var]bool{}
	for i := first; i < sig.Params().Len(); i++ {
		v := paramVar(m.info, fd.Type, i)
		if v == nil {
			continue
		}
		if oapiParamsStruct(v.Type()) {
			params[v] = true
		} else {
			paths[v] = true
		}
	}
	if len(paths)+len(params) == 0 {
		return
	}
	m.inspect(h.Body, []ast.Node{(*ast.SelectorExpr)(nil), (*ast.Ident)(nil)}, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok {
				if v, ok := m.info.Uses[id].(*types.Var); ok && params[v] {
					if in := m.oapiParamField(n); in != nil {
						h.Inputs = append(h.Inputs, in)
					}
				}
			}
		case *ast.Ident:
			if v, ok := m.info.Uses[n].(*types.Var); ok && paths[v] {
				h.Inputs = append(h.Inputs, &Input{Kind: PathParam, Name: v.Name(), Expr: n})
			}
		}
		return true
	})
}

// oapiRequestObject records request.X (path parameters),
// request.Params.Y and request.Body of a strict handler.
func (m *modeler) oapiRequestObject(h *Handler) {
	m.inspect(h.Body, []ast.Node{(*ast.SelectorExpr)(nil)}, func(n ast.Node) bool {
		sel := n.(*ast.SelectorExpr)
		f, ok := m.info.Uses[sel.Sel].(*types.Var)
		if !ok || !f.IsField() {
			return true
		}
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && m.info.Uses[id] == h.Request {
			switch {
			case f.Name() == "Body":
				h.Inputs = append(h.Inputs, &Input{Kind: Body, Name: "Body", Expr: sel})
			case oapiParamsStruct(f.Type()):
			default:
				h.Inputs = append(h.Inputs, &Input{Kind: PathParam, Name: tagName(tagOf(m.info.TypeOf(sel.X), f), "json", f.Name()), Expr: sel})
			}
			return true
		}
		if inner, ok := ast.Unparen(sel.X).(*ast.SelectorExpr); ok {
			if id, ok := ast.Unparen(inner.X).(*ast.Ident); ok && m.info.Uses[id] == h.Request {
				if pf, ok := m.info.Uses[inner.Sel].(*types.Var); ok && oapiParamsStruct(pf.Type()) {
					if in := m.oapiParamField(sel); in != nil {
						h.Inputs = append(h.Inputs, in)
					}
				}
			}
		}
		return true
	})
}

// oapiParamField is the input a field of a <Op>Params struct reads: a
// query parameter (form tag), else a header or cookie parameter.
func (m *modeler) oapiParamField(sel *ast.SelectorExpr) *Input {
	f, ok := m.info.Uses[sel.Sel].(*types.Var)
	if !ok || !f.IsField() {
		return nil
	}
	tag := tagOf(m.info.TypeOf(sel.X), f)
	if _, ok := tag.Lookup("form"); ok {
		return &Input{Kind: QueryParam, Name: tagName(tag, "form", f.Name()), Expr: sel}
	}
	return &Input{Kind: Header, Name: tagName(tag, "json", f.Name()), Expr: sel}
}

func tagName(tag reflect.StructTag, key, def string) string {
	if v, ok := tag.Lookup(key); ok {
		if n, _, _ := strings.Cut(v, ","); n != "" {
			return n
		}
	}
	return def
}

// tagOf is the struct tag of field f of the struct type t (or pointer
// to it).
func tagOf(t types.Type, f *types.Var) reflect.StructTag {
	if t == nil {
		return ""
	}
	st, ok := structDeref(t).Underlying().(*types.Struct)
	if !ok {
		return ""
	}
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i) == f {
			return reflect.StructTag(st.Tag(i))
		}
	}
	return ""
}

// oapiParamsStruct: t is a generated <Op>Params struct (possibly a
// pointer to one).
func oapiParamsStruct(t types.Type) bool {
	n, ok := types.Unalias(structDeref(t)).(*types.Named)
	if !ok || !strings.HasSuffix(n.Obj().Name(), "Params") {
		return false
	}
	_, ok = n.Underlying().(*types.Struct)
	return ok
}

// oapiOps returns the operations of a generated package analyzed here
// (its registrations: r.Get(options.BaseURL+"/orders/{orderId}",
// wrapper.GetOrder), m.HandleFunc("GET "+options.BaseURL+"/x", ...)), by
// ServerInterface method, and exports them as facts.
func (m *modeler) oapiOps() map[string]*OpenAPIOperationFact {
	if m.oapiOpsMemo != nil {
		return m.oapiOpsMemo
	}
	out := map[string]*OpenAPIOperationFact{}
	m.oapiOpsMemo = out
	var g *oapiGen
	for _, x := range m.oapiGens() {
		if x.pkg == m.pass.Pkg {
			g = x
		}
	}
	if g == nil {
		return out
	}
	for cur := range m.ins.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if len(call.Args) < 2 {
			continue
		}
		var wm *types.Func // the wrapper's method value among the arguments
		for _, a := range call.Args[1:] {
			if sel, ok := ast.Unparen(a).(*ast.SelectorExpr); ok {
				if f, ok := m.info.Uses[sel.Sel].(*types.Func); ok && f.Type().(*types.Signature).Recv() != nil {
					if n := recvNamed(f.Type().(*types.Signature).Recv().Type()); n != nil && n.Obj().Name() == "ServerInterfaceWrapper" {
						wm = f
					}
				}
			}
		}
		if wm == nil {
			continue
		}
		fn := m.callee(call)
		if fn == nil {
			continue
		}
		path := constParts(m.info, call.Args[0])
		method := strings.ToUpper(fn.Name())
		if method == "HANDLEFUNC" || method == "HANDLE" {
			method, path = splitPattern(path)
		}
		f := &OpenAPIOperationFact{Method: method, Path: path}
		out[wm.Name()] = f
		for _, it := range []*types.Named{g.serverNamed, g.strictNamed} {
			if it == nil {
				continue
			}
			if obj, _, _ := types.LookupFieldOrMethod(it, false, m.pass.Pkg, wm.Name()); obj != nil {
				if im, ok := obj.(*types.Func); ok {
					m.pass.ExportObjectFact(im, f)
				}
			}
		}
	}
	return out
}

// oapiDropTemplates drops the routes of a generated package's own
// registrations (to its ServerInterfaceWrapper): templates that a call
// with an implementation instantiates, not routes.
func (m *modeler) oapiDropTemplates() {
	local := false
	for _, g := range m.oapiGens() {
		local = local || g.pkg == m.pass.Pkg
	}
	if !local {
		return
	}
	kept := m.res.Routes[:0]
	for _, rt := range m.res.Routes {
		if rt.HandlerFunc != nil {
			if n := recvNamed(rt.HandlerFunc.Type().(*types.Signature).Recv().Type()); n != nil && n.Obj().Pkg() == m.pass.Pkg && n.Obj().Name() == "ServerInterfaceWrapper" {
				continue
			}
		}
		kept = append(kept, rt)
	}
	m.res.Routes = kept
}

func recvNamed(t types.Type) *types.Named {
	if t == nil {
		return nil
	}
	n, _ := types.Unalias(structDeref(t)).(*types.Named)
	return n
}

// constParts joins the constant strings of a concatenation, dropping the
// rest (options.BaseURL).
func constParts(info *types.Info, e ast.Expr) string {
	if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value)
	}
	if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && b.Op == token.ADD {
		return constParts(info, b.X) + constParts(info, b.Y)
	}
	return ""
}

// oapiOp is the operation of a generated interface method.
func (m *modeler) oapiOp(g *oapiGen, name string) *OpenAPIOperationFact {
	if g.pkg == m.pass.Pkg {
		return m.oapiOps()[name]
	}
	obj, _, _ := types.LookupFieldOrMethod(g.serverNamed, false, g.pkg, name)
	im, ok := obj.(*types.Func)
	if !ok {
		return nil
	}
	var f OpenAPIOperationFact
	if m.pass.ImportObjectFact(im, &f) {
		return &f
	}
	return nil
}

// oapiCall registers the routes of a call of a generated registration
// function with an implementation: HandlerFromMux(si, r),
// HandlerWithOptions(si, ChiServerOptions{BaseRouter: r, BaseURL: "/v1",
// Middlewares: ...}), Handler(si), RegisterHandlers(e, si),
// RegisterHandlersWithOptions(g, si, GinServerOptions{...}). It returns
// the router the routes are on (the call's result), and false if call is
// not such a call.
func (w *walker) oapiCall(call *ast.CallExpr, fn *types.Func, args []value) (value, bool) {
	if fn.Pkg() == nil || fn.Pkg() == w.m.pass.Pkg && w.m.pass.Pkg.Scope().Lookup("ServerInterfaceWrapper") != nil {
		return nil, false
	}
	var g *oapiGen
	for _, x := range w.m.oapiGens() {
		if x.pkg == fn.Pkg() {
			g = x
		}
	}
	if g == nil {
		return nil, false
	}
	sig := fn.Type().(*types.Signature)
	si := -1
	for i := 0; i < sig.Params().Len(); i++ {
		if types.Identical(sig.Params().At(i).Type(), g.serverNamed) {
			si = i
		}
	}
	if si < 0 || si >= len(call.Args) || sig.Recv() != nil {
		return nil, false
	}
	var rt *Router
	base := ""
	var tail []*Middleware
	for i, a := range call.Args {
		if r, ok := args[i].(*Router); ok {
			rt = r
		}
		if i >= sig.Params().Len() {
			continue
		}
		pt := sig.Params().At(i).Type()
		if b, ok := pt.Underlying().(*types.Basic); ok && b.Kind() == types.String {
			base, _ = constString(w.m.info, a)
		}
		if _, ok := pt.Underlying().(*types.Struct); ok && i != si {
			r, b, mws := w.oapiOptions(a)
			if r != nil {
				rt = r
			}
			if b != "" {
				base = b
			}
			tail = append(tail, mws...)
		}
	}
	if rt == nil {
		fw := Chi
		if g.pkg.Scope().Lookup("StdHTTPServerOptions") != nil {
			fw = NetHTTP
		}
		rt = &Router{Framework: fw, param: -1, Pos: call.Pos(), res: w.m.res}
	}
	impl, strictMws := w.oapiImpl(call.Args[si])
	if impl == nil {
		return rt, true
	}
	tail = append(strictMws, tail...)
	for i := 0; i < g.server.NumMethods(); i++ {
		name := g.server.Method(i).Name()
		op := w.m.oapiOp(g, name)
		if op == nil {
			continue
		}
		obj, _, _ := types.LookupFieldOrMethod(impl, true, w.m.pass.Pkg, name)
		if obj == nil {
			obj, _, _ = types.LookupFieldOrMethod(impl, true, nil, name)
		}
		mf, ok := obj.(*types.Func)
		if !ok || promotedFromBase(mf) {
			continue
		}
		r := &Route{Framework: rt.Framework, Method: op.Method, Call: call, HandlerExpr: call.Args[si], router: rt, ownLen: len(rt.own),
			suffix: joinPath(base, op.Path), Registrar: qualifiedName(w.fn)}
		w.m.setHandler(r, w.m.res.byFunc[mf.Origin()], mf)
		r.tail = append([]*Middleware(nil), tail...)
		w.sum.routes = append(w.sum.routes, r)
	}
	return rt, true
}

// oapiOptions reads a generated options literal: BaseRouter, BaseURL and
// Middlewares.
func (w *walker) oapiOptions(e ast.Expr) (*Router, string, []*Middleware) {
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok {
		if v, ok := w.m.info.Uses[id].(*types.Var); ok {
			if d, ok := w.exprs[v]; ok {
				e = ast.Unparen(d)
			}
		}
	}
	cl, ok := e.(*ast.CompositeLit)
	if !ok {
		return nil, "", nil
	}
	var rt *Router
	base := ""
	var mws []*Middleware
	for _, el := range cl.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		k, _ := kv.Key.(*ast.Ident)
		if k == nil {
			continue
		}
		switch k.Name {
		case "BaseRouter":
			rt, _ = w.eval(kv.Value).(*Router)
		case "BaseURL":
			base, _ = constString(w.m.info, kv.Value)
		case "Middlewares":
			if ml, ok := ast.Unparen(kv.Value).(*ast.CompositeLit); ok {
				for _, x := range ml.Elts {
					mws = append(mws, w.m.interceptor(x))
				}
			}
		}
	}
	return rt, base, mws
}

// oapiImpl is the implementation a ServerInterface argument holds: its
// type, or for NewStrictHandler(ssi, mws) (directly or through a local
// variable) the type of ssi and the strict middlewares.
func (w *walker) oapiImpl(e ast.Expr) (types.Type, []*Middleware) {
	x := ast.Unparen(e)
	if id, ok := x.(*ast.Ident); ok {
		if v, ok := w.m.info.Uses[id].(*types.Var); ok {
			if d, ok := w.exprs[v]; ok {
				x = ast.Unparen(d)
			}
		}
	}
	if call, ok := x.(*ast.CallExpr); ok {
		if fn := w.m.callee(call); fn != nil && strings.HasPrefix(fn.Name(), "NewStrictHandler") && len(call.Args) >= 2 {
			var mws []*Middleware
			if ml, ok := ast.Unparen(call.Args[1]).(*ast.CompositeLit); ok {
				for _, el := range ml.Elts {
					mws = append(mws, w.m.interceptor(el))
				}
			}
			return w.m.info.TypeOf(call.Args[0]), mws
		}
	}
	return w.m.info.TypeOf(e), nil
}
