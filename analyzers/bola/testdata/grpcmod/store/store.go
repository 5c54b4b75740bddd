// Package store holds the persistence models.
package store

import "gorm.io/gorm"

// Order belongs to a user.
type Order struct {
	gorm.Model
	UserID uint
	Item   string
}

// Product is catalog data: it has no owner.
type Product struct {
	gorm.Model
	CategoryID uint
	Name       string
}
