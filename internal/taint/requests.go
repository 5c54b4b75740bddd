package taint

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/httpmodel"
	"github.com/apivet/apivet/internal/source"
)

// Reads of the incoming request that the HTTP model does not list as
// inputs but that the client chooses all the same, recognized wherever
// a *http.Request is at hand (a handler, a helper given the request):
//
//	r.Referer(), r.UserAgent()            // headers
//	r.Form["q"], r.PostForm["q"]          // form fields (after ParseForm)
//	r.Header["X-Id"], r.Header.Values(…)  // headers, by name
//	r.URL.Path, r.URL.RawQuery, r.RequestURI
//	r.Body                                // io.ReadAll(r.Body), json.Unmarshal
//
// As data: request methods and fields, with the kind of input each is.

// requestMethods are methods of *http.Request that return a header.
var requestMethods = map[string]string{"Referer": "Referer", "UserAgent": "User-Agent"}

// requestFields are fields of http.Request that hold client input.
var requestFields = map[string]httpmodel.InputKind{
	"Form": httpmodel.Form, "PostForm": httpmodel.Form, "MultipartForm": httpmodel.Form,
	"Header": httpmodel.Header, "Trailer": httpmodel.Header, "Body": httpmodel.Body,
	"RequestURI": httpmodel.PathParam,
}

// requestURLFields are fields of the request's URL that hold client input
// (its Scheme and Host are the server's own, or the proxy's).
var requestURLFields = map[string]httpmodel.InputKind{
	"Path": httpmodel.PathParam, "RawPath": httpmodel.PathParam, "RawQuery": httpmodel.QueryParam,
	"Fragment": httpmodel.QueryParam, "Opaque": httpmodel.PathParam,
}

// requestRead returns the input that x reads from an incoming request, or
// nil: a method call, a field, or a field indexed by a constant name
// (r.Header["Authorization"] is that header, and the Authorization
// header for logs; r.Header alone is every header).
func (e *engine) requestRead(x ast.Expr) *httpmodel.Input {
	switch x := x.(type) {
	case *ast.CallExpr:
		sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		if name, ok := requestMethods[sel.Sel.Name]; ok && len(x.Args) == 0 && e.isRequest(sel.X) {
			return &httpmodel.Input{Kind: httpmodel.Header, Name: name, Call: x, Expr: x}
		}
		// r.Header.Values("X"), r.Form.Values... Get is requestValuesGet's.
		if sel.Sel.Name == "Values" && len(x.Args) == 1 {
			if in := e.requestField(sel.X); in != nil && in.Kind == httpmodel.Header {
				return &httpmodel.Input{Kind: in.Kind, Name: constArg(e.info, x), Call: x, Expr: x}
			}
		}
	case *ast.IndexExpr:
		in := e.requestField(ast.Unparen(x.X))
		if in == nil || (in.Kind != httpmodel.Form && in.Kind != httpmodel.Header) {
			return nil
		}
		name := ""
		if tv, ok := e.info.Types[x.Index]; ok {
			name, _ = constString(tv)
		}
		return &httpmodel.Input{Kind: in.Kind, Name: name, Expr: x}
	case *ast.SelectorExpr:
		return e.requestField(x)
	}
	return nil
}

// requestField returns the input that a field selection of the incoming
// request is (r.Form, r.Body, r.URL.Path), or nil.
func (e *engine) requestField(x ast.Expr) *httpmodel.Input {
	sel, ok := x.(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if kind, ok := requestFields[sel.Sel.Name]; ok && e.isRequest(sel.X) {
		return &httpmodel.Input{Kind: kind, Expr: x}
	}
	if kind, ok := requestURLFields[sel.Sel.Name]; ok {
		if inner, ok := ast.Unparen(sel.X).(*ast.SelectorExpr); ok && inner.Sel.Name == "URL" && e.isRequest(inner.X) {
			return &httpmodel.Input{Kind: kind, Expr: x}
		}
	}
	return nil
}

// isRequest reports whether x is an incoming *http.Request (or
// http.Request): not one the program builds to send (a variable assigned
// from http.NewRequest*), nor the request of a response (resp.Request),
// whose headers and URL are the program's own.
func (e *engine) isRequest(x ast.Expr) bool {
	tv, ok := e.info.Types[x]
	if !ok || !isNamed(tv.Type, "net/http", "Request") {
		return false
	}
	if sel, ok := ast.Unparen(x).(*ast.SelectorExpr); ok && sel.Sel.Name == "Request" {
		if tv, ok := e.info.Types[sel.X]; ok && isNamed(tv.Type, "net/http", "Response") {
			return false
		}
	}
	v := source.RootVar(e.info, x)
	return v == nil || !e.outgoingRequests()[v]
}

// outgoingRequests are the variables of the package assigned a request
// built by http.NewRequest or http.NewRequestWithContext, and request
// parameters of functions that write to them (req.URL.RawQuery = …,
// req.Header.Set(…), req.AddCookie(…)): such functions build a request
// to send (go-test-bench's AddPayloadToRequest), they do not serve one.
func (e *engine) outgoingRequests() map[*types.Var]bool {
	if e.outgoing != nil {
		return e.outgoing
	}
	e.outgoing = map[*types.Var]bool{}
	params := map[*types.Var]bool{}
	for _, f := range e.pass.Files {
		e.walk.Inspect(f, []ast.Node{(*ast.FuncType)(nil)}, func(n ast.Node) bool {
			if ft, ok := n.(*ast.FuncType); ok && ft.Params != nil {
				for _, fld := range ft.Params.List {
					for _, name := range fld.Names {
						if v, ok := e.info.Defs[name].(*types.Var); ok {
							params[v] = true
						}
					}
				}
			}
			return true
		})
	}
	// A ReverseProxy's Director and Rewrite change the outgoing copy of
	// the incoming request: what they read of it is still the client's.
	for _, f := range e.pass.Files {
		e.walk.Inspect(f, []ast.Node{(*ast.KeyValueExpr)(nil), (*ast.AssignStmt)(nil)}, func(n ast.Node) bool {
			var key string
			var val ast.Expr
			switch n := n.(type) {
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok {
					key, val = id.Name, n.Value
				}
			case *ast.AssignStmt:
				if len(n.Lhs) == 1 && len(n.Rhs) == 1 {
					if sel, ok := ast.Unparen(n.Lhs[0]).(*ast.SelectorExpr); ok {
						key, val = sel.Sel.Name, n.Rhs[0]
					}
				}
			}
			if lit, ok := ast.Unparen(val).(*ast.FuncLit); ok && (key == "Director" || key == "Rewrite") {
				for _, fld := range lit.Type.Params.List {
					for _, name := range fld.Names {
						if v, ok := e.info.Defs[name].(*types.Var); ok {
							delete(params, v)
						}
					}
				}
			}
			return true
		})
	}
	writes := func(x ast.Expr) {
		// req.URL.RawQuery = …, req.Body = …: a request parameter written.
		if sel, ok := ast.Unparen(x).(*ast.SelectorExpr); ok {
			if v := source.RootVar(e.info, sel); v != nil && params[v] && isNamed(v.Type(), "net/http", "Request") {
				e.outgoing[v] = true
			}
		}
	}
	for _, f := range e.pass.Files {
		e.walk.Inspect(f, []ast.Node{(*ast.CallExpr)(nil), (*ast.AssignStmt)(nil)}, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				// req.Header.Set(k, v), req.AddCookie(c), req.SetBasicAuth(u, p)
				if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && requestWriters[sel.Sel.Name] {
					writes(sel.X)
					if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok {
						if v, ok := e.info.Uses[id].(*types.Var); ok && params[v] && isNamed(v.Type(), "net/http", "Request") {
							e.outgoing[v] = true
						}
					}
				}
				return true
			}
			as, ok := n.(*ast.AssignStmt)
			if !ok || len(as.Lhs) == 0 {
				return true
			}
			if as.Tok == token.ASSIGN {
				for _, l := range as.Lhs {
					writes(l)
				}
			}
			if len(as.Rhs) != 1 {
				return true
			}
			call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
			if !ok {
				return true
			}
			if fn, ok := typeutil.Callee(e.info, call).(*types.Func); ok && fn.Pkg() != nil && fn.Pkg().Path() == "net/http" && (fn.Name() == "NewRequest" || fn.Name() == "NewRequestWithContext") {
				if v := source.RootVar(e.info, as.Lhs[0]); v != nil {
					e.outgoing[v] = true
				}
			}
			return true
		})
	}
	return e.outgoing
}

// decoders write what they decode from one argument into another (an
// out parameter): json.Unmarshal(data, &v) gives v data's origins. Args
// are in callArgs' numbering (the receiver first for a method).
type decoderRow struct {
	pkg, recv string
	names     []string
	from, to  int
}

var decoderRows = []decoderRow{
	{pkg: "encoding/json", names: []string{"Unmarshal"}, from: 0, to: 1},
	{pkg: "encoding/xml", names: []string{"Unmarshal"}, from: 0, to: 1},
	{pkg: "encoding/gob", recv: "Decoder", names: []string{"Decode"}, from: 0, to: 1},
	{pkg: "encoding/json", recv: "Decoder", names: []string{"Decode"}, from: 0, to: 1},
	{pkg: "encoding/xml", recv: "Decoder", names: []string{"Decode"}, from: 0, to: 1},
	{pkg: "gopkg.in/yaml.v2", names: []string{"Unmarshal", "UnmarshalStrict"}, from: 0, to: 1},
	{pkg: "gopkg.in/yaml.v3", names: []string{"Unmarshal"}, from: 0, to: 1},
	{pkg: "sigs.k8s.io/yaml", names: []string{"Unmarshal", "UnmarshalStrict"}, from: 0, to: 1},
	{pkg: "github.com/goccy/go-json", names: []string{"Unmarshal"}, from: 0, to: 1},
	{pkg: "github.com/json-iterator/go", recv: "*", names: []string{"Unmarshal", "UnmarshalFromString"}, from: 1, to: 2},
	{pkg: "google.golang.org/protobuf/proto", names: []string{"Unmarshal"}, from: 0, to: 1},
	{pkg: "google.golang.org/protobuf/encoding/protojson", names: []string{"Unmarshal"}, from: 0, to: 1},
	{pkg: "github.com/mitchellh/mapstructure", names: []string{"Decode", "WeakDecode"}, from: 0, to: 1},
	{pkg: "github.com/go-viper/mapstructure/v2", names: []string{"Decode", "WeakDecode"}, from: 0, to: 1},
	{pkg: "encoding/base64", recv: "Encoding", names: []string{"Decode"}, from: 2, to: 1},
	{pkg: "encoding/hex", names: []string{"Decode"}, from: 1, to: 0},
	{pkg: "fmt", names: []string{"Sscan", "Sscanf", "Sscanln"}, from: 0, to: -1},
	{pkg: "io", names: []string{"ReadFull", "ReadAtLeast"}, from: 0, to: 1},
	{pkg: "io", recv: "Reader", names: []string{"Read"}, from: 0, to: 1},
}

// decodeInto returns what call writes into its argument lhs when call
// is a decoder (json.Unmarshal(b, &v) writes b's origins into v); ok is
// false for other calls.
func (c *fnCtx) decodeInto(call *ast.CallExpr, lhs ast.Expr, k Kind) (origins, bool) {
	fn, _ := typeutil.Callee(c.e.info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return origins{}, false
	}
	pkg, recv := fn.Pkg().Path(), recvName(fn)
	args := c.e.callArgs(call, fn)
	for _, r := range decoderRows {
		if r.pkg != pkg || !slices.Contains(r.names, fn.Name()) || (r.recv != recv && !(r.recv == "*" && recv != "")) {
			continue
		}
		if r.from >= len(args) {
			return origins{}, true
		}
		// The destination is the argument lhs is in (&v, v); with to < 0
		// every argument after from is one (fmt.Sscan(s, &a, &b)).
		for i, a := range args {
			if (r.to >= 0 && i != r.to) || (r.to < 0 && i <= r.from) {
				continue
			}
			if lhs.Pos() >= a.Pos() && lhs.End() <= a.End() {
				return c.orig(args[r.from], k), true
			}
		}
		return origins{}, true
	}
	return origins{}, false
}

// requestWriters are methods that change a request (or its Header) the
// program is building.
var requestWriters = map[string]bool{"Set": true, "Add": true, "Del": true, "AddCookie": true, "SetBasicAuth": true}
