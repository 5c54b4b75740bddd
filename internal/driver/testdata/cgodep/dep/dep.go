// Package dep does not type-check without cgo: Error is in a cgo file.
package dep

// IsBusy uses the cgo-only type.
func IsBusy(err error) bool {
	e, ok := err.(Error)
	return ok && e.Code == 5
}

// Open is usable either way.
func Open(dsn string) error { return nil }
