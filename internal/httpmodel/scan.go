package httpmodel

import (
	"go/ast"
	"go/constant"
	"go/types"
	"slices"
	"sync"

	"github.com/apivet/apivet/internal/source"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// modeler holds the state of one run.
type modeler struct {
	// serverParams are the RPC routes functions register on a server
	// parameter (grpc_params.go).
	serverParams map[*types.Func]*serverParam
	pass         *analysis.Pass
	info         *types.Info
	res          *Result
	// data-access summaries of this package's functions (also exported
	// as facts), and of imported ones (read lazily).
	access map[*types.Func]*DataAccessFact
	// implsByName, importedImpls: this package's and imported
	// DataAccessFacts of methods, by method name, for calls through
	// interfaces; viaIface, the merged summary of each interface method
	// asked about (nil: none). implsByName and viaIface are dropped when a
	// local method's summary changes (resetImpls); imported facts do not
	// change.
	implsByName   map[string][]implFact
	importedImpls map[string][]implFact
	viaIface      map[*types.Func]*DataAccessFact
	owned         map[string]bool // ownedTables, computed once
	mwKinds       map[*types.Func]MiddlewareKind
	// input and response helper summaries (this package's, and imported
	// ones read lazily; nil entries cache "none").
	inputs    map[*types.Func]*InputFact
	responses map[*types.Func]*ResponseFact
	// bodyKindCache: middleware scans of declared bodies (computeFacts)
	bodyKindCache map[*ast.FuncDecl]*bodyKindSummary
	// ins is the package's inspector; walker, its cursors of files,
	// declarations and function bodies, for m.inspect
	ins    *inspector.Inspector
	walker *source.Walker

	// route walker state
	summaries map[*types.Func]*summary
	// routeFree are functions whose bodies refer to nothing a router
	// value can come from (see funcDeps.routing): their route summary is
	// empty without walking them.
	routeFree map[*types.Func]bool
	flows     map[ast.Node]*Flow // by body, see newFlow
	flowsMu   sync.Mutex
	// mu serializes the Result methods that fill the modeler's caches
	// (helper, principal, access summaries) once run has returned: go/analysis
	// drivers run the checks sharing a Result in parallel.
	mu sync.Mutex
	// absent remembers imported functions known to lack a kind of fact:
	// the same library functions are asked about at every call.
	absent        map[*types.Func]factKinds
	importedKinds map[*types.Func]MiddlewareKind // see mwKindOfFunc
	declOf        map[*types.Func]*ast.FuncDecl
	// keyFuncs: this package's functions that only return a value (a
	// context key getter), with the value; see keyFuncResult.
	keyFuncs         map[*types.Func]ast.Expr
	keyFuncsOnce     sync.Once
	globals          map[types.Object]value
	defMux           *Router
	consumedLocal    map[*types.Func]bool // router-param summaries applied in this package
	consumedReturned map[*types.Func]bool // returned routers mounted in this package
	library          bool                 // a dependency's package (libraryPackage)
	connectSvcs      *[]connectService    // see connectServices
	gqlSchemasMemo   *[]*gqlSchema
	gqlFieldsMemo    map[*types.Func]*GraphQLFieldFact
	oapiMemo         *[]*oapiGen
	oapiOpsMemo      map[string]*OpenAPIOperationFact
}

type implFact struct {
	fn   *types.Func
	fact *DataAccessFact
}

// Node types that body scans look at (see modeler.inspect).
var (
	callTypes   = []ast.Node{(*ast.CallExpr)(nil)}
	scanTypes   = []ast.Node{(*ast.FuncLit)(nil), (*ast.IndexExpr)(nil), (*ast.CallExpr)(nil)}
	accessTypes = []ast.Node{(*ast.FuncLit)(nil), (*ast.CallExpr)(nil)}
	returnTypes = []ast.Node{(*ast.FuncLit)(nil), (*ast.ReturnStmt)(nil)}
	identTypes  = []ast.Node{(*ast.Ident)(nil)}
	kindTypes   = []ast.Node{(*ast.Ident)(nil), (*ast.CallExpr)(nil), (*ast.SelectorExpr)(nil)}
)

// callee returns the function or method a call statically refers to,
// including interface methods (typeutil.Callee without builtins).
// factKinds is a set of the model's object fact types.
type factKinds uint8

const (
	principalFacts factKinds = 1 << iota
	accessFacts
	middlewareFacts
	routesFacts
	rpcRoutesFacts
)

// importFact is pass.ImportObjectFact for an imported function, with
// the misses remembered per fact kind.
func (m *modeler) importFact(fn *types.Func, kind factKinds, f analysis.Fact) bool {
	if m.absent[fn]&kind != 0 {
		return false
	}
	if m.pass.ImportObjectFact(fn, f) {
		return true
	}
	if m.absent == nil {
		m.absent = map[*types.Func]factKinds{}
	}
	m.absent[fn] |= kind
	return false
}

// lock locks m.mu and returns its unlock.
func (m *modeler) lock() func() {
	m.mu.Lock()
	return m.mu.Unlock
}

func (m *modeler) callee(call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(m.info, call).(*types.Func)
	return fn
}

// constString returns the constant string value of e, if any.
func constString(info *types.Info, e ast.Expr) (string, bool) {
	if e == nil {
		return "", false
	}
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

func constInt(info *types.Info, e ast.Expr) (int64, bool) {
	if e == nil {
		return 0, false
	}
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(tv.Value)
}

func arg(call *ast.CallExpr, i int) ast.Expr {
	if i < 0 || i >= len(call.Args) {
		return nil
	}
	return call.Args[i]
}

// scanHandler fills h's inputs, principals, responses and data accesses.
func (m *modeler) scanHandler(h *Handler) {
	h.flow = m.newFlow(h.Body)
	if h.Framework.IsRPC() {
		m.scanMessageInputs(h)
		m.streamResponses(h)
	}
	if h.Framework == Connect {
		m.connectInputs(h)
	}
	if h.Framework == OapiStrict || h.Func != nil && len(m.oapiGens()) > 0 {
		if _, _, _, ok := m.oapiMethod(h.Func); ok {
			m.oapiInputs(h)
			if n := recvNamed(h.Func.Type().(*types.Signature).Recv().Type()); n != nil {
				h.Service = n.Obj()
			}
		}
	}
	if h.Framework == GraphQL {
		if gi, s, ok := m.gqlResolver(h.Func); ok {
			m.gqlInputs(h, gi)
			m.gqlDirectives(h, gi, s)
		}
	}
	m.inspect(h.Body, scanTypes, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			// nested handlers are scanned on their own
			if _, ok := m.res.byNode[n]; ok {
				return false
			}
		case *ast.IndexExpr:
			m.scanIndex(h, n)
		case *ast.CallExpr:
			m.scanCall(h, n)
		}
		return true
	})
	m.loadedCallers(h)
}

// loadedCallers adds the repository reads that load an object by the
// principal (me, _ := repo.GetUser(ctx, claims.UserID)) as principals:
// the caller's own record scopes queries as the claims do.
func (m *modeler) loadedCallers(h *Handler) {
	direct := len(h.Principals)
	if direct == 0 {
		return
	}
	for _, d := range h.DataAccesses {
		if d.Kind != Read || d.Library != "repo" || !identityModel(d.ModelName) {
			continue
		}
		for _, s := range d.Selectors {
			if slices.ContainsFunc(h.Principals[:direct], func(p *Principal) bool { return h.flow.DerivesFrom(s, p.Expr) }) {
				h.Principals = append(h.Principals, &Principal{Expr: d.Call, Call: d.Call, Source: "caller loaded by " + qualifiedName(d.Func.Origin()), Func: d.Func})
				break
			}
		}
	}
}

// scanIndex recognizes mux.Vars(r)["id"] (also through a variable).
func (m *modeler) scanIndex(h *Handler, ix *ast.IndexExpr) {
	m.scanMetadataIndex(h, ix)
	call, ok := h.flow.Origin(ix.X).(*ast.CallExpr)
	if !ok {
		return
	}
	fn := m.callee(call)
	if keyOf(fn) != (key{pkgMux, "", "Vars"}) {
		return
	}
	name, _ := constString(m.info, ix.Index)
	h.Inputs = append(h.Inputs, &Input{Kind: PathParam, Name: name, Call: call, Expr: ix, Func: fn})
}

func (m *modeler) scanCall(h *Handler, call *ast.CallExpr) {
	fn := m.callee(call)
	if fn == nil {
		// go-chi/render: Respond and Decode are package-level variables
		// of func type (var Respond = DefaultResponder).
		if k, ok := m.funcVarKey(call); ok {
			if row, ok := responseTable[k]; ok {
				h.Responses = append(h.Responses, &Response{Call: call, Value: arg(call, row.valueArg), Format: row.format, Status: arg(call, row.statusArg), Error: row.isError})
			}
			if row, ok := inputTable[k]; ok {
				h.Inputs = append(h.Inputs, &Input{Kind: row.kind, Call: call, Expr: call, Target: arg(call, row.target)})
			}
		}
		return
	}
	k := keyOf(fn)
	if row, ok := inputTable[k]; ok && k != (key{pkgMux, "", "Vars"}) {
		in := &Input{Kind: row.kind, Call: call, Expr: call, Func: fn}
		if row.nameArg >= 0 {
			in.Name, _ = constString(m.info, arg(call, row.nameArg))
		}
		if row.target >= 0 {
			in.Target = arg(call, row.target)
		}
		h.Inputs = append(h.Inputs, in)
	}
	switch k {
	case headerGetKey, valuesGetKey:
		m.scanValuesGet(h, call, fn, k)
	case metadataGetKey, metadataValueKey:
		m.scanMetadataCall(h, call, fn, k)
	case key{"encoding/json", "Decoder", "Decode"}, key{"encoding/xml", "Decoder", "Decode"}:
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if dec, ok := h.flow.Origin(sel.X).(*ast.CallExpr); ok && len(dec.Args) == 1 && m.readsRequestBody(h, dec.Args[0]) {
				h.Inputs = append(h.Inputs, &Input{Kind: Body, Call: call, Expr: call, Target: arg(call, 0), Func: fn})
			}
		}
	case key{"io", "", "ReadAll"}, key{"io/ioutil", "", "ReadAll"}:
		if len(call.Args) == 1 && m.readsRequestBody(h, call.Args[0]) {
			h.Inputs = append(h.Inputs, &Input{Kind: Body, Call: call, Expr: call, Func: fn})
		}
	case key{"encoding/json", "", "Unmarshal"}, key{"encoding/xml", "", "Unmarshal"}:
		if len(call.Args) == 2 && m.fromBodyInput(h, call.Args[0]) {
			h.Inputs = append(h.Inputs, &Input{Kind: Body, Call: call, Expr: call, Target: call.Args[1], Func: fn})
		}
	}

	if row, ok := principalTable[k]; ok && (row.onlyArgs == 0 || len(call.Args) == row.onlyArgs) {
		p := &Principal{Expr: call, Call: call, Source: row.source, Func: fn}
		if row.keyArg >= 0 {
			p.Key = arg(call, row.keyArg)
			p.KeyName = m.keyName(p.Key)
		}
		h.Principals = append(h.Principals, p)
	} else if _, ok := m.principalFn(fn); ok {
		h.Principals = append(h.Principals, &Principal{Expr: call, Call: call, Source: qualifiedName(fn), Func: fn})
	}

	if row, ok := responseTable[k]; ok {
		r := &Response{Call: call, Value: arg(call, row.valueArg), Format: row.format, Status: arg(call, row.statusArg), Error: row.isError, Func: fn}
		if code, ok := constInt(m.info, r.Status); ok && code >= 400 {
			r.Error = true
		}
		if r.Status == nil && (row.fw() == Fiber || row.fw() == FiberV3) {
			r.Status = m.fiberStatus(call)
			if code, ok := constInt(m.info, r.Status); ok && code >= 400 {
				r.Error = true
			}
		}
		h.Responses = append(h.Responses, r)
	}
	if format, ok := encodeKeys[k]; ok {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if enc, ok := h.flow.Origin(sel.X).(*ast.CallExpr); ok && len(enc.Args) == 1 && m.isResponseWriter(h, enc.Args[0]) {
				h.Responses = append(h.Responses, &Response{Call: call, Value: arg(call, 0), Format: format, Func: fn})
			}
		}
	}
	if k == (key{"net/http", "ResponseWriter", "Write"}) || k == (key{pkgGin, "Context", "Data"}) || k == (key{pkgFiber, "Ctx", "Send"}) || k == (key{pkgEcho, "Context", "JSONBlob"}) || k == (key{pkgEcho, "Context", "Blob"}) {
		m.scanWrite(h, call, fn)
	}

	if _, lib := inputTable[k]; !lib {
		if _, lib := responseTable[k]; !lib {
			m.scanHelperCall(h, call, fn)
		}
	}

	m.scanAccess(h.flow, call, fn, k, func(d *DataAccess) { h.DataAccesses = append(h.DataAccesses, d) })
}

func (row responseRow) fw() Framework {
	switch row.k.pkg {
	case pkgFiber:
		return Fiber
	case pkgFiber3:
		return FiberV3
	}
	return ""
}

// funcVarKey returns the key of a call of a package-level variable of
// func type (render.Respond).
func (m *modeler) funcVarKey(call *ast.CallExpr) (key, bool) {
	id := identOf(call.Fun)
	if id == nil {
		return key{}, false
	}
	v, ok := m.info.Uses[id].(*types.Var)
	if !ok || v.Pkg() == nil || v.IsField() || v.Parent() != v.Pkg().Scope() {
		return key{}, false
	}
	return key{v.Pkg().Path(), "", v.Name()}, true
}

// fiberStatus returns the status of c.Status(code).JSON(v).
func (m *modeler) fiberStatus(call *ast.CallExpr) ast.Expr {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	inner, ok := ast.Unparen(sel.X).(*ast.CallExpr)
	if !ok {
		return nil
	}
	if fn := m.callee(inner); fn != nil && fn.Name() == "Status" && len(inner.Args) == 1 {
		return inner.Args[0]
	}
	return nil
}

// scanValuesGet: r.Header.Get("X") is a header input; url.Values.Get on
// r.URL.Query() a query input, on r.Form/r.PostForm a form input.
func (m *modeler) scanValuesGet(h *Handler, call *ast.CallExpr, fn *types.Func, k key) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	name, _ := constString(m.info, arg(call, 0))
	recv := h.flow.Origin(sel.X)
	if k == headerGetKey {
		if s, ok := recv.(*ast.SelectorExpr); ok && s.Sel.Name == "Header" && isPointerTo(m.info.TypeOf(s.X), "net/http", "Request") {
			h.Inputs = append(h.Inputs, &Input{Kind: Header, Name: name, Call: call, Expr: call, Func: fn})
		}
		return
	}
	switch r := recv.(type) {
	case *ast.CallExpr:
		if keyOf(m.callee(r)) == (key{"net/url", "URL", "Query"}) {
			h.Inputs = append(h.Inputs, &Input{Kind: QueryParam, Name: name, Call: call, Expr: call, Func: fn})
		}
	case *ast.SelectorExpr:
		if (r.Sel.Name == "Form" || r.Sel.Name == "PostForm") && isPointerTo(m.info.TypeOf(r.X), "net/http", "Request") {
			h.Inputs = append(h.Inputs, &Input{Kind: Form, Name: name, Call: call, Expr: call, Func: fn})
		}
	}
}

// readsRequestBody reports whether e mentions the Body field of a
// request (r.Body, http.MaxBytesReader(w, r.Body, n), c.Request.Body).
func (m *modeler) readsRequestBody(h *Handler, e ast.Expr) bool {
	found := false
	ast.Inspect(h.flow.Origin(e), func(n ast.Node) bool {
		if s, ok := n.(*ast.SelectorExpr); ok && s.Sel.Name == "Body" && isPointerTo(m.info.TypeOf(s.X), "net/http", "Request") {
			found = true
		}
		return !found
	})
	return found
}

func (m *modeler) fromBodyInput(h *Handler, e ast.Expr) bool {
	for _, in := range h.Inputs {
		if in.Kind == Body && in.Target == nil && h.flow.DerivesFrom(e, in.Expr) {
			return true
		}
	}
	return false
}

func (m *modeler) isResponseWriter(h *Handler, e ast.Expr) bool {
	t := m.info.TypeOf(e)
	if t == nil {
		return false
	}
	if isNamed(t, "net/http", "ResponseWriter") {
		return true
	}
	// c.Writer (gin.ResponseWriter embeds http.ResponseWriter), c.Response()
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Name() == "ResponseWriter" {
		return true
	}
	if isPointerTo(t, pkgEcho, "Response") {
		return true
	}
	return false
}

// scanWrite: w.Write(b) where b derives from json.Marshal(v) is a
// response of v.
func (m *modeler) scanWrite(h *Handler, call *ast.CallExpr, fn *types.Func) {
	if len(call.Args) == 0 {
		return
	}
	b := call.Args[len(call.Args)-1]
	var value ast.Expr
	format := "bytes"
	h.flow.DerivesWhere(b, func(e ast.Expr) bool {
		c, ok := e.(*ast.CallExpr)
		if !ok {
			return false
		}
		if f, ok := marshalKeys[keyOf(m.callee(c))]; ok && len(c.Args) > 0 {
			value, format = c.Args[0], f
			return true
		}
		return false
	})
	// Responses already recorded by the table (gin Data, fiber Send) get
	// their value refined.
	for _, r := range h.Responses {
		if r.Call == call {
			if value != nil {
				r.Value, r.Format = value, format
			}
			return
		}
	}
	h.Responses = append(h.Responses, &Response{Call: call, Value: value, Format: format, Func: fn})
	if value == nil {
		h.Responses[len(h.Responses)-1].Value = b
	}
}

// keyName names a context key: its constant string value, the name of
// the variable or constant holding it, the type of a key literal
// (ctxKey{}), or for a call of a function of this package whose body
// only returns a key (memos' getUserIDContextKey(), returning
// userIDContextKey), that key's name. Another call is named after its
// function: a key getter of another package (auth.UserKey()) reads as
// what its name says.
func (m *modeler) keyName(e ast.Expr) string {
	return m.keyNameDepth(e, 0)
}

func (m *modeler) keyNameDepth(e ast.Expr, depth int) string {
	if s, ok := constString(m.info, e); ok {
		return s
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := m.callee(x)
		if fn == nil || len(x.Args) != 0 {
			return ""
		}
		if ret := m.keyFuncResult(fn); ret != nil && depth < 4 {
			if n := m.keyNameDepth(ret, depth+1); n != "" {
				return n
			}
		}
		return fn.Name()
	case *ast.Ident:
		return x.Name
	case *ast.SelectorExpr:
		return x.Sel.Name
	case *ast.CompositeLit:
		if t := m.info.TypeOf(x); t != nil {
			if n, ok := types.Unalias(t).(*types.Named); ok {
				return n.Obj().Name() + "{}"
			}
		}
	}
	return ""
}

// keyFuncResult returns the expression fn returns when fn is a function
// of this package without parameters whose body is a single return of
// one value (func getUserIDContextKey() string { return
// userIDContextKey }), else nil.
func (m *modeler) keyFuncResult(fn *types.Func) ast.Expr {
	if fn.Pkg() != m.pass.Pkg {
		return nil
	}
	m.keyFuncsOnce.Do(func() {
		m.keyFuncs = map[*types.Func]ast.Expr{}
		for _, f := range m.pass.Files {
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || fd.Recv != nil || fd.Body == nil || len(fd.Body.List) != 1 || fd.Type.Params.NumFields() != 0 {
					continue
				}
				ret, ok := fd.Body.List[0].(*ast.ReturnStmt)
				if !ok || len(ret.Results) != 1 {
					continue
				}
				if def, ok := m.info.Defs[fd.Name].(*types.Func); ok {
					m.keyFuncs[def] = ret.Results[0]
				}
			}
		}
	})
	return m.keyFuncs[fn.Origin()]
}
