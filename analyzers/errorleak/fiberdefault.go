package errorleak

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/httpmodel"
	"github.com/apivet/apivet/internal/source"
)

// Fiber's default error handler.
//
// A fiber handler that returns an error hands it to the app's
// ErrorHandler; fiber's DefaultErrorHandler answers with err.Error() as
// the body (status 500 unless it is a *fiber.Error), so
//
//	app := fiber.New()
//	app.Get("/books/:id", func(c *fiber.Ctx) error { return db.First(&b, id).Error })
//
// sends the database's error text to the client. A handler's first such
// return is recorded (a fact for other packages), and decided where its
// route is registered on an app built without an ErrorHandler.

// fiberReturnFact: the handler returns an internal error to fiber's
// error handler.
type fiberReturnFact struct {
	What string // "database"
	Pos  string // short position of the return
}

func (*fiberReturnFact) AFact()           {}
func (f *fiberReturnFact) String() string { return "returns " + f.What + " error" }

// fiberReturn is a handler's first return of an internal error.
type fiberReturn struct {
	ret  *ast.ReturnStmt
	what string
}

// fiberReturns records, for a fiber handler, the first return of an
// error whose origin is internal (a database, driver or filesystem call).
func (c *checker) fiberReturns(h *httpmodel.Handler) {
	if h.Framework != httpmodel.Fiber && h.Framework != httpmodel.FiberV3 || h.Body == nil {
		return
	}
	var found *fiberReturn
	ast.Inspect(h.Body, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its returns are its own
		case *ast.ReturnStmt:
			if len(n.Results) != 1 || !isError(c.pass.TypesInfo.TypeOf(n.Results[0])) {
				return true
			}
			if o, what := c.originOf(h.Flow(), h, n.Results[0], n.Pos(), 0); o == internalOrigin {
				found = &fiberReturn{ret: n, what: what}
			}
		}
		return true
	})
	if found == nil {
		return
	}
	if c.fiberRets == nil {
		c.fiberRets = map[*httpmodel.Handler]*fiberReturn{}
	}
	c.fiberRets[h] = found
	if h.Func != nil && h.Func.Pkg() == c.pass.Pkg {
		c.pass.ExportObjectFact(h.Func, &fiberReturnFact{What: found.what, Pos: source.ShortPos(c.pass.Fset, found.ret.Pos())})
	}
}

// defaultErrorApps are the positions of this package's fiber.New calls
// whose config sets no ErrorHandler (no config, or a literal without it).
func (c *checker) defaultErrorApps() map[token.Pos]bool {
	apps := map[token.Pos]bool{}
	c.inspectFiles([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
		if k := keyOf(fn); k.recv != "" || k.name != "New" || k.pkg != pkgFiber && k.pkg != pkgFiber3 {
			return true
		}
		if len(call.Args) == 0 {
			apps[call.Pos()] = true
			return true
		}
		lit, ok := ast.Unparen(call.Args[0]).(*ast.CompositeLit)
		if !ok || len(call.Args) > 1 {
			return true // a config built elsewhere: unknown
		}
		for _, el := range lit.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "ErrorHandler" {
					return true
				}
			}
		}
		apps[call.Pos()] = true
		return true
	})
	return apps
}

// fiberDefaultHandler reports handlers that return internal errors on
// routes of an app with fiber's default error handler: at the return
// when the handler is in this package, else at the registration.
func (c *checker) fiberDefaultHandler() {
	apps := c.defaultErrorApps()
	if len(apps) == 0 {
		return
	}
	const fix = "set fiber.Config{ErrorHandler: …} to log it and answer a fixed message"
	for _, rt := range c.hm.Routes {
		if rt.Framework != httpmodel.Fiber && rt.Framework != httpmodel.FiberV3 || !apps[rt.RootPos()] {
			continue
		}
		if h := rt.Handler; h != nil {
			if fr := c.fiberRets[h]; fr != nil && !c.reported[fr.ret.Pos()] {
				c.reported[fr.ret.Pos()] = true
				check.Report(c.pass, analysis.Diagnostic{Pos: fr.ret.Pos(), End: fr.ret.End(),
					Message: fmt.Sprintf("%s %s error is returned to fiber's default error handler: it sends the text to the client (CWE-209); %s", article(fr.what), fr.what, fix)}, check.Warning)
			}
			continue
		}
		var f fiberReturnFact
		if rt.HandlerFunc == nil || rt.Call == nil || !c.pass.ImportObjectFact(rt.HandlerFunc.Origin(), &f) || c.reported[rt.Call.Pos()] {
			continue
		}
		c.reported[rt.Call.Pos()] = true
		check.Report(c.pass, analysis.Diagnostic{Pos: rt.Call.Pos(), End: rt.Call.End(),
			Message: fmt.Sprintf("%s %s returns %s %s error to fiber's default error handler: it sends the text to the client (%s, CWE-209); %s",
				rt.Method, rt.Path, article(f.What), f.What, f.Pos, fix)}, check.Warning)
	}
}
