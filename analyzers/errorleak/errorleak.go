// Package errorleak defines the errorleak check: internal error text,
// panic values and stack traces sent to API clients.
package errorleak

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/httpmodel"
	"github.com/apivet/apivet/internal/source"
)

const Doc = `errorleak: internal error text, panic values and stack traces sent to API clients

An error's text is written for the developer: a database error carries
the SQL, table and column names and sometimes the values; a filesystem
error the server's paths; an upstream error the internal host names and
ports; a stack trace the source tree, function names and library
versions. Sent to the client, it tells an attacker how the service is
built and where to aim, and can disclose other users' data (OWASP
API8:2023 Security Misconfiguration; CWE-209, CWE-497).

The check follows values written to responses by HTTP handlers (the
shared HTTP model: http.Error, w.Write, json Encode, go-chi/render, gin
c.JSON/c.String/c.AbortWithStatusJSON/c.HTML, echo c.JSON/c.String,
fiber c.JSON/c.SendString/c.Send, and project response helpers), plus
fmt.Fprint*(w, ...), io.WriteString(w, ...), echo.NewHTTPError(code,
msg) and fiber.NewError(code, msg) (whose message the framework writes).
A value leaks when it derives (through local variables, string
concatenation, fmt.Sprint*/Sprintf/Errorf, strings functions, map and
struct literals, and helpers of this or another package that return the
text of an error parameter, such as NewError(key, err) building a map
with err.Error()) from:

  - a recovered panic value (recover(), gin.CustomRecovery's parameter):
    error;
  - a stack trace (debug.Stack(), a buffer filled by runtime.Stack):
    error;
  - the text of an error (err.Error(), %v/%s of an error, an error given
    to fmt.Sprint or to echo.NewHTTPError as the message) that comes from
    the database (data accesses of the HTTP model: gorm, database/sql,
    sqlx, mongo, repository methods; and the tables of this package:
    pgx, bun, redis, bolt, driver error types), the filesystem (os, io/ioutil,
    filepath.Walk), an upstream service (http.Client, net.Dial, grpc), a
    command (os/exec), whatever the status: warning;
  - the text of any other error (a project function's, a parameter's) in
    a response with a constant 5xx status: warning; with a status
    computed at run time: note.

It also reports, as warnings: echo's e.Debug = true (the default error
handler then adds every error's text to the response), and fiber
ErrorHandlers and echo HTTPErrorHandlers that write err.Error() of any
error they are given, with no errors.As, errors.Is or type test for the
framework's or the project's public error type; and a fiber handler that
returns a database, driver or filesystem error (return err) on an app
built with fiber.New() and no ErrorHandler: fiber's DefaultErrorHandler
sends err.Error() as the body. It is reported at the return, or, for a
handler of another package, at the route's registration. e.Debug = true under an
if or case (a development switch) is a note, and so is a write under an
if whose condition names a debug or development mode (gin.IsDebugging(),
gin.Mode() != gin.ReleaseMode, cfg.Debug, isDev); helpers that add an
error's text only under such a condition (Cloudreve's serializer.Err)
are not followed.

Not reported: errors about the client's own input (bind, JSON decode,
strconv, uuid and time parsing, validator, input helpers) and about its
credentials (functions that learn who the caller is, such as a JWT
extractor), answered with any status; an
error used where errors.Is or == picked a sentinel (the sentinel's fixed
text); errors.New and fmt.Errorf with no wrapped error (a fixed message);
errors of a concrete type (errors.As targets, type assertions,
*echo.HTTPError, *fiber.Error, a project's public error type) other than
drivers'; package-level sentinels; errors of encoding the response
(json/xml Marshal and Encoder.Encode: a Go type's name or a failed
write); an error value serialized as JSON
(gin.H{"error": err}: encoding/json writes {} for errors without
exported fields); gin's c.AbortWithError and c.Error, which record the
error for middleware and do not write it to the body; gin debug mode
(it logs, it does not answer with errors).

A 5xx answer with err.Error() is a warning, not an error: the text is
often harmless (a project's own message), but the same line reveals SQL
or paths the day the error comes from a driver, and reviewers cannot
tell which from the call site.

Limits: the error's origin is followed in the handler's own body (the
definition of err nearest before the write) and through repository
methods the HTTP model summarizes; errors returned from project
services are of unknown origin. Error values serialized with exported fields
(*pq.Error in a JSON map) are not reported.

The suggested fix replaces err.Error() with http.StatusText(code) when
the status is a 5xx constant; log the error server-side.

Suppress a finding with a reason: //apivet:ignore errorleak <reason>.`

// Analyzer is the errorleak check's analyzer.
var Analyzer = &analysis.Analyzer{
	Name:      "errorleak",
	Doc:       Doc,
	URL:       "https://github.com/apivet/apivet/blob/main/docs/checks.md#errorleak",
	Requires:  []*analysis.Analyzer{httpmodel.Analyzer, check.Inspect},
	Run:       run,
	FactTypes: []analysis.Fact{new(textFact), new(fiberReturnFact)},
}

// textFact marks a function whose result carries the text of some of its
// error parameters (common.NewError(key, err) returning a map with
// err.Error()), so handlers of other packages that write its result leak
// the error.
type textFact struct{ Params []int }

func (*textFact) AFact()           {}
func (f *textFact) String() string { return fmt.Sprintf("text%v", f.Params) }

// Check is the errorleak check's registry entry. Precision is measured on
// fourteen open-source services (go-base, fiber-go-template, gophish,
// listmonk, Cloudreve, woodpecker, miniflux, gotify, the gin realworld
// example, hanko, alist; none on gin-vue-admin, remark42, ntfy): 115
// warnings, one false (a stored cron schedule's parse error in a 500).
var Check = &check.Check{
	Analyzer:  Analyzer,
	Title:     "Internal error text, panic values or stack traces sent to API clients",
	OWASP:     "API8:2023",
	CWE:       []int{209, 497},
	Severity:  check.Warning,
	Precision: check.High,
	Since:     "v0.2.0",
	Bad: `if err := db.First(&order, id).Error; err != nil {
	http.Error(w, err.Error(), http.StatusInternalServerError) // SQL and table names to the client
	return
}`,
	Good: `if err := db.First(&order, id).Error; err != nil {
	log.Printf("get order %s: %v", id, err)
	http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
	return
}`,
}

type checker struct {
	pass      *analysis.Pass
	hm        *httpmodel.Result
	walk      *source.Walker // on the package's inspector
	summaries map[*types.Func][]int
	funcDecls map[*types.Func]*ast.FuncDecl
	reported  map[token.Pos]bool
	fiberRets map[*httpmodel.Handler]*fiberReturn
}

func run(pass *analysis.Pass) (any, error) {
	hm, _ := pass.ResultOf[httpmodel.Analyzer].(*httpmodel.Result)
	if pass.TypesInfo == nil || hm == nil {
		return nil, nil
	}
	ins, _ := pass.ResultOf[check.Inspect].(*inspector.Inspector)
	c := &checker{pass: pass, hm: hm, walk: source.NewWalker(ins), summaries: map[*types.Func][]int{}, reported: map[token.Pos]bool{}}
	for _, h := range hm.Handlers {
		if h.Body != nil {
			c.handler(h)
			c.fiberReturns(h)
		}
	}
	c.frameworkConfig()
	c.fiberDefaultHandler()
	c.exportText()
	return nil, nil
}

// exportText exports a textFact for each function of the package that
// returns the text of an error parameter.
func (c *checker) exportText() {
	for _, fn := range sortedFuncs(c.decls()) {
		sig := fn.Type().(*types.Signature)
		if !hasErrorParam(sig) || sig.Results().Len() == 0 {
			continue
		}
		if ps := c.textifies(fn); len(ps) > 0 {
			c.pass.ExportObjectFact(fn, &textFact{Params: ps})
		}
	}
}

func hasErrorParam(sig *types.Signature) bool {
	for i := 0; i < sig.Params().Len(); i++ {
		if isError(sig.Params().At(i).Type()) {
			return true
		}
	}
	return false
}

func sortedFuncs(m map[*types.Func]*ast.FuncDecl) []*types.Func {
	out := make([]*types.Func, 0, len(m))
	for fn := range m {
		out = append(out, fn)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Pos() < out[j].Pos() })
	return out
}

func (c *checker) decls() map[*types.Func]*ast.FuncDecl {
	if c.funcDecls == nil {
		c.funcDecls = map[*types.Func]*ast.FuncDecl{}
		for d, fn := range source.Funcs(c.pass.Files, c.pass.TypesInfo) {
			c.funcDecls[fn] = d
		}
	}
	return c.funcDecls
}

// sink is a response write: the values it writes, as text or not, and
// its status.
type sink struct {
	call   *ast.CallExpr
	name   string
	values []ast.Expr
	text   bool // error values among values are written as their text
	status ast.Expr
	noCode bool // no status argument: look for an earlier status setter
}

func (c *checker) handler(h *httpmodel.Handler) {
	var sinks []sink
	seen := map[*ast.CallExpr]bool{}
	for _, r := range h.Responses {
		if r.Value == nil || r.Format == "" {
			continue // no body: c.AbortWithError records the error for middleware
		}
		s := sink{call: r.Call, name: callName(c.pass, r.Call), values: []ast.Expr{r.Value}, status: r.Status, noCode: r.Status == nil}
		fn, _ := typeutil.Callee(c.pass.TypesInfo, r.Call).(*types.Func)
		if ts, ok := textSinks[keyOf(fn)]; ok {
			c.fillFromTable(&s, ts)
		}
		if _, ok := textSinks[keyOf(fn)]; !ok && c.hm.ResponseHelperOf(fn) != nil {
			// A helper's status, when it takes none, is set inside it
			// (internalError(w, msg) writing a 500): unknown here.
			s.noCode = false
			c.helperArgs(&s)
		}
		seen[r.Call] = true
		sinks = append(sinks, s)
	}
	ast.Inspect(h.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || seen[call] {
			return true
		}
		fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
		ts, ok := textSinks[keyOf(fn)]
		if !ok {
			return true
		}
		if writesTo(fn) && !c.isResponseWriter(call) {
			return true // fmt.Fprintf(os.Stderr, ...)
		}
		if k := keyOf(fn); k.recv == "" && k.name == "Error" && k.pkg == "net/http" {
			return true // http.Error is always in the model; a miss means no value
		}
		s := sink{call: call, name: ts.name, noCode: ts.status < 0}
		c.fillFromTable(&s, ts)
		sinks = append(sinks, s)
		return true
	})
	w := &walker{c: c, flow: h.Flow(), stackBufs: c.stackBuffers(h.Body)}
	for _, s := range sinks {
		w.out, w.seen = nil, map[*types.Var]bool{}
		for _, v := range s.values {
			w.value(v, s.text)
		}
		if len(w.out) == 0 {
			continue
		}
		status := s.status
		if status == nil && s.noCode {
			status = c.earlierStatus(h.Body, s.call)
		}
		for _, l := range w.out {
			c.judge(h, h.Flow(), s, status, l, false)
		}
	}
}

// helperArgs: a project response helper (respondError(w, r, 500,
// err.Error())) may write more arguments than the one the model names
// (the model keeps one value parameter per helper), and take its status
// as a plain int argument.
func (c *checker) helperArgs(s *sink) {
	s.values = nil
	for _, a := range s.call.Args {
		t := c.pass.TypesInfo.TypeOf(a)
		if t == nil || namedOf(t) != nil && (namedOf(t).Obj().Name() == "ResponseWriter" || namedOf(t).Obj().Name() == "Request" || namedOf(t).Obj().Name() == "Context") {
			continue
		}
		if code, ok := c.statusOf(nil, a); ok && code >= 100 && code <= 599 {
			if s.status == nil {
				s.status, s.noCode = a, false
			}
			continue
		}
		s.values = append(s.values, a)
	}
}

func (c *checker) fillFromTable(s *sink, ts textSink) {
	s.name = ts.name
	if ts.status >= 0 && ts.status < len(s.call.Args) {
		s.status, s.noCode = s.call.Args[ts.status], false
	}
	if ts.first < len(s.call.Args) {
		s.values = append([]ast.Expr(nil), s.call.Args[ts.first:]...)
	}
	s.text = ts.errText
}

// isResponseWriter: the first argument of fmt.Fprintf/io.WriteString is
// a response writer (http.ResponseWriter, gin's c.Writer, echo's
// c.Response()).
func (c *checker) isResponseWriter(call *ast.CallExpr) bool {
	if len(call.Args) == 0 {
		return false
	}
	n := namedOf(c.pass.TypesInfo.TypeOf(call.Args[0]))
	if n == nil || n.Obj().Pkg() == nil {
		return false
	}
	switch n.Obj().Pkg().Path() + "." + n.Obj().Name() {
	case "net/http.ResponseWriter", "github.com/gin-gonic/gin.ResponseWriter", "github.com/labstack/echo/v4.Response":
		return true
	}
	return false
}

// earlierStatus returns the status argument of the last status setter
// (w.WriteHeader, render.Status, c.Status) before call in body, or nil.
func (c *checker) earlierStatus(body *ast.BlockStmt, call *ast.CallExpr) ast.Expr {
	var best ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		x, ok := n.(*ast.CallExpr)
		if !ok || x.Pos() > call.Pos() {
			return n == nil || n.Pos() <= call.Pos()
		}
		fn, _ := typeutil.Callee(c.pass.TypesInfo, x).(*types.Func)
		if i, ok := statusSetters[keyOf(fn)]; ok && i < len(x.Args) {
			best = x.Args[i]
		}
		return true
	})
	return best
}

func callName(pass *analysis.Pass, call *ast.CallExpr) string {
	if t := source.Text(pass, call.Fun); len(t) <= 32 {
		return t
	}
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		if id, ok := ast.Unparen(f.X).(*ast.Ident); ok {
			return id.Name + "." + f.Sel.Name
		}
		return f.Sel.Name
	case *ast.Ident:
		return f.Name
	}
	return "the response"
}

// judge decides whether a leak in a sink is reported, and how.
func (c *checker) judge(h *httpmodel.Handler, flow *httpmodel.Flow, s sink, status ast.Expr, l leak, errHandler bool) {
	if c.reported[l.at.Pos()] {
		return
	}
	code, known := c.statusOf(flow, status)
	if status == nil && s.noCode {
		code, known = 200, true // net/http, fiber and render default
	}
	what := source.Text(c.pass, l.at)
	if len(what) > 40 {
		what = "the error's text"
	}
	var msg string
	sev := check.Warning
	switch {
	case (l.kind == panicValue || l.kind == stackTrace) && c.debugGated(s.call):
		// if cfg.Debug { w.Write(debug.Stack()) }: an opt-in of development.
		sev = check.Note
		msg = fmt.Sprintf("a stack trace or panic value is sent to the client by %s in debug mode: make sure production cannot turn it on (CWE-497)", s.name)
	case l.kind == panicValue:
		sev = check.Error
		msg = fmt.Sprintf("the recovered panic value is sent to the client by %s: it reveals internals (CWE-209); log it with the stack and answer a fixed 500 message", s.name)
	case l.kind == stackTrace:
		sev = check.Error
		msg = fmt.Sprintf("a stack trace is sent to the client by %s: it reveals source paths, functions and library versions (CWE-497); log it server-side instead", s.name)
	case l.kind == errText:
		if c.guarded(flow, l.err, s.call) {
			return
		}
		o, src := c.originOf(flow, h, l.err, s.call.Pos(), 0)
		switch {
		case o == clientOrigin || o == fixedOrigin:
			return
		case c.debugGated(s.call):
			sev = check.Note
			msg = fmt.Sprintf("%s is sent to the client by %s in debug mode: make sure production cannot turn it on, as internal error text reveals SQL, hosts or paths (CWE-209)", what, s.name)
		case errHandler:
			msg = fmt.Sprintf("%s of every error reaches the client in this error handler: database and filesystem errors reveal SQL, hosts and paths (CWE-209); send public errors' messages and a fixed text for the rest", what)
		case o == internalOrigin:
			msg = fmt.Sprintf("%s of %s %s error is sent to the client by %s: it can reveal SQL, table names, hosts or paths (CWE-209); log it and answer a fixed message", what, article(src), src, s.name)
		case known && code >= 500:
			msg = fmt.Sprintf("%s is sent to the client in a %d response by %s: internal error text can reveal SQL, hosts or paths (CWE-209); log it and answer a fixed message", what, code, s.name)
		case !known:
			sev = check.Note
			msg = fmt.Sprintf("%s is sent to the client by %s with a status computed at run time: for 5xx errors internal text can reveal SQL, hosts or paths (CWE-209)", what, s.name)
		default:
			return
		}
	}
	c.reported[l.at.Pos()] = true
	d := analysis.Diagnostic{Pos: l.at.Pos(), End: l.at.End(), Message: msg}
	if l.kind == errText && known && code >= 500 && status != nil {
		d.SuggestedFixes = c.statusTextFix(l, status)
	}
	check.Report(c.pass, d, sev)
}

// statusTextFix replaces err.Error() with http.StatusText(status).
func (c *checker) statusTextFix(l leak, status ast.Expr) []analysis.SuggestedFix {
	call, ok := l.at.(*ast.CallExpr)
	if !ok {
		return nil
	}
	file := c.fileOf(call.Pos())
	if file == nil {
		return nil
	}
	name, imp := source.Import(file, "net/http")
	edits := []analysis.TextEdit{{Pos: call.Pos(), End: call.End(), NewText: []byte(name + ".StatusText(" + source.Text(c.pass, status) + ")")}}
	if imp != nil {
		edits = append(edits, *imp)
	}
	return []analysis.SuggestedFix{{Message: "Replace with " + name + ".StatusText(" + source.Text(c.pass, status) + ") and log the error", TextEdits: edits}}
}

func (c *checker) fileOf(pos token.Pos) *ast.File {
	for _, f := range c.pass.Files {
		if f.FileStart <= pos && pos < f.FileEnd {
			return f
		}
	}
	return nil
}

// guarded reports whether the write is inside an if or case whose
// condition tests err against a sentinel or a type (errors.Is(err, X),
// err == X, errors.As(err, &t)): the text is then a known, fixed one.
func (c *checker) guarded(flow *httpmodel.Flow, errExpr ast.Expr, at ast.Node) bool {
	file := c.fileOf(at.Pos())
	if file == nil {
		return false
	}
	path, _ := astutil.PathEnclosingInterval(file, at.Pos(), at.End())
	root := rootVar(c.pass.TypesInfo, errExpr)
	for i, n := range path {
		var conds []ast.Expr
		switch n := n.(type) {
		case *ast.IfStmt:
			if i > 0 && path[i-1] == n.Body {
				conds = append(conds, n.Cond)
			}
		case *ast.CaseClause:
			conds = n.List
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		}
		for _, cond := range conds {
			if c.testsError(cond, root) {
				return true
			}
		}
	}
	return false
}

func rootVar(info *types.Info, e ast.Expr) *types.Var {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		v, _ := info.Uses[id].(*types.Var)
		return v
	}
	return nil
}

func (c *checker) testsError(cond ast.Expr, v *types.Var) bool {
	found := false
	ast.Inspect(cond, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.CallExpr:
			fn, _ := typeutil.Callee(c.pass.TypesInfo, x).(*types.Func)
			k := keyOf(fn)
			if (k.name == "Is" || k.name == "As") && (k.pkg == "errors" || k.pkg == "github.com/pkg/errors") && len(x.Args) == 2 {
				found = found || v == nil || rootVar(c.pass.TypesInfo, x.Args[0]) == v
			}
		case *ast.BinaryExpr:
			if x.Op == token.EQL && (rootVar(c.pass.TypesInfo, x.X) == v && v != nil) && !isNilExpr(c.pass.TypesInfo, x.Y) {
				found = true
			}
		case *ast.TypeAssertExpr:
			found = found || v == nil || rootVar(c.pass.TypesInfo, x.X) == v
		}
		return !found
	})
	return found
}

func isNilExpr(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}

func article(w string) string {
	if w != "" && strings.ContainsRune("aeiouAEIOU", rune(w[0])) {
		return "an"
	}
	return "a"
}

// writesTo reports whether fn writes to its first argument, an io.Writer
// (fmt.Fprintf, io.WriteString).
func writesTo(fn *types.Func) bool {
	k := keyOf(fn)
	return k.recv == "" && (k.pkg == "fmt" || k.pkg == "io")
}
