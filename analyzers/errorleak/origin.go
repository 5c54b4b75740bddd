package errorleak

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/httpmodel"
)

// originOf says where the error value e (used at pos) comes from, and for
// internal errors what produced it ("database", "filesystem").
func (c *checker) originOf(flow *httpmodel.Flow, h *httpmodel.Handler, e ast.Expr, pos token.Pos, depth int) (origin, string) {
	info := c.pass.TypesInfo
	e = ast.Unparen(e)
	if depth > 6 {
		return unknownOrigin, ""
	}
	if t := info.TypeOf(e); t != nil && !isTuple(t) {
		if _, iface := t.Underlying().(*types.Interface); !iface {
			// A concrete error type: a driver's error is internal, any
			// other is a public error type with its own message.
			if n := namedOf(t); n != nil && n.Obj().Pkg() != nil {
				if internal, ok := driverErrorTypes[callKey{n.Obj().Pkg().Path(), "", n.Obj().Name()}]; ok && internal {
					return internalOrigin, "database"
				}
			}
			return fixedOrigin, ""
		}
	}
	switch x := e.(type) {
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		if !ok || flow == nil {
			return unknownOrigin, ""
		}
		if v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
			return fixedOrigin, "" // a package-level sentinel (ErrNotFound)
		}
		defs := flow.Defs(v)
		if d := reachingDef(defs, pos); d != nil {
			defs = []ast.Expr{d}
		}
		best, what := unknownOrigin, ""
		for i, d := range defs {
			o, w := c.originOf(flow, h, d, d.Pos(), depth+1)
			if i == 0 || o > best {
				best, what = o, w
			}
		}
		return best, what
	case *ast.SelectorExpr:
		// db.First(&u).Error: the error of the call chain.
		if inner, ok := ast.Unparen(x.X).(*ast.CallExpr); ok {
			return c.callOrigin(flow, h, inner, depth)
		}
		if sel, ok := info.Selections[x]; ok && sel.Kind() == types.FieldVal {
			return unknownOrigin, ""
		}
		return fixedOrigin, "" // a package-level sentinel of another package (sql.ErrNoRows)
	case *ast.CallExpr:
		return c.callOrigin(flow, h, x, depth)
	case *ast.TypeAssertExpr:
		return fixedOrigin, ""
	}
	return unknownOrigin, ""
}

// reachingDef picks the definition of a variable that is closest before
// pos: with err reused (`err = c.Bind(&req)` ... `err = db.Create(&o)`),
// the one that reaches the use in straight-line code.
func reachingDef(defs []ast.Expr, pos token.Pos) ast.Expr {
	var best ast.Expr
	for _, d := range defs {
		if d.Pos() < pos && (best == nil || d.Pos() > best.Pos()) {
			best = d
		}
	}
	return best
}

func namedOf(t types.Type) *types.Named {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

func (c *checker) callOrigin(flow *httpmodel.Flow, h *httpmodel.Handler, call *ast.CallExpr, depth int) (origin, string) {
	info := c.pass.TypesInfo
	if h != nil {
		for _, d := range h.DataAccesses {
			if d.Call == call {
				return internalOrigin, "database"
			}
			for _, ch := range d.Chain {
				if ch == call {
					return internalOrigin, "database"
				}
			}
		}
		for _, in := range h.Inputs {
			if in.Call == call && in.Kind != httpmodel.Header && in.Kind != httpmodel.Cookie {
				return clientOrigin, ""
			}
		}
	}
	fn := typeutil.StaticCallee(info, call)
	if fn == nil {
		// An interface method: a repository or service.
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if s, ok := info.Selections[sel]; ok {
				if f, ok := s.Obj().(*types.Func); ok {
					fn = f
				}
			}
		}
	}
	if fn == nil {
		return unknownOrigin, ""
	}
	k := keyOf(fn)
	if c.hm != nil {
		if f := c.hm.DataAccessOf(fn); f != nil {
			return internalOrigin, "database"
		}
	}
	if what, ok := internalFuncs[k]; ok {
		return internalOrigin, what
	}
	for _, p := range internalPkgs {
		if k.pkg == p.prefix || strings.HasPrefix(k.pkg, p.prefix+"/") {
			return internalOrigin, p.what
		}
	}
	if clientFuncs[k] || clientPkgs[k.pkg] || isBindMethod(k) {
		return clientOrigin, ""
	}
	if c.hm != nil && (c.hm.InputHelperOf(fn) != nil || c.hm.IsPrincipalFunc(fn) || c.hm.PrincipalCall(call)) {
		// Input helpers, and functions that learn who the caller is from
		// the request's token: their errors are about the client's own
		// input or credentials ("token is expired").
		return clientOrigin, ""
	}
	if encodeFuncs[k] {
		return fixedOrigin, ""
	}
	switch k {
	case callKey{"errors", "", "New"}:
		return fixedOrigin, ""
	case callKey{"errors", "", "As"}:
		return fixedOrigin, "" // errors.As(err, &pub): the target's public type
	}
	if first, ok := formatFuncs[k]; ok && strings.HasSuffix(k.name, "Errorf") {
		// fmt.Errorf("...: %w", err): the wrapped errors' origin, or a
		// fixed message (with values of the request) if none.
		best, what := fixedOrigin, ""
		for i, a := range call.Args {
			if i >= first && isError(info.TypeOf(a)) {
				o, w := c.originOf(flow, h, a, call.Pos(), depth+1)
				if o == internalOrigin || best == fixedOrigin || o == unknownOrigin && best != internalOrigin {
					best, what = o, w
				}
			}
		}
		return best, what
	}
	if i, ok := wrapFuncs[k]; ok {
		best, what := unknownOrigin, ""
		for j, a := range call.Args {
			if (i < 0 || j == i) && isError(info.TypeOf(a)) {
				o, w := c.originOf(flow, h, a, call.Pos(), depth+1)
				if j == 0 || o > best {
					best, what = o, w
				}
			}
		}
		return best, what
	}
	if k.pkg == "github.com/labstack/echo/v4" && k.name == "NewHTTPError" || strings.HasPrefix(k.pkg, "github.com/gofiber/fiber/") && k.name == "NewError" {
		return fixedOrigin, ""
	}
	return unknownOrigin, ""
}

// statusOf returns the constant value of a status expression, also
// through a local variable whose definitions are all constant (the
// largest), or ok=false.
func (c *checker) statusOf(flow *httpmodel.Flow, e ast.Expr) (int, bool) {
	if e == nil {
		return 0, false
	}
	if tv, ok := c.pass.TypesInfo.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.Int {
		v, _ := constant.Int64Val(tv.Value)
		return int(v), true
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || flow == nil {
		return 0, false
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return 0, false
	}
	defs := flow.Defs(v)
	if len(defs) == 0 {
		return 0, false
	}
	best := 0
	for _, d := range defs {
		tv, ok := c.pass.TypesInfo.Types[d]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
			return 0, false
		}
		n, _ := constant.Int64Val(tv.Value)
		best = max(best, int(n))
	}
	return best, true
}

func isTuple(t types.Type) bool {
	_, ok := t.(*types.Tuple)
	return ok
}
