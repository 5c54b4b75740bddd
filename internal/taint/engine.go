package taint

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/httpmodel"
	"github.com/apivet/apivet/internal/source"
	"github.com/apivet/apivet/internal/words"
)

type engine struct {
	pass *analysis.Pass
	hm   *httpmodel.Result
	walk *source.Walker // on the package's inspector
	info *types.Info
	// inputs maps the model's input expressions and calls to their Input.
	inputs    map[ast.Node]*httpmodel.Input
	decls     map[*types.Func]*ast.FuncDecl
	summaries map[*types.Func]*SummaryFact
	imported  map[*types.Func]*SummaryFact
	ctxs      map[ast.Node]*fnCtx
	flows     []*Flow
	sinkCache map[*types.Func]*sinkRow
	// requestVars are RPC handlers' request messages, sources as a whole.
	requestVars map[*types.Var]*Source
	secretVars  map[*types.Var]*Source
	formats     map[types.Type]bool // types that render themselves
	tuples      map[ast.Expr]int    // see tupleIndex
	nameKeys    map[ast.Expr]bool   // see tupleIndex
	outgoing    map[*types.Var]bool // see outgoingRequests
	globals     map[*types.Var][]globalDef
	globalMemo  map[memoKey]origins
}

func newEngine(pass *analysis.Pass, hm *httpmodel.Result) *engine {
	e := &engine{
		pass: pass, hm: hm, info: pass.TypesInfo,
		inputs:      map[ast.Node]*httpmodel.Input{},
		decls:       map[*types.Func]*ast.FuncDecl{},
		summaries:   map[*types.Func]*SummaryFact{},
		imported:    map[*types.Func]*SummaryFact{},
		ctxs:        map[ast.Node]*fnCtx{},
		sinkCache:   map[*types.Func]*sinkRow{},
		requestVars: map[*types.Var]*Source{},
		secretVars:  map[*types.Var]*Source{},
		formats:     map[types.Type]bool{},
		globalMemo:  map[memoKey]origins{},
	}
	ins, _ := pass.ResultOf[check.Inspect].(*inspector.Inspector)
	e.walk = source.NewWalker(ins)
	e.markRequestMessages()
	for _, h := range hm.Handlers {
		for _, in := range h.Inputs {
			e.inputs[ast.Unparen(in.Expr)] = in
			if in.Call != nil {
				e.inputs[in.Call] = in
			}
		}
	}
	for fd, fn := range source.Funcs(pass.Files, pass.TypesInfo) {
		e.decls[fn] = fd
	}
	return e
}

// origins are what a value derives from: parameters of the function it
// is in (bits, in paramIndex's numbering) and sources.
type origins struct {
	params uint64
	srcs   []*Source
}

func (o *origins) add(p origins) {
	o.params |= p.params
	for _, s := range p.srcs {
		dup := false
		for _, t := range o.srcs {
			if t.Expr == s.Expr {
				dup = true
				break
			}
		}
		if !dup {
			o.srcs = append(o.srcs, s)
		}
	}
}

func (o origins) empty() bool { return o.params == 0 && len(o.srcs) == 0 }

// fnCtx is the analysis of one function body (a FuncDecl, nested
// function literals included, or a function literal at package level).
type fnCtx struct {
	e      *engine
	fn     *types.Func // nil for a package-level function literal
	body   ast.Node
	flow   *httpmodel.Flow
	params map[*types.Var]int
	memo   map[memoKey]origins
	active map[memoKey]bool
	guards *guardSet            // built on first use
	loops  []ast.Node           // for and range statements, on first use
	fields map[fieldKey]origins // fieldOrig's, for logs
}

type memoKey struct {
	v *types.Var
	k Kind
	n int // how many of v's definitions count (see defsBefore)
}

func (e *engine) fnCtx(body ast.Node, fn *types.Func) *fnCtx {
	if c, ok := e.ctxs[body]; ok {
		return c
	}
	b := body
	if fd, ok := body.(*ast.FuncDecl); ok {
		b = fd.Body
	}
	c := &fnCtx{e: e, fn: fn, body: body, flow: e.hm.NewFlow(e.info, e.pass.Pkg, b), memo: map[memoKey]origins{}, active: map[memoKey]bool{}}
	if fn != nil {
		c.params = paramIndex(fn)
	}
	e.ctxs[body] = c
	return c
}

// namedMap reports whether x is a map keyed by names the program or the
// protocol fixes (http.Header, url.Values, grpc metadata.MD): ranging
// over it, the key is a header or parameter name, which is no secret
// (while its values may be).
func (e *engine) namedMap(x ast.Expr) bool {
	t := e.info.TypeOf(x)
	return t != nil && (isNamed(t, "net/http", "Header") || isNamed(t, "net/url", "Values") ||
		isNamed(t, "google.golang.org/grpc/metadata", "MD"))
}

// headerNameKey reports whether lhs is the key of a range over a namedMap.
func (e *engine) headerNameKey(lhs ast.Expr) bool {
	e.tupleIndex()
	return e.nameKeys[lhs]
}

// origVar returns what variable v derives from.
func (c *fnCtx) origVar(v *types.Var, k Kind) origins { return c.origVarAt(v, k, token.NoPos) }

// origVarAt is origVar for a use of v at pos: definitions after the use
// do not reach it, unless the use is in a loop (url = "…?token=" + t
// after log.Debugf("%s", url) does not put the token in the log).
func (c *fnCtx) origVarAt(v *types.Var, k Kind, pos token.Pos) origins {
	defs := c.flow.Defs(v)
	n := c.defsBefore(defs, pos)
	key := memoKey{v, k, n}
	if o, ok := c.memo[key]; ok {
		return o
	}
	if c.active[key] {
		return origins{} // a cycle: its other definitions decide
	}
	c.active[key] = true
	defer delete(c.active, key)
	var o origins
	if k != Log && c.validated(v) || k == Log && sanitizerByName(v.Name())&Log != 0 {
		// Guarded; or, for logs, named for a hash or a masked form
		// (hashed := sha(pw), maskedToken).
		c.memo[key] = o
		return o
	}
	if i, ok := c.params[v]; ok {
		o.params |= 1 << i
	}
	if s := c.e.requestVars[v]; s != nil && k != Log {
		o.srcs = append(o.srcs, s)
	}
	lhs := c.flow.Assigned(v)
	for i, d := range defs[:n] {
		if k == URL && i < len(lhs) && safeURLPart(c.e.info, lhs[i]) {
			continue
		}
		if k == Log && i < len(lhs) && c.e.headerNameKey(lhs[i]) {
			continue // for k, v := range r.Header: k is a header's name
		}
		if call, ok := d.(*ast.CallExpr); ok && i < len(lhs) && lhs[i].Pos() >= call.Pos() && lhs[i].End() <= call.End() {
			if do, ok := c.decodeInto(call, lhs[i], k); ok && c.e.inputs[call] == nil {
				o.add(do) // json.Unmarshal(body, &v)
				continue
			}
			o.add(c.outParam(call, lhs[i], k)) // c.ShouldBindJSON(&req), Decode(&v), fill(&f, r)
			continue
		}
		if call, ok := ast.Unparen(d).(*ast.CallExpr); ok && i < len(lhs) {
			if r, ok := c.e.tupleIndex()[lhs[i]]; ok {
				o.add(c.origResult(call, k, r)) // q, stmt := makeQuery(…)
				continue
			}
		}
		o.add(c.orig(d, k))
	}
	for _, w := range c.e.writesInto(c, v) {
		o.add(w.orig(k))
	}
	if k == Log && len(o.srcs) == 0 {
		// A secret's name, when where its value comes from does not
		// already say it is one (pw := r.FormValue("password") is the
		// form field), nor that it is a hash or a masked form of one.
		if s := c.e.secretVar(v); s != nil && !c.sanitizedDefs(v) {
			o.srcs = append(o.srcs, s)
		}
	}
	c.memo[key] = o
	return o
}

// orig returns what expression x derives from, for a sink of kind k.
func (c *fnCtx) orig(x ast.Expr, k Kind) origins {
	e := c.e
	if x == nil {
		return origins{}
	}
	x = ast.Unparen(x)
	tv, hasType := e.info.Types[x]
	if hasType && tv.Value != nil {
		return origins{} // a constant
	}
	if hasType && !tv.IsType() && e.clean(tv.Type, k) {
		return origins{}
	}
	if in := e.inputs[x]; in != nil {
		return c.inputOrigin(x, in, k)
	}
	if in := e.requestRead(x); in != nil && (k != Log || in.Name != "") {
		return c.inputOrigin(x, in, k)
	}
	switch x := x.(type) {
	case *ast.Ident:
		v, ok := e.info.Uses[x].(*types.Var)
		if !ok || v.Pkg() == nil {
			return origins{}
		}
		if v.Parent() == v.Pkg().Scope() {
			if !e.isGlobal(v) || k != Log && c.validated(v) {
				return origins{} // another package's globals are not followed
			}
			if k == Log {
				if s := e.secretStruct(x, tv.Type); s != nil {
					return origins{srcs: []*Source{s}}
				}
			}
			return e.globalOrig(v, k)
		}
		if k == Log {
			if s := e.secretStruct(x, tv.Type); s != nil && !c.secretFieldsSanitized(v, tv.Type) {
				return origins{srcs: []*Source{s}}
			}
		}
		return c.origVarAt(v, k, x.Pos())
	case *ast.SelectorExpr:
		sel, ok := e.info.Selections[x]
		if !ok {
			return origins{} // a qualified identifier
		}
		if k == Log {
			if sel.Kind() == types.FieldVal {
				if s := e.secretField(x, sel); s != nil {
					return origins{srcs: []*Source{s}}
				}
				// Log sources are names: a struct's other fields are not
				// secrets because one of them is, but what the function
				// wrote into this field may be one (cfg.x = password),
				// unless it is named for a hash or an encrypted form.
				if sanitizerByName(x.Sel.Name)&Log != 0 {
					return origins{}
				}
				return c.fieldOrig(x)
			}
		}
		return c.orig(x.X, k)
	case *ast.StarExpr:
		return c.orig(x.X, k)
	case *ast.UnaryExpr:
		if ix, ok := ast.Unparen(x.X).(*ast.IndexExpr); ok && x.Op == token.AND {
			// &b[0] reaches the whole backing array (unsafe.Pointer(&b[0])).
			return c.orig(ix.X, k)
		}
		return c.orig(x.X, k)
	case *ast.BinaryExpr:
		if k == URL && x.Op == token.ADD {
			return c.urlConcat(x)
		}
		o := c.orig(x.X, k)
		o.add(c.orig(x.Y, k))
		return o
	case *ast.IndexExpr:
		return c.orig(x.X, k)
	case *ast.SliceExpr:
		return c.orig(x.X, k)
	case *ast.TypeAssertExpr:
		return c.orig(x.X, k)
	case *ast.CompositeLit:
		var o origins
		urlLit := k == URL && isNamed(tv.Type, "net/url", "URL")
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok && urlLit && safeURLField[id.Name] {
					continue
				}
				el = kv.Value
			}
			o.add(c.orig(el, k))
		}
		return o
	case *ast.CallExpr:
		return c.origResult(x, k, -1)
	}
	return origins{}
}

// inputOrigin is the origin of a model input: a source of client input,
// and for logs a secret when it is a credential (the Authorization
// header, a password form field).
func (c *fnCtx) inputOrigin(x ast.Expr, in *httpmodel.Input, k Kind) origins {
	if k != Log {
		return origins{srcs: []*Source{{Class: Input, Expr: x, Input: in, Desc: describeInput(in)}}}
	}
	if secretInput(in.Kind, in.Name) {
		return origins{srcs: []*Source{{Class: Secret, Expr: x, Input: in, Desc: describeInput(in)}}}
	}
	return origins{}
}

// outParam returns what a call writes into a variable whose address it
// receives: request input for a bind or decode of the request, nothing
// for other calls (rows.Scan(&x) reads the database, not the client).
func (c *fnCtx) outParam(call *ast.CallExpr, lhs ast.Expr, k Kind) origins {
	e := c.e
	if in := e.inputs[call]; in != nil {
		return c.inputOrigin(call, in, k)
	}
	fn, _ := typeutil.Callee(e.info, call).(*types.Func)
	if fn == nil {
		return origins{}
	}
	if o, ok := c.summaryWrites(call, fn, lhs, k); ok {
		return o
	}
	if k == Log {
		return origins{}
	}
	if kind, ok := e.hm.InputFunc(fn.Origin()); ok {
		in := &httpmodel.Input{Kind: kind, Call: call, Expr: call, Func: fn}
		return origins{srcs: []*Source{{Class: Input, Expr: call, Desc: describeInput(in)}}}
	}
	return origins{}
}

// origResult returns what result r of a call derives from (every result
// for r < 0: the call used as one value).
func (c *fnCtx) origResult(call *ast.CallExpr, k Kind, r int) origins {
	e := c.e
	if tv, ok := e.info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 {
			return c.orig(call.Args[0], k)
		}
		return origins{}
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := e.info.Uses[id].(*types.Builtin); ok {
			var o origins
			if b.Name() == "append" || b.Name() == "min" || b.Name() == "max" {
				for _, a := range call.Args {
					o.add(c.orig(a, k))
				}
			}
			return o
		}
	}
	fn, _ := typeutil.Callee(e.info, call).(*types.Func)
	if fn == nil {
		return origins{} // a function value
	}
	fn = c.devirtualize(call, fn).Origin()
	if kind, ok := e.hm.InputFunc(fn); ok && k != Log && e.ofRequest(call, fn) && !nilRequest(e.info, call, fn) {
		in := &httpmodel.Input{Kind: kind, Name: constArg(e.info, call), Call: call, Expr: call, Func: fn}
		return origins{srcs: []*Source{{Class: Input, Expr: call, Desc: describeInput(in)}}}
	}
	if in := e.requestValuesGet(call, fn); in != nil {
		return c.inputOrigin(call, in, k)
	}
	if sanitizes(fn)&k != 0 {
		return origins{}
	}
	sum := e.summaryOf(fn)
	if sum != nil && sum.Sanitizes&k != 0 {
		return origins{} // encryptPassword(pw) is no secret
	}
	if k == Log {
		if s := e.secretCall(call, fn); s != nil {
			return origins{srcs: []*Source{s}}
		}
	}
	args := e.callArgs(call, fn)
	if s := sum; s != nil {
		var o origins
		if d := s.ResultSrc[kindIndex(k)]; d != "" && !nilRequest(e.info, call, fn) {
			class := Input
			if k == Log {
				class = Secret
			}
			o.srcs = append(o.srcs, &Source{Class: class, Expr: call, Desc: d + " (returned by " + fn.Name() + ")"})
		}
		var bits uint64
		for i, rb := range s.ToResult {
			if r < 0 || i == r {
				bits |= rb[kindIndex(k)]
			}
		}
		for p := 0; p < 64 && bits>>p != 0; p++ {
			if bits&(1<<p) != 0 {
				for _, a := range argsFor(args, fn, p) {
					o.add(c.orig(a, k))
				}
			}
		}
		return o
	}
	if fn.Pkg() == nil {
		return origins{}
	}
	if k == URL {
		if o, ok := c.urlCall(call, fn, args); ok {
			return o
		}
	}
	if k == SQL {
		if o, ok := c.sprintfArgs(fn, args); ok {
			return o
		}
	}
	path := fn.Pkg().Path()
	sig := fn.Type().(*types.Signature)
	switch {
	case passPkgs[path] && !blockPass[path+"."+fn.Name()] && !blockPass[fn.Pkg().Name()+"."+fn.Name()]:
		if sig.Recv() != nil && !passRecv[fn.Name()] && !strings.HasPrefix(fn.Name(), "Append") {
			if _, isIface := sig.Recv().Type().Underlying().(*types.Interface); isIface {
				return origins{}
			}
		}
		var o origins
		for _, a := range args {
			o.add(c.orig(a, k))
		}
		return o
	case sig.Recv() != nil && passRecv[fn.Name()] && len(args) > 0 && args[0] != nil:
		// u.String(), v.Get("k") of a tainted value: the receiver's text
		// (for logs, not a struct's: scanner.Text() is no secret field).
		if k == Log && isStruct(e.info.TypeOf(args[0])) {
			return c.fieldless(args[0])
		}
		return c.orig(args[0], k)
	}
	return origins{}
}

// writeDef is a call that writes its arguments into a variable: a
// strings.Builder or bytes.Buffer method, fmt.Fprintf(&b, ...).
type writeDef struct {
	c    *fnCtx
	args []ast.Expr
}

func (w writeDef) orig(k Kind) origins {
	var o origins
	for _, a := range w.args {
		o.add(w.c.orig(a, k))
	}
	return o
}

// writesInto returns the calls in c's body that write into v through a
// method with a pointer receiver called on the variable itself
// (b.WriteString(s) on a strings.Builder), which httpmodel.Flow does not
// count as definitions.
func (e *engine) writesInto(c *fnCtx, v *types.Var) []writeDef {
	if !isNamed(v.Type(), "strings", "Builder") && !isNamed(v.Type(), "bytes", "Buffer") {
		return nil
	}
	var out []writeDef
	e.walk.Inspect(c.body, []ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || !writeMethods[sel.Sel.Name] || source.RootVar(e.info, sel.X) != v {
			return true
		}
		out = append(out, writeDef{c, call.Args})
		return true
	})
	return out
}

// clean reports whether a value of type t cannot carry an injection or
// a secret: numbers, booleans and errors (and, for SQL and URLs, times
// and UUIDs, whose text the program does not choose from input).
func (e *engine) clean(t types.Type, k Kind) bool {
	if t == nil {
		return false
	}
	if b, ok := t.Underlying().(*types.Basic); ok {
		return b.Info()&(types.IsNumeric|types.IsBoolean) != 0
	}
	if types.Identical(t, errorType) {
		// An error's text is the callee's, not the value it was given
		// (and `data, err := json.Marshal(creds)` gives err no part of creds).
		return true
	}
	if k == Log {
		// A type that renders itself decides what a log shows of it
		// (a LogValuer that redacts); url.URL's String shows a password.
		f, ok := e.formats[t]
		if !ok {
			f = hasFormatMethod(t) && !isNamed(t, "net/url", "URL")
			e.formats[t] = f
		}
		return f
	}
	if isNamed(t, "time", "Time") || isNamed(t, "time", "Duration") {
		return true
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
		if p := n.Obj().Pkg().Path(); strings.Contains(p, "uuid") || strings.HasSuffix(p, "/ulid") || strings.HasSuffix(p, "/ulid/v2") {
			return true
		}
	}
	return false
}

var errorType = types.Universe.Lookup("error").Type()

func isNamed(t types.Type, pkg, name string) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

// sanitizes returns the kinds a library function cleans its result for.
func sanitizes(fn *types.Func) Kind {
	if fn.Pkg() == nil {
		return 0
	}
	pkg, recv := fn.Pkg().Path(), recvName(fn)
	var k Kind
	for _, r := range sanitizerRows {
		if r.pkg == pkg && r.recv == recv && slices.Contains(r.names, fn.Name()) {
			k |= r.kinds
		}
	}
	return k
}

// recvName is the name of fn's receiver type ("" for a function).
func recvName(fn *types.Func) string {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return ""
	}
	t := sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Origin().Obj().Name()
	}
	return ""
}

// funcName is a readable name of fn: "(*sql.DB).Query", "http.Get".
func funcName(fn *types.Func) string {
	sig := fn.Type().(*types.Signature)
	pkg := ""
	if fn.Pkg() != nil {
		pkg = fn.Pkg().Name() + "."
	}
	if sig.Recv() == nil {
		return pkg + fn.Name()
	}
	star := ""
	if _, ok := sig.Recv().Type().(*types.Pointer); ok {
		star = "*"
	}
	return fmt.Sprintf("(%s%s%s).%s", star, pkg, recvName(fn), fn.Name())
}

// wordsHave reports whether a word of name, trailing digits dropped, is w
// (words.Contains, but "mask2" has the word "mask").
func wordsHave(name, w string) bool {
	for _, x := range words.Split(name) {
		if strings.TrimRight(x, "0123456789") == w {
			return true
		}
	}
	return false
}

// constArg returns the first argument of call when it is a constant
// string ("id" in r.PathValue("id")), else "".
func constArg(info *types.Info, call *ast.CallExpr) string {
	for _, a := range call.Args {
		if tv, ok := info.Types[a]; ok && tv.Value != nil {
			if s, ok := constString(tv); ok {
				return s
			}
		}
	}
	return ""
}

func describeInput(in *httpmodel.Input) string {
	kind := string(in.Kind)
	switch in.Kind {
	case httpmodel.PathParam:
		kind = "path parameter"
	case httpmodel.QueryParam:
		kind = "query parameter"
	case httpmodel.Header:
		kind = "header"
	case httpmodel.Cookie:
		kind = "cookie"
	case httpmodel.Form:
		kind = "form field"
	case httpmodel.Body:
		return "the request body"
	case httpmodel.Message:
		kind = "request field"
	}
	if in.Name == "" {
		return "a " + kind
	}
	return fmt.Sprintf("%s %q", kind, in.Name)
}

// requestValuesGet recognizes, outside handlers (a ReverseProxy Director,
// a helper given the request), what the model recognizes in them:
// r.Header.Get("X") is a header input, r.URL.Query().Get("q") a query
// input, r.Form.Get("f") a form input.
func (e *engine) requestValuesGet(call *ast.CallExpr, fn *types.Func) *httpmodel.Input {
	if fn.Name() != "Get" || fn.Pkg() == nil {
		return nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	name := constArg(e.info, call)
	switch recv := ast.Unparen(sel.X).(type) {
	case *ast.SelectorExpr:
		if !e.isRequest(recv.X) {
			return nil
		}
		switch {
		case recv.Sel.Name == "Header" && isNamed(fn.Type().(*types.Signature).Recv().Type(), "net/http", "Header"):
			return &httpmodel.Input{Kind: httpmodel.Header, Name: name, Call: call, Expr: call, Func: fn}
		case recv.Sel.Name == "Form" || recv.Sel.Name == "PostForm":
			return &httpmodel.Input{Kind: httpmodel.Form, Name: name, Call: call, Expr: call, Func: fn}
		}
	case *ast.CallExpr:
		if inner, ok := typeutil.Callee(e.info, recv).(*types.Func); ok && inner.Name() == "Query" && recvName(inner) == "URL" && inner.Pkg().Path() == "net/url" && e.ofRequest(recv, inner) {
			return &httpmodel.Input{Kind: httpmodel.QueryParam, Name: name, Call: call, Expr: call, Func: fn}
		}
	}
	return nil
}

// ofRequest: an input function's call reads the request, not any value
// of the type: (*url.URL).Query is an input on r.URL, not on a URL the
// program built.
func (e *engine) ofRequest(call *ast.CallExpr, fn *types.Func) bool {
	if recvName(fn) != "URL" || fn.Pkg().Path() != "net/url" {
		return true
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	inner, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
	if !ok || inner.Sel.Name != "URL" {
		return false
	}
	return e.isRequest(inner.X)
}

// tupleIndex maps each target of a multi-value assignment (a, b := f())
// to the index of the result it receives, built on first use.
func (e *engine) tupleIndex() map[ast.Expr]int {
	if e.tuples != nil {
		return e.tuples
	}
	e.tuples = map[ast.Expr]int{}
	e.nameKeys = map[ast.Expr]bool{}
	for _, f := range e.pass.Files {
		e.walk.Inspect(f, []ast.Node{(*ast.RangeStmt)(nil), (*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)}, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.RangeStmt:
				if n.Key != nil && e.namedMap(n.X) {
					e.nameKeys[n.Key] = true
				}
			case *ast.AssignStmt:
				if len(n.Rhs) == 1 && len(n.Lhs) > 1 {
					for i, l := range n.Lhs {
						e.tuples[l] = i
					}
				}
			case *ast.ValueSpec:
				if len(n.Values) == 1 && len(n.Names) > 1 {
					for i, l := range n.Names {
						e.tuples[l] = i
					}
				}
			}
			return true
		})
	}
	return e.tuples
}

// defsBefore returns how many of defs (in source order) can reach a use
// at pos: all of them for an unknown position or a use inside a loop,
// else those that start before it.
func (c *fnCtx) defsBefore(defs []ast.Expr, pos token.Pos) int {
	if !pos.IsValid() || len(defs) == 0 || defs[len(defs)-1].Pos() < pos {
		return len(defs)
	}
	if c.loops == nil {
		c.loops = []ast.Node{}
		c.e.walk.Inspect(c.body, []ast.Node{(*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)}, func(n ast.Node) bool {
			switch n.(type) {
			case *ast.ForStmt, *ast.RangeStmt:
				c.loops = append(c.loops, n)
			}
			return true
		})
	}
	for _, l := range c.loops {
		if l.Pos() <= pos && pos < l.End() {
			return len(defs)
		}
	}
	n := 0
	for n < len(defs) && defs[n].Pos() < pos {
		n++
	}
	return n
}

// nilRequest reports whether call passes nil for a request parameter of
// an input helper (GetApiUrl(nil) reads the configuration, not a request).
func nilRequest(info *types.Info, call *ast.CallExpr, fn *types.Func) bool {
	params := fn.Type().(*types.Signature).Params()
	for i, a := range call.Args {
		if i >= params.Len() {
			break
		}
		id, ok := ast.Unparen(a).(*ast.Ident)
		if !ok || info.Uses[id] != types.Universe.Lookup("nil") {
			continue
		}
		if p, ok := params.At(i).Type().(*types.Pointer); ok {
			if n, ok := types.Unalias(p.Elem()).(*types.Named); ok && (n.Obj().Name() == "Request" || n.Obj().Name() == "Context" || n.Obj().Name() == "Ctx") {
				return true
			}
		}
	}
	return false
}

// fieldless is orig, for logs, of a struct receiver whose method result
// is logged: its variable's definitions count, not the struct's secret
// fields (which the method need not show).
func (c *fnCtx) fieldless(x ast.Expr) origins {
	if v := source.RootVar(c.e.info, x); v != nil && v.Pkg() != nil && v.Parent() != v.Pkg().Scope() {
		return c.origVar(v, Log)
	}
	return origins{}
}
