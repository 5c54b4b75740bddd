package jwtverify

import (
	"go/ast"
	"go/types"
)

// A call through an interface (pocketbase's e.App.FindAuthRecordByToken,
// core.App being an interface) has no static callee. It verifies when a
// method of that name that verifies — known from a verifiesFact, or
// declared in this package — belongs to a type implementing the interface.

func (c *checker) interfaceVerifies(sel *ast.SelectorExpr) bool {
	t := c.pass.TypesInfo.TypeOf(sel.X)
	if t == nil {
		return false
	}
	iface, ok := t.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	for _, m := range c.verifyingMethods()[sel.Sel.Name] {
		recv := m.Type().(*types.Signature).Recv().Type()
		if types.Implements(recv, iface) {
			return true
		}
		if _, isPtr := recv.(*types.Pointer); !isPtr && types.Implements(types.NewPointer(recv), iface) {
			return true
		}
	}
	return false
}

// verifyingMethods indexes, by name, the methods known to verify.
func (c *checker) verifyingMethods() map[string][]*types.Func {
	if c.ifaceMethods != nil {
		return c.ifaceMethods
	}
	c.ifaceMethods = map[string][]*types.Func{}
	add := func(fn *types.Func) {
		if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
			c.ifaceMethods[fn.Name()] = append(c.ifaceMethods[fn.Name()], fn)
		}
	}
	for _, f := range c.pass.AllObjectFacts() {
		if v, ok := f.Fact.(*verifiesFact); ok && v.Verifies {
			if fn, ok := f.Object.(*types.Func); ok {
				add(fn)
			}
		}
	}
	for fn, decl := range c.decls {
		if decl.Recv != nil && decl.Body != nil && c.usesLibrary(decl.Body) && c.funcVerifies(fn, 0) {
			add(fn)
		}
	}
	return c.ifaceMethods
}
