package serve

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// Kind is the kind of value a serve call is configured through.
type Kind string

const (
	// HTTPServer: the fields of a net/http Server.
	HTTPServer Kind = "http.Server"
	// FiberApp: the fields of the fiber.Config given to fiber.New (v2 or v3).
	FiberApp Kind = "fiber.Config"
	// EchoApp: an echo v4 *Echo; its field paths are "Server.ReadTimeout",
	// "TLSServer.ReadTimeout", ...
	EchoApp Kind = "echo.Echo"
)

// Config is what is known of the configuration a serve call runs with.
type Config struct {
	Kind Kind
	// Fixed is true when the serve call offers no way to configure the
	// server (http.ListenAndServe, gin's Run): Set is empty.
	Fixed bool
	// Set holds the fields given a value: in the literal or assigned
	// afterwards (srv.ReadTimeout = d), keyed by field name. A value is
	// nil when the field is known only from a fact (another package).
	Set map[string]ast.Expr
	// Defaults are fields the framework itself gives a value (echo v5
	// gives ReadTimeout 30s).
	Defaults map[string]bool
	// Lit is the http.Server or fiber.Config composite literal in the
	// analyzed package, if there is one; fixes edit it.
	Lit *ast.CompositeLit
	// NewCall is the fiber.New() call, when it has no Config literal.
	NewCall *ast.CallExpr
	// Helper is the function that built the server, when it is not built
	// in the function that serves it; nil otherwise.
	Helper *types.Func
}

// Has reports whether field name is set to a value that is not the
// literal zero, or the framework sets it by default.
func (c *Config) Has(name string) bool {
	if c.Defaults[name] {
		return true
	}
	v, ok := c.Set[name]
	if !ok {
		return false
	}
	if lit, isLit := ast.Unparen(v).(*ast.BasicLit); isLit && lit.Value == "0" {
		return false
	}
	return true
}

// ServerFact is exported for a function that returns a server-like value
// (*http.Server, *fiber.App, echo v4 *Echo): which of its fields the
// function sets.
type ServerFact struct {
	Kind Kind
	Set  []string
}

func (*ServerFact) AFact() {}

func (f *ServerFact) String() string { return string(f.Kind) + "{" + strings.Join(f.Set, ",") + "}" }

// resolver traces a server value to where it is built, within a package.
type resolver struct {
	info  *types.Info
	ins   *inspector.Inspector
	funcs map[*types.Func]*ast.FuncDecl
	// defs and fields index the package's assignments, on first use (see
	// defsOf): most packages build no server value.
	indexed bool
	defs    map[types.Object][]ast.Expr          // values assigned to a variable or struct field
	fields  map[types.Object]map[string]ast.Expr // base.path = value, path "F" or "S.F"
	fact    func(*types.Func) *ServerFact
	seen    map[*types.Func]bool
}

func newResolver(info *types.Info, ins *inspector.Inspector, fact func(*types.Func) *ServerFact) *resolver {
	r := &resolver{
		info:   info,
		ins:    ins,
		funcs:  map[*types.Func]*ast.FuncDecl{},
		defs:   map[types.Object][]ast.Expr{},
		fields: map[types.Object]map[string]ast.Expr{},
		fact:   fact,
		seen:   map[*types.Func]bool{},
	}
	ins.Preorder(funcDeclTypes, func(n ast.Node) {
		fd := n.(*ast.FuncDecl)
		if fn, ok := info.Defs[fd.Name].(*types.Func); ok && fd.Body != nil {
			r.funcs[fn] = fd
		}
	})
	return r
}

var funcDeclTypes = []ast.Node{(*ast.FuncDecl)(nil)}

// defsOf returns the values assigned to obj in the package.
func (r *resolver) defsOf(obj types.Object) []ast.Expr {
	r.index()
	return r.defs[obj]
}

// fieldsOf returns the fields assigned on obj (obj.F = x, obj.S.F = x).
func (r *resolver) fieldsOf(obj types.Object) map[string]ast.Expr {
	r.index()
	return r.fields[obj]
}

// index fills defs and fields, once.
func (r *resolver) index() {
	if r.indexed {
		return
	}
	r.indexed = true
	info := r.info
	addField := func(base types.Object, path string, v ast.Expr) {
		if base == nil {
			return
		}
		m := r.fields[base]
		if m == nil {
			m = map[string]ast.Expr{}
			r.fields[base] = m
		}
		m[path] = v
	}
	r.ins.Preorder(resolverTypes, func(n ast.Node) {
		func() bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Lhs) != len(n.Rhs) {
					return true
				}
				for i, lhs := range n.Lhs {
					rhs := n.Rhs[i]
					if obj := r.objOf(lhs); obj != nil {
						r.defs[obj] = append(r.defs[obj], rhs)
					}
					sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
					if !ok {
						continue
					}
					addField(r.objOf(sel.X), sel.Sel.Name, rhs)
					if inner, ok := ast.Unparen(sel.X).(*ast.SelectorExpr); ok {
						addField(r.objOf(inner.X), inner.Sel.Name+"."+sel.Sel.Name, rhs)
					}
				}
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if i < len(n.Values) {
						if obj := info.Defs[name]; obj != nil {
							r.defs[obj] = append(r.defs[obj], n.Values[i])
						}
					}
				}
			case *ast.CompositeLit:
				// T{srv: &http.Server{...}} and T{&srv} define fields.
				st, _ := deref(info.TypeOf(n)).Underlying().(*types.Struct)
				for i, elt := range n.Elts {
					if kv, ok := elt.(*ast.KeyValueExpr); ok {
						if key, ok := kv.Key.(*ast.Ident); ok {
							if v, ok := info.Uses[key].(*types.Var); ok && v.IsField() {
								r.defs[v] = append(r.defs[v], kv.Value)
							}
						}
					} else if st != nil && i < st.NumFields() {
						r.defs[st.Field(i)] = append(r.defs[st.Field(i)], elt)
					}
				}
			}
			return true
		}()
	})
}

var resolverTypes = []ast.Node{(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.CompositeLit)(nil)}

// objOf is the variable or struct field e denotes, or nil.
func (r *resolver) objOf(e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := r.info.ObjectOf(e).(*types.Var); ok {
			return v
		}
	case *ast.SelectorExpr:
		if sel := r.info.Selections[e]; sel != nil && sel.Kind() == types.FieldVal {
			return sel.Obj()
		}
		if v, ok := r.info.ObjectOf(e.Sel).(*types.Var); ok { // package variable
			return v
		}
	case *ast.StarExpr:
		return r.objOf(e.X)
	}
	return nil
}

// resolve traces e, a value of kind k, to its construction. It returns nil
// when the construction is not found.
func (r *resolver) resolve(e ast.Expr, k Kind, depth int) *Config {
	if depth > 6 || e == nil {
		return nil
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		if k == HTTPServer && isServerType(r.info.TypeOf(e)) {
			return litConfig(k, e)
		}
	case *ast.CallExpr:
		return r.resolveCall(e, k, depth)
	case *ast.Ident, *ast.SelectorExpr, *ast.StarExpr:
		return r.resolveObj(r.objOf(e), k, depth)
	}
	return nil
}

// resolveObj traces a variable or field of kind k to its construction.
func (r *resolver) resolveObj(obj types.Object, k Kind, depth int) *Config {
	if obj == nil {
		return nil
	}
	var c *Config
	defs := r.defsOf(obj)
	for i := len(defs) - 1; i >= 0 && c == nil; i-- {
		c = r.resolve(defs[i], k, depth+1)
	}
	if c == nil {
		if k != EchoApp {
			return nil
		}
		// An *echo.Echo whose construction is out of sight: its
		// Server fields may still be set here.
		if len(r.fieldsOf(obj)) == 0 {
			return nil
		}
		c = &Config{Kind: k, Set: map[string]ast.Expr{}}
	}
	r.overlay(c, obj, depth)
	return c
}

// resolveEmbedded resolves the *http.Server embedded in the struct x
// denotes, when sel (a method selection on x) is promoted from it:
// type Server struct{ *http.Server }; srv.ListenAndServe().
func (r *resolver) resolveEmbedded(x ast.Expr, sel *types.Selection) *Config {
	if sel == nil || len(sel.Index()) != 2 {
		return nil
	}
	st, ok := deref(r.info.TypeOf(x)).Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	f := st.Field(sel.Index()[0])
	if !f.Embedded() || kindOf(f.Type()) != HTTPServer {
		return nil
	}
	return r.resolveObj(f, HTTPServer, 0)
}

func deref(t types.Type) types.Type {
	if t == nil {
		return types.Typ[types.Invalid]
	}
	if p, ok := t.(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// overlay adds the fields assigned after construction (v.F = x).
func (r *resolver) overlay(c *Config, obj types.Object, depth int) {
	for path, v := range r.fieldsOf(obj) {
		switch {
		case k2(c.Kind, HTTPServer, FiberApp) && !strings.Contains(path, "."):
			c.Set[path] = v
		case c.Kind == EchoApp && strings.Contains(path, "."):
			c.Set[path] = v
		case c.Kind == EchoApp && (path == "Server" || path == "TLSServer"):
			// e.Server = &http.Server{...}
			if sc := r.resolve(v, HTTPServer, depth+1); sc != nil {
				for f, fv := range sc.Set {
					c.Set[path+"."+f] = fv
				}
			}
		}
	}
}

func k2(k, a, b Kind) bool { return k == a || k == b }

func (r *resolver) resolveCall(call *ast.CallExpr, k Kind, depth int) *Config {
	// new(http.Server)
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && id.Name == "new" && len(call.Args) == 1 {
		if _, builtin := r.info.Uses[id].(*types.Builtin); builtin && k == HTTPServer && isServerType(r.info.TypeOf(call.Args[0])) {
			return &Config{Kind: k, Set: map[string]ast.Expr{}}
		}
		return nil
	}
	fn, _ := typeutil.Callee(r.info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	path := fn.Pkg().Path()
	switch {
	case k == FiberApp && fn.Name() == "New" && (path == "github.com/gofiber/fiber/v2" || path == "github.com/gofiber/fiber/v3"):
		if len(call.Args) == 0 {
			return &Config{Kind: k, Set: map[string]ast.Expr{}, NewCall: call}
		}
		return r.resolveFiberConfig(call.Args[0], depth)
	case k == EchoApp && fn.Name() == "New" && path == "github.com/labstack/echo/v4":
		return &Config{Kind: k, Set: map[string]ast.Expr{}}
	}
	if c := r.resolveFunc(fn, k, depth); c != nil {
		return c
	}
	if r.fact != nil {
		if f := r.fact(fn); f != nil && f.Kind == k {
			c := &Config{Kind: k, Set: map[string]ast.Expr{}, Helper: fn}
			for _, name := range f.Set {
				c.Set[name] = nil
			}
			return c
		}
	}
	return nil
}

// resolveFunc resolves the server value a function of this package returns.
func (r *resolver) resolveFunc(fn *types.Func, k Kind, depth int) *Config {
	if decl := r.funcs[fn]; decl != nil {
		if r.seen[fn] {
			return nil
		}
		r.seen[fn] = true
		defer delete(r.seen, fn)
		var c *Config
		ast.Inspect(decl.Body, func(n ast.Node) bool {
			if c != nil {
				return false
			}
			if _, ok := n.(*ast.FuncLit); ok {
				return false
			}
			ret, ok := n.(*ast.ReturnStmt)
			if !ok {
				return true
			}
			for _, res := range ret.Results {
				if kindOf(r.info.TypeOf(res)) == k {
					c = r.resolve(res, k, depth+1)
					if c != nil {
						break
					}
				}
			}
			return true
		})
		if c != nil && c.Helper == nil {
			c.Helper = fn
		}
		return c
	}
	return nil
}

func (r *resolver) resolveFiberConfig(e ast.Expr, depth int) *Config {
	e = ast.Unparen(e)
	if lit, ok := e.(*ast.CompositeLit); ok {
		return litConfig(FiberApp, lit)
	}
	obj := r.objOf(e)
	if obj == nil {
		return nil
	}
	defs := r.defsOf(obj)
	for i := len(defs) - 1; i >= 0; i-- {
		if lit, ok := ast.Unparen(defs[i]).(*ast.CompositeLit); ok {
			c := litConfig(FiberApp, lit)
			r.overlay(c, obj, depth)
			return c
		}
	}
	return nil
}

func litConfig(k Kind, lit *ast.CompositeLit) *Config {
	c := &Config{Kind: k, Lit: lit, Set: map[string]ast.Expr{}}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				c.Set[id.Name] = kv.Value
			}
		}
	}
	return c
}

// kindOf is the kind of server value type t is, or "".
func kindOf(t types.Type) Kind {
	if t == nil {
		return ""
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	switch [2]string{n.Obj().Pkg().Path(), n.Obj().Name()} {
	case [2]string{"net/http", "Server"}:
		return HTTPServer
	case [2]string{"github.com/gofiber/fiber/v2", "App"}, [2]string{"github.com/gofiber/fiber/v3", "App"}:
		return FiberApp
	case [2]string{"github.com/labstack/echo/v4", "Echo"}:
		return EchoApp
	}
	return ""
}

// sub returns the configuration of the echo v4 sub-server field (Server or
// TLSServer) of an EchoApp configuration.
func (c *Config) sub(field string) *Config {
	out := &Config{Kind: HTTPServer, Set: map[string]ast.Expr{}, Helper: c.Helper}
	for path, v := range c.Set {
		if f, ok := strings.CutPrefix(path, field+"."); ok {
			out.Set[f] = v
		}
	}
	return out
}
