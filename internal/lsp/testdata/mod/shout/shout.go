// Package shout prints: the language server tests check that what a
// package of the same module tells the checks through facts reaches the
// package being edited.
package shout

// Shout prints s.
func Shout(s string) { println(s) }
