package serve

import (
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
	"sort"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/source"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// Analyzer finds the serve calls of a package and what is known of the
// server each one runs: its configuration (timeouts, fiber's BodyLimit),
// followed through local variables, struct fields, field assignments after
// the literal and helper functions (in other packages through facts).
var Analyzer = &analysis.Analyzer{
	Name:       "serve",
	Doc:        "find the calls that start serving HTTP and the configuration of their servers (internal to apivet)",
	Requires:   []*analysis.Analyzer{check.Inspect},
	Run:        run,
	FactTypes:  []analysis.Fact{(*ServerFact)(nil), (*ServesParamFact)(nil)},
	ResultType: reflect.TypeOf((*Result)(nil)),
}

// buildsServers reports whether a function of the package returns a
// server or router value (the only functions the resolver summarizes when
// the package serves nothing itself).
func buildsServers(pass *analysis.Pass) bool {
	for _, fn := range source.Funcs(pass.Files, pass.TypesInfo) {
		res := fn.Type().(*types.Signature).Results()
		for i := 0; i < res.Len(); i++ {
			if kindOf(res.At(i).Type()) != "" {
				return true
			}
		}
	}
	return false
}

// Result lists a package's serve calls in source order.
type Result struct {
	Calls []*Call
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{}
	if !Imports(pass.Pkg) && !buildsServers(pass) {
		return res, nil
	}
	ins := pass.ResultOf[check.Inspect].(*inspector.Inspector)
	r := newResolver(pass.TypesInfo, ins, func(fn *types.Func) *ServerFact {
		var f ServerFact
		if pass.ImportObjectFact(fn, &f) {
			return &f
		}
		return nil
	})

	// Facts for functions that build and return a server value.
	for fn := range r.funcs {
		sig := fn.Type().(*types.Signature)
		for i := 0; i < sig.Results().Len(); i++ {
			k := kindOf(sig.Results().At(i).Type())
			if k == "" {
				continue
			}
			if c := r.resolveFunc(fn, k, 0); c != nil {
				names := make([]string, 0, len(c.Set))
				for name := range c.Set {
					names = append(names, name)
				}
				sort.Strings(names)
				pass.ExportObjectFact(fn, &ServerFact{Kind: k, Set: names})
			}
			break
		}
	}

	if !Imports(pass.Pkg) {
		return res, nil
	}
	for cur := range ins.Root().Preorder((*ast.CallExpr)(nil)) {
		sc := Match(pass.TypesInfo, cur)
		if sc == nil {
			continue
		}
		sc.Config = configOf(r, sc)
		if sc.Config != nil && sc.Config.Kind == HTTPServer && !sc.Config.Fixed {
			if sc.Server == nil {
				sc.Server = sc.Config.Lit
			}
			if v, ok := sc.Config.Set["Handler"]; ok && sc.Handler == nil {
				sc.Handler = v
			}
			if sc.Addr == nil {
				sc.Addr = sc.Config.Set["Addr"]
			}
		}
		switch {
		case sc.Package != "net/http":
		case !isServerMethod(sc):
			sc.DefaultMux = sc.Handler == nil
		case sc.Config != nil:
			_, has := sc.Config.Set["Handler"]
			sc.DefaultMux = !has && sc.Handler == nil
		}
		res.Calls = append(res.Calls, sc)
		exportServesParam(pass, cur, sc)
	}

	// Calls of functions that serve one of their parameters
	// (runner.Run(engine, conf) where Run calls srv.Serve with Handler:
	// its router parameter) serve that argument.
	for cur := range ins.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		fn, _ := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
		if fn == nil {
			continue
		}
		var f ServesParamFact
		if !pass.ImportObjectFact(fn, &f) || f.Param >= len(call.Args) {
			continue
		}
		var file *ast.File
		for c := range cur.Enclosing((*ast.File)(nil)) {
			file = c.Node().(*ast.File)
		}
		sc := &Call{Call: call, File: file, Func: fn, Framework: f.Framework, Package: f.Package, Method: fn.Name(), Handler: call.Args[f.Param], Via: fn}
		res.Calls = append(res.Calls, sc)
		exportServesParam(pass, cur, sc)
	}
	return res, nil
}

// ServesParamFact is exported for a function that serves one of its
// parameters as the handler (or framework router).
type ServesParamFact struct {
	Param     int
	Framework Framework
	Package   string
}

func (*ServesParamFact) AFact() {}

func (f *ServesParamFact) String() string { return fmt.Sprintf("servesParam(%d)", f.Param) }

// exportServesParam records that the function enclosing sc serves its
// parameter, when sc's handler is one.
func exportServesParam(pass *analysis.Pass, cur inspector.Cursor, sc *Call) {
	id, ok := ast.Unparen(sc.Handler).(*ast.Ident)
	if !ok {
		return
	}
	v, ok := pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return
	}
	for c := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		fd := c.Node().(*ast.FuncDecl)
		fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
		if !ok {
			return
		}
		params := fn.Type().(*types.Signature).Params()
		for i := 0; i < params.Len(); i++ {
			if params.At(i) == v {
				pass.ExportObjectFact(fn, &ServesParamFact{Param: i, Framework: sc.Framework, Package: sc.Package})
			}
		}
		return
	}
}

func isServerMethod(sc *Call) bool {
	sig, _ := sc.Func.Type().(*types.Signature)
	return sig != nil && sig.Recv() != nil
}

// configOf works out the configuration a serve call runs with, or nil if
// it cannot be found.
func configOf(r *resolver, sc *Call) *Config {
	sel, _ := ast.Unparen(sc.Call.Fun).(*ast.SelectorExpr)
	switch sc.Package {
	case "net/http":
		if !isServerMethod(sc) {
			return &Config{Kind: HTTPServer, Fixed: true}
		}
		if sel != nil {
			if c := r.resolveEmbedded(sel.X, r.info.Selections[sel]); c != nil {
				return c
			}
			return r.resolve(sel.X, HTTPServer, 0)
		}
	case "github.com/gin-gonic/gin":
		if sc.Method == "RunQUIC" { // HTTP/3 over quic-go: not an http.Server
			return nil
		}
		return &Config{Kind: HTTPServer, Fixed: true}
	case "github.com/labstack/echo/v4":
		if sc.Method == "StartServer" {
			if len(sc.Call.Args) == 1 {
				return r.resolve(sc.Call.Args[0], HTTPServer, 0)
			}
			return nil
		}
		if sel == nil {
			return nil
		}
		c := r.resolve(sel.X, EchoApp, 0)
		if c == nil {
			return nil
		}
		field := "Server"
		if sc.Method == "StartTLS" || sc.Method == "StartAutoTLS" {
			field = "TLSServer"
		}
		return c.sub(field)
	case "github.com/labstack/echo/v5":
		// Echo v5 builds its http.Server with ReadTimeout 30s.
		return &Config{Kind: HTTPServer, Fixed: true, Defaults: map[string]bool{"ReadTimeout": true}}
	case "github.com/gofiber/fiber/v2", "github.com/gofiber/fiber/v3":
		if sel != nil {
			return r.resolve(sel.X, FiberApp, 0)
		}
	}
	return nil
}
