package greet

import "example.com/mod/shout"

// Loud shouts.
func Loud() { shout.Shout("hi") }
