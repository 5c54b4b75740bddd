package httpmodel

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/apivet/apivet/internal/structtype"
	"github.com/apivet/apivet/internal/words"
)

// Repository interfaces whose implementations are out of sight.
//
// A handler that calls h.orders.Get(ctx, id) through an interface acts on
// stored objects even when no implementation is visible (it lives in
// another module, is generated, or only mocks are in the program). The
// summary of such a method is read from its signature: a verb that reads
// as a lookup or a change, an identifier-typed parameter that selects the
// object, and the model it returns (or its receiver is named after).
// Checks then judge the model as for any repository call.
//
// Stores that take a filter struct instead of an ID (memos'
// ListMemos(ctx, &FindMemo{UID: &uid}), DeleteReaction(ctx,
// &DeleteReaction{ID: id})) select by the struct's identifier fields: the
// parameter is a selector, and the call's composite-literal argument
// gives one selector per field (filterValues), so an owner field set
// from the caller scopes the lookup. With no model among the results,
// the model is the type the filter or the method is named after
// (FindMemo, DeleteReaction: Memo, Reaction) in the filter's package.

// unseenRepoVerbs maps the first word of a method name to what it does.
var unseenRepoVerbs = map[string]AccessKind{
	"get": Read, "list": Read, "find": Read, "load": Read, "fetch": Read, "read": Read, "lookup": Read, "retrieve": Read, "select": Read, "query": Read,
	"update": Write, "save": Write, "set": Write, "patch": Write, "modify": Write, "edit": Write, "put": Write, "upsert": Write, "replace": Write, "change": Write,
	"delete": Delete, "remove": Delete, "destroy": Delete, "purge": Delete, "drop": Delete,
}

// unseenRepoFact summarizes interface method fn, which no visible
// implementation summarizes, from its signature; nil when it does not
// read as a repository method, or the interface is a library's (echo's
// Context, gorm's generic chain), not the project's: declared outside the
// module of pkg as far as import paths tell.
func unseenRepoFact(pkg *types.Package, fn *types.Func) *DataAccessFact {
	if fn.Pkg() == nil || modulePrefix(fn.Pkg().Path()) != modulePrefix(pkg.Path()) {
		return nil
	}
	ws := words.Split(fn.Name())
	if len(ws) == 0 || cacheMethod(fn) {
		return nil
	}
	kind, ok := unseenRepoVerbs[ws[0]]
	if !ok {
		return nil
	}
	sig := fn.Type().(*types.Signature)
	if httpClientMethod(sig) {
		return nil
	}
	f := &DataAccessFact{Kind: kind, DestParam: -1, Library: "repo"}
	var filter *types.Named
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		if idType(t) {
			f.SelectorParams = append(f.SelectorParams, i)
		} else if n := filterStruct(pkg, t); n != nil {
			f.SelectorParams = append(f.SelectorParams, i)
			if filter == nil {
				filter = n
			}
		}
	}
	if len(f.SelectorParams) == 0 {
		return nil
	}
	for i := 0; i < sig.Results().Len(); i++ {
		if n := structtype.Elem(sig.Results().At(i).Type()); n != nil && n.Obj().Pkg() != nil {
			f.ModelPkg, f.ModelName = n.Obj().Pkg().Path(), n.Obj().Name()
			return f
		}
	}
	// No model returned (a change, or a result of basic type): the type
	// the filter or the method names after its verb.
	f.ModelPkg, f.ModelName = namedModel(fn, filter)
	return f
}

// httpClientMethod: a result is net/http's, or a struct that carries
// one (a generated API client's DeleteUser(ctx, id) (*http.Response,
// error), oapi-codegen's DeleteUserWithResponse returning a
// DeleteUserResponse{Body, HTTPResponse *http.Response}): the call asks
// another service, which authorizes it; it touches no store of this one.
func httpClientMethod(sig *types.Signature) bool {
	for i := 0; i < sig.Results().Len(); i++ {
		t := sig.Results().At(i).Type()
		if netHTTPType(t) {
			return true
		}
		if n := structtype.Elem(t); n != nil {
			st := n.Underlying().(*types.Struct)
			for j := 0; j < st.NumFields(); j++ {
				if netHTTPType(st.Field(j).Type()) {
					return true
				}
			}
		}
	}
	return false
}

// netHTTPType: t is, or points to, a named type of net/http.
func netHTTPType(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "net/http"
}

// filterStruct returns the struct type t is or points to when it reads
// as a lookup filter: declared in pkg's module, with an identifier field
// (ID, UID, MemoID) among its fields.
func filterStruct(pkg *types.Package, t types.Type) *types.Named {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || modulePrefix(n.Obj().Pkg().Path()) != modulePrefix(pkg.Path()) {
		return nil
	}
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	for i := 0; i < st.NumFields(); i++ {
		if f := st.Field(i); f.Exported() && words.Identifier(f.Name()) {
			return n
		}
	}
	return nil
}

// filterValues returns the field values of a filter literal argument
// (&FindMemo{UID: &uid, CreatorID: &me.ID}: &uid and &me.ID), each its
// own selector; any other argument is its own only selector.
func filterValues(a ast.Expr) []ast.Expr {
	e := ast.Unparen(a)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok || len(lit.Elts) == 0 {
		return []ast.Expr{a}
	}
	out := make([]ast.Expr, 0, len(lit.Elts))
	for _, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			out = append(out, kv.Value)
		} else {
			out = append(out, el)
		}
	}
	return out
}

// filterSelectors returns the selectors a filter argument gives: the
// field values of a literal (filterValues), and for a variable that a
// literal defines in the body (tagDelete := &TagDelete{Name: name,
// CreatorID: userID}; organizer.UserID = userID), the values of that
// literal's fields and of the fields assigned later, each its own
// selector, with the body's other definitions of it (a decode into it);
// any other argument is its own only selector.
func filterSelectors(fl *Flow, a ast.Expr) []ast.Expr {
	if vals := filterValues(a); len(vals) != 1 || vals[0] != a {
		return vals
	}
	e := ast.Unparen(a)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	id, ok := e.(*ast.Ident)
	if !ok || fl == nil {
		return []ast.Expr{a}
	}
	v, ok := fl.info.Uses[id].(*types.Var)
	if !ok {
		return []ast.Expr{a}
	}
	defs, lhs := fl.Defs(v), fl.Assigned(v)
	var out []ast.Expr
	literal := false
	for i, d := range defs {
		if i < len(lhs) && isIdent(lhs[i]) && freshValue(d) {
			if vals := filterValues(d); len(vals) != 1 || vals[0] != d {
				out = append(out, vals...)
			}
			literal = true
			continue
		}
		out = append(out, d)
	}
	if !literal {
		return []ast.Expr{a}
	}
	return out
}

func isIdent(e ast.Expr) bool { _, ok := ast.Unparen(e).(*ast.Ident); return ok }

// idType: a type an identifier has — strings, integers, byte arrays
// (uuid.UUID), and named types over them; not context.Context, bools or
// floats.
func idType(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&(types.IsString|types.IsInteger) != 0
	case *types.Array:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Byte && u.Len() == 16
	}
	return false
}

// modulePrefix is the part of an import path that names its module, as
// hosting conventions give it: github.com/org/repo, example.com/app, app.
func modulePrefix(path string) string {
	parts := strings.Split(path, "/")
	n := 1
	if strings.Contains(parts[0], ".") {
		n = 2
		switch parts[0] {
		case "github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "gitee.com", "git.sr.ht":
			n = 3
		}
	}
	if len(parts) < n {
		n = len(parts)
	}
	return strings.Join(parts[:n], "/")
}
