package bola

// Which model an access touches, and whether it is per-user data.

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/httpmodel"
	"github.com/apivet/apivet/internal/persist"
	"github.com/apivet/apivet/internal/structtype"
	"github.com/apivet/apivet/internal/words"
)

// ownedModel determines the model the access touches and whether it is
// per-user data. The description names the model for the message.
func (r *runner) ownedModel(h *httpmodel.Handler, da *httpmodel.DataAccess, id *idInput) (string, bool) {
	named, table := r.modelOf(da)
	where := conditionText(r.pass, da)
	// A change selected by a client-chosen user/owner id ("uid",
	// "user_id", "ownerId") changes that user's data whatever the model.
	if da.Kind != httpmodel.Read && ownerIDName(id.name) {
		desc := table
		if named != nil {
			desc = typeName(named)
		}
		if desc == "" {
			desc = "rows of that user"
		}
		if (named == nil || !matchType(settings.PublicModels, named)) && !matchTable(settings.PublicModels, table) {
			return desc, true
		}
	}
	if named != nil {
		desc := typeName(named)
		if matchType(settings.PublicModels, named) {
			return desc, false
		}
		if matchType(settings.OwnedModels, named) {
			return desc, true
		}
		if fs := persist.OwnerFields(named); len(fs) > 0 {
			// Authored content (posts, comments, articles: only an
			// AuthorID/CreatedBy) is read by everyone; only changing it
			// needs the author. Unless it can be private (a memo's
			// Visibility, a draft): then reading it needs the author too.
			if da.Kind == httpmodel.Read && authoredOnly(fs) && !r.ownedTable(da) && (privacyOf(named) == "" || r.callerFiltersReads(h, da)) {
				return desc, false
			}
			return desc, true
		}
		if da.Kind != httpmodel.Read && accountModel(named) {
			return desc, true // a user's own account record
		}
		return desc, ownerColumn(where) != "" || r.ownedTable(da)
	}
	if table != "" {
		if matchTable(settings.PublicModels, table) {
			return table, false
		}
		if matchTable(settings.OwnedModels, table) {
			return table, true
		}
		if n := modelForTable(r.pass.Pkg, table); n != nil {
			if matchType(settings.PublicModels, n) {
				return table, false
			}
			if matchType(settings.OwnedModels, n) || len(persist.OwnerFields(n)) > 0 {
				return table, true
			}
		}
		return table, ownerColumn(where) != "" || r.ownedTable(da)
	}
	if c := ownerColumn(where); c != "" {
		return "rows", true
	}
	return "", false
}

// ownedTable: a repository access on a table its package filters by an
// owner column elsewhere (httpmodel's DataAccessFact.OwnedTable).
func (r *runner) ownedTable(da *httpmodel.DataAccess) bool {
	if da.Library != "repo" || da.Func == nil {
		return false
	}
	f := r.res.DataAccessOf(da.Func)
	return f != nil && f.OwnedTable
}

// authoredOnly: every owner field names an author or creator, not an
// owner, user, tenant, account or customer.
func authoredOnly(fs []persist.Field) bool {
	for _, f := range fs {
		p, _ := persist.OwnerName(f.Name())
		switch p {
		case "author id", "creator id", "created by", "created by id":
		default:
			return false
		}
	}
	return true
}

// modelOf finds the model type (or SQL table) a data access touches.
func (r *runner) modelOf(da *httpmodel.DataAccess) (*types.Named, string) {
	info := r.pass.TypesInfo
	if da.Model != nil {
		if n := structtype.Elem(da.Model); n != nil {
			return n, ""
		}
	}
	if da.Table != "" {
		return nil, strings.ToLower(da.Table)
	}
	if da.Dest != nil {
		if n := structtype.Elem(info.TypeOf(da.Dest)); n != nil {
			return n, ""
		}
	}
	for _, c := range chainOf(da) {
		name := calleeName(info, c)
		switch name {
		case "Model":
			if len(c.Args) == 1 {
				if n := structtype.Elem(info.TypeOf(c.Args[0])); n != nil {
					return n, ""
				}
			}
		case "Table":
			if len(c.Args) >= 1 {
				if tv, ok := info.Types[c.Args[0]]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
					return nil, strings.ToLower(constant.StringVal(tv.Value))
				}
			}
		}
	}
	if da.Library == "gorm" && len(da.Call.Args) > 0 {
		if n := structtype.Elem(info.TypeOf(da.Call.Args[0])); n != nil {
			return n, ""
		}
	}
	if da.SQL != "" {
		if t := sqlTable(da.SQL); t != "" {
			return nil, t
		}
	}
	// A mongo collection held in a variable named after its documents
	// (noteCollection, usersColl): the table is the name without suffix.
	if strings.Contains(da.Library, "mongo") {
		if sel, ok := ast.Unparen(da.Call.Fun).(*ast.SelectorExpr); ok {
			ws := words.Split(lastName(sel.X))
			for len(ws) > 1 && (ws[len(ws)-1] == "collection" || ws[len(ws)-1] == "coll" || ws[len(ws)-1] == "col") {
				ws = ws[:len(ws)-1]
			}
			if len(ws) > 0 && ws[0] != "collection" {
				t := strings.Join(ws, "_")
				if n := modelForTable(r.pass.Pkg, t); n != nil {
					return n, ""
				}
				return nil, t
			}
		}
	}
	if da.Library != "repo" {
		return nil, ""
	}
	fn := da.Func
	if fn == nil {
		return nil, ""
	}
	sig := fn.Type().(*types.Signature)
	for i := 0; i < sig.Results().Len(); i++ {
		if n := structtype.Elem(sig.Results().At(i).Type()); n != nil && persistModel(n) {
			return n, ""
		}
	}
	// Delete(ctx, id) on type Orders / OrderRepo: the receiver names the model.
	if sig.Recv() != nil {
		if rn := recvNamed(sig.Recv().Type()); rn != nil {
			base := rn.Obj().Name()
			for _, suf := range []string{"Repository", "Repo", "Store", "Storage", "Service", "Svc", "DAO", "Dao", "Model", "Table", "Manager"} {
				base = strings.TrimSuffix(base, suf)
			}
			if base != "" {
				if n := lookupModel(r.pass.Pkg, fn.Pkg(), upperFirst(singular(base))); n != nil {
					return n, ""
				}
			}
		}
	}
	return nil, ""
}

// recvNamed is the named type of a receiver: a struct, or the interface
// of a method called through it (OrderStore.DeleteOrder).
func recvNamed(t types.Type) *types.Named {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// lookupModel finds a struct type named name in the packages imported by
// the repository's package.
func lookupModel(pkg, repoPkg *types.Package, name string) *types.Named {
	for _, p := range append([]*types.Package{repoPkg}, repoPkg.Imports()...) {
		if tn, ok := p.Scope().Lookup(name).(*types.TypeName); ok {
			if n, ok := tn.Type().(*types.Named); ok {
				if _, ok := n.Underlying().(*types.Struct); ok {
					return n
				}
			}
		}
	}
	return nil
}

// persistModel: the type looks like a stored record (tagged fields or an
// owner field); keeps DTOs and errors out.
func persistModel(n *types.Named) bool {
	if len(persist.OwnerFields(n)) > 0 {
		return true
	}
	for _, f := range persist.Fields(n) {
		for _, k := range []string{"gorm", "db", "bun", "bson", "sql", "pg", "xorm"} {
			if _, ok := f.Tag.Lookup(k); ok {
				return true
			}
		}
	}
	return false
}

// chainOf is the receiver chain of the access's call, root first
// (db.Model(&T{}).Where(...).Update(...)), from the model or syntax.
func chainOf(da *httpmodel.DataAccess) []*ast.CallExpr {
	out := append([]*ast.CallExpr(nil), da.Chain...)
	for e := ast.Expr(da.Call); ; {
		c, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			break
		}
		out = append([]*ast.CallExpr{c}, out...)
		sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
		if !ok {
			break
		}
		e = sel.X
	}
	return out
}

func typeName(n *types.Named) string {
	obj := n.Obj()
	if obj.Pkg() == nil {
		return obj.Name()
	}
	return obj.Pkg().Name() + "." + obj.Name()
}

func calleeName(info *types.Info, c *ast.CallExpr) string {
	if sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr); ok {
		return sel.Sel.Name
	}
	if fn := typeutil.StaticCallee(info, c); fn != nil {
		return fn.Name()
	}
	return ""
}

// conditionText is the SQL text and the constant strings of the access's
// conditions (gorm Where("user_id = ?")).
func conditionText(pass *analysis.Pass, da *httpmodel.DataAccess) string {
	var b strings.Builder
	b.WriteString(da.SQL)
	for _, c := range da.Conditions {
		for _, a := range c.Args {
			if tv, ok := pass.TypesInfo.Types[a]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
				b.WriteString(" ")
				b.WriteString(constant.StringVal(tv.Value))
			}
		}
	}
	return b.String()
}
