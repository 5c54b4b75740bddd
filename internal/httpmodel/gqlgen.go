package httpmodel

import (
	"go/ast"
	"go/types"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/apivet/apivet/internal/source"
)

// GraphQL resolvers (github.com/99designs/gqlgen, checked against
// v0.17.98's generated code).
//
// The generated executable schema declares ResolverRoot, whose methods
// (Query(), Mutation(), Order()) return the resolver interfaces
// QueryResolver, MutationResolver, OrderResolver. A method of a type that
// implements one of them, and whose name is one of its methods, is a
// resolver: a handler (Framework GraphQL). Its parameters after the
// context are the field's arguments, chosen by the client (Inputs of kind
// Argument, per use: id, input.ID); a field resolver of an object type
// (OrderResolver.Owner(ctx, obj *model.Order)) also receives the parent
// object, which the server resolved and is not client-chosen.
//
// The generated _<Type>_<field> functions tell which directives guard a
// field (ec.Directives.HasRole(...)): Handler.Directives, and
// GraphQLFieldFact on the interface method for packages that import the
// generated one. Routes: X.NewExecutableSchema(X.Config{Resolvers: root})
// makes a GraphQL route per resolver method, Method "GRAPHQL" and Path the
// schema coordinate ("Query.order"), whose middleware is the HTTP chain
// of the route serving the schema's handler (mux.Handle("/query",
// auth(srv)) with srv := handler.New(schema)) followed by the field's
// directives.

// GraphQL is a gqlgen resolver.
const GraphQL Framework = "gqlgen"

// Argument is an argument of a GraphQL field.
const Argument InputKind = "argument"

const pkgGraphQL = "github.com/99designs/gqlgen/graphql"

// GraphQLFieldFact describes the field a generated resolver interface
// method resolves: its schema coordinate and the directives on it.
type GraphQLFieldFact struct {
	Coord      string   // "Query.order"
	Directives []string // Go field names of DirectiveRoot: "HasRole"
}

func (*GraphQLFieldFact) AFact() {}
func (f *GraphQLFieldFact) String() string {
	s := "graphql " + f.Coord
	if len(f.Directives) > 0 {
		s += " @" + strings.Join(f.Directives, " @")
	}
	return s
}

// gqlIface is a generated resolver interface.
type gqlIface struct {
	named *types.Named
	iface *types.Interface
	typ   string // the GraphQL type: "Query", "Order"
	root  bool   // Query, Mutation, Subscription: no parent object
}

// gqlSchema is the generated executable schema of a package.
type gqlSchema struct {
	pkg    *types.Package
	ifaces []gqlIface
	rootIf *types.Interface // ResolverRoot
}

// gqlSchemas are the generated schemas of this package and of its direct
// imports: packages that import gqlgen's graphql and declare ResolverRoot.
func (m *modeler) gqlSchemas() []*gqlSchema {
	if m.gqlSchemasMemo != nil {
		return *m.gqlSchemasMemo
	}
	var out []*gqlSchema
	for _, p := range append([]*types.Package{m.pass.Pkg}, m.pass.Pkg.Imports()...) {
		if !source.Imports(p, pkgGraphQL) {
			continue
		}
		tn, ok := p.Scope().Lookup("ResolverRoot").(*types.TypeName)
		if !ok {
			continue
		}
		root, ok := tn.Type().Underlying().(*types.Interface)
		if !ok {
			continue
		}
		s := &gqlSchema{pkg: p, rootIf: root}
		for i := 0; i < root.NumMethods(); i++ {
			rm := root.Method(i)
			res := rm.Type().(*types.Signature).Results()
			if res.Len() != 1 {
				continue
			}
			n, ok := types.Unalias(res.At(0).Type()).(*types.Named)
			if !ok {
				continue
			}
			if it, ok := n.Underlying().(*types.Interface); ok {
				typ := rm.Name()
				s.ifaces = append(s.ifaces, gqlIface{named: n, iface: it, typ: typ, root: typ == "Query" || typ == "Mutation" || typ == "Subscription"})
			}
		}
		out = append(out, s)
	}
	m.gqlSchemasMemo = &out
	return out
}

// gqlResolver reports whether fn is a resolver method, and the resolver
// interface it implements.
func (m *modeler) gqlResolver(fn *types.Func) (*gqlIface, *gqlSchema, bool) {
	sig := fn.Type().(*types.Signature)
	if sig.Recv() == nil || !fn.Exported() || sig.Params().Len() == 0 || !isNamed(sig.Params().At(0).Type(), "context", "Context") {
		return nil, nil, false
	}
	recv := sig.Recv().Type()
	for _, s := range m.gqlSchemas() {
		for i := range s.ifaces {
			gi := &s.ifaces[i]
			if hasMethod(gi.iface, fn.Name()) && (types.Implements(recv, gi.iface) || types.Implements(types.NewPointer(structDeref(recv)), gi.iface)) {
				return gi, s, true
			}
		}
	}
	return nil, nil, false
}

func structDeref(t types.Type) types.Type {
	if p, ok := t.(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// gqlInputs records the uses of a resolver's argument parameters: the
// parameter (id) and fields of it (input.ID, input.Owner.ID: the last
// field names the input). A field resolver's parent object is not input.
func (m *modeler) gqlInputs(h *Handler, gi *gqlIface) {
	fd, ok := h.Node.(*ast.FuncDecl)
	if !ok || h.Func == nil {
		return
	}
	first := 1
	if !gi.root {
		first = 2
	}
	params := map[*types.Var]bool{}
	for i := first; ; i++ {
		v := paramVar(m.info, fd.Type, i)
		if v == nil {
			if i >= h.Func.Type().(*types.Signature).Params().Len() {
				break
			}
			continue
		}
		params[v] = true
	}
	if len(params) == 0 {
		return
	}
	m.inspect(h.Body, []ast.Node{(*ast.SelectorExpr)(nil), (*ast.Ident)(nil)}, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if v, ok := m.info.Uses[n.Sel].(*types.Var); ok && v.IsField() && v.Exported() {
				if root := m.rootVar(n.X); root != nil && params[root] {
					h.Inputs = append(h.Inputs, &Input{Kind: Argument, Name: v.Name(), Expr: n})
				}
			}
		case *ast.Ident:
			if v, ok := m.info.Uses[n].(*types.Var); ok && params[v] {
				h.Inputs = append(h.Inputs, &Input{Kind: Argument, Name: v.Name(), Expr: n})
			}
		}
		return true
	})
}

// rootVar is the variable a chain of field selectors starts from.
func (m *modeler) rootVar(e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			v, _ := m.info.Uses[x].(*types.Var)
			return v
		case *ast.SelectorExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// gqlFields maps the resolver interface methods of a generated schema in
// this package to their fields, from the generated _<Type>_<field>
// functions, and exports them as facts.
func (m *modeler) gqlFields() map[*types.Func]*GraphQLFieldFact {
	if m.gqlFieldsMemo != nil {
		return m.gqlFieldsMemo
	}
	out := map[*types.Func]*GraphQLFieldFact{}
	m.gqlFieldsMemo = out
	var local *gqlSchema
	for _, s := range m.gqlSchemas() {
		if s.pkg == m.pass.Pkg {
			local = s
		}
	}
	if local == nil {
		return out
	}
	ifaceOf := map[*types.Named]*gqlIface{}
	for i := range local.ifaces {
		ifaceOf[local.ifaces[i].named] = &local.ifaces[i]
	}
	for _, f := range m.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv == nil || fd.Body == nil || !strings.HasPrefix(fd.Name.Name, "_") {
				continue
			}
			typ, field, ok := strings.Cut(fd.Name.Name[1:], "_")
			if !ok {
				continue
			}
			var method *types.Func
			var dirs []string
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					if fn := m.callee(n); fn != nil && method == nil {
						if recv := fn.Type().(*types.Signature).Recv(); recv != nil {
							if nt, ok := types.Unalias(recv.Type()).(*types.Named); ok && ifaceOf[nt] != nil && ifaceOf[nt].typ == typ {
								method = fn
							}
						}
					}
				case *ast.SelectorExpr:
					if v, ok := m.info.Uses[n.Sel].(*types.Var); ok && v.IsField() && isNamed(m.info.TypeOf(n.X), m.pass.Pkg.Path(), "DirectiveRoot") && !contains(dirs, v.Name()) {
						dirs = append(dirs, v.Name())
					}
				}
				return true
			})
			if method == nil {
				continue
			}
			ff := &GraphQLFieldFact{Coord: typ + "." + field, Directives: dirs}
			out[method] = ff
			m.pass.ExportObjectFact(method, ff)
		}
	}
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// gqlField returns the field of a resolver interface method (this
// package's generated code or an imported fact).
func (m *modeler) gqlField(method *types.Func) *GraphQLFieldFact {
	if f := m.gqlFields()[method]; f != nil {
		return f
	}
	if method.Pkg() != nil && method.Pkg() != m.pass.Pkg {
		var f GraphQLFieldFact
		if m.pass.ImportObjectFact(method, &f) {
			return &f
		}
	}
	return nil
}

// gqlDirectives sets the directives of a resolver handler (those of the
// interface method it implements) and its resolver root.
func (m *modeler) gqlDirectives(h *Handler, gi *gqlIface, s *gqlSchema) {
	h.Service = m.gqlRootType(s)
	for i := 0; i < gi.iface.NumMethods(); i++ {
		if im := gi.iface.Method(i); im.Name() == h.Func.Name() {
			if f := m.gqlField(im); f != nil {
				h.Directives = f.Directives
			}
		}
	}
}

// gqlRootType is the exported type of this package that implements the
// schema's ResolverRoot (graph.Resolver): what other packages name to
// serve the resolvers.
func (m *modeler) gqlRootType(s *gqlSchema) *types.TypeName {
	scope := m.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || !tn.Exported() || tn.IsAlias() {
			continue
		}
		if types.Implements(tn.Type(), s.rootIf) || types.Implements(types.NewPointer(tn.Type()), s.rootIf) {
			return tn
		}
	}
	return nil
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// gqlRoutes records the schemas the package builds:
// X.NewExecutableSchema(X.Config{Resolvers: root, Directives: ...}).
func (m *modeler) gqlRoutes() {
	if len(m.gqlSchemas()) == 0 {
		return
	}
	for cur := range m.ins.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		fn := m.callee(call)
		if fn == nil || fn.Name() != "NewExecutableSchema" || len(call.Args) != 1 {
			continue
		}
		var schema *gqlSchema
		for _, s := range m.gqlSchemas() {
			if s.pkg == fn.Pkg() {
				schema = s
			}
		}
		if schema == nil {
			continue
		}
		var encl *ast.FuncDecl
		for c := range cur.Enclosing((*ast.FuncDecl)(nil)) {
			encl = c.Node().(*ast.FuncDecl)
			break
		}
		var defs map[*types.Var][]ast.Expr
		if encl != nil && encl.Body != nil {
			defs = m.localDefs(encl.Body)
		}
		rootExpr, dirFuncs := m.gqlConfig(call.Args[0], defs)
		if rootExpr == nil {
			continue
		}
		rootT := m.info.TypeOf(rootExpr)
		if rootT == nil {
			continue
		}
		mounts := m.mountsOf(call, encl)
		chains := [][]*Middleware{nil}
		if len(mounts) > 0 {
			chains = nil
			for _, rt := range mounts {
				chains = append(chains, rt.Middleware)
			}
		}
		registrar := ""
		if encl != nil {
			if efn, ok := m.info.Defs[encl.Name].(*types.Func); ok {
				registrar = qualifiedName(efn)
			}
		}
		for _, gi := range schema.ifaces {
			impl := m.gqlImpl(rootT, gi)
			for i := 0; i < gi.iface.NumMethods(); i++ {
				im := gi.iface.Method(i)
				mf := im
				if impl != nil {
					if obj, _, _ := types.LookupFieldOrMethod(impl, true, im.Pkg(), im.Name()); obj != nil {
						if f, ok := obj.(*types.Func); ok {
							mf = f
						}
					}
				}
				coord := gi.typ + "." + lowerFirst(im.Name())
				var dirs []*Middleware
				if f := m.gqlField(im); f != nil {
					coord = f.Coord
					for _, d := range f.Directives {
						dirs = append(dirs, m.directive(d, dirFuncs[d], schema.pkg))
					}
				}
				for _, chain := range chains {
					mws := append(append([]*Middleware(nil), chain...), dirs...)
					m.addRPCRoute(GraphQL, coord, call, rootExpr, mf, mws, registrar)
					m.res.RPCRoutes[len(m.res.RPCRoutes)-1].Method = "GRAPHQL"
				}
			}
		}
	}
}

// directive describes a directive on a field as middleware: named after
// the DirectiveRoot field (HasRole), of the function configured for it.
func (m *modeler) directive(name string, impl ast.Expr, pkg *types.Package) *Middleware {
	mw := &Middleware{Name: "@" + lowerFirst(name), PkgPath: pkg.Path()}
	if impl != nil {
		im := m.interceptor(impl)
		mw.Expr, mw.Func, mw.Kind = impl, im.Func, im.Kind
	}
	if authName(name) {
		mw.Kind |= Auth
	}
	return mw
}

// gqlConfig finds the resolver root and the configured directives of an
// X.Config value: a literal, or a variable holding one whose fields are
// assigned (c.Directives.HasRole = f).
func (m *modeler) gqlConfig(e ast.Expr, defs map[*types.Var][]ast.Expr) (root ast.Expr, dirs map[string]ast.Expr) {
	dirs = map[string]ast.Expr{}
	var lit func(e ast.Expr, depth int)
	lit = func(e ast.Expr, depth int) {
		if depth > 3 {
			return
		}
		switch x := ast.Unparen(e).(type) {
		case *ast.CompositeLit:
			for _, el := range x.Elts {
				kv, ok := el.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				k, _ := kv.Key.(*ast.Ident)
				if k == nil {
					continue
				}
				switch k.Name {
				case "Resolvers":
					root = kv.Value
				case "Directives":
					if dl, ok := ast.Unparen(kv.Value).(*ast.CompositeLit); ok {
						for _, d := range dl.Elts {
							if dkv, ok := d.(*ast.KeyValueExpr); ok {
								if dk, ok := dkv.Key.(*ast.Ident); ok {
									dirs[dk.Name] = dkv.Value
								}
							}
						}
					}
				}
			}
		case *ast.Ident:
			if v, ok := m.info.Uses[x].(*types.Var); ok {
				for _, d := range defs[v] {
					lit(d, depth+1)
				}
			}
		}
	}
	lit(e, 0)
	// c.Directives.HasRole = f, c.Resolvers = r
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		if v, ok := m.info.Uses[id].(*types.Var); ok {
			for _, f := range m.pass.Files {
				if f.Pos() > id.Pos() || id.Pos() > f.End() {
					continue
				}
				ast.Inspect(f, func(n ast.Node) bool {
					as, ok := n.(*ast.AssignStmt)
					if !ok || len(as.Lhs) != len(as.Rhs) {
						return true
					}
					for i, l := range as.Lhs {
						sel, ok := l.(*ast.SelectorExpr)
						if !ok || m.rootVar(sel) != v {
							continue
						}
						if inner, ok := ast.Unparen(sel.X).(*ast.SelectorExpr); ok && inner.Sel.Name == "Directives" {
							dirs[sel.Sel.Name] = as.Rhs[i]
						} else if sel.Sel.Name == "Resolvers" {
							root = as.Rhs[i]
						}
					}
					return true
				})
			}
		}
	}
	return root, dirs
}

// gqlImpl is the concrete type the resolver root's method for gi returns
// (func (r *Resolver) Query() QueryResolver { return &queryResolver{r} }),
// when that method is declared in this package; nil otherwise.
func (m *modeler) gqlImpl(rootT types.Type, gi gqlIface) types.Type {
	obj, _, _ := types.LookupFieldOrMethod(rootT, true, m.pass.Pkg, gi.typ)
	rm, ok := obj.(*types.Func)
	if !ok {
		return nil
	}
	fd := m.declOf[rm.Origin()]
	if fd == nil || fd.Body == nil {
		return nil
	}
	var out types.Type
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if ret, ok := n.(*ast.ReturnStmt); ok && len(ret.Results) == 1 && out == nil {
			if t := m.info.TypeOf(ret.Results[0]); t != nil && !types.IsInterface(t) {
				out = t
			}
		}
		return out == nil
	})
	return out
}
