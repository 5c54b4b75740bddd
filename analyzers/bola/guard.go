package bola

// What counts as a check inside a handler: authorization calls, ownership
// and role comparisons whose mismatch branch stops the handler.

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/httpmodel"
	"github.com/apivet/apivet/internal/words"
)

var guardTypes = []ast.Node{(*ast.CallExpr)(nil), (*ast.IfStmt)(nil), (*ast.ExprStmt)(nil), (*ast.AssignStmt)(nil)}

// guard returns a description of the first authorization check in the
// handler body, or "".
func (r *runner) guard(h *httpmodel.Handler) string {
	if gs := r.guards(h, true); len(gs) > 0 {
		return gs[0].why
	}
	return ""
}

// A guardHit is an authorization check found in a handler body.
type guardHit struct {
	node ast.Node
	why  string
}

// guards returns the authorization checks of the handler body (only the
// first when first is set).
func (r *runner) guards(h *httpmodel.Handler, first bool) []guardHit {
	info := r.pass.TypesInfo
	var found []guardHit
	discarded := map[*ast.CallExpr]bool{}
	r.res.Inspect(h.Body, guardTypes, func(n ast.Node) bool {
		if first && len(found) > 0 {
			return false
		}
		switch n := n.(type) {
		case *ast.ExprStmt, *ast.AssignStmt:
			if c := discardedDecision(info, n); c != nil {
				discarded[c] = true
			}
		case *ast.CallExpr:
			if discarded[n] {
				return true // its answer is thrown away: it stops nothing
			}
			if why := r.authzCall(h, n); why != "" {
				found = append(found, guardHit{n, why})
			}
		case *ast.IfStmt:
			if why := r.comparisonCheck(h, n); why != "" {
				found = append(found, guardHit{n, why})
			}
		}
		return true
	})
	return found
}

// authzCall: a call that decides object access.
func (r *runner) authzCall(h *httpmodel.Handler, c *ast.CallExpr) string {
	fn, _ := typeutil.Callee(r.pass.TypesInfo, c).(*types.Func)
	if fn == nil {
		return ""
	}
	if lib, ok := authzLibraryCall(fn); ok {
		return lib + " " + fn.Name()
	}
	if matchFunc(settings.AuthzFuncs, fn) {
		return "configured " + fn.Name()
	}
	if why, ok := r.authz[fn.Origin()]; ok {
		return fn.Name() + " (" + why + ")"
	}
	if r.frameworkFunc(fn) {
		return ""
	}
	var af AuthorizerFact
	if fn.Pkg() != r.pass.Pkg && r.pass.ImportObjectFact(fn.Origin(), &af) {
		return fn.Name() + " (" + af.Why + ")"
	}
	if len(c.Args) == 0 {
		return ""
	}
	if p, ok := authzName(fn.Name()); ok {
		return fn.Name() + " (named " + p + ")"
	}
	if t, ok := authorizerMethod(fn); ok && r.decidesOn(h, c) {
		return t + "." + fn.Name()
	}
	if t, ok := r.authorizerArg(fn, c); ok && r.decidesOn(h, c) {
		return fn.Name() + " (given a " + t + ")"
	}
	return ""
}

// authorizerArg: a function named as a decision that is handed an
// authorizer object (harness's apiauth.CheckRegistry(ctx, c.Authorizer,
// session, checks...)) decides with it; the type's name is returned.
func (r *runner) authorizerArg(fn *types.Func, c *ast.CallExpr) (string, bool) {
	ws := words.Split(fn.Name())
	if len(ws) == 0 || !decisionVerbs[ws[0]] {
		return "", false
	}
	for _, a := range c.Args {
		t := r.pass.TypesInfo.TypeOf(a)
		if t == nil {
			continue
		}
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok && words.ContainsAny(n.Obj().Name(), authorizerTypeWords) {
			return n.Obj().Name(), true
		}
	}
	return "", false
}

// decidesOn: an argument of the call is the caller, request input or an
// object the handler loaded — what an authorizer decides about.
func (r *runner) decidesOn(h *httpmodel.Handler, c *ast.CallExpr) bool {
	for _, a := range c.Args {
		if r.isPrincipal(h, a) || h.InputOf(a) != nil {
			return true
		}
		for _, da := range h.DataAccesses {
			if da.Kind == httpmodel.Read && r.loadedBy(h, a, da) {
				return true
			}
		}
	}
	return false
}

// frameworkFunc: functions of HTTP frameworks and the standard library are
// never authorization decisions by name (echo's c.Param, cors.AllowAll).
func (r *runner) frameworkFunc(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return true
	}
	return stdlib(fn.Pkg().Path()) || frameworkPkg(fn.Pkg().Path())
}

// frameworkPkg: HTTP frameworks, ORMs and drivers, whose function names
// say nothing about the project's authorization.
func frameworkPkg(p string) bool {
	for _, pre := range []string{"github.com/gin-gonic/", "github.com/labstack/", "github.com/gofiber/", "github.com/go-chi/", "github.com/gorilla/", "gorm.io/", "github.com/jmoiron/", "github.com/rs/cors", "github.com/jackc/", "github.com/lib/pq", "github.com/go-sql-driver/", "github.com/valyala/", "google.golang.org/", "golang.org/x/", "github.com/golang-jwt/", "github.com/go-playground/", "github.com/julienschmidt/", "go.mongodb.org/", "github.com/uptrace/", "github.com/redis/", "github.com/go-redis/"} {
		if strings.HasPrefix(p, pre) {
			return true
		}
	}
	return false
}

// comparisonCheck: the if-statement's condition compares the principal
// with something (ownership) or the principal's role with a constant, and
// the branch taken on a mismatch stops the handler.
func (r *runner) comparisonCheck(h *httpmodel.Handler, ifs *ast.IfStmt) string {
	var atoms []struct {
		desc             string
		mismatchWhenTrue bool
	}
	var walk func(e ast.Expr, neg bool)
	walk = func(e ast.Expr, neg bool) {
		switch x := ast.Unparen(e).(type) {
		case *ast.UnaryExpr:
			if x.Op == token.NOT {
				walk(x.X, !neg)
				return
			}
		case *ast.BinaryExpr:
			switch x.Op {
			case token.LAND, token.LOR:
				walk(x.X, neg)
				walk(x.Y, neg)
				return
			case token.EQL, token.NEQ:
				if d := r.comparisonAtom(h, x); d != "" {
					atoms = append(atoms, struct {
						desc             string
						mismatchWhenTrue bool
					}{d, (x.Op == token.NEQ) != neg})
				}
				return
			}
		case *ast.SelectorExpr, *ast.CallExpr, *ast.Ident:
			// A boolean admin flag of the principal: me.IsAdmin, me.IsAdmin().
			if isBool(r.pass.TypesInfo.TypeOf(x)) && roleName(lastName(x)) && r.isPrincipal(h, x) {
				atoms = append(atoms, struct {
					desc             string
					mismatchWhenTrue bool
				}{"role check " + types.ExprString(x), neg})
			}
		}
	}
	walk(ifs.Cond, false)
	for _, a := range atoms {
		if a.mismatchWhenTrue {
			if r.stops(h, ifs, ifs.Body) {
				return a.desc
			}
			continue
		}
		switch els := ifs.Else.(type) {
		case nil:
			return a.desc // the action is guarded by the match
		case *ast.BlockStmt:
			if r.stops(h, ifs, els) {
				return a.desc
			}
		case *ast.IfStmt:
			return a.desc
		}
	}
	return ""
}

// comparisonAtom describes x if it compares a principal-derived value with
// a non-constant, non-principal value, or a principal's role-like field
// with a constant.
func (r *runner) comparisonAtom(h *httpmodel.Handler, x *ast.BinaryExpr) string {
	info := r.pass.TypesInfo
	px, py := r.isPrincipal(h, x.X), r.isPrincipal(h, x.Y)
	if px == py {
		return ""
	}
	p, other := x.X, x.Y
	if py {
		p, other = x.Y, x.X
	}
	if isNil(info, other) {
		return ""
	}
	if tv, ok := info.Types[other]; ok && tv.Value != nil {
		if roleName(lastName(p)) {
			return "role check " + types.ExprString(x)
		}
		return ""
	}
	return "ownership comparison " + types.ExprString(x)
}

func isNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}

func isBool(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}

func lastName(e ast.Expr) string {
	switch x := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		return x.Sel.Name
	case *ast.Ident:
		return x.Name
	case *ast.CallExpr:
		return lastName(x.Fun)
	case *ast.IndexExpr:
		if bl, ok := x.Index.(*ast.BasicLit); ok {
			return strings.Trim(bl.Value, "\"`")
		}
		return lastName(x.X)
	}
	return ""
}

// stops reports whether a branch ends the handler: it ends in return,
// panic, an abort/fatal/exit call, or it writes an error response and the
// if-statement is the last thing the function does.
func (r *runner) stops(h *httpmodel.Handler, ifs *ast.IfStmt, b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	switch last := b.List[len(b.List)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return last.Tok != token.FALLTHROUGH
	case *ast.ExprStmt:
		if c, ok := ast.Unparen(last.X).(*ast.CallExpr); ok {
			name := strings.ToLower(calleeName(r.pass.TypesInfo, c))
			for _, w := range []string{"panic", "abort", "fatal", "exit", "goexit"} {
				if strings.Contains(name, w) {
					return true
				}
			}
		}
	}
	if !r.writesError(h, b) {
		return false
	}
	return r.tail(h, ifs)
}

func (r *runner) writesError(h *httpmodel.Handler, b *ast.BlockStmt) bool {
	for _, resp := range h.Responses {
		if resp.Error && b.Pos() <= resp.Pos() && resp.Pos() < b.End() {
			return true
		}
	}
	return false
}

// tail: nothing runs after the if-statement in its function.
func (r *runner) tail(h *httpmodel.Handler, ifs *ast.IfStmt) bool {
	path, _ := astutil.PathEnclosingInterval(fileOf(r.pass, ifs.Pos()), ifs.Pos(), ifs.End())
	var child ast.Node = ifs
	for _, n := range path {
		if n == ifs {
			continue
		}
		switch n := n.(type) {
		case *ast.BlockStmt:
			if len(n.List) == 0 || n.List[len(n.List)-1] != child {
				return false
			}
		case *ast.FuncLit, *ast.FuncDecl:
			return true
		case *ast.IfStmt, *ast.CaseClause, *ast.CommClause, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.LabeledStmt:
		default:
			return false
		}
		child = n
	}
	return false
}

func fileOf(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}
