package check

import (
	"go/ast"
	"go/types"
)

// NewTypesInfo returns a types.Info with every map the checks read, for
// the places that type-check themselves (the vet tool, the editor's
// session, the ill-typed and fuzz harnesses), so they record the same.
func NewTypesInfo() *types.Info {
	return &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Scopes:       map[ast.Node]*types.Scope{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		FileVersions: map[*ast.File]string{},
	}
}
