// Package bodylimit defines the bodylimit check: handlers that read a
// request body with no size limit.
package bodylimit

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/httpmodel"
	"github.com/apivet/apivet/internal/source"
)

const Doc = `bodylimit: request bodies read with no size limit

net/http, gin and echo read as much of a request body as the client sends.
A handler that decodes or reads the whole body with nothing bounding it
lets one request make the server buffer gigabytes (OWASP API4:2023
Unrestricted Resource Consumption; CWE-400, CWE-770).

The check reports a read of the whole request body:

  - io.ReadAll / ioutil.ReadAll of r.Body;
  - json/xml NewDecoder(r.Body).Decode;
  - go-chi/render Bind, Decode, DecodeJSON, DecodeXML;
  - gin's Bind, ShouldBind (not on GET-only routes), BindJSON,
    ShouldBindJSON and the other body bindings, ShouldBindBodyWith*,
    GetRawData; echo's Bind (v4 and v5) and DefaultBinder.BindBody;
  - a call of a project helper that does one of these on its request
    parameter (a decodeJSON(r, &v) helper), in this or, through facts,
    another package;

when nothing bounds it: no http.MaxBytesReader or io.LimitReader before
the read in the handler (or around the reader), and no body-limit
middleware on every route to the handler (http.MaxBytesHandler, chi's
middleware.RequestSize, echo's middleware.BodyLimit, project middleware
that calls http.MaxBytesReader). The finding is at the read when the
routes are registered in the same package, and at the route registration
when the handler lives in another package.

It also reports a fiber.Config (v2, v3) whose BodyLimit is above
max-bytes: fiber buffers whole bodies up to that size in memory. Fiber
handlers are otherwise not reported (fiber limits bodies to 4 MiB by
default).

Not reported: handlers no route is known to reach; form parsing
(ParseForm is capped at 10 MiB by net/http, multipart spills to disk);
streaming copies (io.Copy to a file or upstream); middleware.

A suggested fix inserts r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
at the top of a net/http handler.

Settings (.apivet.yml):

	bodylimit:
	  max-bytes: 33554432       # fiber BodyLimit above this is reported
	  limit-funcs: ["mylib.LimitBody"]   # project functions that bound r.Body

Suppress a finding with a reason: //apivet:ignore bodylimit <reason>.`

// Settings are the check's settings.
type Settings struct {
	// MaxBytes is the largest fiber Config.BodyLimit not reported.
	MaxBytes int64 `yaml:"max-bytes"`
	// LimitFuncs are project functions ("pkg/path.Func", "Func") whose call
	// bounds the request body, as http.MaxBytesReader does.
	LimitFuncs []string `yaml:"limit-funcs"`
}

var settings = &Settings{MaxBytes: 32 << 20}

// Analyzer is the bodylimit check's analyzer.
var Analyzer = &analysis.Analyzer{
	Name:      "bodylimit",
	Doc:       Doc,
	URL:       "https://github.com/apivet/apivet/blob/main/docs/checks.md#bodylimit",
	Requires:  []*analysis.Analyzer{httpmodel.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{(*ReadsBodyFact)(nil)},
}

// Check is the bodylimit check's registry entry.
var Check = &check.Check{
	Analyzer:  Analyzer,
	Title:     "Request body read with no size limit",
	OWASP:     "API4:2023",
	CWE:       []int{400, 770},
	Severity:  check.Warning,
	Precision: check.Medium,
	Since:     "v0.1.0",
	Bad: `func createOrder(w http.ResponseWriter, r *http.Request) {
	var req CreateOrderRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	// ...
}`,
	Good: `func createOrder(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	var req CreateOrderRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	// ...
}`,
	Settings: settings,
}

// ReadsBodyFact is exported for a function that reads the whole request
// body with no limit: a helper taking the request (decodeJSON(r, &v)), or
// a handler whose routes are registered in another package.
type ReadsBodyFact struct {
	What string // "json.Decoder.Decode at orders.go:42"
}

func (*ReadsBodyFact) AFact()           {}
func (f *ReadsBodyFact) String() string { return "readsBody(" + f.What + ")" }

const (
	pkgGin    = "github.com/gin-gonic/gin"
	pkgEcho   = "github.com/labstack/echo/v4"
	pkgEcho5  = "github.com/labstack/echo/v5"
	pkgRender = "github.com/go-chi/render"
)

// readForm says how a library call reads a request body.
type readForm int

const (
	readerArg   readForm = iota // argument bodyArg is an io.Reader that must come from r.Body
	requestArg                  // argument bodyArg is the *http.Request
	decoder                     // method Decode on json/xml.NewDecoder(reader)
	ctxMethod                   // method on a framework context
	ctxBind                     // gin Bind/ShouldBind: body only for non-GET requests
	withBinding                 // gin ShouldBindWith(obj, b): body when b is a body binding
)

type readRow struct {
	pkg, recv, name string
	form            readForm
	arg             int
}

// readRows: signatures read from Go 1.26, go-chi/render v1.0.3, gin
// v1.12.0 (context.go), echo v4.16.0 (context.go, bind.go) and v5.4.4.
var readRows = []readRow{
	{"io", "", "ReadAll", readerArg, 0},
	{"io/ioutil", "", "ReadAll", readerArg, 0},
	{"encoding/json", "Decoder", "Decode", decoder, 0},
	{"encoding/xml", "Decoder", "Decode", decoder, 0},
	{pkgRender, "", "DecodeJSON", readerArg, 0},
	{pkgRender, "", "DecodeXML", readerArg, 0},
	{pkgRender, "", "Bind", requestArg, 0},
	{pkgRender, "", "DefaultDecoder", requestArg, 0},
	{pkgRender, "", "Decode", requestArg, 0}, // a package variable holding DefaultDecoder

	{pkgGin, "Context", "Bind", ctxBind, 0},
	{pkgGin, "Context", "ShouldBind", ctxBind, 0},
	{pkgGin, "Context", "BindJSON", ctxMethod, 0},
	{pkgGin, "Context", "BindXML", ctxMethod, 0},
	{pkgGin, "Context", "BindYAML", ctxMethod, 0},
	{pkgGin, "Context", "BindTOML", ctxMethod, 0},
	{pkgGin, "Context", "BindPlain", ctxMethod, 0},
	{pkgGin, "Context", "ShouldBindJSON", ctxMethod, 0},
	{pkgGin, "Context", "ShouldBindXML", ctxMethod, 0},
	{pkgGin, "Context", "ShouldBindYAML", ctxMethod, 0},
	{pkgGin, "Context", "ShouldBindTOML", ctxMethod, 0},
	{pkgGin, "Context", "ShouldBindPlain", ctxMethod, 0},
	{pkgGin, "Context", "ShouldBindBodyWith", ctxMethod, 0},
	{pkgGin, "Context", "ShouldBindBodyWithJSON", ctxMethod, 0},
	{pkgGin, "Context", "ShouldBindBodyWithXML", ctxMethod, 0},
	{pkgGin, "Context", "ShouldBindBodyWithYAML", ctxMethod, 0},
	{pkgGin, "Context", "ShouldBindBodyWithTOML", ctxMethod, 0},
	{pkgGin, "Context", "ShouldBindBodyWithPlain", ctxMethod, 0},
	{pkgGin, "Context", "GetRawData", ctxMethod, 0},
	{pkgGin, "Context", "ShouldBindWith", withBinding, 1},
	{pkgGin, "Context", "BindWith", withBinding, 1},
	{pkgGin, "Context", "MustBindWith", withBinding, 1},

	{pkgEcho, "Context", "Bind", ctxMethod, 0},
	{pkgEcho, "DefaultBinder", "BindBody", ctxMethod, 0},
	{pkgEcho5, "Context", "Bind", ctxMethod, 0},
}

// ginBodyBindings are the gin binding package variables that read the body.
var ginBodyBindings = map[string]bool{"JSON": true, "XML": true, "YAML": true, "TOML": true, "ProtoBuf": true, "MsgPack": true, "Plain": true, "BSON": true}

// limiters bound a reader or the request body.
var limiters = map[[2]string]bool{
	{"net/http", "MaxBytesReader"}: true,
	{"io", "LimitReader"}:          true,
}

var byKey = func() map[[3]string]*readRow {
	m := map[[3]string]*readRow{}
	for i := range readRows {
		r := &readRows[i]
		m[[3]string{r.pkg, r.recv, r.name}] = r
	}
	return m
}()

// read is one unbounded read of a request body.
type read struct {
	call *ast.CallExpr
	what string
	// bodyOnlyNonGET: gin Bind/ShouldBind, which read the body only for
	// requests other than GET.
	bodyOnlyNonGET bool
}

type checker struct {
	pass    *analysis.Pass
	model   *httpmodel.Result
	helpers map[*types.Func]string // this package's helpers that read a body
}

func run(pass *analysis.Pass) (any, error) {
	c := &checker{pass: pass, model: pass.ResultOf[httpmodel.Analyzer].(*httpmodel.Result), helpers: map[*types.Func]string{}}
	c.fiberConfigs()

	decls := map[*types.Func]*ast.FuncDecl{}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					decls[fn] = fd
				}
			}
		}
	}
	// Helpers: functions that are not handlers, take a request or a
	// framework context, and read its body unbounded. Two rounds let a
	// helper call another.
	for range 2 {
		for fn, fd := range decls {
			// A routed handler is judged by its routes; an unrouted
			// handler-shaped function (func(c *gin.Context) error
			// validators) is a helper like any other.
			if h := c.model.HandlerAt(fd); c.helpers[fn] != "" || !takesRequest(fn) || (h != nil && len(c.model.RoutesTo(h)) > 0) {
				continue
			}
			if rs := c.reads(fd.Body); len(rs) > 0 {
				c.helpers[fn] = rs[0].what + " at " + source.ShortPos(c.pass.Fset, rs[0].call.Pos())
			}
		}
	}
	for fn, what := range c.helpers {
		pass.ExportObjectFact(fn, &ReadsBodyFact{What: what})
	}

	reported := map[token.Pos]bool{}
	for _, h := range c.model.Handlers {
		if h.Middleware || h.Framework == httpmodel.Fiber || h.Framework == httpmodel.FiberV3 {
			continue
		}
		rs := c.reads(h.Body)
		if len(rs) == 0 {
			continue
		}
		routes := c.model.RoutesTo(h)
		if len(routes) == 0 {
			// Routes registered elsewhere decide: leave a fact.
			for _, fn := range []*types.Func{h.Func, h.Factory} {
				if fn != nil && fn.Pkg() == pass.Pkg {
					pass.ExportObjectFact(fn, &ReadsBodyFact{What: rs[0].what + " at " + source.ShortPos(c.pass.Fset, rs[0].call.Pos())})
				}
			}
			continue
		}
		uncovered := unlimitedRoutes(routes, rs[0].bodyOnlyNonGET)
		if len(uncovered) == 0 || reported[rs[0].call.Pos()] {
			continue
		}
		reported[rs[0].call.Pos()] = true
		d := analysis.Diagnostic{
			Pos: rs[0].call.Pos(), End: rs[0].call.End(),
			Message: fmt.Sprintf("%s reads the whole request body of %s with no size limit: one request can make the server buffer gigabytes; bound it first (r.Body = http.MaxBytesReader(w, r.Body, 1<<20)) or put a body-limit middleware on the route (http.MaxBytesHandler, chi middleware.RequestSize, echo middleware.BodyLimit)",
				rs[0].what, httpmodel.RouteList(uncovered, 3)),
		}
		if fix := c.maxBytesFix(h); fix != nil {
			d.SuggestedFixes = []analysis.SuggestedFix{*fix}
		}
		pass.Report(d)
	}

	// Routes to handlers of other packages that read bodies unbounded.
	for _, rt := range c.model.Routes {
		if rt.Handler != nil || rt.HandlerFunc == nil || rt.HandlerFunc.Pkg() == pass.Pkg || rt.Call == nil {
			continue
		}
		var f ReadsBodyFact
		if !pass.ImportObjectFact(rt.HandlerFunc, &f) {
			continue
		}
		if len(unlimitedRoutes([]*httpmodel.Route{rt}, false)) == 0 || reported[rt.Call.Pos()] {
			continue
		}
		reported[rt.Call.Pos()] = true
		pass.Report(analysis.Diagnostic{
			Pos: rt.Call.Pos(), End: rt.Call.End(),
			Message: fmt.Sprintf("%s: handler %s reads the whole request body (%s) and nothing on this route limits its size: one request can make the server buffer gigabytes; add a body-limit middleware (http.MaxBytesHandler, chi middleware.RequestSize, echo middleware.BodyLimit) or bound r.Body in the handler",
				rt.Name(), funcName(rt.HandlerFunc), f.What),
		})
	}
	return nil, nil
}

// unlimitedRoutes are the routes without body-limit middleware.
func unlimitedRoutes(routes []*httpmodel.Route, skipGET bool) []*httpmodel.Route {
	var out []*httpmodel.Route
	for _, rt := range routes {
		if rt.Kinds()&httpmodel.BodyLimit != 0 {
			continue
		}
		if skipGET && (rt.Method == "GET" || rt.Method == "HEAD") {
			continue
		}
		out = append(out, rt)
	}
	return out
}

var callTypes = []ast.Node{(*ast.CallExpr)(nil)}

// reads returns the unbounded whole-body reads in body, in source order.
func (c *checker) reads(body *ast.BlockStmt) []read {
	if body == nil {
		return nil
	}
	info := c.pass.TypesInfo
	var local map[types.Object]ast.Expr
	defs := func() map[types.Object]ast.Expr { // only bodies with a candidate read need them
		if local == nil {
			local = localDefs(info, body)
		}
		return local
	}
	var limits []token.Pos // positions of limiting calls
	var out []read
	c.model.Inspect(body, callTypes, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if c.isLimiter(call) {
			limits = append(limits, call.Pos())
			return true
		}
		if r, ok := c.readOf(call, defs); ok {
			out = append(out, r)
		}
		return true
	})
	// A limit anywhere before the read bounds it.
	kept := out[:0]
	for _, r := range out {
		bounded := false
		for _, p := range limits {
			if p < r.call.Pos() {
				bounded = true
			}
		}
		if !bounded {
			kept = append(kept, r)
		}
	}
	return kept
}

func (c *checker) isLimiter(call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return false
	}
	if limiters[[2]string{fn.Pkg().Path(), fn.Name()}] {
		return true
	}
	for _, s := range settings.LimitFuncs {
		if s == fn.Name() || s == fn.Pkg().Path()+"."+fn.Name() {
			return true
		}
	}
	return false
}

// readOf reports whether call reads a whole request body.
func (c *checker) readOf(call *ast.CallExpr, defs func() map[types.Object]ast.Expr) (read, bool) {
	info := c.pass.TypesInfo
	obj := typeutil.Callee(info, call)
	if obj == nil || obj.Pkg() == nil {
		return read{}, false
	}
	recv := ""
	if fn, ok := obj.(*types.Func); ok {
		if sig := fn.Type().(*types.Signature); sig.Recv() != nil {
			recv = namedOf(sig.Recv().Type())
		}
	}
	row := byKey[[3]string{obj.Pkg().Path(), recv, obj.Name()}]
	if row == nil {
		if fn, ok := obj.(*types.Func); ok {
			if _, ok := c.helperReads(fn); ok {
				return read{call: call, what: funcName(fn)}, true
			}
		}
		return read{}, false
	}
	what := obj.Pkg().Name() + "." + obj.Name()
	if recv != "" {
		what = obj.Pkg().Name() + "." + recv + "." + obj.Name()
	}
	arg := func(i int) ast.Expr {
		if i < len(call.Args) {
			return call.Args[i]
		}
		return nil
	}
	switch row.form {
	case readerArg:
		if bounded, fromBody := c.bodySource(arg(row.arg), defs(), 0); fromBody && !bounded {
			return read{call: call, what: what}, true
		}
	case requestArg:
		if a := arg(row.arg); a != nil && isRequest(info.TypeOf(a)) {
			return read{call: call, what: what}, true
		}
	case decoder:
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			break
		}
		dec := origin(info, sel.X, defs())
		nc, ok := ast.Unparen(dec).(*ast.CallExpr)
		if !ok || len(nc.Args) != 1 {
			break
		}
		if fn, ok := typeutil.Callee(info, nc).(*types.Func); !ok || fn.Name() != "NewDecoder" {
			break
		}
		if bounded, fromBody := c.bodySource(nc.Args[0], defs(), 0); fromBody && !bounded {
			return read{call: call, what: what}, true
		}
	case ctxMethod:
		return read{call: call, what: what}, true
	case ctxBind:
		return read{call: call, what: what, bodyOnlyNonGET: true}, true
	case withBinding:
		// binding.Default(method, contentType) picks a body binding for
		// requests other than GET.
		if dc, ok := ast.Unparen(origin(info, arg(row.arg), defs())).(*ast.CallExpr); ok {
			if fn, ok := typeutil.Callee(info, dc).(*types.Func); ok && fn.Pkg() != nil && fn.Pkg().Path() == pkgGin+"/binding" && fn.Name() == "Default" {
				return read{call: call, what: what, bodyOnlyNonGET: true}, true
			}
		}
		if b, ok := ast.Unparen(arg(row.arg)).(*ast.SelectorExpr); ok {
			if v, ok := info.Uses[b.Sel].(*types.Var); ok && v.Pkg() != nil && v.Pkg().Path() == pkgGin+"/binding" && ginBodyBindings[v.Name()] {
				return read{call: call, what: what}, true
			}
		}
	}
	return read{}, false
}

func (c *checker) helperReads(fn *types.Func) (string, bool) {
	if w := c.helpers[fn]; w != "" {
		return w, true
	}
	if fn.Pkg() == c.pass.Pkg {
		return "", false
	}
	var f ReadsBodyFact
	if takesRequest(fn) && c.pass.ImportObjectFact(fn, &f) {
		return f.What, true
	}
	return "", false
}

// bodySource reports whether reader e comes from a request body, and
// whether a limiter wraps it on the way.
func (c *checker) bodySource(e ast.Expr, defs map[types.Object]ast.Expr, depth int) (bounded, fromBody bool) {
	if e == nil || depth > 4 {
		return false, false
	}
	info := c.pass.TypesInfo
	e = origin(info, e, defs)
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if c.isLimiter(n) {
				bounded = true
			}
		case *ast.CompositeLit:
			if namedOf(info.TypeOf(n)) == "LimitedReader" {
				bounded = true
			}
		case *ast.SelectorExpr:
			if n.Sel.Name == "Body" && isRequest(info.TypeOf(n.X)) {
				fromBody = true
			}
		case *ast.Ident:
			if v, ok := info.Uses[n].(*types.Var); ok && defs[v] != nil && n != e {
				b, f := c.bodySource(n, defs, depth+1)
				bounded, fromBody = bounded || b, fromBody || f
			}
		}
		return true
	})
	return bounded, fromBody
}

// localDefs maps each local variable of body assigned exactly once to
// its value.
func localDefs(info *types.Info, body *ast.BlockStmt) map[types.Object]ast.Expr {
	defs := map[types.Object]ast.Expr{}
	count := map[types.Object]int{}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				return true
			}
			for i, lhs := range n.Lhs {
				if id, ok := lhs.(*ast.Ident); ok {
					if obj := info.ObjectOf(id); obj != nil {
						defs[obj] = n.Rhs[i]
						count[obj]++
					}
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if i < len(n.Values) {
					if obj := info.Defs[id]; obj != nil {
						defs[obj] = n.Values[i]
						count[obj]++
					}
				}
			}
		}
		return true
	})
	for obj, n := range count {
		if n > 1 {
			delete(defs, obj)
		}
	}
	return defs
}

// origin follows a local variable to the value it was assigned.
func origin(info *types.Info, e ast.Expr, defs map[types.Object]ast.Expr) ast.Expr {
	for range 4 {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return e
		}
		v := defs[info.Uses[id]]
		if v == nil {
			return e
		}
		e = v
	}
	return e
}

// maxBytesFix inserts r.Body = http.MaxBytesReader(w, r.Body, 1<<20) at
// the top of a net/http handler whose parameters are named.
func (c *checker) maxBytesFix(h *httpmodel.Handler) *analysis.SuggestedFix {
	if h.Framework != httpmodel.NetHTTP && h.Framework != httpmodel.Chi && h.Framework != httpmodel.GorillaMux {
		return nil
	}
	if h.Writer == nil || h.Request == nil || h.Body == nil || len(h.Body.List) == 0 ||
		h.Writer.Name() == "_" || h.Request.Name() == "_" {
		return nil
	}
	file := c.fileOf(h.Body.Pos())
	if file == nil {
		return nil
	}
	httpName := source.ImportName(file, "net/http")
	if httpName == "" {
		return nil
	}
	first := h.Body.List[0]
	tf := c.pass.Fset.File(first.Pos())
	src, err := c.pass.ReadFile(tf.Name())
	if err != nil {
		return nil
	}
	lineStart := tf.Offset(tf.LineStart(tf.Line(first.Pos())))
	if tf.Line(first.Pos()) == tf.Line(h.Body.Lbrace) {
		return nil // one-line body
	}
	indent := leadingSpace(src[lineStart:])
	r, w := h.Request.Name(), h.Writer.Name()
	text := fmt.Sprintf("%s.Body = %s.MaxBytesReader(%s, %s.Body, 1<<20)\n%s", r, httpName, w, r, indent)
	return &analysis.SuggestedFix{
		Message:   "limit the request body to 1 MiB",
		TextEdits: []analysis.TextEdit{{Pos: first.Pos(), End: first.Pos(), NewText: []byte(text)}},
	}
}

// importsAny reports whether pkg imports one of paths directly.
func importsAny(pkg *types.Package, paths ...string) bool {
	for _, imp := range pkg.Imports() {
		for _, p := range paths {
			if imp.Path() == p {
				return true
			}
		}
	}
	return false
}

// fiberConfigs reports fiber.Config literals whose BodyLimit is huge.
func (c *checker) fiberConfigs() {
	info := c.pass.TypesInfo
	if !importsAny(c.pass.Pkg, "github.com/gofiber/fiber/v2", "github.com/gofiber/fiber/v3") {
		return // a fiber.Config literal needs the import
	}
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			t, ok := types.Unalias(info.TypeOf(lit)).(*types.Named)
			if !ok || t.Obj().Name() != "Config" || t.Obj().Pkg() == nil {
				return true
			}
			if p := t.Obj().Pkg().Path(); p != "github.com/gofiber/fiber/v2" && p != "github.com/gofiber/fiber/v3" {
				return true
			}
			for _, elt := range lit.Elts {
				kv, ok := elt.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				if id, ok := kv.Key.(*ast.Ident); !ok || id.Name != "BodyLimit" {
					continue
				}
				tv := info.Types[kv.Value]
				if tv.Value == nil || tv.Value.Kind() != constant.Int {
					continue
				}
				v, exact := constant.Int64Val(tv.Value)
				if !exact || v <= settings.MaxBytes {
					continue
				}
				c.pass.Report(analysis.Diagnostic{
					Pos: kv.Pos(), End: kv.End(),
					Message: fmt.Sprintf("fiber BodyLimit of %s: fiber buffers every request body up to this size in memory, so a few concurrent uploads can exhaust it; keep the default 4 MiB or a few MiB, and stream large uploads (Config.StreamRequestBody) with their own limit",
						humanBytes(v)),
				})
			}
			return true
		})
	}
}

func humanBytes(v int64) string {
	switch {
	case v >= 1<<30 && v%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", v>>30)
	case v >= 1<<20 && v%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", v>>20)
	}
	return fmt.Sprintf("%d bytes", v)
}

// takesRequest reports whether fn has a *http.Request or framework
// context parameter.
func takesRequest(fn *types.Func) bool {
	sig := fn.Type().(*types.Signature)
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		if isRequest(t) {
			return true
		}
		n := namedOf(t)
		if n == "Context" {
			if p := pkgOf(t); p == pkgGin || p == pkgEcho || p == pkgEcho5 {
				return true
			}
		}
	}
	return false
}

func isRequest(t types.Type) bool {
	return namedOf(t) == "Request" && pkgOf(t) == "net/http"
}

func namedOf(t types.Type) string {
	if t == nil {
		return ""
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

func pkgOf(t types.Type) string {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
		return n.Obj().Pkg().Path()
	}
	return ""
}

func funcName(fn *types.Func) string {
	if fn.Pkg() == nil {
		return fn.Name()
	}
	return fn.Pkg().Name() + "." + fn.Name()
}

func (c *checker) fileOf(pos token.Pos) *ast.File {
	for _, f := range c.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

func leadingSpace(b []byte) string {
	i := 0
	for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
		i++
	}
	return string(b[:i])
}
