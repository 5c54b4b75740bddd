package bola

import (
	"go/types"
	"regexp"
	"strings"
	"unicode"

	"github.com/apivet/apivet/internal/persist"
	"github.com/apivet/apivet/internal/words"
)

var (
	sqlTableRE = regexp.MustCompile(`(?i)\b(?:from|update|into|join)\s+[\x60"\[]?([A-Za-z_][A-Za-z0-9_.]*)`)
	sqlIdentRE = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*`)
)

// sqlTable returns the first table a SQL statement names.
func sqlTable(sql string) string {
	m := sqlTableRE.FindStringSubmatch(sql)
	if m == nil {
		return ""
	}
	t := m[1]
	if i := strings.LastIndexByte(t, '.'); i >= 0 {
		t = t[i+1:]
	}
	return strings.ToLower(t)
}

// ownerColumn returns the first identifier in a SQL fragment that names
// an owner column (user_id, owner_id, tenant_id, ...).
func ownerColumn(sql string) string {
	for _, id := range sqlIdentRE.FindAllString(sql, -1) {
		if _, ok := persist.OwnerName(id); ok {
			return id
		}
	}
	return ""
}

// modelForTable finds a persistence model visible from pkg whose default
// table name (gorm's snake_case plural) is table.
func modelForTable(pkg *types.Package, table string) *types.Named {
	if table == "" {
		return nil
	}
	var found *types.Named
	seen := map[*types.Package]bool{}
	var visit func(p *types.Package, depth int)
	visit = func(p *types.Package, depth int) {
		if found != nil || seen[p] || depth > 3 {
			return
		}
		seen[p] = true
		if !stdlib(p.Path()) {
			scope := p.Scope()
			for _, name := range scope.Names() {
				tn, ok := scope.Lookup(name).(*types.TypeName)
				if !ok {
					continue
				}
				n, ok := tn.Type().(*types.Named)
				if !ok {
					continue
				}
				if _, ok := n.Underlying().(*types.Struct); !ok {
					continue
				}
				if tableNames(name)[table] {
					found = n
					return
				}
			}
		}
		for _, imp := range p.Imports() {
			visit(imp, depth+1)
		}
	}
	visit(pkg, 0)
	return found
}

func stdlib(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// tableNames returns the table names a type name maps to by convention.
func tableNames(typeName string) map[string]bool {
	snake := strings.Join(words.Split(typeName), "_")
	out := map[string]bool{snake: true, snake + "s": true, snake + "es": true}
	if strings.HasSuffix(snake, "y") {
		out[strings.TrimSuffix(snake, "y")+"ies"] = true
	}
	return out
}

// singular turns a plural English noun into a guess at its singular.
func singular(s string) string {
	switch {
	case strings.HasSuffix(s, "ies"):
		return strings.TrimSuffix(s, "ies") + "y"
	case strings.HasSuffix(s, "sses"), strings.HasSuffix(s, "xes"):
		return strings.TrimSuffix(s, "es")
	case strings.HasSuffix(s, "s") && !strings.HasSuffix(s, "ss"):
		return strings.TrimSuffix(s, "s")
	}
	return s
}

// upperFirst capitalizes s.
func upperFirst(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}
