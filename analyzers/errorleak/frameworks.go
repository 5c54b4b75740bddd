package errorleak

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/check"
)

const (
	pkgEcho   = "github.com/labstack/echo/v4"
	pkgFiber  = "github.com/gofiber/fiber/v2"
	pkgFiber3 = "github.com/gofiber/fiber/v3"
	pkgGin    = "github.com/gin-gonic/gin"
)

// frameworkConfig finds the functions frameworks call with an error or a
// panic value (fiber.Config.ErrorHandler, echo's e.HTTPErrorHandler,
// gin.CustomRecovery) and echo's e.Debug = true.
func (c *checker) frameworkConfig() {
	info := c.pass.TypesInfo
	c.inspectFiles([]ast.Node{(*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil), (*ast.CallExpr)(nil)}, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CompositeLit:
			n2 := namedOf(info.TypeOf(n))
			if n2 == nil || n2.Obj().Pkg() == nil || n2.Obj().Name() != "Config" {
				return true
			}
			if p := n2.Obj().Pkg().Path(); p != pkgFiber && p != pkgFiber3 {
				return true
			}
			for _, el := range n.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "ErrorHandler" {
						c.errorHandler(kv.Value, 1, false)
					}
				}
			}
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				return true
			}
			for i, l := range n.Lhs {
				sel, ok := l.(*ast.SelectorExpr)
				if !ok || namedOf(info.TypeOf(sel.X)) == nil {
					continue
				}
				t := namedOf(info.TypeOf(sel.X)).Obj()
				if t.Pkg() == nil || t.Pkg().Path() != pkgEcho || t.Name() != "Echo" {
					continue
				}
				switch sel.Sel.Name {
				case "HTTPErrorHandler":
					c.errorHandler(n.Rhs[i], 0, false)
				case "Debug":
					if tv, ok := info.Types[n.Rhs[i]]; ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value) {
						msg, sev := "echo's Debug mode is on: its default error handler then adds every error's text to the response (CWE-209); leave e.Debug false in served apps", check.Warning
						if c.underIf(n) {
							// if cfg.Dev { e.Debug = true }: a development switch.
							msg, sev = "echo's Debug mode is turned on under a condition: make sure production cannot turn it on, as every error's text then reaches clients (CWE-209)", check.Note
						}
						check.Report(c.pass, analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Message: msg}, sev)
					}
				}
			}
		case *ast.CallExpr:
			fn, _ := typeutil.Callee(info, n).(*types.Func)
			if k := keyOf(fn); k.pkg == pkgGin && (k.name == "CustomRecovery" || k.name == "CustomRecoveryWithWriter") && len(n.Args) > 0 {
				c.errorHandler(n.Args[len(n.Args)-1], 1, true)
			}
		}
		return true
	})
}

// errorHandler judges a function the framework calls with an error (or,
// for recovery functions, a panic value) as parameter param.
func (c *checker) errorHandler(e ast.Expr, param int, isPanic bool) {
	var body *ast.BlockStmt
	var sig *types.Signature
	switch x := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		body = x.Body
		sig, _ = c.pass.TypesInfo.TypeOf(x).(*types.Signature)
	case *ast.Ident, *ast.SelectorExpr:
		var obj types.Object
		if id, ok := x.(*ast.Ident); ok {
			obj = c.pass.TypesInfo.Uses[id]
		} else {
			obj = c.pass.TypesInfo.Uses[x.(*ast.SelectorExpr).Sel]
		}
		fn, ok := obj.(*types.Func)
		if !ok {
			return
		}
		if d := c.decls()[fn.Origin()]; d != nil {
			body = d.Body
			sig, _ = fn.Type().(*types.Signature)
		}
	}
	if body == nil || sig == nil || sig.Params().Len() <= param {
		return
	}
	p := sig.Params().At(param)
	flow := c.hm.NewFlow(c.pass.TypesInfo, c.pass.Pkg, body)
	w := &walker{c: c, flow: flow, stackBufs: c.stackBuffers(body), panicVars: map[*types.Var]bool{}}
	if isPanic {
		w.panicVars[p] = true
	}
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
		ts, ok := textSinks[keyOf(fn)]
		if !ok {
			return true
		}
		if writesTo(fn) && !c.isResponseWriter(call) {
			return true
		}
		s := sink{call: call, name: ts.name, noCode: ts.status < 0}
		c.fillFromTable(&s, ts)
		w.out, w.seen = nil, map[*types.Var]bool{}
		for _, v := range s.values {
			w.value(v, s.text)
		}
		for _, l := range w.out {
			if l.kind == errText && !flow.DerivesFromVar(l.err, p) {
				continue // some other error: judged as in handlers
			}
			if l.kind == errText && c.guarded(flow, nil, call) {
				continue
			}
			if l.kind == errText && rootVar(c.pass.TypesInfo, l.err) != p {
				continue // a variable made from the parameter (errors.As target)
			}
			c.judge(nil, flow, s, nil, l, true)
		}
		return true
	})
}

// stackBuffers returns the variables passed to runtime.Stack in body:
// what is written from them is a stack trace.
func (c *checker) stackBuffers(body ast.Node) map[*types.Var]bool {
	var out map[*types.Var]bool
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) == 0 {
			return true
		}
		fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
		if keyOf(fn) == (callKey{"runtime", "", "Stack"}) {
			if v := rootVar(c.pass.TypesInfo, call.Args[0]); v != nil {
				if out == nil {
					out = map[*types.Var]bool{}
				}
				out[v] = true
			}
		}
		return true
	})
	return out
}

// underIf reports whether n is inside the body of an if or a case.
func (c *checker) underIf(n ast.Node) bool {
	file := c.fileOf(n.Pos())
	if file == nil {
		return false
	}
	path, _ := astutil.PathEnclosingInterval(file, n.Pos(), n.End())
	for _, p := range path {
		switch p.(type) {
		case *ast.IfStmt, *ast.CaseClause:
			return true
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		}
	}
	return false
}

// debugGated reports whether n is inside an if whose condition names a
// debug or development mode (gin.Mode() != gin.ReleaseMode,
// gin.IsDebugging(), cfg.Debug, isDev, printStackTrace, trace): the text
// is sent only there.
func (c *checker) debugGated(n ast.Node) bool {
	file := c.fileOf(n.Pos())
	if file == nil {
		return false
	}
	path, _ := astutil.PathEnclosingInterval(file, n.Pos(), n.End())
	for i, p := range path {
		switch p := p.(type) {
		case *ast.IfStmt:
			if i > 0 && path[i-1] == p.Body && namesDebug(p.Cond) {
				return true
			}
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		}
	}
	return false
}

func namesDebug(cond ast.Expr) bool {
	found := false
	ast.Inspect(cond, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			switch l := strings.ToLower(id.Name); {
			case strings.Contains(l, "debug"), strings.Contains(l, "releasemode"),
				strings.HasPrefix(l, "dev"), strings.HasPrefix(l, "isdev"), strings.Contains(l, "development"),
				strings.Contains(l, "stacktrace"), strings.HasPrefix(l, "trace"), strings.HasPrefix(l, "verbose"):
				found = true
			}
		}
		return !found
	})
	return found
}

// inspectFiles is ast.Inspect over the package's files for a visitor f
// that only looks at nodes of the given types (see source.Walker).
func (c *checker) inspectFiles(types []ast.Node, f func(ast.Node) bool) {
	for _, file := range c.pass.Files {
		c.walk.Inspect(file, types, f)
	}
}
