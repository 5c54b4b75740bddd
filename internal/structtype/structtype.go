// Package structtype finds the struct type behind containers, as the
// model packages (httpmodel, persist) and checks need it.
package structtype

import "go/types"

// Elem returns the named struct type a value of type t holds
// through pointers, slices, arrays, map values and named containers
// (type Orders []Order): the model a *[]*User, map[int]User or Orders
// stands for. It returns nil for anything else (int, any, time.Duration).
func Elem(t types.Type) *types.Named {
	for i := 0; t != nil && i < 8; i++ {
		switch u := types.Unalias(t).(type) {
		case *types.Pointer:
			t = u.Elem()
			continue
		case *types.Slice:
			t = u.Elem()
			continue
		case *types.Array:
			t = u.Elem()
			continue
		case *types.Map:
			t = u.Elem()
			continue
		case *types.Named:
			switch u.Underlying().(type) {
			case *types.Struct:
				return u
			case *types.Slice, *types.Pointer, *types.Array, *types.Map:
				t = u.Underlying()
				continue
			}
		}
		return nil
	}
	return nil
}

// Deref is the type a pointer type points to, or t itself.
func Deref(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}
