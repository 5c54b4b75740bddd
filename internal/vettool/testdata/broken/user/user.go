// Package user imports the broken package.
package user

import "example.com/broken/bad"

func Twice() int { return 2 * bad.Count() }
