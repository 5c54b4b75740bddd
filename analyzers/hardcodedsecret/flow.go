package hardcodedsecret

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// A literal reaches a sink through more than a direct argument: through a
// local variable (key := "…"; jwt.SignedString([]byte(key))) and through
// a decoder of a literal (k, _ := base64.StdEncoding.DecodeString("…");
// hmac.New(sha256.New, k)). Both are followed back to the literal, which
// is what gets reported (redacted, as always).

// decoders are the functions that turn an encoded literal into key bytes:
// the literal is the secret. Keyed by package path and function name
// within the package (method names carry their receiver type).
var decoders = map[string]bool{
	"encoding/base64.Encoding.DecodeString": true, // StdEncoding, URLEncoding, RawStdEncoding, RawURLEncoding
	"encoding/base32.Encoding.DecodeString": true,
	"encoding/hex.DecodeString":             true,
}

func (r *runner) isDecoder(call *ast.CallExpr) bool {
	fn, _ := typeutil.Callee(r.pass.TypesInfo, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	name := fn.Name()
	if sig, ok := fn.Type().(*types.Signature); ok {
		if rn := recvName(sig); rn != "" {
			name = rn + "." + name
		}
	}
	return decoders[fn.Pkg().Path()+"."+name]
}

// localDefs records the variables a := defines with a value this check
// can follow: one value per name, or the first result of a decoder
// (k, err := hex.DecodeString("…")). A variable assigned again later is
// dropped with the others in run.
func (r *runner) localDefs(as *ast.AssignStmt) {
	if as.Tok != token.DEFINE {
		return
	}
	for i, lhs := range as.Lhs {
		id, ok := lhs.(*ast.Ident)
		if !ok {
			continue
		}
		v, ok := r.pass.TypesInfo.Defs[id].(*types.Var)
		if !ok {
			continue
		}
		switch {
		case len(as.Rhs) == len(as.Lhs):
			r.vars[v] = as.Rhs[i]
		case i == 0 && len(as.Rhs) == 1:
			if call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr); ok && len(call.Args) == 1 && r.isDecoder(call) {
				r.vars[v] = call
			}
		}
	}
}

// constValue returns the string value of e if e is a literal, a constant
// whose value is a literal (or a constant expression of them), or a
// conversion of one ([]byte("…")), and the position of the literal that
// holds it (the use position for a constant of another package).
func (r *runner) constValue(e ast.Expr) (val string, litPos token.Pos, name string, ok bool) {
	e = ast.Unparen(e)
	if call, isCall := e.(*ast.CallExpr); isCall && len(call.Args) == 1 {
		if tv, found := r.pass.TypesInfo.Types[call.Fun]; found && tv.IsType() {
			return r.constValue(call.Args[0])
		}
		if r.isDecoder(call) {
			return r.constValue(call.Args[0])
		}
		return "", 0, "", false
	}
	if id, isIdent := e.(*ast.Ident); isIdent {
		if v, isVar := r.pass.TypesInfo.Uses[id].(*types.Var); isVar {
			if init, once := r.vars[v]; once {
				val, litPos, _, ok = r.constValue(init)
				return val, litPos, v.Name(), ok
			}
		}
	}
	tv, found := r.pass.TypesInfo.Types[e]
	if !found || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", 0, "", false
	}
	val = constant.StringVal(tv.Value)
	litPos = e.Pos()
	var id *ast.Ident
	switch x := e.(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	}
	if id != nil {
		if c, isConst := r.pass.TypesInfo.Uses[id].(*types.Const); isConst {
			name = c.Name()
			if v, here := r.consts[c]; here {
				litPos = ast.Unparen(v).Pos()
			}
		}
	}
	return val, litPos, name, true
}
