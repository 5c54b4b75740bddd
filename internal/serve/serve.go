// Package serve knows where a Go program starts serving HTTP: the calls
// that bind a listener and the handler and address each one serves. It is
// shared by the checks about the server edge (pprof, ratelimit,
// servertimeout, bodylimit).
package serve

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// Framework names a library that starts servers.
type Framework string

const (
	NetHTTP Framework = "net/http"
	Gin     Framework = "gin"
	Echo    Framework = "echo"
	Fiber   Framework = "fiber"
)

// start describes one function or method that starts serving.
type start struct {
	pkg, recv, name string
	fw              Framework
	addr            int // index of the address argument, -1 if none
	handler         int // index of the handler argument, -1: the receiver (router) or the server's Handler field
	listener        int // index of a net.Listener argument, -1 if none
	tls             bool
	// server is true for (*http.Server) methods: address and handler
	// come from the server value.
	server bool
}

// starts is the table of serve calls (signatures read from net/http of Go
// 1.26, gin v1.12.0, echo v4.16.0 and v5, fiber v2.52.15 and v3).
var starts = []start{
	{pkg: "net/http", name: "ListenAndServe", fw: NetHTTP, addr: 0, handler: 1, listener: -1},
	{pkg: "net/http", name: "ListenAndServeTLS", fw: NetHTTP, addr: 0, handler: 3, listener: -1, tls: true},
	{pkg: "net/http", name: "Serve", fw: NetHTTP, addr: -1, handler: 1, listener: 0},
	{pkg: "net/http", name: "ServeTLS", fw: NetHTTP, addr: -1, handler: 1, listener: 0, tls: true},
	{pkg: "net/http", recv: "Server", name: "ListenAndServe", fw: NetHTTP, addr: -1, handler: -1, listener: -1, server: true},
	{pkg: "net/http", recv: "Server", name: "ListenAndServeTLS", fw: NetHTTP, addr: -1, handler: -1, listener: -1, server: true, tls: true},
	{pkg: "net/http", recv: "Server", name: "Serve", fw: NetHTTP, addr: -1, handler: -1, listener: 0, server: true},
	{pkg: "net/http", recv: "Server", name: "ServeTLS", fw: NetHTTP, addr: -1, handler: -1, listener: 0, server: true, tls: true},

	{pkg: "github.com/gin-gonic/gin", recv: "Engine", name: "Run", fw: Gin, addr: 0, handler: -1, listener: -1},
	{pkg: "github.com/gin-gonic/gin", recv: "Engine", name: "RunTLS", fw: Gin, addr: 0, handler: -1, listener: -1, tls: true},
	{pkg: "github.com/gin-gonic/gin", recv: "Engine", name: "RunQUIC", fw: Gin, addr: 0, handler: -1, listener: -1, tls: true},
	{pkg: "github.com/gin-gonic/gin", recv: "Engine", name: "RunListener", fw: Gin, addr: -1, handler: -1, listener: 0},
	{pkg: "github.com/gin-gonic/gin", recv: "Engine", name: "RunUnix", fw: Gin, addr: -1, handler: -1, listener: -1},
	{pkg: "github.com/gin-gonic/gin", recv: "Engine", name: "RunFd", fw: Gin, addr: -1, handler: -1, listener: -1},

	{pkg: "github.com/labstack/echo/v4", recv: "Echo", name: "Start", fw: Echo, addr: 0, handler: -1, listener: -1},
	{pkg: "github.com/labstack/echo/v4", recv: "Echo", name: "StartTLS", fw: Echo, addr: 0, handler: -1, listener: -1, tls: true},
	{pkg: "github.com/labstack/echo/v4", recv: "Echo", name: "StartAutoTLS", fw: Echo, addr: 0, handler: -1, listener: -1, tls: true},
	{pkg: "github.com/labstack/echo/v4", recv: "Echo", name: "StartServer", fw: Echo, addr: -1, handler: -1, listener: -1},
	{pkg: "github.com/labstack/echo/v4", recv: "Echo", name: "StartH2CServer", fw: Echo, addr: 0, handler: -1, listener: -1},

	{pkg: "github.com/gofiber/fiber/v2", recv: "App", name: "Listen", fw: Fiber, addr: 0, handler: -1, listener: -1},
	{pkg: "github.com/gofiber/fiber/v2", recv: "App", name: "ListenTLS", fw: Fiber, addr: 0, handler: -1, listener: -1, tls: true},
	{pkg: "github.com/gofiber/fiber/v2", recv: "App", name: "ListenTLSWithCertificate", fw: Fiber, addr: 0, handler: -1, listener: -1, tls: true},
	{pkg: "github.com/gofiber/fiber/v2", recv: "App", name: "ListenMutualTLS", fw: Fiber, addr: 0, handler: -1, listener: -1, tls: true},
	{pkg: "github.com/gofiber/fiber/v2", recv: "App", name: "ListenMutualTLSWithCertificate", fw: Fiber, addr: 0, handler: -1, listener: -1, tls: true},
	{pkg: "github.com/gofiber/fiber/v2", recv: "App", name: "Listener", fw: Fiber, addr: -1, handler: -1, listener: 0},

	// echo v5: Start builds a StartConfig; StartConfig.Start/StartTLS serve h.
	{pkg: "github.com/labstack/echo/v5", recv: "Echo", name: "Start", fw: Echo, addr: 0, handler: -1, listener: -1},
	{pkg: "github.com/labstack/echo/v5", recv: "StartConfig", name: "Start", fw: Echo, addr: -1, handler: 1, listener: -1},
	{pkg: "github.com/labstack/echo/v5", recv: "StartConfig", name: "StartTLS", fw: Echo, addr: -1, handler: 1, listener: -1, tls: true},

	// fiber v3: Listen(addr, cfg ...ListenConfig), Listener(ln, cfg ...ListenConfig).
	{pkg: "github.com/gofiber/fiber/v3", recv: "App", name: "Listen", fw: Fiber, addr: 0, handler: -1, listener: -1},
	{pkg: "github.com/gofiber/fiber/v3", recv: "App", name: "Listener", fw: Fiber, addr: -1, handler: -1, listener: 0},
}

// Call is a call that starts serving.
type Call struct {
	Call *ast.CallExpr
	// File is the file that holds the call.
	File      *ast.File
	Func      *types.Func
	Framework Framework
	TLS       bool
	// Addr is the address expression, if the call or the server literal
	// has one.
	Addr ast.Expr
	// Handler is the served handler expression: the handler argument, the
	// server's Handler field, or the framework router (the receiver).
	// It is nil when net/http serves http.DefaultServeMux (a nil handler
	// or a server without Handler).
	Handler ast.Expr
	// Listener is the net.Listener argument, if any.
	Listener ast.Expr
	// Server is the *http.Server composite literal the call uses, if it
	// could be found in the same function or package.
	Server *ast.CompositeLit
	// Package is the import path of the serving library ("net/http",
	// "github.com/labstack/echo/v5", ...): it tells framework versions apart.
	Package string
	// Method is the name of the serve function or method ("ListenAndServe", "Run").
	Method string
	// Config is what is known of the server's configuration (timeouts,
	// limits). Match leaves it nil; the Analyzer's result fills it in,
	// following helper functions (in other packages through facts) and
	// field assignments after the literal.
	Config *Config
	// DefaultMux is true when the call is known to serve
	// http.DefaultServeMux (set by the Analyzer's result).
	DefaultMux bool
	// Via is set on a call of a project function that serves its
	// argument (a ServesParamFact): Call is that call, Handler the
	// argument, Config nil. Set by the Analyzer's result only.
	Via *types.Func
}

var byFunc = func() map[[3]string]*start {
	m := map[[3]string]*start{}
	for i := range starts {
		s := &starts[i]
		m[[3]string{s.pkg, s.recv, s.name}] = s
	}
	return m
}()

// startNames are the names of the serve functions and methods: Match
// resolves a call's callee only if the call names one of them.
var startNames = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range starts {
		m[s.name] = true
	}
	return m
}()

// calledName is the name a call uses for its function (f, x.f, f[T]),
// or "" for calls of other expressions.
func calledName(call *ast.CallExpr) string {
	fun := ast.Unparen(call.Fun)
	switch f := fun.(type) {
	case *ast.IndexExpr:
		fun = ast.Unparen(f.X)
	case *ast.IndexListExpr:
		fun = ast.Unparen(f.X)
	}
	switch f := fun.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	}
	return ""
}

// Imports reports whether pkg imports a package that can start a server,
// so callers can skip packages that cannot.
func Imports(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		switch imp.Path() {
		case "net/http", "github.com/gin-gonic/gin", "github.com/labstack/echo/v4", "github.com/gofiber/fiber/v2",
			"github.com/labstack/echo/v5", "github.com/gofiber/fiber/v3":
			return true
		}
	}
	return false
}

// Match returns the serve call at cur (a call expression), or nil. The
// file that holds it is searched for the *http.Server literal a method
// call on a server uses; it is looked up only for a serve call, since
// Match is asked about every call of a package.
func Match(info *types.Info, cur inspector.Cursor) *Call {
	call := cur.Node().(*ast.CallExpr)
	if !startNames[calledName(call)] {
		return nil
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	recv := ""
	if sig, _ := fn.Type().(*types.Signature); sig != nil && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := t.(*types.Named); ok {
			recv = n.Obj().Name()
		}
	}
	s := byFunc[[3]string{fn.Pkg().Path(), recv, fn.Name()}]
	if s == nil {
		return nil
	}
	var file *ast.File
	for c := range cur.Enclosing((*ast.File)(nil)) {
		file = c.Node().(*ast.File)
	}
	c := &Call{Call: call, Func: fn, Framework: s.fw, TLS: s.tls, Package: s.pkg, Method: s.name, File: file}
	arg := func(i int) ast.Expr {
		if i >= 0 && i < len(call.Args) {
			return call.Args[i]
		}
		return nil
	}
	c.Addr = arg(s.addr)
	c.Listener = arg(s.listener)
	sel, _ := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	switch {
	case s.server && sel != nil:
		c.Server = ServerLiteral(info, file, sel.X)
		if c.Server != nil {
			c.Addr = Field(c.Server, "Addr")
			c.Handler = Field(c.Server, "Handler")
			if c.Handler == nil {
				// srv := &http.Server{Addr: a}; srv.Handler = h
				c.Handler = assignedField(info, file, sel.X, "Handler")
			}
		}
	case s.handler >= 0:
		c.Handler = arg(s.handler)
		if id, ok := ast.Unparen(c.Handler).(*ast.Ident); ok && info.Types[id].IsNil() {
			c.Handler = nil
		}
	case sel != nil:
		c.Handler = sel.X // the framework router serves itself
	}
	return c
}

// ServerLiteral finds the http.Server composite literal that expression e
// denotes: the literal itself (or its address), or the literal a local or
// package variable was initialized with in file.
func ServerLiteral(info *types.Info, file *ast.File, e ast.Expr) *ast.CompositeLit {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	if lit, ok := e.(*ast.CompositeLit); ok && isServerType(info.TypeOf(lit)) {
		return lit
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return nil
	}
	obj := info.ObjectOf(id)
	if obj == nil {
		return nil
	}
	var found *ast.CompositeLit
	ast.Inspect(file, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if lid, ok := lhs.(*ast.Ident); ok && info.ObjectOf(lid) == obj && i < len(n.Rhs) && len(n.Lhs) == len(n.Rhs) {
					found = ServerLiteral(info, file, n.Rhs[i])
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if info.ObjectOf(name) == obj && i < len(n.Values) {
					found = ServerLiteral(info, file, n.Values[i])
				}
			}
		}
		return true
	})
	return found
}

func isServerType(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "net/http" && n.Obj().Name() == "Server"
}

// Field returns the value of the keyed field name in a struct literal, or nil.
func Field(lit *ast.CompositeLit, name string) ast.Expr {
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
				return kv.Value
			}
		}
	}
	return nil
}

// assignedField returns the value last assigned to the field name of the
// variable e denotes (v.name = value) in file, or nil.
func assignedField(info *types.Info, file *ast.File, e ast.Expr, name string) ast.Expr {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || file == nil {
		return nil
	}
	obj := info.ObjectOf(id)
	var found ast.Expr
	ast.Inspect(file, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != len(as.Rhs) {
			return true
		}
		for i, lhs := range as.Lhs {
			sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != name {
				continue
			}
			if x, ok := ast.Unparen(sel.X).(*ast.Ident); ok && obj != nil && info.ObjectOf(x) == obj {
				found = as.Rhs[i]
			}
		}
		return true
	})
	return found
}
