package httpmodel

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/apivet/apivet/internal/words"
)

// PrincipalFact marks a function whose result tells who the caller is:
// it returns a value read from the request context, the framework
// context, parsed JWT claims, or another principal function
// (`func FromContext(ctx context.Context) *Claims`).
type PrincipalFact struct {
	// Source is what the returned value comes from ("context.Value",
	// "gin.Get", "jwt.Parse", or another function's qualified name).
	Source string
	// Key is the context key name, if known.
	Key string
}

func (*PrincipalFact) AFact()           {}
func (f *PrincipalFact) String() string { return "principal(" + f.Source + ")" }

// MiddlewareFact marks a function that is, or builds, middleware of the
// given kinds: its body (closures included) calls rate limiters
// (golang.org/x/time/rate Allow/Wait/Reserve, httprate, tollbooth...),
// body limiters (http.MaxBytesReader), token parsers or rejects with 401
// (auth), sets Access-Control-Allow-Origin (CORS), or calls or refers to
// functions with such facts.
type MiddlewareFact struct{ Kind MiddlewareKind }

func (*MiddlewareFact) AFact()           {}
func (f *MiddlewareFact) String() string { return "middleware(" + f.Kind.String() + ")" }

// DataAccessFact summarizes a function or method that reads or changes
// stored objects (a repository, store or service method): the kind of
// its strongest access and which parameters reach a row selector (a
// Where/First/Delete argument, an SQL argument) or the read destination.
// Parameter indices count the declared parameters, receiver excluded.
type DataAccessFact struct {
	Kind AccessKind
	// SelectorParams are the parameters whose values select rows.
	SelectorParams []int
	// SelectorRecv: the receiver selects rows (a model's own Update
	// method: db.Model(m).Updates(data)).
	SelectorRecv bool
	// DestParam is the parameter the read result is stored into, or -1.
	DestParam int
	// Library is the library reached ("gorm", "database/sql", "sqlx"),
	// through any number of calls.
	Library string
	// ModelPkg and ModelName name the model type the function reads,
	// writes or deletes (see DataAccess.Model), "" when unknown. With
	// several accesses, the first one that has a model.
	ModelPkg, ModelName string
	// SQL is the constant SQL text of the function's first access that
	// has one, or "".
	SQL string
	// CallerScoped: the function learns who the caller is itself (a
	// principal call: claims from the context), as service layers that
	// scope every query by the caller's organization do; callers need not
	// pass the principal. For an interface method, every implementation.
	CallerScoped bool
	// OwnedTable: the table it acts on is per-user data although the
	// model has no owner field: other SQL of its package filters that
	// table by an owner column (owned_tables.go).
	OwnedTable bool
}

func (*DataAccessFact) AFact() {}
func (f *DataAccessFact) String() string {
	s := "access(" + string(f.Kind)
	for _, p := range f.SelectorParams {
		s += " sel" + itoa(p)
	}
	if f.SelectorRecv {
		s += " selrecv"
	}
	if f.CallerScoped {
		s += " caller"
	}
	if f.OwnedTable {
		s += " ownedtable"
	}
	if f.DestParam >= 0 {
		s += " dest" + itoa(f.DestParam)
	}
	if f.ModelName != "" {
		s += " model=" + f.ModelName
	}
	return s + ")"
}

func (f *DataAccessFact) merge(g *DataAccessFact) *DataAccessFact {
	out := *f
	out.Kind = strongest(f.Kind, g.Kind)
	out.SelectorParams = nil
	for _, p := range append(append([]int(nil), f.SelectorParams...), g.SelectorParams...) {
		if !slices.Contains(out.SelectorParams, p) {
			out.SelectorParams = append(out.SelectorParams, p)
		}
	}
	slices.Sort(out.SelectorParams)
	out.SelectorRecv = f.SelectorRecv || g.SelectorRecv
	out.CallerScoped = f.CallerScoped && g.CallerScoped
	out.OwnedTable = f.OwnedTable || g.OwnedTable
	if out.DestParam < 0 {
		out.DestParam = g.DestParam
	}
	if out.ModelName == "" {
		out.ModelPkg, out.ModelName = g.ModelPkg, g.ModelName
	}
	if out.SQL == "" {
		out.SQL = g.SQL
	}
	return &out
}

func strongest(a, b AccessKind) AccessKind {
	rank := map[AccessKind]int{"": 0, Read: 1, Write: 2, Delete: 3}
	if rank[b] > rank[a] {
		return b
	}
	return a
}

func itoa(i int) string {
	if i < 10 && i >= 0 {
		return string(rune('0' + i))
	}
	s := ""
	neg := i < 0
	if neg {
		i = -i
	}
	for i > 0 {
		s = string(rune('0'+i%10)) + s
		i /= 10
	}
	if neg {
		s = "-" + s
	}
	return s
}

// Settings are project-specific names the model cannot learn from code.
type Settings struct {
	// PrincipalFuncs are functions that return the caller's identity,
	// as "import/path.Func", "import/path.(*T).Method" or a bare "Func"
	// name (any package).
	PrincipalFuncs []string `yaml:"principal-funcs"`
	// AuthMiddleware, RateLimitMiddleware are middleware functions or
	// factories of those kinds, in the same forms.
	AuthMiddleware      []string `yaml:"auth-middleware"`
	RateLimitMiddleware []string `yaml:"ratelimit-middleware"`
}

// Config is the model's settings; the CLI may fill it from .apivet.yml
// before analysis starts. Read-only afterwards.
var Config = &Settings{}

func nameListed(list []string, fn *types.Func) bool {
	if len(list) == 0 || fn == nil {
		return false
	}
	q := qualifiedName(fn)
	for _, s := range list {
		if s == q || s == fn.Name() || s == funcName(fn) {
			return true
		}
	}
	return false
}

// funcDecls returns the package's function declarations with bodies.
func (m *modeler) funcDecls() []*ast.FuncDecl {
	var out []*ast.FuncDecl
	for _, f := range m.pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				out = append(out, fd)
			}
		}
	}
	return out
}

// computeFacts computes (and exports) the package's principal,
// middleware and data-access summaries, iterating to a fixpoint so that
// helpers calling helpers of the same package are summarized too.
func (m *modeler) computeFacts(decls []*ast.FuncDecl) {
	m.res.principals = map[*types.Func]*PrincipalFact{}
	flows := map[*ast.FuncDecl]*Flow{}
	deps := map[*ast.FuncDecl]funcDeps{}
	for _, fd := range decls {
		flows[fd] = m.newFlow(fd.Body)
		fn, _ := m.info.Defs[fd.Name].(*types.Func)
		deps[fd] = m.scanDecl(fd, fn)
		if fn != nil && !deps[fd].routing && !routerParams(fn) {
			m.routeFree[fn] = true
		}
	}
	// Each round recomputes only the functions whose summaries can have
	// changed: those referring to a same-package function whose summary
	// changed in the previous round, and those calling interface methods
	// (resolved to any implementation) while anything changed.
	var changedFuncs map[*types.Func]bool
	for round := 0; round < 4; round++ {
		changed := map[*types.Func]bool{}
		methodsChanged := false
		for _, fd := range decls {
			fn, _ := m.info.Defs[fd.Name].(*types.Func)
			if fn == nil {
				continue
			}
			if round > 0 && !deps[fd].dirty(changedFuncs) {
				continue
			}
			fl := flows[fd]
			if _, ok := m.res.principals[fn]; !ok {
				if p := m.principalOf(fn, fd, fl, deps[fd].principal); p != nil {
					m.res.principals[fn] = p
					changed[fn] = true
				}
			}
			if k := m.middlewareKindOf(fn, fd); k != m.mwKinds[fn] {
				m.mwKinds[fn] = k
				changed[fn] = true
			}
			if m.helperFacts(fn, fd, fl) {
				changed[fn] = true
			}
			if a := m.accessOf(fn, fd, fl); a != nil {
				old := m.access[fn]
				if old == nil || old.String() != a.String() {
					m.access[fn] = a
					changed[fn] = true
					methodsChanged = methodsChanged || fn.Signature().Recv() != nil
				}
			}
		}
		if methodsChanged {
			// Calls through interfaces merge the implementations'
			// summaries: the next round sees the new ones.
			m.resetImpls()
		}
		if len(changed) == 0 {
			break
		}
		changedFuncs = changed
	}
	m.resetImpls() // handlers are scanned with every local summary
	for _, fd := range decls {
		fn, _ := m.info.Defs[fd.Name].(*types.Func)
		if fn == nil {
			continue
		}
		if p := m.res.principals[fn]; p != nil {
			m.pass.ExportObjectFact(fn, p)
		}
		if k := m.mwKinds[fn]; k != 0 {
			m.pass.ExportObjectFact(fn, &MiddlewareFact{Kind: k})
		}
		if a := m.access[fn]; a != nil {
			m.pass.ExportObjectFact(fn, a)
		}
		if f := m.inputs[fn]; f != nil {
			m.pass.ExportObjectFact(fn, f)
		}
		if f := m.responses[fn]; f != nil {
			m.pass.ExportObjectFact(fn, f)
		}
	}
}

// funcDeps is what a function's summaries depend on within the package.
type funcDeps struct {
	locals   []*types.Func // same-package functions and methods it refers to
	abstract bool          // it calls interface methods (any implementation)
	// routing: the body refers to something a router value can come from
	// (a router library function, a same-package function, an imported
	// function with routes, a router-typed variable, a field or package
	// variable that may hold a router); only such bodies are walked for
	// routes.
	routing bool
	// principal: the body calls something the caller's identity can come
	// from (a principal library call, a principal function, a
	// same-package function); only such functions can return a principal.
	principal bool
}

// depScan accumulates a body's funcDeps from the objects its identifiers
// use.
type depScan struct {
	m    *modeler
	d    funcDeps
	seen map[*types.Func]bool
}

func (s *depScan) use(obj types.Object) {
	m := s.m
	if v, ok := obj.(*types.Var); ok {
		if !s.d.routing && mayHoldRouter(v) {
			s.d.routing = true
		}
		if v.Pkg() == m.pass.Pkg && v.Parent() == m.pass.Pkg.Scope() {
			// A package-level variable: its initializer (a middleware
			// built by a factory, a handler value) may refer to anything.
			s.d.abstract = true
		}
		return
	}
	fn, ok := obj.(*types.Func)
	if !ok {
		return
	}
	fn = fn.Origin()
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) {
		s.d.abstract = true
	}
	if fn.Pkg() == m.pass.Pkg {
		s.d.routing = true
		if !s.seen[fn] {
			s.seen[fn] = true
			s.d.locals = append(s.d.locals, fn)
		}
	} else if !s.d.routing {
		if _, ok := routerTable[keyOf(fn)]; ok || m.importFact(fn, routesFacts, new(RoutesFact)) {
			s.d.routing = true
		}
	}
}

// scanDecl walks a declared function's body once for what the fixpoint
// needs before any summary: its dependencies (funcDeps) and its cached
// middleware scan (bodyKindSummary, which middlewareKindOf reads).
func (m *modeler) scanDecl(fd *ast.FuncDecl, fn *types.Func) funcDeps {
	deps := depScan{m: m, seen: map[*types.Func]bool{}}
	kinds := kindScan{m: m, self: fn, seen: map[*types.Func]bool{}}
	routes := false
	m.inspect(fd.Body, kindTypes, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			obj := m.info.Uses[n]
			deps.use(obj)
			kinds.use(obj)
		case *ast.CallExpr:
			callee := m.callee(n)
			if routerCall(callee) {
				routes = true
			}
			if !deps.d.principal && m.principalSource(callee) {
				deps.d.principal = true
			}
			kinds.call(n, callee)
		case *ast.SelectorExpr:
			kinds.selector(n)
		}
		return true
	})
	if fn != nil {
		bk := &bodyKindSummary{routes: routes}
		if !routes {
			bk.static, bk.locals = kinds.k, kinds.locals
		}
		m.bodyKindCache[fd] = bk
	}
	return deps.d
}

// routerParams reports whether fn has a router-typed parameter (a
// function registering routes on the router it is given).
func routerParams(fn *types.Func) bool {
	params := fn.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		if routerFramework(params.At(i).Type()) != "" || routerSetParam(params.At(i).Type()) {
			return true
		}
	}
	return false
}

// mayHoldRouter reports whether v can hold a router value: a router-typed
// variable, or a struct field or package variable of interface type (the
// walk keeps one value per field and package variable, set anywhere in
// the package).
func mayHoldRouter(v *types.Var) bool {
	if isRouterType(v.Type()) || routerSetParam(v.Type()) {
		return true
	}
	global := v.IsField() || v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
	return global && types.IsInterface(v.Type())
}

// dirty reports whether a function with these dependencies must be
// summarized again after the functions in changed changed.
func (d funcDeps) dirty(changed map[*types.Func]bool) bool {
	if len(changed) == 0 {
		return false
	}
	if d.abstract {
		return true
	}
	for _, fn := range d.locals {
		if changed[fn] {
			return true
		}
	}
	return false
}

// principalFn reports whether fn is a principal source (fact, settings).
func (m *modeler) principalFn(fn *types.Func) (*PrincipalFact, bool) {
	if fn == nil {
		return nil, false
	}
	fn = fn.Origin()
	if p, ok := m.res.principals[fn]; ok {
		return p, true
	}
	if fn.Pkg() != nil && fn.Pkg() != m.pass.Pkg {
		var f PrincipalFact
		if m.importFact(fn, principalFacts, &f) {
			m.res.principals[fn] = &f
			return &f, true
		}
	}
	if nameListed(Config.PrincipalFuncs, fn) {
		p := &PrincipalFact{Source: "settings"}
		m.res.principals[fn] = p
		return p, true
	}
	return nil, false
}

// Request-scoped value stores kept in the context (wakapi's
// r.Context().Value(KeySharedData).(*SharedData).MustGet(KeyPrincipal)):
// a getter of one of these names, called with a key naming the caller on
// a value that comes from a principal source, yields the principal.
var (
	storeGetters = map[string]bool{"Get": true, "MustGet": true, "Value": true, "Load": true, "Lookup": true}
	identityKeys = []string{"principal", "user", "claims", "identity", "account", "caller", "subject"}
)

// storedPrincipal returns the principal a value-store getter call yields
// (see storeGetters), or nil. fromPrincipal matches principal sources.
func (m *modeler) storedPrincipal(fl *Flow, call *ast.CallExpr, fromPrincipal func(ast.Expr) bool) *PrincipalFact {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) != 1 || !storeGetters[sel.Sel.Name] {
		return nil
	}
	if _, isMethod := m.info.Selections[sel]; !isMethod {
		return nil
	}
	kn := m.keyName(call.Args[0])
	if !words.ContainsAny(kn, identityKeys) || isPlumbingKey(kn) || !fl.DerivesWhere(sel.X, fromPrincipal) {
		return nil
	}
	return &PrincipalFact{Source: "value store " + sel.Sel.Name, Key: kn}
}

// nonPrincipalKeys are context key names that carry request plumbing,
// not identity.
var nonPrincipalKeys = []string{"vars", "route", "params", "request id", "req id", "requestid", "trace", "span", "logger", "log", "tx", "db", "locale", "lang", "lang", "correlation", "deadline", "timeout"}

func isPlumbingKey(name string) bool { return words.ContainsAny(name, nonPrincipalKeys) }

// principalOf returns a PrincipalFact if fn returns a principal. sources:
// fn's body calls something a principal can come from (funcDeps).
func (m *modeler) principalOf(fn *types.Func, fd *ast.FuncDecl, fl *Flow, sources bool) *PrincipalFact {
	if libraryPackage(m.pass.Pkg.Path()) {
		return nil
	}
	sig := fn.Type().(*types.Signature)
	if sig.Results().Len() == 0 {
		return nil
	}
	if _, _, _, ok := handlerSig(sig); ok {
		return nil
	}
	var found *PrincipalFact
	var match func(e ast.Expr) bool
	inStore := map[*ast.CallExpr]bool{} // getters being followed (s = s.Get(k) loops)
	match = func(e ast.Expr) bool {
		call, ok := e.(*ast.CallExpr)
		if !ok {
			return false
		}
		found = m.principalCall(call, fn)
		if found == nil && !inStore[call] {
			inStore[call] = true
			found = m.storedPrincipal(fl, call, match)
			if found == nil {
				found = m.loadedCaller(fl, call, match)
			}
			delete(inStore, call)
		}
		return found != nil
	}
	if sources {
		m.returns(fd.Body, func(ret *ast.ReturnStmt) bool {
			for i, r := range ret.Results {
				if i < sig.Results().Len() && isError(sig.Results().At(i).Type()) {
					continue
				}
				if fl.DerivesWhere(r, match) {
					return false
				}
			}
			return true
		})
	}
	if found == nil && nameListed(Config.PrincipalFuncs, fn) {
		found = &PrincipalFact{Source: "settings"}
	}
	return found
}

// loadedCaller returns a principal when call reads a stored object by a
// value that comes from a principal source: the caller's own record,
// s.Store.GetUser(ctx, &FindUser{ID: &claims.UserID}) (memos'
// GetCurrentUser), is who the caller is as much as the claims are.
func (m *modeler) loadedCaller(fl *Flow, call *ast.CallExpr, fromPrincipal func(ast.Expr) bool) *PrincipalFact {
	cfn := m.callee(call)
	if cfn == nil {
		return nil
	}
	f := m.accessFact(cfn)
	if f == nil || f.Kind != Read || !identityModel(f.ModelName) {
		return nil
	}
	for _, i := range f.SelectorParams {
		for _, a := range argForParam(cfn, call, i) {
			for _, v := range filterValues(a) {
				if fl.DerivesWhere(v, fromPrincipal) {
					return &PrincipalFact{Source: "caller loaded by " + qualifiedName(cfn.Origin())}
				}
			}
		}
	}
	return nil
}

// identityModels are words naming a model that records a caller.
var identityModels = []string{"user", "account", "member", "principal", "identity", "customer", "person", "profile", "admin", "staff", "employee", "operator"}

// identityModel: the model's name reads as the record of a caller (User,
// AdminUser, Account, a store's userRaw row), not an object callers own
// (Memo, Order).
func identityModel(name string) bool {
	ws := trimStorageWords(words.Split(name))
	return len(ws) > 0 && slices.Contains(identityModels, ws[len(ws)-1])
}

// principalSource reports whether a call of fn may yield the caller's
// identity: a principal library function of the tables, a principal
// function, or a function of this package (whose summary may not be
// known yet).
func (m *modeler) principalSource(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	fn = fn.Origin()
	if fn.Pkg() == m.pass.Pkg {
		return true
	}
	if _, ok := principalTable[keyOf(fn)]; ok {
		return true
	}
	_, ok := m.principalFn(fn)
	return ok
}

// principalCall returns what call yields if it yields the caller's
// identity: a principal library call of the tables (a context key that
// is not request plumbing) or a call of a principal function. Calls of
// self (recursion) are not.
func (m *modeler) principalCall(call *ast.CallExpr, self *types.Func) *PrincipalFact {
	cfn := m.callee(call)
	if cfn == nil || self != nil && cfn.Origin() == self {
		return nil
	}
	if row, ok := principalTable[keyOf(cfn)]; ok && (row.onlyArgs == 0 || len(call.Args) == row.onlyArgs) {
		kn := ""
		if row.keyArg >= 0 {
			kn = m.keyName(arg(call, row.keyArg))
			if isPlumbingKey(kn) {
				return nil
			}
		}
		return &PrincipalFact{Source: row.source, Key: kn}
	}
	if p, ok := m.principalFn(cfn); ok {
		return &PrincipalFact{Source: qualifiedName(cfn.Origin()), Key: p.Key}
	}
	return nil
}

// mwKindOfFunc returns the middleware kinds of a called or referenced
// function: table, settings, this package's summaries, facts.
func (m *modeler) mwKindOfFunc(fn *types.Func) MiddlewareKind {
	if fn == nil {
		return 0
	}
	fn = fn.Origin()
	local := fn.Pkg() == m.pass.Pkg
	if !local {
		// Imported functions' kinds do not change during the run; the
		// same ones are asked about by every body that calls them.
		if k, ok := m.importedKinds[fn]; ok {
			return k
		}
	}
	k := middlewareTable[keyOf(fn)]
	if nameListed(Config.AuthMiddleware, fn) {
		k |= Auth
	}
	if nameListed(Config.RateLimitMiddleware, fn) {
		k |= RateLimit
	}
	if local {
		return k | m.mwKinds[fn]
	}
	if fn.Pkg() != nil {
		var f MiddlewareFact
		if m.importFact(fn, middlewareFacts, &f) {
			k |= f.Kind
		}
	}
	if m.importedKinds == nil {
		m.importedKinds = map[*types.Func]MiddlewareKind{}
	}
	m.importedKinds[fn] = k
	return k
}

// middlewareKindOf computes the kinds of a declared function from its
// body.
func (m *modeler) middlewareKindOf(fn *types.Func, fd *ast.FuncDecl) MiddlewareKind {
	var k MiddlewareKind
	// The body is scanned once; later fixpoint rounds only re-read the
	// kinds of the same-package functions it refers to.
	bk, ok := m.bodyKindCache[fd]
	if !ok {
		m.scanDecl(fd, fn)
		bk = m.bodyKindCache[fd]
	}
	if !bk.routes {
		k = bk.static
		for _, f := range bk.locals {
			k |= m.mwKindOfFunc(f)
		}
	}
	if nameListed(Config.AuthMiddleware, fn) {
		k |= Auth
	}
	if nameListed(Config.RateLimitMiddleware, fn) {
		k |= RateLimit
	}
	return k
}

// routerCall reports whether fn is a router method (not a constructor):
// a function calling one sets up routing, it is not itself middleware.
func routerCall(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	row, ok := routerTable[keyOf(fn)]
	return ok && row.op != opNew
}

// bodyKindSummary is the cached middleware scan of a declared body.
type bodyKindSummary struct {
	routes bool           // the body builds routes: not middleware
	static MiddlewareKind // from library calls, tables and imported facts
	locals []*types.Func  // same-package functions referred to
}

// bodyKinds scans a body (closures included) for what makes middleware
// of a kind.
func (m *modeler) bodyKinds(body ast.Node, self *types.Func) MiddlewareKind {
	k, locals := m.bodyKindsSplit(body, self)
	for _, f := range locals {
		k |= m.mwKindOfFunc(f)
	}
	return k
}

// bodyKindsSplit is bodyKinds with the kinds of same-package functions
// (which change while facts are computed) left to the caller.
func (m *modeler) bodyKindsSplit(body ast.Node, self *types.Func) (MiddlewareKind, []*types.Func) {
	s := kindScan{m: m, self: self, seen: map[*types.Func]bool{}}
	m.inspect(body, kindTypes, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			s.use(m.info.Uses[n])
		case *ast.CallExpr:
			s.call(n, m.callee(n))
		case *ast.SelectorExpr:
			s.selector(n)
		}
		return true
	})
	return s.k, s.locals
}

// kindScan accumulates what makes a body middleware of a kind.
type kindScan struct {
	m      *modeler
	self   *types.Func
	k      MiddlewareKind
	locals []*types.Func // same-package functions referred to
	seen   map[*types.Func]bool
}

// use: a function referred to, whose kinds the body inherits.
func (s *kindScan) use(obj types.Object) {
	fn, ok := obj.(*types.Func)
	if !ok {
		return
	}
	fn = fn.Origin()
	if fn == s.self || s.seen[fn] {
		return
	}
	s.seen[fn] = true
	if fn.Pkg() == s.m.pass.Pkg {
		s.locals = append(s.locals, fn)
	} else {
		s.k |= s.m.mwKindOfFunc(fn)
	}
}

// call: responses with status 401 and CORS headers.
func (s *kindScan) call(n *ast.CallExpr, fn *types.Func) {
	if fn == nil {
		return
	}
	info := s.m.info
	s.rpcError(n, fn)
	s.k |= rejectionKind(fn)
	switch keyOf(fn) {
	case key{"net/http", "", "Error"}, key{"net/http", "ResponseWriter", "WriteHeader"},
		key{pkgGin, "Context", "AbortWithStatus"}, key{pkgGin, "Context", "AbortWithStatusJSON"}, key{pkgGin, "Context", "AbortWithError"},
		key{pkgEcho, "", "NewHTTPError"}, key{pkgFiber, "Ctx", "SendStatus"}, key{pkgFiber, "Ctx", "Status"}, key{pkgEcho, "Context", "JSON"}, key{pkgEcho, "Context", "String"}, key{pkgEcho, "Context", "NoContent"}:
		for _, a := range n.Args {
			if c, ok := constInt(info, a); ok && c == 401 {
				s.k |= Auth
			}
		}
	case key{"net/http", "Header", "Set"}, key{"net/http", "Header", "Add"}, key{pkgGin, "Context", "Header"}, key{pkgFiber, "Ctx", "Set"}:
		if v, ok := constString(info, arg(n, 0)); ok && strings.EqualFold(v, "Access-Control-Allow-Origin") {
			s.k |= CORS
		}
	}
}

// selector: fiber.ErrUnauthorized, echo.ErrUnauthorized.
func (s *kindScan) selector(n *ast.SelectorExpr) {
	if v, ok := s.m.info.Uses[n.Sel].(*types.Var); ok && v.Name() == "ErrUnauthorized" && v.Pkg() != nil &&
		(v.Pkg().Path() == pkgEcho || v.Pkg().Path() == pkgFiber || v.Pkg().Path() == pkgEcho5 || v.Pkg().Path() == pkgFiber3) {
		s.k |= Auth
	}
}

// rpcErrorCtors build an RPC error from a status code (first argument).
var rpcErrorCtors = map[key]bool{
	{pkgGRPC + "/status", "", "Error"}: true, {pkgGRPC + "/status", "", "Errorf"}: true,
	{pkgGRPC + "/status", "", "New"}: true, {pkgGRPC + "/status", "", "Newf"}: true,
	{pkgConnect, "", "NewError"}: true,
}

// rpcError: a call that builds an error with a code of rpcCodeKinds. A
// code only compared or switched on (a logging interceptor picking a
// level) rejects nothing.
func (s *kindScan) rpcError(n *ast.CallExpr, fn *types.Func) {
	if !rpcErrorCtors[keyOf(fn)] || len(n.Args) == 0 {
		return
	}
	var c *types.Const
	switch a := ast.Unparen(n.Args[0]).(type) {
	case *ast.SelectorExpr:
		c, _ = s.m.info.Uses[a.Sel].(*types.Const)
	case *ast.Ident:
		c, _ = s.m.info.Uses[a].(*types.Const)
	}
	if c != nil && c.Pkg() != nil {
		s.k |= rpcCodeKinds[[2]string{c.Pkg().Path(), c.Name()}]
	}
}

// rpcCodeKinds are the RPC status codes whose use marks an interceptor:
// rejecting unauthenticated calls, or calls the caller is not permitted.
var rpcCodeKinds = map[[2]string]MiddlewareKind{
	{pkgGRPC + "/codes", "Unauthenticated"}:  Auth,
	{pkgGRPC + "/codes", "PermissionDenied"}: Authz,
	{pkgConnect, "CodeUnauthenticated"}:      Auth,
	{pkgConnect, "CodePermissionDenied"}:     Authz,
}

// accessOf summarizes fn's data accesses.
func (m *modeler) accessOf(fn *types.Func, fd *ast.FuncDecl, fl *Flow) *DataAccessFact {
	sig := fn.Type().(*types.Signature)
	if _, _, _, ok := handlerSig(sig); ok {
		return nil
	}
	var fact *DataAccessFact
	var models [][2]string // the models of its accesses, in order
	callerSeen := false
	m.inspect(fd.Body, accessTypes, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false // runs later (a returned handler), not on call
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		cfn := m.callee(call)
		if cfn == nil || cfn.Origin() == fn {
			return true
		}
		if !callerSeen && m.principalCall(call, fn) != nil {
			callerSeen = true
		}
		m.scanAccess(fl, call, cfn, keyOf(cfn), func(d *DataAccess) {
			f := &DataAccessFact{Kind: d.Kind, DestParam: -1, Library: d.Library, ModelPkg: d.ModelPkg, ModelName: d.ModelName, SQL: d.SQL}
			if d.ModelName != "" {
				models = append(models, [2]string{d.ModelPkg, d.ModelName})
			}
			if d.Library == "repo" {
				if sub := m.accessFact(cfn); sub != nil {
					f.Library = sub.Library
					f.CallerScoped = sub.CallerScoped
					f.OwnedTable = sub.OwnedTable
				}
			}
			for i := 0; i < sig.Params().Len(); i++ {
				p := sig.Params().At(i)
				for _, s := range d.Selectors {
					if fl.DerivesFromVar(s, p) {
						f.SelectorParams = append(f.SelectorParams, i)
						break
					}
				}
				if d.Dest != nil && fl.DerivesFromVar(d.Dest, p) {
					f.DestParam = i
				}
			}
			if recv := sig.Recv(); recv != nil && d.Kind != Read {
				for _, s := range d.Selectors {
					if fl.DerivesFromVar(s, recv) {
						f.SelectorRecv = true
						break
					}
				}
			}
			if fact == nil {
				fact = f
			} else {
				fact = fact.merge(f)
			}
		})
		return true
	})
	if fact != nil && callerSeen {
		fact.CallerScoped = true
	}
	if fact != nil {
		fact.ModelPkg, fact.ModelName = m.summaryModel(fn, fact, models)
		fact.OwnedTable = fact.OwnedTable || m.ownedTable(fact)
	}
	return fact
}

var _ = token.NoPos

// libraryPrefixes are import path prefixes of frameworks and
// infrastructure libraries: their context accessors (mux.Vars,
// middleware.GetReqID) are request plumbing, not principals.
var libraryPrefixes = []string{
	"github.com/gorilla/", "github.com/gin-gonic/", "github.com/gin-contrib/", "github.com/labstack/",
	"github.com/gofiber/", "github.com/go-chi/", "gorm.io/", "golang.org/x/", "google.golang.org/",
	"go.opentelemetry.io/", "github.com/valyala/", "github.com/grpc-ecosystem/", "go.uber.org/",
	"github.com/prometheus/", "github.com/sirupsen/", "github.com/rs/zerolog", "github.com/jmoiron/",
	"github.com/jackc/", "github.com/lib/pq", "github.com/go-playground/", "github.com/swaggo/",
	"github.com/jinzhu/", "github.com/julienschmidt/", "go.mongodb.org/",
}

func libraryPackage(path string) bool {
	if !strings.Contains(strings.SplitN(path, "/", 2)[0], ".") {
		return true // standard library
	}
	for _, p := range libraryPrefixes {
		if strings.HasPrefix(path, p) {
			return true
		}
	}
	return false
}
