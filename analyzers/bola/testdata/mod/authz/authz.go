// Package authz decides what a caller may do.
package authz

import (
	"errors"

	"example.com/bolatest/auth"
	"example.com/bolatest/store"
)

// ErrForbidden is returned when the caller may not touch the object.
var ErrForbidden = errors.New("forbidden")

// CanViewOrder reports whether u may see o.
func CanViewOrder(u *auth.User, o *store.Order) bool { // want CanViewOrder:"authorizer: compares o.UserID with u.ID"
	return u.Role == "admin" || o.UserID == u.ID
}

// CheckDocument returns ErrForbidden unless u owns d.
// Its name says nothing about authorization: a fact says it compares an
// owner field with the caller.
func CheckDocument(u *auth.User, d *store.Document) error { // want CheckDocument:"authorizer: compares d.OwnerID with u.Subject"
	if d.OwnerID != u.Subject {
		return ErrForbidden
	}
	return nil
}

// Format is not an authorization check: it compares nothing.
func Format(u *auth.User, o *store.Order) string {
	return o.Item + " for " + u.Subject
}
