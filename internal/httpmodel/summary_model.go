package httpmodel

import (
	"go/types"
	"strings"

	"github.com/apivet/apivet/internal/words"
)

// The model a repository function acts on, when its accesses do not say
// it plainly: stores that build their SQL text at run time, that read
// several models to compose one, or that keep rows in a cache (memos
// before its gRPC API).

// summaryModel chooses the model a repository function acts on: among
// its accesses' models, the one it is named after (memos' FindMemo reads
// memoRaw, and through ComposeMemo a memoOrganizerRaw too), else the
// first; with none, the type its name or its filter parameter names
// (DeleteShortcut(ctx, &ShortcutDelete{ID: &id}), whose SQL text is
// built at run time: api.Shortcut).
func (m *modeler) summaryModel(fn *types.Func, fact *DataAccessFact, models [][2]string) (string, string) {
	if noun := modelNoun(fn.Name()); noun != "" {
		for _, md := range models {
			if modelNoun("Get"+upperFirst(md[1])) == noun {
				return md[0], md[1]
			}
		}
	}
	if fact.ModelName != "" {
		return fact.ModelPkg, fact.ModelName
	}
	var filter *types.Named
	params := fn.Type().(*types.Signature).Params()
	for i := 0; i < params.Len() && filter == nil; i++ {
		filter = filterStruct(m.pass.Pkg, params.At(i).Type())
	}
	return namedModel(fn, filter)
}

// modelNoun is the lower-case name a repository method or a model type
// names its objects by, without a verb, a List suffix or storage words:
// FindMemoList, GetMemo and memoRaw give "memo"; "" when the method
// starts with no repository verb.
func modelNoun(name string) string {
	ws := words.Split(name)
	if len(ws) < 2 {
		return ""
	}
	if _, verb := unseenRepoVerbs[ws[0]]; !verb {
		return ""
	}
	ws = trimStorageWords(ws[1:])
	last := ws[len(ws)-1]
	if len(last) > 3 && strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss") {
		ws = append(ws[:len(ws)-1:len(ws)-1], strings.TrimSuffix(last, "s"))
	}
	return strings.Join(ws, "_")
}

// trimStorageWords drops the trailing words that name how objects are
// stored, not what they are (memoRaw, UserRecord, MemoList, userRow),
// keeping at least one word.
func trimStorageWords(ws []string) []string {
	for len(ws) > 1 {
		switch ws[len(ws)-1] {
		case "list", "raw", "row", "rows", "record", "model", "entity":
			ws = ws[:len(ws)-1]
			continue
		}
		break
	}
	return ws
}

// upperFirst capitalizes the first letter of an identifier.
func upperFirst(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// namedModel returns the model a repository method is named after when
// its signature returns none: the type the filter names after or before
// its verb (FindMemo, ShortcutDelete: Memo, Shortcut), else the type the
// method names after its verb (DeleteShortcut: Shortcut), looked up in
// the filter's package, else the method's.
func namedModel(fn *types.Func, filter *types.Named) (pkgPath, name string) {
	ws := words.Split(fn.Name())
	if len(ws) == 0 {
		return "", ""
	}
	var cands []string
	var in *types.Package
	if filter != nil {
		in = filter.Obj().Pkg()
		fname := filter.Obj().Name()
		if fw := words.Split(fname); len(fw) > 1 {
			if _, verb := unseenRepoVerbs[fw[0]]; verb {
				cands = append(cands, fname[len(fw[0]):])
			}
			if _, verb := unseenRepoVerbs[fw[len(fw)-1]]; verb {
				cands = append(cands, fname[:len(fname)-len(fw[len(fw)-1])])
			}
		}
	}
	if in == nil {
		in = fn.Pkg()
	}
	if _, verb := unseenRepoVerbs[ws[0]]; verb {
		rest := fn.Name()[len(ws[0]):]
		cands = append(cands, rest, strings.TrimSuffix(rest, "s"), strings.TrimSuffix(rest, "List"))
	}
	for _, c := range cands {
		if c == "" {
			continue
		}
		if tn, ok := in.Scope().Lookup(c).(*types.TypeName); ok && tn.Exported() && (filter == nil || tn != filter.Obj()) {
			if _, isStruct := tn.Type().Underlying().(*types.Struct); isStruct {
				return in.Path(), c
			}
		}
	}
	return "", ""
}

// cacheMethod: the method or its interface is named after a cache
// (memos' CacheService.UpsertCache(ns, id, entry)): keeping a copy of
// an object in memory does not change or read the stored one.
func cacheMethod(fn *types.Func) bool {
	names := []string{fn.Name()}
	if recv := fn.Type().(*types.Signature).Recv(); recv != nil {
		if n, ok := types.Unalias(recv.Type()).(*types.Named); ok {
			names = append(names, n.Obj().Name())
		}
	}
	for _, n := range names {
		for _, w := range words.Split(n) {
			if w == "cache" || w == "caches" || w == "cached" {
				return true
			}
		}
	}
	return false
}
