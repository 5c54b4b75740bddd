// Package a declares an interface with an unexported method: values of
// it can only come from this package (the functional-options pattern).
package a

type I interface{ apply(*int) }

type impl struct{}

func (impl) apply(*int) {}

func New() I { return impl{} }
