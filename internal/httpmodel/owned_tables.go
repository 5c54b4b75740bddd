package httpmodel

import (
	"go/constant"
	"go/types"
	"regexp"
	"strings"

	"github.com/apivet/apivet/internal/persist"
	"github.com/apivet/apivet/internal/words"
)

// Tables whose rows belong to users although the model says nothing.
//
// A repository may keep the owner only in a column (bindery's authors
// table has owner_user_id, its Author struct had no such field): the
// model has no owner field, and the lookup by ID names no owner column,
// yet other queries of the same package filter the table by it
// (SELECT ... FROM authors WHERE owner_user_id = ?). Such a table is
// per-user data; a function acting on it gets OwnedTable in its
// summary. Author or creator columns do not count: they mark authored
// content, which anyone may read.

var (
	sqlTargetRE = regexp.MustCompile(`(?is)\b(?:from|update|join)\s+[\x60"\[]?([A-Za-z_][A-Za-z0-9_.]*)[\x60"\]]?(.*?)(?:\b(?:from|update|join)\b|$)`)
	sqlWhereRE  = regexp.MustCompile(`(?i)\bwhere\b`)
	sqlWordRE   = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*`)
)

// ownedTables returns the tables the package's constant SQL texts filter
// by an owner column (lower case, without schema).
func (m *modeler) ownedTables() map[string]bool {
	if m.owned != nil {
		return m.owned
	}
	m.owned = map[string]bool{}
	for _, tv := range m.info.Types {
		if tv.Value == nil || tv.Value.Kind() != constant.String {
			continue
		}
		s := constant.StringVal(tv.Value)
		if len(s) < 12 || len(s) > 8192 || !sqlWhereRE.MatchString(s) {
			continue
		}
		for _, mt := range sqlTargetRE.FindAllStringSubmatch(s, -1) {
			where := sqlWhereRE.FindStringIndex(mt[2])
			if where == nil {
				continue
			}
			if ownerColumnIn(mt[2][where[1]:]) {
				t := strings.ToLower(mt[1])
				if i := strings.LastIndexByte(t, '.'); i >= 0 {
					t = t[i+1:]
				}
				m.owned[t] = true
			}
		}
	}
	return m.owned
}

// ownerColumnIn: a condition names a column relating a row to its owner
// (user_id, owner_user_id, tenant_id), not its author or creator.
func ownerColumnIn(cond string) bool {
	for _, w := range sqlWordRE.FindAllString(cond, -1) {
		p, ok := persist.OwnerName(w)
		if !ok {
			continue
		}
		switch p {
		case "author id", "creator id", "created by", "created by id":
			continue
		}
		return true
	}
	return false
}

// ownedTable: the table a summary acts on (its SQL's first table, or the
// model's conventional table names) is one the package filters by owner.
func (m *modeler) ownedTable(f *DataAccessFact) bool {
	owned := m.ownedTables()
	if len(owned) == 0 {
		return false
	}
	if mt := sqlTargetRE.FindStringSubmatch(f.SQL); mt != nil {
		t := strings.ToLower(mt[1])
		if i := strings.LastIndexByte(t, '.'); i >= 0 {
			t = t[i+1:]
		}
		return owned[t]
	}
	if f.ModelName == "" {
		return false
	}
	snake := strings.Join(words.Split(f.ModelName), "_")
	for _, t := range []string{snake, snake + "s", snake + "es", strings.TrimSuffix(snake, "y") + "ies"} {
		if owned[t] {
			return true
		}
	}
	return false
}

// sqlInterfaceKey: fn is a method of a project interface that *sql.DB
// implements (sqlc's DBTX, a dbExecutor shared by *sql.DB and *sql.Tx:
// ExecContext, QueryContext, QueryRowContext): a call through it is the
// database/sql call of that name, with its SQL text.
func sqlInterfaceKey(fn *types.Func) (key, bool) {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return key{}, false
	}
	iface, ok := sig.Recv().Type().Underlying().(*types.Interface)
	if !ok {
		return key{}, false
	}
	k := key{pkg: "database/sql", recv: "DB", name: fn.Name()}
	if _, ok := accessTable[k]; !ok {
		return key{}, false
	}
	var sqlPkg *types.Package
	for _, t := range []*types.Tuple{sig.Params(), sig.Results()} {
		for i := 0; i < t.Len() && sqlPkg == nil; i++ {
			typ := t.At(i).Type()
			if p, ok := typ.(*types.Pointer); ok {
				typ = p.Elem()
			}
			if n, ok := types.Unalias(typ).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "database/sql" {
				sqlPkg = n.Obj().Pkg()
			}
		}
	}
	if sqlPkg == nil {
		return key{}, false
	}
	db, ok := sqlPkg.Scope().Lookup("DB").(*types.TypeName)
	if !ok || !types.Implements(types.NewPointer(db.Type()), iface) {
		return key{}, false
	}
	return k, true
}
