package bodylimit

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

const (
	pkgGin    = "github.com/gin-gonic/gin"
	pkgEcho   = "github.com/labstack/echo/v4"
	pkgEcho5  = "github.com/labstack/echo/v5"
	pkgRender = "github.com/go-chi/render"
)

// readForm says how a library call reads a request body.
type readForm int

const (
	readerArg   readForm = iota // argument bodyArg is an io.Reader that must come from r.Body
	requestArg                  // argument bodyArg is the *http.Request
	decoder                     // method Decode on json/xml.NewDecoder(reader)
	ctxMethod                   // method on a framework context
	ctxBind                     // gin Bind/ShouldBind: body only for non-GET requests
	withBinding                 // gin ShouldBindWith(obj, b): body when b is a body binding
)

type readRow struct {
	pkg, recv, name string
	form            readForm
	arg             int
}

// readRows: signatures read from Go 1.26, go-chi/render v1.0.3, gin
// v1.12.0 (context.go), echo v4.16.0 (context.go, bind.go) and v5.4.4.
var readRows = []readRow{
	{"io", "", "ReadAll", readerArg, 0},
	{"io/ioutil", "", "ReadAll", readerArg, 0},
	{"encoding/json", "Decoder", "Decode", decoder, 0},
	{"encoding/xml", "Decoder", "Decode", decoder, 0},
	{pkgRender, "", "DecodeJSON", readerArg, 0},
	{pkgRender, "", "DecodeXML", readerArg, 0},
	{pkgRender, "", "Bind", requestArg, 0},
	{pkgRender, "", "DefaultDecoder", requestArg, 0},
	{pkgRender, "", "Decode", requestArg, 0}, // a package variable holding DefaultDecoder

	{pkgGin, "Context", "Bind", ctxBind, 0},
	{pkgGin, "Context", "ShouldBind", ctxBind, 0},
	{pkgGin, "Context", "BindJSON", ctxMethod, 0},
	{pkgGin, "Context", "BindXML", ctxMethod, 0},
	{pkgGin, "Context", "BindYAML", ctxMethod, 0},
	{pkgGin, "Context", "BindTOML", ctxMethod, 0},
	{pkgGin, "Context", "BindPlain", ctxMethod, 0},
	{pkgGin, "Context", "ShouldBindJSON", ctxMethod, 0},
	{pkgGin, "Context", "ShouldBindXML", ctxMethod, 0},
	{pkgGin, "Context", "ShouldBindYAML", ctxMethod, 0},
	{pkgGin, "Context", "ShouldBindTOML", ctxMethod, 0},
	{pkgGin, "Context", "ShouldBindPlain", ctxMethod, 0},
	{pkgGin, "Context", "ShouldBindBodyWith", ctxMethod, 0},
	{pkgGin, "Context", "ShouldBindBodyWithJSON", ctxMethod, 0},
	{pkgGin, "Context", "ShouldBindBodyWithXML", ctxMethod, 0},
	{pkgGin, "Context", "ShouldBindBodyWithYAML", ctxMethod, 0},
	{pkgGin, "Context", "ShouldBindBodyWithTOML", ctxMethod, 0},
	{pkgGin, "Context", "ShouldBindBodyWithPlain", ctxMethod, 0},
	{pkgGin, "Context", "GetRawData", ctxMethod, 0},
	{pkgGin, "Context", "ShouldBindWith", withBinding, 1},
	{pkgGin, "Context", "BindWith", withBinding, 1},
	{pkgGin, "Context", "MustBindWith", withBinding, 1},

	{pkgEcho, "Context", "Bind", ctxMethod, 0},
	{pkgEcho, "DefaultBinder", "BindBody", ctxMethod, 0},
	{pkgEcho5, "Context", "Bind", ctxMethod, 0},
}

// ginBodyBindings are the gin binding package variables that read the body.
var ginBodyBindings = map[string]bool{"JSON": true, "XML": true, "YAML": true, "TOML": true, "ProtoBuf": true, "MsgPack": true, "Plain": true, "BSON": true}

// limiters bound a reader or the request body.
var limiters = map[[2]string]bool{
	{"net/http", "MaxBytesReader"}: true,
	{"io", "LimitReader"}:          true,
}

var byKey = func() map[[3]string]*readRow {
	m := map[[3]string]*readRow{}
	for i := range readRows {
		r := &readRows[i]
		m[[3]string{r.pkg, r.recv, r.name}] = r
	}
	return m
}()

// read is one unbounded read of a request body.
type read struct {
	call *ast.CallExpr
	what string
	// bodyOnlyNonGET: gin Bind/ShouldBind, which read the body only for
	// requests other than GET.
	bodyOnlyNonGET bool
}

var callTypes = []ast.Node{(*ast.CallExpr)(nil)}

// reads returns the unbounded whole-body reads in body, in source order.
func (c *checker) reads(body *ast.BlockStmt) []read {
	if body == nil {
		return nil
	}
	info := c.pass.TypesInfo
	var local map[types.Object]ast.Expr
	defs := func() map[types.Object]ast.Expr { // only bodies with a candidate read need them
		if local == nil {
			local = localDefs(info, body)
		}
		return local
	}
	var limits []token.Pos // positions of limiting calls
	var out []read
	c.model.Inspect(body, callTypes, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if c.isLimiter(call) {
			limits = append(limits, call.Pos())
			return true
		}
		if r, ok := c.readOf(call, defs); ok {
			out = append(out, r)
		}
		return true
	})
	// A limit anywhere before the read bounds it.
	kept := out[:0]
	for _, r := range out {
		bounded := false
		for _, p := range limits {
			if p < r.call.Pos() {
				bounded = true
			}
		}
		if !bounded {
			kept = append(kept, r)
		}
	}
	return kept
}

func (c *checker) isLimiter(call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return false
	}
	if limiters[[2]string{fn.Pkg().Path(), fn.Name()}] {
		return true
	}
	for _, s := range settings.LimitFuncs {
		if s == fn.Name() || s == fn.Pkg().Path()+"."+fn.Name() {
			return true
		}
	}
	return false
}

// readOf reports whether call reads a whole request body.
func (c *checker) readOf(call *ast.CallExpr, defs func() map[types.Object]ast.Expr) (read, bool) {
	info := c.pass.TypesInfo
	obj := typeutil.Callee(info, call)
	if obj == nil || obj.Pkg() == nil {
		return read{}, false
	}
	recv := ""
	if fn, ok := obj.(*types.Func); ok {
		if sig := fn.Type().(*types.Signature); sig.Recv() != nil {
			recv = namedOf(sig.Recv().Type())
		}
	}
	row := byKey[[3]string{obj.Pkg().Path(), recv, obj.Name()}]
	if row == nil {
		if fn, ok := obj.(*types.Func); ok {
			if _, ok := c.helperReads(fn); ok {
				return read{call: call, what: funcName(fn)}, true
			}
		}
		return read{}, false
	}
	what := obj.Pkg().Name() + "." + obj.Name()
	if recv != "" {
		what = obj.Pkg().Name() + "." + recv + "." + obj.Name()
	}
	arg := func(i int) ast.Expr {
		if i < len(call.Args) {
			return call.Args[i]
		}
		return nil
	}
	switch row.form {
	case readerArg:
		if bounded, fromBody := c.bodySource(arg(row.arg), defs(), 0); fromBody && !bounded {
			return read{call: call, what: what}, true
		}
	case requestArg:
		if a := arg(row.arg); a != nil && isRequest(info.TypeOf(a)) {
			return read{call: call, what: what}, true
		}
	case decoder:
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			break
		}
		dec := origin(info, sel.X, defs())
		nc, ok := ast.Unparen(dec).(*ast.CallExpr)
		if !ok || len(nc.Args) != 1 {
			break
		}
		if fn, ok := typeutil.Callee(info, nc).(*types.Func); !ok || fn.Name() != "NewDecoder" {
			break
		}
		if bounded, fromBody := c.bodySource(nc.Args[0], defs(), 0); fromBody && !bounded {
			return read{call: call, what: what}, true
		}
	case ctxMethod:
		return read{call: call, what: what}, true
	case ctxBind:
		return read{call: call, what: what, bodyOnlyNonGET: true}, true
	case withBinding:
		// binding.Default(method, contentType) picks a body binding for
		// requests other than GET.
		if dc, ok := ast.Unparen(origin(info, arg(row.arg), defs())).(*ast.CallExpr); ok {
			if fn, ok := typeutil.Callee(info, dc).(*types.Func); ok && fn.Pkg() != nil && fn.Pkg().Path() == pkgGin+"/binding" && fn.Name() == "Default" {
				return read{call: call, what: what, bodyOnlyNonGET: true}, true
			}
		}
		if b, ok := ast.Unparen(arg(row.arg)).(*ast.SelectorExpr); ok {
			if v, ok := info.Uses[b.Sel].(*types.Var); ok && v.Pkg() != nil && v.Pkg().Path() == pkgGin+"/binding" && ginBodyBindings[v.Name()] {
				return read{call: call, what: what}, true
			}
		}
	}
	return read{}, false
}

func (c *checker) helperReads(fn *types.Func) (string, bool) {
	if w := c.helpers[fn]; w != "" {
		return w, true
	}
	if fn.Pkg() == c.pass.Pkg {
		return "", false
	}
	var f ReadsBodyFact
	if takesRequest(fn) && c.pass.ImportObjectFact(fn, &f) {
		return f.What, true
	}
	return "", false
}

// bodySource reports whether reader e comes from a request body, and
// whether a limiter wraps it on the way.
func (c *checker) bodySource(e ast.Expr, defs map[types.Object]ast.Expr, depth int) (bounded, fromBody bool) {
	if e == nil || depth > 4 {
		return false, false
	}
	info := c.pass.TypesInfo
	e = origin(info, e, defs)
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if c.isLimiter(n) {
				bounded = true
			}
		case *ast.CompositeLit:
			if namedOf(info.TypeOf(n)) == "LimitedReader" {
				bounded = true
			}
		case *ast.SelectorExpr:
			if n.Sel.Name == "Body" && isRequest(info.TypeOf(n.X)) {
				fromBody = true
			}
		case *ast.Ident:
			if v, ok := info.Uses[n].(*types.Var); ok && defs[v] != nil && n != e {
				b, f := c.bodySource(n, defs, depth+1)
				bounded, fromBody = bounded || b, fromBody || f
			}
		}
		return true
	})
	return bounded, fromBody
}

// localDefs maps each local variable of body assigned exactly once to
// its value.
func localDefs(info *types.Info, body *ast.BlockStmt) map[types.Object]ast.Expr {
	defs := map[types.Object]ast.Expr{}
	count := map[types.Object]int{}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				return true
			}
			for i, lhs := range n.Lhs {
				if id, ok := lhs.(*ast.Ident); ok {
					if obj := info.ObjectOf(id); obj != nil {
						defs[obj] = n.Rhs[i]
						count[obj]++
					}
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if i < len(n.Values) {
					if obj := info.Defs[id]; obj != nil {
						defs[obj] = n.Values[i]
						count[obj]++
					}
				}
			}
		}
		return true
	})
	for obj, n := range count {
		if n > 1 {
			delete(defs, obj)
		}
	}
	return defs
}

// origin follows a local variable to the value it was assigned.
func origin(info *types.Info, e ast.Expr, defs map[types.Object]ast.Expr) ast.Expr {
	for range 4 {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return e
		}
		v := defs[info.Uses[id]]
		if v == nil {
			return e
		}
		e = v
	}
	return e
}

// takesRequest reports whether fn has a *http.Request or framework
// context parameter.
func takesRequest(fn *types.Func) bool {
	sig := fn.Type().(*types.Signature)
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		if isRequest(t) {
			return true
		}
		n := namedOf(t)
		if n == "Context" {
			if p := pkgOf(t); p == pkgGin || p == pkgEcho || p == pkgEcho5 {
				return true
			}
		}
	}
	return false
}

func isRequest(t types.Type) bool {
	return namedOf(t) == "Request" && pkgOf(t) == "net/http"
}

func namedOf(t types.Type) string {
	if t == nil {
		return ""
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

func pkgOf(t types.Type) string {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
		return n.Obj().Pkg().Path()
	}
	return ""
}

func funcName(fn *types.Func) string {
	if fn.Pkg() == nil {
		return fn.Name()
	}
	return fn.Pkg().Name() + "." + fn.Name()
}

func (c *checker) fileOf(pos token.Pos) *ast.File {
	for _, f := range c.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

func leadingSpace(b []byte) string {
	i := 0
	for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
		i++
	}
	return string(b[:i])
}
