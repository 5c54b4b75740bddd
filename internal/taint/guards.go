package taint

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/source"
)

// A guard is a test of a value against what the program allows, in an
// if or switch of the function: after it (or inside it), the value is
// one the program chose, so it cannot inject SQL or pick a host.
//
//	if !allowedColumns[sort] { return }         // map lookup
//	if _, ok := hosts[u.Host]; !ok { return }
//	if u.Hostname() != "api.example.com" { … }  // comparison with a constant
//	if !slices.Contains(allowed, dir) { … }
//	switch order { case "asc", "desc": … }
//	if ip.IsPrivate() || ip.IsLoopback() { … }   // ip from net.ParseIP(host)
//	if err := validateURL(target); err != nil { … }
//
// A comparison with "" is not a guard (it tests presence, not the value).
// The engine is flow-insensitive: a guard anywhere in the function cleans
// the variable everywhere in it, a simplification that errs towards
// silence only where the code visibly validates.
type guardSet struct {
	vars map[*types.Var]bool
}

// guardWords in a called function's name make it a validator.
// (A module's strSliceContains(x, allowed) is one; strings.Contains, a
// blocklist test, is not.)
var guardWords = []string{"allow", "allowed", "whitelist", "whitelisted", "allowlist", "permit", "permitted", "trusted", "valid", "validate", "verify", "safe", "sanitize", "check", "contains", "includes", "in", "listed", "member", "known", "supported"}

// ipClassMethods of net.IP and netip.Addr reject internal addresses.
var ipClassMethods = map[string]bool{
	"IsPrivate": true, "IsLoopback": true, "IsLinkLocalUnicast": true, "IsLinkLocalMulticast": true,
	"IsUnspecified": true, "IsGlobalUnicast": true, "IsInterfaceLocalMulticast": true, "IsMulticast": true,
}

// validated reports whether v is guarded somewhere in the function.
func (c *fnCtx) validated(v *types.Var) bool {
	if c.guards == nil {
		c.guards = &guardSet{vars: map[*types.Var]bool{}}
		c.collectGuards()
	}
	return c.guards.vars[v]
}

func (c *fnCtx) collectGuards() {
	c.e.walk.Inspect(c.body, []ast.Node{(*ast.IfStmt)(nil), (*ast.SwitchStmt)(nil)}, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IfStmt:
			if n.Init != nil {
				c.guardInit(n.Init)
			}
			c.guardCond(n.Cond)
		case *ast.SwitchStmt:
			if n.Tag != nil && constCases(c.e.info, n.Body) {
				c.mark(n.Tag)
			}
			if n.Tag == nil {
				for _, cl := range n.Body.List {
					for _, x := range cl.(*ast.CaseClause).List {
						c.guardCond(x)
					}
				}
			}
		}
		return true
	})
}

// guardInit handles `if _, ok := m[x]; !ok` and `if err := validate(x); err != nil`.
func (c *fnCtx) guardInit(s ast.Stmt) {
	as, ok := s.(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 {
		return
	}
	switch r := ast.Unparen(as.Rhs[0]).(type) {
	case *ast.IndexExpr:
		if isMap(c.e.info, r.X) {
			c.mark(r.Index)
		}
	case *ast.CallExpr:
		c.guardCall(r)
	}
}

func (c *fnCtx) guardCond(x ast.Expr) {
	ast.Inspect(x, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BinaryExpr:
			if n.Op == token.EQL || n.Op == token.NEQ {
				if nonEmptyConst(c.e.info, n.Y) {
					c.mark(n.X)
				} else if nonEmptyConst(c.e.info, n.X) {
					c.mark(n.Y)
				}
			}
		case *ast.IndexExpr:
			if isMap(c.e.info, n.X) {
				c.mark(n.Index)
			}
		case *ast.CallExpr:
			c.guardCall(n)
		case *ast.Ident:
			// ok of `v, ok := m[x]` tested later.
			if v, ok := c.e.info.Uses[n].(*types.Var); ok && isBool(v.Type()) {
				for _, d := range c.flow.Defs(v) {
					if ix, ok := ast.Unparen(d).(*ast.IndexExpr); ok && isMap(c.e.info, ix.X) {
						c.mark(ix.Index)
					}
				}
			}
		}
		return true
	})
}

// guardCall marks the values a validating call tests.
func (c *fnCtx) guardCall(call *ast.CallExpr) {
	fn, _ := typeutil.Callee(c.e.info, call).(*types.Func)
	if fn == nil {
		return
	}
	name := fn.Name()
	switch {
	case fn.Pkg() != nil && (fn.Pkg().Path() == "slices" || fn.Pkg().Path() == "golang.org/x/exp/slices") && (name == "Contains" || name == "Index"):
		if len(call.Args) == 2 {
			c.mark(call.Args[1])
		}
	case fn.Pkg() != nil && fn.Pkg().Path() == "strings" && (name == "EqualFold" || name == "HasPrefix"):
		for _, a := range call.Args {
			if tv, ok := c.e.info.Types[a]; ok && tv.Value != nil {
				s, _ := constString(tv)
				if name == "EqualFold" || hostFixed(s) {
					c.mark(call.Args[0])
				}
			}
		}
	case ipClassMethods[name]:
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			c.mark(sel.X)
		}
	case fn.Pkg() != nil && fn.Pkg().Path() == "regexp" && strings.HasPrefix(name, "Match"):
		for _, a := range call.Args {
			c.mark(a)
		}
	case fn.Pkg() != nil && check.IsStd(fn.Pkg().Path()):
		// Other standard functions (strings.Contains) test, not allow.
	default:
		for _, w := range guardWords {
			if wordsHave(name, w) {
				for _, a := range call.Args {
					c.mark(a)
				}
				if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
					if s, ok := c.e.info.Selections[sel]; ok && s.Kind() == types.MethodVal && isNamed(s.Recv(), "net/url", "URL") {
						c.mark(sel.X)
					}
				}
				return
			}
		}
	}
}

// mark records the variable at the root of x as guarded, and the
// string, URL and IP variables its definitions read (host :=
// u.Hostname() guards u too; ip := net.ParseIP(host) guards host; a
// request struct a field was copied from is not guarded by it).
func (c *fnCtx) mark(x ast.Expr) {
	x = ast.Unparen(x)
	if call, ok := x.(*ast.CallExpr); ok {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			x = sel.X // u.Hostname() == "…"
		} else if len(call.Args) == 1 {
			x = call.Args[0] // strings.ToLower(host) == "…"
		}
	}
	v := source.RootVar(c.e.info, x)
	if v == nil || c.guards.vars[v] {
		return
	}
	c.guards.vars[v] = true
	for _, d := range c.flow.Defs(v) {
		ast.Inspect(d, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if w, ok := c.e.info.Uses[id].(*types.Var); ok && w.Pkg() != nil && w.Parent() != w.Pkg().Scope() && addressLike(w.Type()) {
					c.guards.vars[w] = true
				}
			}
			return true
		})
	}
}

// hostFixed reports whether a URL prefix fixes the scheme and host
// ("https://api.example.com/").
func hostFixed(s string) bool {
	var st pathState
	st.constant(s)
	return st.started && strings.Contains(s, "://")
}

func constCases(info *types.Info, body *ast.BlockStmt) bool {
	n := 0
	for _, s := range body.List {
		cl := s.(*ast.CaseClause)
		for _, x := range cl.List {
			if !nonEmptyConst(info, x) {
				return false
			}
			n++
		}
	}
	return n > 0
}

func nonEmptyConst(info *types.Info, x ast.Expr) bool {
	tv, ok := info.Types[x]
	if !ok || tv.Value == nil {
		return false
	}
	s, isStr := constString(tv)
	return !isStr || s != ""
}

func isMap(info *types.Info, x ast.Expr) bool {
	tv, ok := info.Types[x]
	if !ok {
		return false
	}
	_, m := tv.Type.Underlying().(*types.Map)
	return m
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}

// addressLike reports whether t is a string, a URL or an IP address.
func addressLike(t types.Type) bool {
	if b, ok := t.Underlying().(*types.Basic); ok {
		return b.Info()&types.IsString != 0
	}
	return isNamed(t, "net/url", "URL") || isNamed(t, "net", "IP") || isNamed(t, "net/netip", "Addr")
}
