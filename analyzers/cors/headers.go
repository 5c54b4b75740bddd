package cors

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/apivet/apivet/internal/check"
)

// headerCall is a method that writes or reads a header: key is the
// index of the header name argument, value that of the value written.
type headerCall struct {
	pkg, recv, method string
	key, value        int
}

// headerWriters set response headers (echo and chi handlers use
// net/http's Header).
var headerWriters = []headerCall{
	{"net/http", "Header", "Set", 0, 1},
	{"net/http", "Header", "Add", 0, 1},
	{"github.com/gin-gonic/gin", "Context", "Header", 0, 1},
	{"github.com/gofiber/fiber/v2", "Ctx", "Set", 0, 1},
	{"github.com/gofiber/fiber/v3", "Ctx", "Set", 0, 1},
	{"github.com/gofiber/fiber/v3", "DefaultCtx", "Set", 0, 1},
	{"github.com/valyala/fasthttp", "ResponseHeader", "Set", 0, 1},
	{"github.com/valyala/fasthttp", "ResponseHeader", "Add", 0, 1},
}

// headerReaders read request headers.
var headerReaders = []headerCall{
	{"net/http", "Header", "Get", 0, -1},
	{"net/http", "Header", "Values", 0, -1},
	{"github.com/gin-gonic/gin", "Context", "GetHeader", 0, -1},
	{"github.com/gofiber/fiber/v2", "Ctx", "Get", 0, -1},
	{"github.com/gofiber/fiber/v3", "Ctx", "Get", 0, -1},
	{"github.com/gofiber/fiber/v3", "DefaultCtx", "Get", 0, -1},
	{"github.com/valyala/fasthttp", "RequestHeader", "Peek", 0, -1},
}

const (
	headerAllowOrigin      = "access-control-allow-origin"
	headerAllowCredentials = "access-control-allow-credentials"
)

func matchHeaderCall(fn *types.Func, table []headerCall) *headerCall {
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return nil
	}
	t := sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return nil
	}
	for i := range table {
		h := &table[i]
		if h.key >= 0 && fn.Pkg().Path() == h.pkg && n.Obj().Name() == h.recv && fn.Name() == h.method {
			return h
		}
	}
	return nil
}

func (c *checker) constString(e ast.Expr) (string, bool) {
	tv := c.pass.TypesInfo.Types[e]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// headerWrite is a write of a CORS response header.
type headerWrite struct {
	at    ast.Node
	name  string // lower case
	value ast.Expr
}

// headerWriteOf recognizes w.Header().Set(k, v), c.Header(k, v),
// c.Set(k, v) and w.Header()[k] = []string{v}.
func (c *checker) headerWriteOf(n ast.Node) *headerWrite {
	info := c.pass.TypesInfo
	switch n := n.(type) {
	case *ast.CallExpr:
		h := matchHeaderCall(calleeFunc(info, n), headerWriters)
		if h == nil || len(n.Args) <= h.value {
			return nil
		}
		name, ok := c.constString(n.Args[h.key])
		if !ok {
			return nil
		}
		return &headerWrite{n, strings.ToLower(name), n.Args[h.value]}
	case *ast.AssignStmt:
		if len(n.Lhs) != 1 || len(n.Rhs) != 1 {
			return nil
		}
		ix, ok := n.Lhs[0].(*ast.IndexExpr)
		if !ok || !isNamed(info.TypeOf(ix.X), "net/http", "Header") {
			return nil
		}
		name, ok := c.constString(ix.Index)
		if !ok {
			return nil
		}
		var value ast.Expr = n.Rhs[0]
		if lit, ok := ast.Unparen(value).(*ast.CompositeLit); ok && len(lit.Elts) == 1 {
			value = lit.Elts[0]
		}
		return &headerWrite{n, strings.ToLower(name), value}
	}
	return nil
}

func isNamed(t types.Type, pkg, name string) bool {
	if t == nil {
		return false
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

// readsOrigin reports whether e reads the request's Origin header:
// r.Header.Get("Origin"), c.GetHeader("Origin"), c.Get("Origin"),
// string(ctx.Request.Header.Peek("Origin")), r.Header["Origin"][0], or a
// variable assigned one of these.
func (c *checker) readsOrigin(e ast.Expr) bool {
	info := c.pass.TypesInfo
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			if h := matchHeaderCall(calleeFunc(info, n), headerReaders); h != nil && len(n.Args) > h.key {
				if s, ok := c.constString(n.Args[h.key]); ok && strings.EqualFold(s, "Origin") {
					found = true
				}
			}
		case *ast.IndexExpr:
			if isNamed(info.TypeOf(n.X), "net/http", "Header") {
				if s, ok := c.constString(n.Index); ok && strings.EqualFold(s, "Origin") {
					found = true
				}
			}
		case *ast.Ident:
			if v, ok := info.Uses[n].(*types.Var); ok && c.originVars[v] {
				found = true
			}
		}
		return !found
	})
	return found
}

// collectOriginVars records the variables assigned the Origin header, so
// that readsOrigin sees through them.
func (c *checker) collectOriginVars(n ast.Node) {
	as, ok := n.(*ast.AssignStmt)
	if !ok || len(as.Lhs) != len(as.Rhs) {
		if vs, ok := n.(*ast.ValueSpec); ok && len(vs.Names) == len(vs.Values) {
			for i, name := range vs.Names {
				if v, ok := c.pass.TypesInfo.Defs[name].(*types.Var); ok && c.readsOrigin(vs.Values[i]) {
					c.originVars[v] = true
				}
			}
		}
		return
	}
	for i, lhs := range as.Lhs {
		id, ok := lhs.(*ast.Ident)
		if !ok {
			continue
		}
		if v, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var); ok && c.readsOrigin(as.Rhs[i]) {
			c.originVars[v] = true
		}
	}
}

// funcWrites are the CORS header writes of one function.
type funcWrites struct {
	body        ast.Node
	allowOrigin []*headerWrite
	credentials bool // Access-Control-Allow-Credentials: true
}

// judgeWrites reports, in one function, the Origin reflected into
// Access-Control-Allow-Origin without any check, and the "null" origin,
// when the function also allows credentials.
func (c *checker) judgeWrites(fw *funcWrites) {
	if !fw.credentials {
		return // without credentials a reflected origin is no worse than "*"
	}
	for _, w := range fw.allowOrigin {
		if s, ok := c.constString(w.value); ok {
			if s == "null" {
				c.report(w.at, check.Error, `Access-Control-Allow-Origin: null with credentials: sandboxed iframes and data: pages of any website send Origin: null and can read logged-in users' responses; name the allowed origins`)
			}
			continue
		}
		if !c.readsOrigin(w.value) || c.originChecked(fw.body, w.at.Pos()) {
			continue
		}
		c.report(w.at, check.Error, "Access-Control-Allow-Origin reflects the request's Origin with credentials allowed: any website can read logged-in users' responses; echo the origin only after matching it against an allowlist")
	}
}

// originChecked reports whether the function tests the Origin before pos
// in some way other than for emptiness: a comparison, a map or allowlist
// lookup, a call given the origin inside an if or switch (weak tests are
// reported on their own).
func (c *checker) originChecked(body ast.Node, pos token.Pos) bool {
	checked := false
	ast.Inspect(body, func(n ast.Node) bool {
		if checked || n == nil || n.Pos() > pos {
			return false
		}
		var conds []ast.Expr
		switch n := n.(type) {
		case *ast.IfStmt:
			conds = append(conds, n.Cond)
		case *ast.SwitchStmt:
			if n.Tag != nil && c.readsOrigin(n.Tag) {
				checked = true
			}
			if n.Tag == nil {
				for _, s := range n.Body.List {
					if cc, ok := s.(*ast.CaseClause); ok {
						conds = append(conds, cc.List...)
					}
				}
			}
		case *ast.AssignStmt: // ok := allowed[origin]; ok = isAllowed(origin)
			for _, r := range n.Rhs {
				if c.testsOrigin(r) {
					checked = true
				}
			}
		}
		for _, cond := range conds {
			if c.testsOrigin(cond) {
				checked = true
			}
		}
		return !checked
	})
	return checked
}

// testsOrigin reports whether an expression tests the origin other than
// for emptiness.
func (c *checker) testsOrigin(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.BinaryExpr:
			if n.Op == token.EQL || n.Op == token.NEQ {
				x, y := n.X, n.Y
				if c.readsOrigin(y) {
					x, y = y, x
				}
				if c.readsOrigin(x) {
					if s, ok := c.constString(y); ok && s == "" {
						return false // origin != ""
					}
					found = true
					return false
				}
			}
		case *ast.IndexExpr:
			if c.readsOrigin(n.Index) {
				found = true
			}
		case *ast.CallExpr:
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok {
				if _, ok := c.pass.TypesInfo.Uses[id].(*types.Builtin); ok {
					return false // len(origin) > 0
				}
			}
			if matchHeaderCall(calleeFunc(c.pass.TypesInfo, n), headerReaders) != nil {
				return false // the read itself
			}
			for _, a := range n.Args {
				if c.readsOrigin(a) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}
