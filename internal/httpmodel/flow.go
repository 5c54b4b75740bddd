package httpmodel

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
	"sync"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/words"

	"github.com/apivet/apivet/internal/source"
)

// Flow answers "does this expression derive from that one?" inside one
// function body. It is a flow-insensitive def-use walk over go/types
// objects:
//
//   - a local variable derives from every expression assigned to it
//     anywhere in the body (=, :=, var, range, op-assign), and from every
//     call that receives its address (&x) or the variable itself when it
//     is a pointer (Decode(&x), c.Bind(req));
//   - an assignment to x.f, x[i] or *x counts as an assignment to x
//     (field-insensitive);
//   - an expression derives from its operands through parentheses, unary
//     and binary operators, selectors (a field of a derived struct),
//     index and slice expressions, type assertions, composite literals
//     (a struct built from a derived value), conversions, and calls of
//     value-preserving functions: strconv, strings, bytes, fmt.Sprint*,
//     net/url unescaping, uuid parsing (google/uuid, gofrs/uuid,
//     satori), path and filepath, and functions declared in the same
//     package (their arguments are assumed to flow to their result);
//     methods String/Int64/Uint64/Bytes/Hex/Value of a derived value.
//
// Limits: no control flow (an assignment after the use still counts),
// no flow through other functions' bodies, maps, channels or globals,
// no flow into closure parameters (gotify's withID(ctx, "id",
// func(id uint) {...}) gives id no source),
// and closures' captured variables are seen only where the closure body
// is inside the walked body.
type Flow struct {
	info *types.Info
	pkg  *types.Package
	body ast.Node
	// walk, if set, walks body faster than ast.Inspect (modeler.inspect)
	walk func(n ast.Node, types []ast.Node, f func(ast.Node) bool)
	once sync.Once // builds defs on first use: most functions are never asked
	defs map[*types.Var][]ast.Expr
	lhs  map[*types.Var][]ast.Expr // the assigned expression of each def (x, x.f, &x's call argument)
}

// NewFlow returns the def-use index of body (a function body, or any
// node), built the first time it is queried. Safe for concurrent use.
func NewFlow(info *types.Info, pkg *types.Package, body ast.Node) *Flow {
	return &Flow{info: info, pkg: pkg, body: body}
}

// NewFlow is NewFlow for a body of the package the model was built for:
// the model's own flow of that body (shared, so built at most once, and
// walked with the package's inspector).
func (r *Result) NewFlow(info *types.Info, pkg *types.Package, body ast.Node) *Flow {
	if r != nil && r.m != nil && info == r.m.info && pkg == r.m.pass.Pkg {
		return r.m.newFlow(body)
	}
	return NewFlow(info, pkg, body)
}

// newFlow returns the (lazily built) flow of a body of the package, one
// per body: the fixpoint, the handler scan and checks ask about the same
// bodies.
//
// Checks that share the Result may run concurrently (go/analysis
// drivers run independent analyzers in parallel), hence the lock.
func (m *modeler) newFlow(body ast.Node) *Flow {
	m.flowsMu.Lock()
	defer m.flowsMu.Unlock()
	if f, ok := m.flows[body]; ok {
		return f
	}
	f := &Flow{info: m.info, pkg: m.pass.Pkg, body: body, walk: m.inspect}
	if m.flows == nil {
		m.flows = map[ast.Node]*Flow{}
	}
	m.flows[body] = f
	return f
}

var defTypes = []ast.Node{(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.RangeStmt)(nil), (*ast.CallExpr)(nil)}

// index builds the def-use index once.
func (f *Flow) index() {
	f.once.Do(f.build)
}

func (f *Flow) build() {
	f.defs = map[*types.Var][]ast.Expr{}
	f.lhs = map[*types.Var][]ast.Expr{}
	if f.body == nil {
		return
	}
	walk := f.walk
	if walk == nil {
		walk = func(n ast.Node, _ []ast.Node, f func(ast.Node) bool) { ast.Inspect(n, f) }
	}
	walk(f.body, defTypes, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				var r ast.Expr
				if len(n.Lhs) == len(n.Rhs) {
					r = n.Rhs[i]
				} else if len(n.Rhs) == 1 {
					r = n.Rhs[0]
				}
				if r != nil {
					f.addDef(l, r)
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				var r ast.Expr
				if len(n.Names) == len(n.Values) {
					r = n.Values[i]
				} else if len(n.Values) == 1 {
					r = n.Values[0]
				}
				if r != nil {
					f.addDef(name, r)
				}
			}
		case *ast.RangeStmt:
			if n.Key != nil {
				f.addDef(n.Key, n.X)
			}
			if n.Value != nil {
				f.addDef(n.Value, n.X)
			}
		case *ast.CallExpr:
			for _, a := range n.Args {
				a = ast.Unparen(a)
				if u, ok := a.(*ast.UnaryExpr); ok && u.Op == token.AND {
					f.addDef(u.X, n)
				} else if id, ok := a.(*ast.Ident); ok {
					if v, ok := f.info.Uses[id].(*types.Var); ok {
						if _, ptr := v.Type().Underlying().(*types.Pointer); ptr {
							f.addDef(id, n)
						}
					}
				}
			}
		}
		return true
	})
}

func (f *Flow) addDef(lhs, rhs ast.Expr) {
	if v := source.RootVar(f.info, lhs); v != nil {
		f.defs[v] = append(f.defs[v], rhs)
		f.lhs[v] = append(f.lhs[v], lhs)
	}
}

// Assigned returns, for each definition of v (the expressions Defs
// returns, in the same order), the expression it assigns to: v itself,
// or a part of it such as v.Host or v[k].
func (f *Flow) Assigned(v *types.Var) []ast.Expr { f.index(); return f.lhs[v] }

// Defs returns the expressions assigned to v in the body (see Flow).
func (f *Flow) Defs(v *types.Var) []ast.Expr { f.index(); return f.defs[v] }

// Origin follows an identifier with exactly one definition to that
// definition, repeatedly, and returns the last expression reached
// (e itself if it is not such an identifier).
func (f *Flow) Origin(e ast.Expr) ast.Expr {
	f.index()
	for i := 0; i < 8; i++ {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return ast.Unparen(e)
		}
		v, ok := f.info.Uses[id].(*types.Var)
		if !ok || len(f.defs[v]) != 1 {
			return id
		}
		e = f.defs[v][0]
	}
	return ast.Unparen(e)
}

// DerivesFrom reports whether e's value derives from the value of the
// expression src (a node inside the same body, e.g. an Input's Expr).
func (f *Flow) DerivesFrom(e, src ast.Expr) bool {
	if e == nil || src == nil {
		return false
	}
	src = ast.Unparen(src)
	return f.derives(e, func(x ast.Expr) bool { return x == src }, map[*types.Var]bool{})
}

// DerivesFromVar reports whether e's value derives from variable v (a
// parameter, say).
func (f *Flow) DerivesFromVar(e ast.Expr, v *types.Var) bool {
	if e == nil || v == nil {
		return false
	}
	return f.derives(e, func(x ast.Expr) bool {
		id, ok := x.(*ast.Ident)
		return ok && f.info.Uses[id] == v
	}, map[*types.Var]bool{})
}

// DerivesWhere reports whether e derives from an expression for which
// match returns true.
func (f *Flow) DerivesWhere(e ast.Expr, match func(ast.Expr) bool) bool {
	if e == nil {
		return false
	}
	return f.derives(e, match, map[*types.Var]bool{})
}

func (f *Flow) derives(e ast.Expr, match func(ast.Expr) bool, seen map[*types.Var]bool) bool {
	f.index()
	e = ast.Unparen(e)
	if match(e) {
		return true
	}
	switch x := e.(type) {
	case *ast.Ident:
		v, ok := f.info.Uses[x].(*types.Var)
		if !ok || seen[v] {
			return false
		}
		seen[v] = true
		for _, d := range f.defs[v] {
			if f.derives(d, match, seen) {
				return true
			}
		}
	case *ast.StarExpr:
		return f.derives(x.X, match, seen)
	case *ast.UnaryExpr:
		return f.derives(x.X, match, seen)
	case *ast.BinaryExpr:
		return f.derives(x.X, match, seen) || f.derives(x.Y, match, seen)
	case *ast.SelectorExpr:
		if _, ok := f.info.Selections[x]; !ok {
			return false
		}
		return f.derives(x.X, match, seen)
	case *ast.IndexExpr:
		return f.derives(x.X, match, seen)
	case *ast.SliceExpr:
		return f.derives(x.X, match, seen)
	case *ast.TypeAssertExpr:
		return f.derives(x.X, match, seen)
	case *ast.CompositeLit:
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			if f.derives(el, match, seen) {
				return true
			}
		}
	case *ast.CallExpr:
		if tv, ok := f.info.Types[x.Fun]; ok && tv.IsType() {
			return len(x.Args) == 1 && f.derives(x.Args[0], match, seen)
		}
		if f.passesThrough(x) {
			for _, a := range x.Args {
				if f.derives(a, match, seen) {
					return true
				}
			}
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
				if _, isMethod := f.info.Selections[sel]; isMethod && f.derives(sel.X, match, seen) {
					return true
				}
			}
		}
	}
	return false
}

// passThroughPkgs are packages whose functions keep the identity of a
// value (parsing, formatting, trimming).
var passThroughPkgs = map[string]bool{
	"strconv": true, "strings": true, "bytes": true, "fmt": true, "path": true,
	"path/filepath": true, "github.com/google/uuid": true, "github.com/gofrs/uuid": true,
	"github.com/gofrs/uuid/v5": true, "github.com/satori/go.uuid": true,
	"github.com/oklog/ulid/v2": true, "github.com/rs/xid": true,
	"go.mongodb.org/mongo-driver/bson/primitive": true, "go.mongodb.org/mongo-driver/v2/bson": true,
	"github.com/jackc/pgx/v5/pgtype": true, "math/big": true,
}

var passThroughURL = map[string]bool{"PathUnescape": true, "QueryUnescape": true, "ParseQuery": true}

var passThroughMethods = map[string]bool{
	"String": true, "Int64": true, "Uint64": true, "Int": true, "Bytes": true, "Hex": true,
	"Value": false, "Trim": true, "Get": false,
}

func (f *Flow) passesThrough(call *ast.CallExpr) bool {
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := f.info.Uses[id].(*types.Builtin); ok {
			return b.Name() == "append" || b.Name() == "string"
		}
	}
	fn := typeutil.StaticCallee(f.info, call)
	if fn == nil {
		// dynamic or interface method: String() etc. of a derived value.
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return passThroughMethods[sel.Sel.Name]
		}
		return false
	}
	if fn.Pkg() == nil {
		return false
	}
	path := fn.Pkg().Path()
	sig := fn.Type().(*types.Signature)
	if sig.Recv() != nil {
		if passThroughMethods[fn.Name()] {
			return true
		}
		return passThroughPkgs[path] && !strings.HasPrefix(fn.Name(), "Write")
	}
	if passThroughPkgs[path] {
		return !strings.HasPrefix(fn.Name(), "Fprint") && fn.Name() != "Errorf"
	}
	if path == "net/url" {
		return passThroughURL[fn.Name()]
	}
	// Helpers of the same package: assume arguments reach the result.
	if f.pkg != nil && fn.Pkg() == f.pkg {
		return true
	}
	// A conversion of the module's own (signoz's valuer.NewUUID(s),
	// valuer.MustNewUUID(claims.OrgID)): one argument, named to convert.
	return f.pkg != nil && len(call.Args) == 1 && modulePrefix(path) == modulePrefix(f.pkg.Path()) && conversionName(fn.Name())
}

// conversionVerbs start the name of a function that converts its one
// argument to another type of the same value.
var conversionVerbs = map[string]bool{"new": true, "must": true, "parse": true, "from": true, "to": true, "as": true}

func conversionName(name string) bool {
	ws := words.Split(name)
	return len(ws) > 1 && conversionVerbs[ws[0]]
}
