// Package store holds the persistence models and the database handle.
package store

import (
	"errors"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"

	"example.com/demo/internal/auth"
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

// SaveUser writes every column of u (an insert when u.ID is zero).
func SaveUser(db *gorm.DB, u *User) error {
	return db.Save(u).Error
}

// UpdateProfile writes only the columns a user may change about
// themselves.
func UpdateProfile(db *gorm.DB, id uint, name, email string) error {
	return db.Model(&User{}).Where("id = ?", id).
		Updates(map[string]any{"name": name, "email": email}).Error
}

// Order belongs to a user.
type Order struct {
	gorm.Model
	UserID uint   `gorm:"index" json:"user_id"`
	Item   string `json:"item"`
	Total  int64  `json:"total"`
}

// BeforeCreate stamps the order's owner from the authenticated caller in
// the query's context (db.WithContext(r.Context())): whatever user_id a
// client sends is overwritten.
func (o *Order) BeforeCreate(tx *gorm.DB) error {
	c := auth.FromContext(tx.Statement.Context)
	if c == nil {
		return errors.New("store: order created without an authenticated caller")
	}
	o.UserID = c.UserID
	return nil
}

// Product is catalog data, the same for every caller.
type Product struct {
	gorm.Model
	Name  string `json:"name"`
	Price int64  `json:"price"`
}
