package taint

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/httpmodel"
	"github.com/apivet/apivet/internal/secretname"
	"github.com/apivet/apivet/internal/source"
)

// Secrets, the sources of the Log kind, are found by name: a variable,
// field or getter whose name says it holds a credential, a value read
// under such a name, a credential header. Only values that can show the
// secret count: strings, byte slices, and structs with a secret field
// (logged whole), unless the type renders itself (String, LogValue,
// MarshalLogObject…), which is how code redacts.

// secretName reports whether name says it holds a secret.
func secretName(name string) bool {
	_, ok := secretname.Is(name)
	return ok
}

// canShow reports whether a value of type t shows its text when logged.
func canShow(t types.Type) bool {
	if t == nil || hasFormatMethod(t) {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		if b, ok := u.Elem().Underlying().(*types.Basic); ok {
			return b.Kind() == types.Byte || b.Info()&types.IsString != 0
		}
		return false
	case *types.Pointer:
		return canShow(u.Elem())
	case *types.Map:
		return canShow(u.Elem())
	case *types.Struct:
		return true
	}
	return false
}

// hasFormatMethod reports whether t (or *t) decides how it is printed.
func hasFormatMethod(t types.Type) bool {
	for _, m := range formatMethods {
		obj, _, _ := types.LookupFieldOrMethod(t, true, nil, m)
		if _, ok := obj.(*types.Func); ok {
			return true
		}
	}
	return false
}

// secretVar returns a source when a local variable's name says it holds
// a secret.
func (e *engine) secretVar(v *types.Var) *Source {
	if s, ok := e.secretVars[v]; ok {
		return s
	}
	var s *Source
	if secretName(v.Name()) && canShow(v.Type()) && (!isStruct(v.Type()) || secretFields(v.Type())) {
		s = &Source{Class: Secret, Expr: &ast.Ident{Name: v.Name(), NamePos: v.Pos()}, Desc: v.Name()}
	}
	e.secretVars[v] = s
	return s
}

// secretStruct returns a source when x, of type t, is a struct with a
// secret field that a log would print whole (a login request, a config).
func (e *engine) secretStruct(x ast.Expr, t types.Type) *Source {
	if t != nil && jwtToken(t) {
		return &Source{Class: Secret, Expr: x, Desc: "a JWT (its Raw token)"}
	}
	if t == nil || !isStruct(t) || hasFormatMethod(t) || stdType(t) || !secretFields(t) {
		return nil // (bufio.Scanner's token field is a scanned word)
	}
	return &Source{Class: Secret, Expr: x, Desc: typeName(t) + " with its " + firstSecretField(t) + " field"}
}

// secretField returns a source for a field selection x.f whose name says
// it is a secret, or whose type is a struct with secret fields.
func (e *engine) secretField(x *ast.SelectorExpr, sel *types.Selection) *Source {
	t := sel.Type()
	if secretName(x.Sel.Name) && canShow(t) && (!isStruct(t) || secretFields(t)) {
		return &Source{Class: Secret, Expr: x, Desc: x.Sel.Name}
	}
	if x.Sel.Name == "Raw" && jwtToken(sel.Recv()) {
		return &Source{Class: Secret, Expr: x, Desc: "the JWT"}
	}
	if isNamed(sel.Recv(), "net/http", "Request") && x.Sel.Name == "Header" {
		return &Source{Class: Secret, Expr: x, Desc: "the request's headers (Authorization, Cookie)"}
	}
	return e.secretStruct(x, t)
}

// secretCall returns a source for a call that returns a secret: a getter
// named for one (GetPassword, APIKey), a lookup by a secret name
// (os.Getenv("DB_PASSWORD"), viper.GetString("jwt.secret")), a request
// dump.
func (e *engine) secretCall(call *ast.CallExpr, fn *types.Func) *Source {
	if fn.Pkg() != nil && fn.Pkg().Path() == "net/http/httputil" && strings.HasPrefix(fn.Name(), "DumpRequest") {
		return &Source{Class: Secret, Expr: call, Desc: "a request dump (with its Authorization and Cookie headers)"}
	}
	sig := fn.Type().(*types.Signature)
	if sig.Results().Len() == 0 || !canShow(sig.Results().At(0).Type()) || isStruct(sig.Results().At(0).Type()) {
		return nil
	}
	name := fn.Name()
	for _, pre := range []string{"Get", "get"} {
		// GetPassword, getPassword, get_password
		if rest := strings.TrimPrefix(name, pre); rest != name && rest != "" && (rest[0] == '_' || rest[0] >= 'A' && rest[0] <= 'Z') {
			name = strings.TrimPrefix(rest, "_")
		}
	}
	if name != "" && secretName(name) {
		return &Source{Class: Secret, Expr: call, Desc: fn.Name() + "()"}
	}
	if len(call.Args) == 1 {
		if tv, ok := e.info.Types[call.Args[0]]; ok && tv.Value != nil {
			if s, ok := constString(tv); ok && secretKey(s) {
				return &Source{Class: Secret, Expr: call, Desc: "the " + s + " value"}
			}
		}
	}
	return nil
}

// secretKey reports whether a lookup key ("DB_PASSWORD", "jwt.secret",
// "auth/api_key") names a secret.
func secretKey(s string) bool {
	if strings.ContainsAny(s, " %") {
		return false
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == '/' || r == ':' })
	return len(parts) > 0 && secretName(parts[len(parts)-1])
}

// secretInput reports whether a request input is a credential: the
// Authorization, Cookie or API-key header, a password form field, a
// session cookie.
func secretInput(kind httpmodel.InputKind, name string) bool {
	if name == "" {
		return false
	}
	if kind == httpmodel.Header && secretHeaders[strings.ToLower(name)] {
		return true
	}
	return secretName(name) || kind == httpmodel.Cookie && (strings.Contains(strings.ToLower(name), "session") || strings.Contains(strings.ToLower(name), "sid"))
}

func isStruct(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

// secretFields reports whether struct type t has a field whose name says
// it holds a secret (string or bytes).
func secretFields(t types.Type) bool { return firstSecretField(t) != "" }

func firstSecretField(t types.Type) string {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return ""
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if b, ok := f.Type().Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 && secretName(f.Name()) {
			return f.Name()
		}
		if s, ok := f.Type().Underlying().(*types.Slice); ok && secretName(f.Name()) {
			if b, ok := s.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Byte {
				return f.Name()
			}
		}
	}
	return ""
}

func typeName(t types.Type) string {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return "a struct"
}

func constString(tv types.TypeAndValue) (string, bool) {
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// jwtPackages define a Token type whose Raw field is the encoded JWT.
var jwtPackages = []string{"github.com/golang-jwt/jwt/v5", "github.com/golang-jwt/jwt/v4", "github.com/golang-jwt/jwt", "github.com/dgrijalva/jwt-go"}

func jwtToken(t types.Type) bool {
	for _, p := range jwtPackages {
		if isNamed(t, p, "Token") {
			return true
		}
	}
	return false
}

// sanitizedDefs reports whether every definition of v in the function is
// the result of a sanitizer for logs (hashed := sha256.Sum256(pw),
// pw := hash(p)): a secret's name then no longer makes it one.
func (c *fnCtx) sanitizedDefs(v *types.Var) bool {
	defs := c.flow.Defs(v)
	for _, d := range defs {
		if !c.e.sanitizerCall(d, Log) {
			return false
		}
	}
	return len(defs) > 0
}

// sanitizerCall reports whether x is a call of a function that cleans
// its result for kind k (a library hash, a masking helper of the module).
func (e *engine) sanitizerCall(x ast.Expr, k Kind) bool {
	call, ok := ast.Unparen(x).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, _ := typeutil.Callee(e.info, call).(*types.Func)
	if fn == nil {
		return false
	}
	if sanitizes(fn.Origin())&k != 0 {
		return true
	}
	s := e.summaryOf(fn)
	return s != nil && s.Sanitizes&k != 0
}

// secretFieldsSanitized reports whether, in the function, every secret
// field of struct variable v (of type t) is written, and only with
// sanitizer results: user.Password = hash(pw), or a literal
// User{Password: encrypt(pw)}. Such a struct logged whole shows no
// secret.
func (c *fnCtx) secretFieldsSanitized(v *types.Var, t types.Type) bool {
	written := map[string]bool{}
	lhs := c.flow.Assigned(v)
	for i, d := range c.flow.Defs(v) {
		if i >= len(lhs) {
			return false
		}
		if f := fieldOf(c.e.info, lhs[i], v); f != "" {
			if secretName(f) {
				if !c.e.sanitizerCall(d, Log) {
					return false
				}
				written[f] = true
			}
			continue
		}
		if source.RootVar(c.e.info, lhs[i]) != v || ast.Unparen(lhs[i]) != lhs[i] {
			return false
		}
		lit := compositeLit(d)
		if lit == nil {
			return false
		}
		for name, val := range litFields(c.e.info, lit) {
			if secretName(name) {
				if !c.e.sanitizerCall(val, Log) {
					return false
				}
				written[name] = true
			}
		}
	}
	for _, name := range structSecretFields(t) {
		if !written[name] {
			return false
		}
	}
	return len(written) > 0
}

// fieldOrig is orig, for logs, of a field x.f of a local struct variable
// whose name does not say it is secret: what the function writes into
// that field (cfg.x = password, Config{x: password}). Other writes, to
// other fields or through calls, do not count (field-sensitive, one
// level).
func (c *fnCtx) fieldOrig(x *ast.SelectorExpr) origins {
	id, ok := ast.Unparen(x.X).(*ast.Ident)
	if !ok {
		if st, ok := ast.Unparen(x.X).(*ast.StarExpr); ok {
			id, ok = ast.Unparen(st.X).(*ast.Ident)
			if !ok {
				return origins{}
			}
		} else {
			return origins{}
		}
	}
	v, ok := c.e.info.Uses[id].(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return origins{}
	}
	key := fieldKey{v, x.Sel.Name}
	if o, ok := c.fields[key]; ok {
		return o // done, or in progress (a cycle: cfg.x = f(cfg.x))
	}
	if c.fields == nil {
		c.fields = map[fieldKey]origins{}
	}
	c.fields[key] = origins{}
	var o origins
	lhs := c.flow.Assigned(v)
	for i, d := range c.flow.Defs(v) {
		if i >= len(lhs) {
			break
		}
		if f := fieldOf(c.e.info, lhs[i], v); f != "" {
			if f == x.Sel.Name {
				o.add(c.orig(d, Log))
			}
			continue
		}
		if lit := compositeLit(d); lit != nil && source.RootVar(c.e.info, lhs[i]) == v {
			if val, ok := litFields(c.e.info, lit)[x.Sel.Name]; ok {
				o.add(c.orig(val, Log))
			}
		}
	}
	c.fields[key] = o
	return o
}

type fieldKey struct {
	v    *types.Var
	name string
}

// fieldOf returns f when lhs is v.f or (*v).f, else "".
func fieldOf(info *types.Info, lhs ast.Expr, v *types.Var) string {
	sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	x := ast.Unparen(sel.X)
	if st, ok := x.(*ast.StarExpr); ok {
		x = ast.Unparen(st.X)
	}
	id, ok := x.(*ast.Ident)
	if !ok || info.Uses[id] != v {
		return ""
	}
	return sel.Sel.Name
}

// compositeLit returns the struct literal x is (or whose address it is).
func compositeLit(x ast.Expr) *ast.CompositeLit {
	x = ast.Unparen(x)
	if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.AND {
		x = ast.Unparen(u.X)
	}
	lit, _ := x.(*ast.CompositeLit)
	return lit
}

// litFields maps the fields a struct literal sets to their values.
func litFields(info *types.Info, lit *ast.CompositeLit) map[string]ast.Expr {
	m := map[string]ast.Expr{}
	tv, ok := info.Types[lit]
	if !ok {
		return m
	}
	st, ok := tv.Type.Underlying().(*types.Struct)
	if !ok {
		return m
	}
	for i, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				m[id.Name] = kv.Value
			}
		} else if i < st.NumFields() {
			m[st.Field(i).Name()] = el
		}
	}
	return m
}

// structSecretFields returns the names of t's secret fields.
func structSecretFields(t types.Type) []string {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var out []string
	for i := 0; i < st.NumFields(); i++ {
		if f := st.Field(i); secretName(f.Name()) && canShow(f.Type()) {
			out = append(out, f.Name())
		}
	}
	return out
}

// stdType reports whether t (or *t) is a named type of the standard
// library, whose fields' names are the library's, not the program's data.
func stdType(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && check.IsStd(n.Obj().Pkg().Path())
}
