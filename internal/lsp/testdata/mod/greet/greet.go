// Package greet is the language server tests' fixture: the test check
// flags the last argument of each call to println.
package greet

func Hello() {
	println("héllo, 世界 😀", "secret")
}

func Quiet() string {
	return "nothing to see"
}
