// Package pprof defines the pprof check: the Go profiler served to the
// network.
package pprof

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"net"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/serve"
)

const Doc = `pprof: the Go profiler served on a non-loopback address

Importing net/http/pprof, even for its side effect, registers the
/debug/pprof/ handlers on http.DefaultServeMux. Any server that then serves
DefaultServeMux — http.ListenAndServe(addr, nil), an http.Server without a
Handler, or http.DefaultServeMux passed explicitly — exposes heap dumps,
goroutine stacks with their arguments, the command line, CPU profiles and
execution traces to whoever can reach the address (OWASP API8:2023
Security Misconfiguration; CWE-200, CWE-489). A profile can leak secrets
from memory, and /debug/pprof/profile?seconds=N ties up CPU on demand.

The check reports the serve call when:

  - the program links net/http/pprof (imported directly or by a dependency,
    e.g. github.com/go-chi/chi/v5/middleware imports it), and the call
    serves http.DefaultServeMux; or
  - the served handler is a mux that mounts the profiler explicitly
    (pprof.Index, pprof.Handler(...), chi's middleware.Profiler()), in the
    same function;

and the address is a constant that is not loopback-only (":6060",
"0.0.0.0:6060" and "" listen on every interface; "localhost:6060",
"127.0.0.1:6060" and "[::1]:6060" do not). A net.Listen listener is
judged by its address the same way.

Not reported: loopback addresses; addresses computed at run time (apivet
cannot know them: the check stays silent rather than guess); servers with
their own mux that does not mount the profiler.

Fix: serve the profiler on its own loopback listener,

	go func() { log.Println(http.ListenAndServe("127.0.0.1:6060", nil)) }()

and give the public server its own mux (http.NewServeMux or a router).
A suggested fix rewrites a literal ":port" address to "127.0.0.1:port".

Suppress a finding with a reason: //apivet:ignore pprof <reason>.`

// Analyzer is the pprof check's analyzer.
var Analyzer = &analysis.Analyzer{
	Name:      "pprof",
	Doc:       Doc,
	URL:       "https://github.com/apivet/apivet/blob/main/docs/checks.md#pprof",
	Requires:  []*analysis.Analyzer{check.Inspect},
	Run:       run,
	FactTypes: []analysis.Fact{new(linksPprof)},
}

// Check is the pprof check's registry entry.
var Check = &check.Check{
	Analyzer:  Analyzer,
	Title:     "Go profiler (net/http/pprof) served on a non-loopback address",
	OWASP:     "API8:2023",
	CWE:       []int{200, 489},
	Severity:  check.Error,
	Precision: check.High,
	Since:     "v0.1.0",
	Bad: `import _ "net/http/pprof"

func main() {
	http.HandleFunc("/orders", listOrders)
	log.Fatal(http.ListenAndServe(":8080", nil)) // DefaultServeMux: /debug/pprof/ too
}`,
	Good: `import _ "net/http/pprof"

func main() {
	go func() { log.Println(http.ListenAndServe("127.0.0.1:6060", nil)) }()

	mux := http.NewServeMux()
	mux.HandleFunc("/orders", listOrders)
	log.Fatal(http.ListenAndServe(":8080", mux))
}`,
}

func init() { check.RunsOnImportGraph(Analyzer) }

// linksPprof is a package fact: the package imports net/http/pprof,
// directly or through its dependencies.
type linksPprof struct {
	Via string // the package that imports net/http/pprof
}

func (*linksPprof) AFact()           {}
func (f *linksPprof) String() string { return "linksPprof(" + f.Via + ")" }

const pprofPath = "net/http/pprof"

func run(pass *analysis.Pass) (any, error) {
	via := ""
	for _, imp := range pass.Pkg.Imports() {
		if imp.Path() == pprofPath {
			via = pass.Pkg.Path()
			break
		}
		var f linksPprof
		if pass.ImportPackageFact(imp, &f) && via == "" {
			via = f.Via
		}
	}
	if via != "" {
		pass.ExportPackageFact(&linksPprof{Via: via})
	}
	if pass.TypesInfo == nil || !serve.Imports(pass.Pkg) {
		return nil, nil // a dependency without syntax: only the fact
	}

	ins := pass.ResultOf[check.Inspect].(*inspector.Inspector)
	for cur := range ins.Root().Preorder((*ast.CallExpr)(nil)) {
		sc := serve.Match(pass.TypesInfo, cur)
		if sc == nil || sc.Framework != serve.NetHTTP {
			continue
		}
		call, file := sc.Call, sc.File
		addr, ok := address(pass, file, sc)
		if !ok || loopback(addr) {
			continue
		}
		var what string
		switch {
		case servesDefaultMux(pass, sc) && via != "":
			what = fmt.Sprintf("this serves http.DefaultServeMux, where net/http/pprof (via %s) put /debug/pprof/", via)
		case sc.Handler != nil && mountsProfiler(pass, cur, sc.Handler):
			what = "this serves a mux that mounts the Go profiler"
		default:
			continue
		}
		d := analysis.Diagnostic{
			Pos: call.Pos(), End: call.End(),
			Message: fmt.Sprintf("%s: on %s anyone can pull heap dumps, goroutine stacks and CPU profiles; serve it on %s and give the public server its own mux",
				what, describeAddr(addr), loopbackFor(addr)),
		}
		if lit, ok := ast.Unparen(sc.Addr).(*ast.BasicLit); ok && strings.HasPrefix(addr, ":") {
			d.SuggestedFixes = []analysis.SuggestedFix{{
				Message:   "listen on 127.0.0.1 only",
				TextEdits: []analysis.TextEdit{{Pos: lit.Pos(), End: lit.End(), NewText: []byte(strconv.Quote("127.0.0.1" + addr))}},
			}}
		}
		pass.Report(d)
	}
	return nil, nil
}

// address returns the constant address a serve call listens on.
func address(pass *analysis.Pass, file *ast.File, sc *serve.Call) (string, bool) {
	if sc.Listener != nil {
		return listenerAddress(pass, file, sc.Listener)
	}
	if sc.Addr == nil {
		if sc.Server != nil {
			return "", true // http.Server without Addr: ":http"
		}
		return "", false
	}
	return constString(pass, sc.Addr)
}

func constString(pass *analysis.Pass, e ast.Expr) (string, bool) {
	tv := pass.TypesInfo.Types[e]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// listenerAddress finds the address of a listener created in the same
// file by net.Listen("tcp", addr).
func listenerAddress(pass *analysis.Pass, file *ast.File, l ast.Expr) (string, bool) {
	id, ok := ast.Unparen(l).(*ast.Ident)
	if !ok || file == nil {
		return "", false
	}
	obj := pass.TypesInfo.ObjectOf(id)
	addr, found := "", false
	ast.Inspect(file, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 || len(as.Lhs) == 0 {
			return true
		}
		lid, ok := as.Lhs[0].(*ast.Ident)
		if !ok || pass.TypesInfo.ObjectOf(lid) != obj {
			return true
		}
		call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !ok || len(call.Args) != 2 {
			return true
		}
		if fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func); ok && fn.Pkg() != nil && fn.Pkg().Path() == "net" && fn.Name() == "Listen" {
			addr, found = constString(pass, call.Args[1])
		}
		return true
	})
	return addr, found
}

// loopback reports whether addr listens on loopback only.
func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// loopbackFor is addr moved to 127.0.0.1, for the message.
func loopbackFor(addr string) string {
	if _, port, err := net.SplitHostPort(addr); err == nil && port != "" {
		return net.JoinHostPort("127.0.0.1", port)
	}
	return "127.0.0.1:6060"
}

func describeAddr(addr string) string {
	if addr == "" {
		return `the default address ":http"`
	}
	return strconv.Quote(addr)
}

// servesDefaultMux reports whether the serve call serves http.DefaultServeMux.
func servesDefaultMux(pass *analysis.Pass, sc *serve.Call) bool {
	if sc.Handler == nil {
		return true
	}
	return isDefaultServeMux(pass, sc.Handler)
}

func isDefaultServeMux(pass *analysis.Pass, e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	v, ok := pass.TypesInfo.ObjectOf(sel.Sel).(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == "net/http" && v.Name() == "DefaultServeMux"
}

// profilerHandlers are the functions whose use mounts the profiler on a mux.
var profilerHandlers = map[string][]string{
	pprofPath:                                {"Index", "Cmdline", "Profile", "Symbol", "Trace", "Handler"},
	"github.com/go-chi/chi/v5/middleware":    {"Profiler"},
	"github.com/go-chi/chi/middleware":       {"Profiler"},
	"github.com/gin-contrib/pprof":           {"Register", "RouteRegister"},
	"github.com/labstack/echo-contrib/pprof": {"Register"},
}

// mountsProfiler reports whether, in the function enclosing the serve call,
// the served handler variable gets a profiler handler registered on it
// (mux.HandleFunc("/debug/pprof/", pprof.Index), r.Mount("/debug", middleware.Profiler())).
func mountsProfiler(pass *analysis.Pass, cur inspector.Cursor, handler ast.Expr) bool {
	id, ok := ast.Unparen(handler).(*ast.Ident)
	if !ok {
		return false
	}
	obj := pass.TypesInfo.ObjectOf(id)
	var body ast.Node
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		body = c.Node()
		break
	}
	if body == nil || obj == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if rid, ok := ast.Unparen(sel.X).(*ast.Ident); !ok || pass.TypesInfo.ObjectOf(rid) != obj {
			return true
		}
		for _, arg := range call.Args {
			if refersToProfiler(pass, arg) {
				found = true
			}
		}
		return true
	})
	return found
}

func refersToProfiler(pass *analysis.Pass, e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		fn, ok := pass.TypesInfo.Uses[id].(*types.Func)
		if !ok || fn.Pkg() == nil {
			return true
		}
		for _, name := range profilerHandlers[fn.Pkg().Path()] {
			if fn.Name() == name {
				found = true
			}
		}
		return true
	})
	return found
}
