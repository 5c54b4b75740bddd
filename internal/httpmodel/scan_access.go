package httpmodel

// Data access in bodies: the library calls that read, change or delete
// stored objects, gorm's chains, and the data-access facts of the
// package's own and imported functions.

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/apivet/apivet/internal/structtype"
)

// scanAccess reports a data access for call, if it is one: a library
// finisher, or a call of a function summarized by a DataAccessFact.
func (m *modeler) scanAccess(fl *Flow, call *ast.CallExpr, fn *types.Func, k key, emit func(*DataAccess)) {
	if _, ok := accessTable[k]; !ok {
		if sk, ok := sqlInterfaceKey(fn); ok {
			k = sk
		}
	}
	if row, ok := accessTable[k]; ok {
		d := &DataAccess{Call: call, Library: row.lib, Method: fn.Name(), Kind: row.kind, Dest: arg(call, row.dest), Func: fn}
		if row.sql >= 0 {
			if s, ok := constString(m.info, arg(call, row.sql)); ok {
				d.SQL = s
				if row.bySQL {
					if kind := sqlKind(s); kind != "" {
						d.Kind = kind
					}
				}
			} else if q := arg(call, row.sql); q != nil {
				// SQL text built by concatenation or fmt.Sprintf: whatever
				// flows into it selects rows too.
				d.Selectors = append(d.Selectors, q)
				if row.bySQL {
					if kind := sqlKind(m.sqlPrefix(fl, q)); kind != "" {
						d.Kind = kind
					}
				}
			}
		}
		if row.args >= 0 && row.args < len(call.Args) {
			args := call.Args[row.args:]
			if n, ok := accessSelectorCount[k]; ok && len(args) > n {
				args = args[:n]
			}
			if row.lib == "gorm" && row.sql < 0 && len(args) > 0 {
				// First(&o, "id = ?", id): the query string is not a selector value.
				if _, isStr := constString(m.info, args[0]); isStr && len(args) > 1 {
					args = args[1:]
				}
			}
			d.Selectors = append(d.Selectors, args...)
		}
		if row.lib == "gorm" || row.lib == "bun" {
			m.gormChain(fl, call, d)
		}
		m.accessModel(fl, d, k)
		emit(d)
		return
	}
	// Repository methods summarized by facts.
	fact := m.accessFact(fn)
	if fact == nil {
		return
	}
	// SQL stays "" for repo accesses (checks name the object from the
	// model first, then SQL); the summarized SQL is fact.SQL
	// (Result.DataAccessOf(d.Func).SQL).
	d := &DataAccess{Call: call, Library: "repo", Method: fn.Name(), Kind: fact.Kind, Func: fn}
	m.repoModel(fn, d, fact)
	for _, i := range fact.SelectorParams {
		for _, a := range argForParam(fn, call, i) {
			d.Selectors = append(d.Selectors, filterSelectors(fl, a)...)
		}
	}
	if fact.SelectorRecv {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			d.Selectors = append(d.Selectors, sel.X) // article.Update(...): the loaded object
		}
	}
	if fact.DestParam >= 0 {
		if a := argForParam(fn, call, fact.DestParam); len(a) == 1 {
			d.Dest = a[0]
		}
	}
	emit(d)
}

// argForParam returns the argument(s) passed for parameter i of fn
// (several for a variadic last parameter).
func argForParam(fn *types.Func, call *ast.CallExpr, i int) []ast.Expr {
	sig := fn.Type().(*types.Signature)
	if sig.Variadic() && i == sig.Params().Len()-1 && call.Ellipsis == token.NoPos {
		if i < len(call.Args) {
			return call.Args[i:]
		}
		return nil
	}
	if i < len(call.Args) {
		return []ast.Expr{call.Args[i]}
	}
	return nil
}

// gormChain fills the receiver chain, conditions and their selector
// values of a gorm finisher, following the receiver through calls and
// variables (q := db.Where(..); q = q.Where(..); q.First(..)).
func (m *modeler) gormChain(fl *Flow, call *ast.CallExpr, d *DataAccess) {
	var chain []*ast.CallExpr
	seen := map[ast.Node]bool{}
	var walk func(e ast.Expr, depth int)
	walk = func(e ast.Expr, depth int) {
		if depth > 32 {
			return
		}
		e = ast.Unparen(e)
		if seen[e] {
			return
		}
		seen[e] = true
		switch x := e.(type) {
		case *ast.CallExpr:
			fn := m.callee(x)
			if fn == nil || fn.Pkg() == nil || (fn.Pkg().Path() != pkgGorm && fn.Pkg().Path() != pkgGormV1 && fn.Pkg().Path() != pkgBun) {
				return
			}
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
				walk(sel.X, depth+1)
			} else if fn.Name() == "G" && len(x.Args) > 0 {
				walk(x.Args[0], depth+1)
			}
			chain = append(chain, x)
		case *ast.Ident:
			if fl == nil {
				return
			}
			if v, ok := m.info.Uses[x].(*types.Var); ok {
				for _, def := range fl.Defs(v) {
					walk(def, depth+1)
				}
			}
		}
	}
	walk(call, 0)
	d.Chain = chain
	byPK := false // bun WherePK(): the model value's key selects the row
	for _, c := range chain {
		if fn := m.callee(c); fn != nil && fn.Name() == "WherePK" {
			byPK = true
		}
	}
	insert := false
	if fn := m.callee(call); fn != nil {
		if recv := fn.Type().(*types.Signature).Recv(); recv != nil {
			if n, ok := types.Unalias(structtype.Deref(recv.Type())).(*types.Named); ok && n.Obj().Name() == "InsertQuery" {
				insert = true
			}
		}
	}
	for _, c := range chain {
		if c == call {
			continue
		}
		fn := m.callee(c)
		if fn == nil {
			continue
		}
		name := fn.Name()
		if name == "Model" && len(c.Args) == 1 && !freshValue(c.Args[0]) {
			if d.Library == "bun" && d.Kind == Read && d.Dest == nil {
				d.Dest = c.Args[0] // bun scans into the model
			}
			if (d.Kind != Read && !insert) || byPK {
				// db.Model(&order).Updates(...), bun's Model(&o).WherePK():
				// the row is selected by the value's primary key, so the
				// value selects what is read or changed.
				d.Selectors = append(d.Selectors, c.Args[0])
			}
			continue
		}
		if !gormCondMethods[name] {
			continue
		}
		d.Conditions = append(d.Conditions, c)
		if len(c.Args) == 0 {
			continue
		}
		if s, isStr := constString(m.info, c.Args[0]); isStr {
			if name == "Raw" && d.SQL == "" {
				d.SQL = s
			}
			d.Selectors = append(d.Selectors, c.Args[1:]...)
		} else {
			d.Selectors = append(d.Selectors, c.Args...)
		}
	}
}

// freshValue: &T{} or T{}, a value made on the spot (db.Model(&User{})
// names a table, not a row).
func freshValue(e ast.Expr) bool {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	_, ok := e.(*ast.CompositeLit)
	return ok
}

// accessFact returns the data-access summary of fn: computed for this
// package's functions, a fact for imported ones; for an interface
// method, the summary shared by all known implementations with that
// method name whose receiver implements the interface.
func (m *modeler) accessFact(fn *types.Func) *DataAccessFact {
	fn = fn.Origin()
	if f, ok := m.access[fn]; ok {
		return f
	}
	if fn.Pkg() != nil && accessLibraries[fn.Pkg().Path()] {
		return nil
	}
	if fn.Pkg() != m.pass.Pkg {
		var f DataAccessFact
		if m.importFact(fn, accessFacts, &f) {
			m.access[fn] = &f
			return &f
		}
	}
	sig := fn.Type().(*types.Signature)
	if sig.Recv() == nil {
		return nil
	}
	iface, ok := sig.Recv().Type().Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	if f, ok := m.viaIface[fn]; ok {
		return f
	}
	m.loadImpls()
	var merged *DataAccessFact
	for _, im := range slices.Concat(m.importedImpls[fn.Name()], m.implsByName[fn.Name()]) {
		rt := im.fn.Type().(*types.Signature).Recv().Type()
		if !types.Implements(rt, iface) {
			if _, isPtr := rt.(*types.Pointer); isPtr || !types.Implements(types.NewPointer(rt), iface) {
				continue
			}
		}
		if merged == nil {
			c := *im.fact
			merged = &c
		} else {
			merged = merged.merge(im.fact)
		}
	}
	if merged == nil && !m.library && !m.implemented(fn.Name()) {
		merged = unseenRepoFact(m.pass.Pkg, fn)
	}
	m.viaIface[fn] = merged
	return merged
}

// implemented: some method of that name in this package has a summary or
// a body the model read, so an implementation is in sight.
func (m *modeler) implemented(name string) bool {
	return len(m.importedImpls[name]) > 0 || len(m.implsByName[name]) > 0
}

// resetImpls drops what loadImpls and accessFact know of methods'
// summaries.
func (m *modeler) resetImpls() {
	m.implsByName, m.viaIface = nil, nil
}

func (m *modeler) loadImpls() {
	if m.implsByName != nil {
		return
	}
	if m.importedImpls == nil {
		// Imported facts do not change during the run: read once.
		m.importedImpls = map[string][]implFact{}
		for _, of := range m.pass.AllObjectFacts() {
			if f, ok := of.Fact.(*DataAccessFact); ok {
				if fn, ok := of.Object.(*types.Func); ok && fn.Pkg() != m.pass.Pkg && fn.Type().(*types.Signature).Recv() != nil {
					m.importedImpls[fn.Name()] = append(m.importedImpls[fn.Name()], implFact{fn, f})
				}
			}
		}
		sortImpls(m.importedImpls)
	}
	m.implsByName = map[string][]implFact{}
	m.viaIface = map[*types.Func]*DataAccessFact{}
	for fn, f := range m.access {
		if f != nil && fn.Pkg() == m.pass.Pkg && fn.Type().(*types.Signature).Recv() != nil {
			m.implsByName[fn.Name()] = append(m.implsByName[fn.Name()], implFact{fn, f})
		}
	}
	sortImpls(m.implsByName)
}

// sortImpls puts each list in a fixed order: merged summaries keep the
// first implementation's model, and facts and maps come in no fixed
// order.
func sortImpls(impls map[string][]implFact) {
	for _, l := range impls {
		slices.SortFunc(l, func(a, b implFact) int { return cmp.Compare(a.fn.FullName(), b.fn.FullName()) })
	}
}

// sqlPrefix returns the constant leading text of non-constant SQL
// ("SELECT ... WHERE id = " + id, fmt.Sprintf("DELETE ... %s", id)),
// following a variable with one definition, so its verb gives the kind.
func (m *modeler) sqlPrefix(fl *Flow, e ast.Expr) string {
	for i := 0; i < 8; i++ {
		if fl != nil {
			e = fl.Origin(e)
		}
		if s, ok := constString(m.info, e); ok {
			return s
		}
		switch x := ast.Unparen(e).(type) {
		case *ast.BinaryExpr:
			e = x.X
			continue
		case *ast.CallExpr:
			if fn := m.callee(x); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "fmt" && fn.Name() == "Sprintf" {
				e = arg(x, 0)
				continue
			}
		}
		return ""
	}
	return ""
}
