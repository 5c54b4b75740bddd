//go:build cgo

package dep

import "C"

// Error is defined only when cgo is on (as mattn/go-sqlite3's sqlite3.Error).
type Error struct{ Code int }
