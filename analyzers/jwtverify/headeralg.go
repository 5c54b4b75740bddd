package jwtverify

import (
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Checks of the alg header outside a golang-jwt key function: code that
// decodes the JOSE header itself (strings.Split on ".", base64 decode,
// json.Unmarshal into a struct or map) and compares its alg, and go-jose
// v2/v3 code comparing Headers[0].Algorithm or Signatures[i].Header.Algorithm
// before verifying. As in a key function (algcheck.go), such a check pins
// the algorithm only when it decides: a mismatch returns, panics, exits
// or skips; a comparison that only logs pins nothing.

// headerAlgRead reports whether e reads an alg header value: a field named
// Alg or Algorithm, or tagged json:"alg", or the "alg" entry of a map.
func (c *checker) headerAlgRead(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		sel, ok := c.pass.TypesInfo.Selections[e]
		if !ok || sel.Kind() != types.FieldVal {
			return false
		}
		if n := e.Sel.Name; n == "Alg" || n == "Algorithm" {
			return true
		}
		return fieldJSONName(sel) == "alg"
	case *ast.IndexExpr:
		if _, isMap := typeUnder(c.pass.TypesInfo.TypeOf(e.X)).(*types.Map); !isMap {
			return false
		}
		k, ok := c.constString(e.Index)
		return ok && k == "alg"
	}
	return false
}

func typeUnder(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return t.Underlying()
}

// fieldJSONName is the json name a selected struct field is tagged with.
func fieldJSONName(sel *types.Selection) string {
	t := sel.Recv()
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return ""
	}
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i) == sel.Obj() {
			name, _, _ := strings.Cut(reflect.StructTag(st.Tag(i)).Get("json"), ",")
			return name
		}
	}
	return ""
}

// checksHeaderAlg reports whether body compares an alg header value it
// read (headerAlgRead) with an outcome that decides (algcheck.go's rule):
// the mismatch stops the function, or the verdict is returned.
func (c *checker) checksHeaderAlg(body *ast.BlockStmt) bool {
	parents := parentMap(body)
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		if e, ok := n.(ast.Expr); ok && c.headerAlgRead(e) && c.decisive(e, parents, 0) {
			found = true
		}
		return true
	})
	return found
}

// joseAlgList reports a go-jose v4 parse whose allowed algorithms are taken
// from the token's own header (a go-jose Header.Algorithm, or the alg of a
// header the function decoded itself): the list then allows whatever the
// attacker names, as if there were none.
func (c *checker) joseAlgList(call *ast.CallExpr, fn *types.Func) {
	sig := fn.Type().(*types.Signature)
	for i := 0; i < sig.Params().Len() && i < len(call.Args); i++ {
		s, ok := sig.Params().At(i).Type().(*types.Slice)
		if !ok || !isNamed(s.Elem(), func(p string) bool { _, ok := josePkgs[p]; return ok }, "SignatureAlgorithm") {
			continue
		}
		arg := call.Args[i]
		body := (*ast.BlockStmt)(nil)
		if fd := c.enclosingFunc(call.Pos()); fd != nil {
			body = fd.Body
		}
		if c.fromHeaderAlg(arg, body, 0) {
			c.pass.Report(analysis.Diagnostic{Pos: arg.Pos(), End: arg.End(),
				Message: fmt.Sprintf("the algorithms passed to %s come from the token's own header, so the attacker chooses them; list the algorithms your key supports", calleeText(call))})
		}
	}
}

// fromHeaderAlg reports whether e (or a local variable it reads, through
// its definitions) holds the alg of the token being parsed: a go-jose
// Header's Algorithm, jwx's Headers.Algorithm(), or the alg of a struct or
// map the function filled with json.Unmarshal (a header decoded by hand).
// The alg of a key (JSONWebKey.Algorithm) or of the configuration is not.
func (c *checker) fromHeaderAlg(e ast.Expr, body *ast.BlockStmt, depth int) bool {
	if depth > maxDepth || e == nil || e == zeroValue {
		return false
	}
	if c.fromTokenAlg(e, depth) {
		return true
	}
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if sel, ok := c.pass.TypesInfo.Selections[n]; ok && sel.Kind() == types.FieldVal && n.Sel.Name == "Algorithm" &&
				isNamed(derefType(sel.Recv()), func(p string) bool { _, ok := josePkgs[p]; return ok }, "Header") {
				found = true
				return false
			}
			if c.headerAlgRead(n) && c.unmarshalledInto(n.X, body) {
				found = true
				return false
			}
		case *ast.IndexExpr:
			if c.headerAlgRead(n) && c.unmarshalledInto(n.X, body) {
				found = true
				return false
			}
		case *ast.Ident:
			if v, ok := c.pass.TypesInfo.Uses[n].(*types.Var); ok && !c.params[v] && !v.IsField() {
				for _, d := range c.defs[v] {
					if c.fromHeaderAlg(d, body, depth+1) {
						found = true
					}
				}
			}
		}
		return true
	})
	return found
}

func derefType(t types.Type) types.Type {
	if p, ok := t.(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// unmarshalledInto reports whether the variable x names is decoded by a
// json.Unmarshal(data, &x) (or x, for a pointer or map) in body.
func (c *checker) unmarshalledInto(x ast.Expr, body *ast.BlockStmt) bool {
	obj := c.objOf(x)
	if obj == nil || body == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		fn := c.callee(call)
		if fn == nil || pkgPath(fn) != "encoding/json" || fn.Name() != "Unmarshal" || len(call.Args) != 2 {
			return true
		}
		dst := ast.Unparen(call.Args[1])
		if u, ok := dst.(*ast.UnaryExpr); ok {
			dst = u.X
		}
		if c.objOf(dst) == obj {
			found = true
		}
		return true
	})
	return found
}
