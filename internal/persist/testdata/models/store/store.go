// Package store declares models: some tagged, some known only from the
// repository package that reads them.
package store

import (
	"github.com/uptrace/bun"
	"gorm.io/gorm"
)

type User struct { // tagged by gorm
	ID           uint   `gorm:"primaryKey" json:"id"`
	Email        string `json:"email"`
	PasswordHash string `json:"password_hash"`
}

type Account struct { // embeds gorm.Model
	gorm.Model
	Balance int64
}

type Post struct { // bun model
	bun.BaseModel `bun:"table:posts"`
	Title         string
}

type Session struct { // plain: the repo package reads into it
	ID    string
	Token string
}

type Invoice struct { // plain: written by the repo package
	ID     int
	Amount int
}

type Profile struct { // plain, never read: not a model
	Bio string
}

type Row struct { // db tags: sqlx
	Name string `db:"name"`
}

type Ignored struct { // gorm:"-" only: not a model
	X string `gorm:"-"`
}

// Tagged by bun through an embedded BaseModel without a tag.
type Comment struct {
	bun.BaseModel
	Body string
}
