// Package servertimeout defines the servertimeout check: HTTP servers that
// slow clients can hold open.
package servertimeout

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/serve"
	"github.com/apivet/apivet/internal/source"
)

const Doc = `servertimeout: HTTP servers without read timeouts

A server that does not bound how long it waits for a request's headers
lets a client that sends them one byte at a time hold a connection and a
goroutine for ever (Slowloris); a few thousand such clients exhaust file
descriptors or memory (OWASP API4:2023 Unrestricted Resource Consumption;
CWE-400, CWE-770).

The check reports, as warnings:

  - http.ListenAndServe, http.ListenAndServeTLS, http.Serve and
    http.ServeTLS: they serve with a zero http.Server, which has no timeouts,
    and offer no way to set any;
  - an http.Server with neither ReadHeaderTimeout nor ReadTimeout, served by
    (*http.Server).ListenAndServe[TLS]/Serve[TLS] or echo's StartServer. The
    server is traced to its construction: a literal, new(http.Server), a
    variable or struct field it was stored in, fields assigned afterwards
    (srv.ReadHeaderTimeout = d), a helper function in the same package or,
    through facts, in another package;
  - gin's Run, RunTLS, RunListener, RunUnix and RunFd: gin builds an
    http.Server without timeouts;
  - echo v4's Start, StartTLS, StartAutoTLS and StartH2CServer when the
    e.Server (e.TLSServer for TLS) fields were not given a read timeout in
    the package (e.Server.ReadHeaderTimeout = d);
  - fiber v2/v3 Listen and Listener when the fiber.Config given to
    fiber.New has no ReadTimeout (fasthttp then waits for ever).

and, as notes, servers that set a read timeout but no WriteTimeout (a slow
reader holds the response), or no IdleTimeout while ReadTimeout is unset
(idle keep-alive connections are never closed). Streaming endpoints (SSE,
large downloads) may leave WriteTimeout out on purpose, so notes are shown
only with -severity note (severity: note in .apivet.yml); silence one with
a directive, or turn them off with the setting below.

Not reported: echo v5 (it sets ReadTimeout 30s itself), gin's RunQUIC,
servers whose construction cannot be seen (a parameter, an interface).

A suggested fix adds ReadHeaderTimeout: 10 * time.Second to the
http.Server literal (ReadTimeout for fiber.Config), rewrites
http.ListenAndServe(addr, h) and gin's r.Run(addr) into
(&http.Server{Addr: addr, Handler: h, ReadHeaderTimeout: 10 * time.Second}).ListenAndServe(),
and adds the "time" import when the file lacks it.

Settings (.apivet.yml):

	servertimeout:
	  write-idle-notes: true   # report missing WriteTimeout/IdleTimeout as notes

Suppress a finding with a reason: //apivet:ignore servertimeout <reason>.`

// Settings are the check's settings.
type Settings struct {
	// WriteIdleNotes reports servers with a read timeout but no
	// WriteTimeout (or IdleTimeout) as notes.
	WriteIdleNotes bool `yaml:"write-idle-notes"`
}

var settings = &Settings{WriteIdleNotes: true}

// Analyzer is the servertimeout check's analyzer.
var Analyzer = &analysis.Analyzer{
	Name:     "servertimeout",
	Doc:      Doc,
	URL:      "https://github.com/apivet/apivet/blob/main/docs/checks.md#servertimeout",
	Requires: []*analysis.Analyzer{serve.Analyzer},
	Run:      run,
}

// Check is the servertimeout check's registry entry.
var Check = &check.Check{
	Analyzer:  Analyzer,
	Title:     "HTTP server without read timeouts (Slowloris)",
	OWASP:     "API4:2023",
	CWE:       []int{400, 770},
	Severity:  check.Warning,
	Precision: check.High,
	Since:     "v0.1.0",
	Bad: `srv := &http.Server{
	Addr:    ":8080",
	Handler: router,
}
log.Fatal(srv.ListenAndServe())`,
	Good: `srv := &http.Server{
	Addr:              ":8080",
	Handler:           router,
	ReadHeaderTimeout: 10 * time.Second,
	WriteTimeout:      30 * time.Second,
	IdleTimeout:       2 * time.Minute,
}
log.Fatal(srv.ListenAndServe())`,
	Settings: settings,
}

const fixTimeout = "10 * time.Second"

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[serve.Analyzer].(*serve.Result)
	reported := map[token.Pos]bool{}
	for _, sc := range res.Calls {
		c := sc.Config
		if c == nil {
			continue
		}
		file := sc.File
		switch {
		case c.Fixed && c.Has("ReadTimeout"):
			// echo v5: its own server has ReadTimeout.
		case c.Fixed:
			reportFixed(pass, file, sc)
		case c.Kind == serve.HTTPServer || c.Kind == serve.FiberApp:
			reportConfig(pass, sc, reported)
		}
	}
	return nil, nil
}

// name of the serve call for messages: "srv.ListenAndServe", "http.ListenAndServe".
func callName(sc *serve.Call) string {
	if sel, ok := ast.Unparen(sc.Call.Fun).(*ast.SelectorExpr); ok {
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok {
			return id.Name + "." + sel.Sel.Name
		}
		return sel.Sel.Name
	}
	return sc.Method
}

func reportFixed(pass *analysis.Pass, file *ast.File, sc *serve.Call) {
	var msg string
	if sc.Framework == serve.Gin {
		msg = fmt.Sprintf("%s serves with an http.Server that gin builds without timeouts: a client that sends headers slowly holds a connection for ever (Slowloris); serve the engine with your own http.Server{Addr: addr, Handler: r.Handler(), ReadHeaderTimeout: %s}", callName(sc), fixTimeout)
	} else {
		msg = fmt.Sprintf("%s serves with no timeouts and cannot be given any: a client that sends headers slowly holds a connection for ever (Slowloris); use an http.Server with ReadHeaderTimeout (and WriteTimeout, IdleTimeout)", callName(sc))
	}
	d := analysis.Diagnostic{Pos: sc.Call.Pos(), End: sc.Call.End(), Message: msg}
	if fix := rewriteToServer(pass, file, sc); fix != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{*fix}
	}
	pass.Report(d)
}

// rewriteToServer turns http.ListenAndServe(a, h) / r.Run(a) into a
// serve call on an http.Server literal with ReadHeaderTimeout.
func rewriteToServer(pass *analysis.Pass, file *ast.File, sc *serve.Call) *analysis.SuggestedFix {
	if file == nil {
		return nil
	}
	text := func(e ast.Expr) string { return nodeText(pass, e) }
	args := sc.Call.Args
	// The arguments the rewrite reads: code that does not type-check can
	// call these with fewer (no fix is offered then).
	if len(args) < rewriteArgs[sc.Method] {
		return nil
	}
	var fields []string
	var method string
	var margs []string
	httpName := ""
	switch {
	case sc.Package == "net/http":
		sel, ok := ast.Unparen(sc.Call.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		httpName = text(sel.X)
		h := ""
		switch sc.Method {
		case "ListenAndServe", "ListenAndServeTLS":
			fields = append(fields, "Addr: "+text(args[0]))
			h = handlerField(pass, args[len(args)-1])
			if sc.Method == "ListenAndServeTLS" {
				h = handlerField(pass, args[3])
				margs = []string{text(args[1]), text(args[2])}
			}
		case "Serve", "ServeTLS":
			h = handlerField(pass, args[1])
			margs = []string{text(args[0])}
			if sc.Method == "ServeTLS" {
				margs = append(margs, text(args[2]), text(args[3]))
			}
		}
		if h != "" {
			fields = append(fields, h)
		}
		method = sc.Method
	case sc.Framework == serve.Gin:
		sel, ok := ast.Unparen(sc.Call.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		httpName = source.ImportName(file, "net/http")
		if httpName == "" {
			return nil
		}
		r := text(sel.X)
		switch {
		case sc.Method == "Run" && len(args) == 1:
			fields, method = []string{"Addr: " + text(args[0])}, "ListenAndServe"
		case sc.Method == "RunTLS":
			fields, method, margs = []string{"Addr: " + text(args[0])}, "ListenAndServeTLS", []string{text(args[1]), text(args[2])}
		case sc.Method == "RunListener":
			method, margs = "Serve", []string{text(args[0])}
		default:
			return nil
		}
		fields = append(fields, "Handler: "+r+".Handler()")
	default:
		return nil
	}
	timeName, importEdit := source.Import(file, "time")
	fields = append(fields, "ReadHeaderTimeout: 10 * "+timeName+".Second")
	var b bytes.Buffer
	fmt.Fprintf(&b, "(&%s.Server{", httpName)
	for i, f := range fields {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(f)
	}
	fmt.Fprintf(&b, "}).%s(", method)
	for i, a := range margs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(a)
	}
	b.WriteString(")")
	edits := []analysis.TextEdit{{Pos: sc.Call.Pos(), End: sc.Call.End(), NewText: b.Bytes()}}
	if importEdit != nil {
		edits = append(edits, *importEdit)
	}
	return &analysis.SuggestedFix{Message: "serve with an http.Server that has ReadHeaderTimeout", TextEdits: edits}
}

// rewriteArgs is how many arguments each serve method the fix rewrites
// takes (net/http, gin).
var rewriteArgs = map[string]int{
	"ListenAndServe": 2, "ListenAndServeTLS": 4, "Serve": 2, "ServeTLS": 4,
	"Run": 1, "RunTLS": 3, "RunListener": 1,
}

func handlerField(pass *analysis.Pass, h ast.Expr) string {
	if id, ok := ast.Unparen(h).(*ast.Ident); ok && pass.TypesInfo.Types[id].IsNil() {
		return ""
	}
	return "Handler: " + nodeText(pass, h)
}

func reportConfig(pass *analysis.Pass, sc *serve.Call, reported map[token.Pos]bool) {
	c := sc.Config
	readField := "ReadHeaderTimeout"
	what := "http.Server"
	if c.Kind == serve.FiberApp {
		readField, what = "ReadTimeout", "fiber.Config"
	}
	hasRead := c.Has("ReadHeaderTimeout") || c.Has("ReadTimeout")
	var missing []string
	if !c.Has("WriteTimeout") {
		missing = append(missing, "WriteTimeout")
	}
	if !c.Has("IdleTimeout") && !c.Has("ReadTimeout") {
		missing = append(missing, "IdleTimeout")
	}
	if hasRead && (len(missing) == 0 || !settings.WriteIdleNotes) {
		return
	}

	// Report at the literal when it is in this package (once, however
	// many calls serve it), else at the serve call.
	pos, end := sc.Call.Pos(), sc.Call.End()
	where := ""
	if lit := litOrNew(c); lit != nil {
		pos, end = lit.Pos(), lit.End()
		where = fmt.Sprintf(", served by %s at %s,", callName(sc), source.ShortPos(pass.Fset, sc.Call.Pos()))
	} else if c.Helper != nil {
		where = fmt.Sprintf(" (built by %s)", funcName(c.Helper))
	}
	if reported[pos] {
		return
	}
	reported[pos] = true

	if !hasRead {
		var msg string
		switch {
		case c.Kind == serve.FiberApp:
			msg = fmt.Sprintf("the fiber app%s has no ReadTimeout: fasthttp then waits for ever for a slow client's request (Slowloris), holding a connection and a worker; set fiber.Config{ReadTimeout: %s} (and WriteTimeout, IdleTimeout)", where, fixTimeout)
		case sc.Framework == serve.Echo && c.Lit == nil:
			field := "Server"
			if sc.Method == "StartTLS" || sc.Method == "StartAutoTLS" {
				field = "TLSServer"
			}
			recv := "e"
			if sel, ok := ast.Unparen(sc.Call.Fun).(*ast.SelectorExpr); ok {
				recv = nodeText(pass, sel.X)
			}
			msg = fmt.Sprintf("%s serves with echo's %s.%s, which has no ReadHeaderTimeout or ReadTimeout: a client that sends headers slowly holds a connection for ever (Slowloris); set %s.%s.ReadHeaderTimeout = %s before starting", callName(sc), recv, field, recv, field, fixTimeout)
		default:
			msg = fmt.Sprintf("%s%s has no ReadHeaderTimeout or ReadTimeout: a client that sends headers slowly holds a connection for ever (Slowloris); set ReadHeaderTimeout: %s (and WriteTimeout, IdleTimeout)", what, where, fixTimeout)
		}
		d := analysis.Diagnostic{Pos: pos, End: end, Message: msg}
		if fix := addField(pass, c, readField); fix != nil {
			d.SuggestedFixes = []analysis.SuggestedFix{*fix}
		}
		pass.Report(d)
		return
	}
	msg := fmt.Sprintf("%s%s has a read timeout but no %s: a client that reads the response slowly, or idles on a keep-alive connection, holds it for ever; set them unless this server streams responses on purpose",
		what, where, joinAnd(missing))
	check.Report(pass, analysis.Diagnostic{Pos: pos, End: end, Message: msg}, check.Note)
}

// litOrNew is the node a fix edits: the literal or fiber.New().
func litOrNew(c *serve.Config) ast.Node {
	if c.Lit != nil {
		return c.Lit
	}
	if c.NewCall != nil {
		return c.NewCall
	}
	return nil
}

func joinAnd(s []string) string {
	if len(s) == 2 {
		return s[0] + " or " + s[1]
	}
	return s[0]
}

// addField inserts "<field>: 10 * time.Second" into the configuration
// literal, or gives fiber.New() a Config.
func addField(pass *analysis.Pass, c *serve.Config, field string) *analysis.SuggestedFix {
	at := litOrNew(c)
	if at == nil {
		return nil
	}
	file := fileOf(pass, at.Pos())
	if file == nil {
		return nil
	}
	timeName, importEdit := source.Import(file, "time")
	value := field + ": 10 * " + timeName + ".Second"
	var edit analysis.TextEdit
	switch {
	case c.Lit != nil:
		lit := c.Lit
		var existing *ast.KeyValueExpr
		for _, e := range lit.Elts {
			kv, ok := e.(*ast.KeyValueExpr)
			if !ok {
				return nil // positional literal
			}
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == field {
				existing = kv
			}
		}
		if existing != nil { // ReadHeaderTimeout: 0
			edit = analysis.TextEdit{Pos: existing.Value.Pos(), End: existing.Value.End(), NewText: []byte("10 * " + timeName + ".Second")}
			break
		}
		if len(lit.Elts) == 0 {
			edit = analysis.TextEdit{Pos: lit.Lbrace + 1, End: lit.Lbrace + 1, NewText: []byte(value)}
			break
		}
		last := lit.Elts[len(lit.Elts)-1]
		tf := pass.Fset.File(last.End())
		if tf.Line(lit.Rbrace) == tf.Line(last.End()) {
			edit = analysis.TextEdit{Pos: last.End(), End: last.End(), NewText: []byte(", " + value)}
			break
		}
		// Multi-line literal: a new line after the last element's comma,
		// indented like that element.
		src, err := pass.ReadFile(tf.Name())
		if err != nil {
			return nil
		}
		off := tf.Offset(last.End())
		comma := bytes.IndexByte(src[off:], ',')
		if comma < 0 {
			return nil
		}
		lineStart := tf.Offset(tf.LineStart(tf.Line(last.Pos())))
		indent := leadingSpace(src[lineStart:])
		p := last.End() + token.Pos(comma) + 1
		edit = analysis.TextEdit{Pos: p, End: p, NewText: []byte("\n" + indent + value + ",")}
	default:
		call := c.NewCall
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		edit = analysis.TextEdit{Pos: call.Lparen + 1, End: call.Rparen, NewText: []byte(nodeText(pass, sel.X) + ".Config{" + value + "}")}
	}
	edits := []analysis.TextEdit{edit}
	if importEdit != nil {
		edits = append(edits, *importEdit)
	}
	return &analysis.SuggestedFix{Message: "set " + field + " to 10s", TextEdits: edits}
}

func leadingSpace(b []byte) string {
	i := 0
	for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
		i++
	}
	return string(b[:i])
}

func fileOf(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

func nodeText(pass *analysis.Pass, n ast.Node) string {
	tf := pass.Fset.File(n.Pos())
	if tf != nil {
		if src, err := pass.ReadFile(tf.Name()); err == nil {
			return string(src[tf.Offset(n.Pos()):tf.Offset(n.End())])
		}
	}
	return types.ExprString(n.(ast.Expr))
}

func funcName(fn *types.Func) string {
	if fn.Pkg() == nil {
		return fn.Name()
	}
	return source.PathBase(fn.Pkg().Path()) + "." + fn.Name()
}
