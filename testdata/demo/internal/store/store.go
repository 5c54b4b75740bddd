// Package store holds the persistence models and the database handle.
package store

import (
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

// Open connects to PostgreSQL.
func Open(dsn string) (*gorm.DB, error) {
	return gorm.Open(postgres.Open(dsn), &gorm.Config{})
}

// User is an account.
type User struct {
	gorm.Model
	Email        string `gorm:"uniqueIndex" json:"email"`
	Name         string `json:"name"`
	PasswordHash string `json:"password_hash"`
	Role         string `json:"role"`
}

// Order belongs to a user.
type Order struct {
	gorm.Model
	UserID uint   `gorm:"index" json:"user_id"`
	Item   string `json:"item"`
	Total  int64  `json:"total"`
}

// Product is catalog data, the same for every caller.
type Product struct {
	gorm.Model
	Name  string `json:"name"`
	Price int64  `json:"price"`
}
