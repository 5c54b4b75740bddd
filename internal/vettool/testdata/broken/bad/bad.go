// Package bad does not type-check.
package bad

func Count() int { return "three" }
