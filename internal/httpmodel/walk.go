package httpmodel

import (
	"go/ast"
	"reflect"

	"golang.org/x/tools/go/ast/inspector"
)

// inspect calls f for each node of the given types in the subtree of n,
// in depth-first order, descending into a node's children only if f
// returns true — ast.Inspect restricted to types, without the final nil
// call. The package's files, declarations and function bodies go
// through its inspector (source.Walker).
func (m *modeler) inspect(n ast.Node, types []ast.Node, f func(ast.Node) bool) {
	if m != nil {
		if c, ok := m.walker.Cursor(n); ok {
			c.Inspect(types, func(c inspector.Cursor) bool { return f(c.Node()) })
			return
		}
	}
	ast.Inspect(n, func(x ast.Node) bool {
		if x == nil {
			return false
		}
		if !hasType(types, x) {
			return true
		}
		return f(x)
	})
}

// hasType reports whether n's dynamic type is one of types' (nil pointers
// of node types, as inspector filters are written).
func hasType(types []ast.Node, n ast.Node) bool {
	rt := reflect.TypeOf(n)
	for _, t := range types {
		if reflect.TypeOf(t) == rt {
			return true
		}
	}
	return false
}

// Inspect calls f for each node of the given types (nil pointers of node
// types, as for an inspector) in the subtree of n, in depth-first order,
// descending into a node's children only if f returns true. It is
// ast.Inspect restricted to types, and much cheaper on function bodies of
// the package the model was built for, which it walks through the
// package's inspector.
func (r *Result) Inspect(n ast.Node, types []ast.Node, f func(ast.Node) bool) {
	if r == nil || r.m == nil {
		(*modeler)(nil).inspect(n, types, f)
		return
	}
	r.m.inspect(n, types, f)
}

// returns calls f for each return statement of body outside function
// literals (theirs return from the literal), in order, until f returns
// false.
func (m *modeler) returns(body *ast.BlockStmt, f func(*ast.ReturnStmt) bool) {
	done := false
	m.inspect(body, returnTypes, func(n ast.Node) bool {
		if ret, ok := n.(*ast.ReturnStmt); ok && !done {
			done = !f(ret)
		}
		return false // a return holds no other return outside a literal
	})
}
