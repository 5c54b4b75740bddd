package httpmodel

import (
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

// unseenRepoVerbs maps the first word of a method name to what it does.
var unseenRepoVerbs = map[string]AccessKind{
	"get": Read, "find": Read, "load": Read, "fetch": Read, "read": Read, "lookup": Read, "retrieve": Read, "select": Read, "query": Read,
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
	if len(ws) == 0 {
		return nil
	}
	kind, ok := unseenRepoVerbs[ws[0]]
	if !ok {
		return nil
	}
	sig := fn.Type().(*types.Signature)
	f := &DataAccessFact{Kind: kind, DestParam: -1, Library: "repo"}
	for i := 0; i < sig.Params().Len(); i++ {
		if idType(sig.Params().At(i).Type()) {
			f.SelectorParams = append(f.SelectorParams, i)
		}
	}
	if len(f.SelectorParams) == 0 {
		return nil
	}
	for i := 0; i < sig.Results().Len(); i++ {
		if n := structtype.Elem(sig.Results().At(i).Type()); n != nil && n.Obj().Pkg() != nil {
			f.ModelPkg, f.ModelName = n.Obj().Pkg().Path(), n.Obj().Name()
			break
		}
	}
	return f
}

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
