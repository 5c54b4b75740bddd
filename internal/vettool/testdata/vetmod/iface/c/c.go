// Package c passes an a.I where a b.J is expected. unitchecker's own
// export data made b.J's apply a method of b, and this a type error
// ("a.I does not implement b.J (missing method apply)").
package c

import (
	"example.com/vetmod/iface/a"
	"example.com/vetmod/iface/b"
)

func F() { b.Use(a.New()) }
