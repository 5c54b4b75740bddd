package httpmodel

// Data-access summaries: DataAccessFact, and the summary of a function's
// accesses to stored objects.

import (
	"go/ast"
	"go/types"
	"slices"
)

// DataAccessFact summarizes a function or method that reads or changes
// stored objects (a repository, store or service method): the kind of
// its strongest access and which parameters reach a row selector (a
// Where/First/Delete argument, an SQL argument) or the read destination.
// Parameter indices count the declared parameters, receiver excluded.
type DataAccessFact struct {
	Kind AccessKind
	// SelectorParams are the parameters whose values select rows.
	SelectorParams []int
	// SelectorRecv: the receiver selects rows (a model's own Update
	// method: db.Model(m).Updates(data)).
	SelectorRecv bool
	// DestParam is the parameter the read result is stored into, or -1.
	DestParam int
	// Library is the library reached ("gorm", "database/sql", "sqlx"),
	// through any number of calls.
	Library string
	// ModelPkg and ModelName name the model type the function reads,
	// writes or deletes (see DataAccess.Model), "" when unknown. With
	// several accesses, the first one that has a model.
	ModelPkg, ModelName string
	// SQL is the constant SQL text of the function's first access that
	// has one, or "".
	SQL string
	// CallerScoped: the function learns who the caller is itself (a
	// principal call: claims from the context), as service layers that
	// scope every query by the caller's organization do; callers need not
	// pass the principal. For an interface method, every implementation.
	CallerScoped bool
	// OwnedTable: the table it acts on is per-user data although the
	// model has no owner field: other SQL of its package filters that
	// table by an owner column (owned_tables.go).
	OwnedTable bool
}

func (*DataAccessFact) AFact() {}
func (f *DataAccessFact) String() string {
	s := "access(" + string(f.Kind)
	for _, p := range f.SelectorParams {
		s += " sel" + itoa(p)
	}
	if f.SelectorRecv {
		s += " selrecv"
	}
	if f.CallerScoped {
		s += " caller"
	}
	if f.OwnedTable {
		s += " ownedtable"
	}
	if f.DestParam >= 0 {
		s += " dest" + itoa(f.DestParam)
	}
	if f.ModelName != "" {
		s += " model=" + f.ModelName
	}
	return s + ")"
}

func (f *DataAccessFact) merge(g *DataAccessFact) *DataAccessFact {
	out := *f
	out.Kind = strongest(f.Kind, g.Kind)
	// An access that neither selects by a parameter nor names a model
	// (a connect helper's CREATE DATABASE) says nothing of what the
	// selecting one does with the ID: a read stays a read.
	switch {
	case f.selects() && g.anonymous():
		out.Kind = f.Kind
	case g.selects() && f.anonymous():
		out.Kind = g.Kind
	}
	out.SelectorParams = nil
	for _, p := range append(append([]int(nil), f.SelectorParams...), g.SelectorParams...) {
		if !slices.Contains(out.SelectorParams, p) {
			out.SelectorParams = append(out.SelectorParams, p)
		}
	}
	slices.Sort(out.SelectorParams)
	out.SelectorRecv = f.SelectorRecv || g.SelectorRecv
	out.CallerScoped = f.CallerScoped && g.CallerScoped
	out.OwnedTable = f.OwnedTable || g.OwnedTable
	if out.DestParam < 0 {
		out.DestParam = g.DestParam
	}
	if out.ModelName == "" {
		out.ModelPkg, out.ModelName = g.ModelPkg, g.ModelName
	}
	if out.SQL == "" {
		out.SQL = g.SQL
	}
	return &out
}

func (f *DataAccessFact) selects() bool { return len(f.SelectorParams) > 0 || f.SelectorRecv }

// anonymous: an access by no parameter, of no known model.
func (f *DataAccessFact) anonymous() bool { return !f.selects() && f.ModelName == "" }

func strongest(a, b AccessKind) AccessKind {
	rank := map[AccessKind]int{"": 0, Read: 1, Write: 2, Delete: 3}
	if rank[b] > rank[a] {
		return b
	}
	return a
}

// accessOf summarizes fn's data accesses.
func (m *modeler) accessOf(fn *types.Func, fd *ast.FuncDecl, fl *Flow) *DataAccessFact {
	sig := fn.Type().(*types.Signature)
	if _, _, _, ok := handlerSig(sig); ok {
		return nil
	}
	var fact *DataAccessFact
	var models [][2]string // the models of its accesses, in order
	callerSeen := false
	m.inspect(fd.Body, accessTypes, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false // runs later (a returned handler), not on call
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		cfn := m.callee(call)
		if cfn == nil || cfn.Origin() == fn {
			return true
		}
		if !callerSeen && m.principalCall(call, fn) != nil {
			callerSeen = true
		}
		m.scanAccess(fl, call, cfn, keyOf(cfn), func(d *DataAccess) {
			f := &DataAccessFact{Kind: d.Kind, DestParam: -1, Library: d.Library, ModelPkg: d.ModelPkg, ModelName: d.ModelName, SQL: d.SQL}
			if d.ModelName != "" {
				models = append(models, [2]string{d.ModelPkg, d.ModelName})
			}
			if d.Library == "repo" {
				if sub := m.accessFact(cfn); sub != nil {
					f.Library = sub.Library
					f.CallerScoped = sub.CallerScoped
					f.OwnedTable = sub.OwnedTable
				}
			}
			for i := 0; i < sig.Params().Len(); i++ {
				p := sig.Params().At(i)
				for _, s := range d.Selectors {
					if fl.DerivesFromVar(s, p) {
						f.SelectorParams = append(f.SelectorParams, i)
						break
					}
				}
				if d.Dest != nil && fl.DerivesFromVar(d.Dest, p) {
					f.DestParam = i
				}
			}
			if recv := sig.Recv(); recv != nil && d.Kind != Read {
				for _, s := range d.Selectors {
					if fl.DerivesFromVar(s, recv) {
						f.SelectorRecv = true
						break
					}
				}
			}
			if fact == nil {
				fact = f
			} else {
				fact = fact.merge(f)
			}
		})
		return true
	})
	if fact != nil && callerSeen {
		fact.CallerScoped = true
	}
	if fact != nil {
		fact.ModelPkg, fact.ModelName = m.summaryModel(fn, fact, models)
		fact.OwnedTable = fact.OwnedTable || m.ownedTable(fact)
	}
	return fact
}
