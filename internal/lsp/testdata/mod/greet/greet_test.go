package greet

import "testing"

func TestHello(t *testing.T) { println("in a test") }
