// Package b declares a defined type over a.I: its method set is a.I's,
// including the method apply of package a.
package b

import "example.com/vetmod/iface/a"

type J a.I

func Use(opts ...J) {}
