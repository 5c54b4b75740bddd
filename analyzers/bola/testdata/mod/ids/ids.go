// Package ids converts identifiers between their forms (signoz's
// pkg/valuer): a conversion keeps the value's origin.
package ids

import "strings"

// Tenant is a typed tenant ID.
type Tenant struct{ v int64 }

// MustNewTenant converts a tenant number.
func MustNewTenant(n int64) Tenant { return Tenant{n} }

// FromPath normalizes an ID taken from a path.
func FromPath(s string) string { return strings.TrimSpace(s) }
