package dataexposure

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/httpmodel"
	"github.com/apivet/apivet/internal/persist"
	"github.com/apivet/apivet/internal/source"
	"github.com/apivet/apivet/internal/structtype"
)

// A response DTO does not help when the handler copies the model's secret
// into it: UserResp{ID: u.ID, Password: u.PasswordHash}, or resp.Token =
// user.APIKey before c.JSON(200, resp). Such a copy is reported where it
// is made (the literal's field or the assignment), at the severity of a
// model's secret sent whole, when the DTO field is serialized and the
// DTO value is the response (or inside it). A value passed through a
// call first (mask(u.Password), hash(u.Token)) is not the secret any
// more; a conversion (string(u.Key)) still is.

// secretCopy is a model's sensitive field copied into a response field.
type secretCopy struct {
	at       ast.Node // the literal's key-value, or the assignment
	model    *types.Named
	field    persist.Field
	dto      types.Type
	dtoField string
	path     string
}

// copies finds the copies of model secrets into DTO fields in the
// response value e (at path), following local variables to their
// literals and field assignments.
func (w *walker) copies(e ast.Expr, path string, depth int, seen map[*types.Var]bool, out *[]secretCopy) {
	if depth > maxDepth || e == nil {
		return
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	info := w.pass.TypesInfo
	t := info.TypeOf(e)
	if t == nil {
		return
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		switch u := t.Underlying().(type) {
		case *types.Map:
			for _, el := range e.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					w.copies(kv.Value, join(path, keyName(info, kv.Key)), depth+1, seen, out)
				}
			}
		case *types.Slice, *types.Array:
			for _, el := range e.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					el = kv.Value
				}
				w.copies(el, path+"[]", depth+1, seen, out)
			}
		case *types.Struct:
			if w.pm.IsModel(t) {
				return // a model sent whole: the walker judges it
			}
			for i, el := range e.Elts {
				name, val := "", el
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					if id, ok := kv.Key.(*ast.Ident); ok {
						name, val = id.Name, kv.Value
					}
				} else if i < u.NumFields() {
					name = u.Field(i).Name()
				}
				f, ok := directField(t, name)
				if !ok || !w.fieldSerialized(f) {
					continue
				}
				if c, ok := w.copiedSecret(val, t, f, path, w.key(f), el); ok {
					*out = append(*out, c)
					continue
				}
				w.copies(val, join(path, w.key(f)), depth+1, seen, out)
			}
		}
	case *ast.CallExpr:
		w.converterCopies(e, path, depth, seen, out)
	case *ast.Ident:
		v, _ := info.Uses[e].(*types.Var)
		if v == nil || seen[v] || w.pm.IsModel(deref(v.Type())) {
			return
		}
		seen[v] = true
		for _, d := range w.defs.of(v, w.at) {
			p := join(path, d.elemKey)
			if d.elemKey == "[]" {
				p = path + "[]"
			}
			w.copies(d.expr, p, depth+1, seen, out)
		}
		// resp.Token = user.APIKey before the response.
		for _, fs := range w.defs.fields[v] {
			if fs.value == nil || fs.pos > w.at {
				continue
			}
			sel, ok := w.pass.TypesInfo.Selections[fs.lhs]
			if !ok || sel.Kind() != types.FieldVal || w.pm.IsModel(deref(sel.Recv())) {
				continue
			}
			f, ok := directField(deref(sel.Recv()), fs.lhs.Sel.Name)
			if !ok || !w.fieldSerialized(f) {
				continue
			}
			if c, ok := w.copiedSecret(fs.value, deref(sel.Recv()), f, path, w.key(f), fs.stmt); ok {
				*out = append(*out, c)
			}
		}
	}
}

// directField returns the field named name declared on struct type t.
func directField(t types.Type, name string) (persist.Field, bool) {
	if name == "" {
		return persist.Field{}, false
	}
	for _, f := range persist.Fields(t) {
		if f.Name() == name && len(f.Via) == 0 {
			return f, true
		}
	}
	return persist.Field{}, false
}

// copiedSecret reports whether val, stored into DTO field f of dto (at
// path in the response, under key), is a sensitive field of a
// persistence model that reaches the client.
func (w *walker) copiedSecret(val ast.Expr, dto types.Type, f persist.Field, path, key string, at ast.Node) (secretCopy, bool) {
	info := w.pass.TypesInfo
	e := ast.Unparen(val)
	for {
		switch x := e.(type) {
		case *ast.StarExpr:
			e = ast.Unparen(x.X)
			continue
		case *ast.CallExpr:
			// string(u.APIKey), []byte(u.Secret): the same value.
			if tv, ok := info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
				e = ast.Unparen(x.Args[0])
				continue
			}
		}
		break
	}
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return secretCopy{}, false
	}
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return secretCopy{}, false
	}
	// u.Password.String of a nullable wrapper: the model's field is the
	// one the wrapper is.
	if inner, ok := ast.Unparen(sel.X).(*ast.SelectorExpr); ok && !w.pm.IsModel(deref(s.Recv())) {
		if is, ok := info.Selections[inner]; ok && is.Kind() == types.FieldVal {
			sel, s = inner, is
		}
	}
	named, _ := types.Unalias(deref(s.Recv())).(*types.Named)
	if named == nil {
		return secretCopy{}, false
	}
	if _, _, isModel := w.pm.Model(named); !isModel {
		return secretCopy{}, false
	}
	var mf persist.Field
	found := false
	for _, cand := range persist.Fields(named) {
		if cand.Var == s.Obj() {
			mf, found = cand, true
			break
		}
	}
	if !found || mf.NotStored() {
		return secretCopy{}, false
	}
	phrase, ok := persist.Sensitive(mf)
	if !ok {
		return secretCopy{}, false
	}
	root := source.RootVar(info, sel.X)
	if root != nil && w.defs.masked(root, at.Pos())[mf.Name()] {
		return secretCopy{}, false // cleared before the copy
	}
	// In a converter (toUserResp(&u)), the model is the handler's value
	// passed in: its masks and ownership checks are the handler's.
	for i := len(w.conv) - 1; i >= 0 && root != nil; i-- {
		fr := w.conv[i]
		arg, ok := fr.bind[root]
		if !ok {
			root = nil
			break
		}
		root = source.RootVar(info, arg)
		if root != nil && fr.outerDefs.masked(root, fr.call.Pos())[mf.Name()] {
			return secretCopy{}, false
		}
	}
	if issuable[phrase] {
		// The credential a login, token or key endpoint issues, or the
		// owner's own after an ownership check.
		if dn, ok := types.Unalias(dto).(*types.Named); ok && w.issuing(dn, path) {
			return secretCopy{}, false
		}
		saved, savedAt := w.root, w.at
		w.root = root
		if len(w.conv) > 0 {
			w.at = w.conv[0].call.Pos() // the handler's, where the converter is called
		}
		owner := root != nil && (w.ownerChecked() || w.callerScoped())
		w.root, w.at = saved, savedAt
		if owner {
			return secretCopy{}, false
		}
	}
	return secretCopy{at: at, model: named, field: mf, dto: dto, dtoField: f.Name(), path: join(path, key)}, true
}

// reportCopies writes one diagnostic per copy, unless the DTO field is
// already reported as the response's own secret.
func reportCopies(pass *analysis.Pass, schemas map[*types.TypeName]string, r *httpmodel.Response, found []*exposure, copies []secretCopy, done map[token.Pos]bool) {
	leaking := map[*types.Var]bool{}
	for _, x := range found {
		for _, l := range x.leaks {
			leaking[l.field.Var] = true
		}
	}
	for _, c := range copies {
		if done[c.at.Pos()] {
			continue
		}
		done[c.at.Pos()] = true
		if f, ok := directField(c.dto, c.dtoField); ok && leaking[f.Var] {
			continue
		}
		related := []analysis.RelatedInformation{{Pos: c.field.DeclLine(pass.Fset), Message: fmt.Sprintf("%s, %s", c.field.Path(), c.field.DeclaredAt(pass.Fset))}}
		if n := structtype.Elem(c.dto); n != nil {
			if schema := schemaOf(pass, schemas, n); schema != "" {
				check.Report(pass, analysis.Diagnostic{Pos: c.at.Pos(), End: c.at.End(),
					Message: fmt.Sprintf("%s sends %s's sensitive field %s to the client%s: it is copied into %s.%s, which the API's %s schema declares; if clients must not see it, take it out of the schema",
						callName(r), typeName(pass, c.model), c.field.Path(), where(c.path), typeName(pass, n), c.dtoField, schema),
					Related: related,
				}, check.Note)
				continue
			}
		}
		check.Report(pass, analysis.Diagnostic{Pos: c.at.Pos(), End: c.at.End(),
			Message: fmt.Sprintf("%s sends %s's sensitive field %s to the client%s: it is copied into the response here, so the DTO does not keep it in; leave it out, or send a masked form",
				callName(r), typeName(pass, c.model), c.field.Path(), where(c.path)),
			Related: related,
		}, check.Error)
	}
}

// convFrame is a converter being walked: the call in the response value
// and what its parameters are bound to.
type convFrame struct {
	call      *ast.CallExpr
	bind      map[*types.Var]ast.Expr // parameter or receiver -> argument
	outerDefs *defs
}

// converterCopies follows a response value built by a function of this
// package (toUserResp(&u), u.ToResponse()) into the values it returns.
func (w *walker) converterCopies(call *ast.CallExpr, path string, depth int, seen map[*types.Var]bool, out *[]secretCopy) {
	info := w.pass.TypesInfo
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || fn.Pkg() != w.pass.Pkg || len(w.conv) >= 2 {
		return
	}
	decl := w.decls()[fn]
	if decl == nil || decl.Body == nil {
		return
	}
	for _, fr := range w.conv {
		if fr.call == call {
			return
		}
	}
	sig := fn.Signature()
	if sig.Results().Len() == 0 || w.pm.IsModel(deref(sig.Results().At(0).Type())) {
		return
	}
	bind := map[*types.Var]ast.Expr{}
	if r := sig.Recv(); r != nil {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			bind[r] = sel.X
		}
	}
	for i := 0; i < sig.Params().Len() && i < len(call.Args); i++ {
		if sig.Variadic() && i == sig.Params().Len()-1 {
			break
		}
		bind[sig.Params().At(i)] = call.Args[i]
	}
	savedDefs, savedAt := w.defs, w.at
	w.conv = append(w.conv, convFrame{call: call, bind: bind, outerDefs: savedDefs})
	w.defs = collectDefs(w.pass, w.hm, nil, decl.Body)
	defer func() {
		w.defs, w.at = savedDefs, savedAt
		w.conv = w.conv[:len(w.conv)-1]
	}()
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) > 0 {
				w.at = n.Pos()
				w.copies(n.Results[0], path, depth+1, seen, out)
			}
		}
		return true
	})
}

// decls indexes the package's function declarations (once per package).
func (w *walker) decls() map[*types.Func]*ast.FuncDecl {
	if w.funcs == nil {
		w.funcs = map[*types.Func]*ast.FuncDecl{}
		for fd, fn := range source.Funcs(w.pass.Files, w.pass.TypesInfo) {
			w.funcs[fn] = fd
		}
	}
	return w.funcs
}
