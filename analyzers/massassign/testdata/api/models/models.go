// Package models holds the persistence models, apart from the handlers.
package models

import "gorm.io/gorm"

// User has a privileged Role.
type User struct {
	gorm.Model
	Name    string `json:"name"`
	Email   string `json:"email"`
	Role    string `json:"role"`
	IsAdmin bool   `json:"is_admin"`
}

// Post belongs to a user.
type Post struct {
	gorm.Model
	AuthorID uint   `json:"author_id"`
	Title    string `json:"title"`
	Body     string `json:"body"`
}

// Note has no privileged field (timestamps aside).
type Note struct {
	gorm.Model
	Text string `json:"text"`
}

// Wallet hides its balance from binders.
type Wallet struct {
	ID      int64  `db:"id" json:"id"`
	Label   string `db:"label" json:"label"`
	Balance int64  `db:"balance" json:"-"`
}

// Member keeps privileged fields read-only for gorm.
type Member struct {
	ID       uint   `gorm:"primaryKey" json:"id"`
	Nick     string `json:"nick"`
	Verified bool   `gorm:"->" json:"verified"`
	OrgID    uint   `gorm:"-" json:"org_id"`
}

// Product is written with sqlx.
type Product struct {
	ID    int64  `db:"id" json:"id"`
	Name  string `db:"name" json:"name"`
	Price int64  `db:"price" json:"price"`
}

// Account's AccountID is its own primary key, not an owner reference.
type Account struct {
	AccountID uint   `gorm:"primaryKey" json:"accountID"`
	Nickname  string `json:"nickname"`
}
