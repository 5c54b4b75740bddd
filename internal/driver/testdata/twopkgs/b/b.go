package b

import "example.com/twopkgs/a"

// Show shows a record.
func Show(id string) string { return a.Load(id) }

// Hide hides one.
func Hide(id string) string { return "" }
