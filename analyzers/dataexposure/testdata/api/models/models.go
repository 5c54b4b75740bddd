// Package models holds the persistence models, apart from the handlers.
package models

import (
	"database/sql"
	"encoding/json"
	"time"

	"gorm.io/gorm"
)

// User is a gorm model with a password hash.
type User struct {
	gorm.Model
	Email        string `json:"email"`
	PasswordHash string `json:"password_hash"`
	Role         string `json:"role"`
}

// Account has its secrets hidden by tags: safe to send.
type Account struct {
	ID       int64  `db:"id" json:"id"`
	Name     string `db:"name" json:"name"`
	APIKey   string `db:"api_key" json:"-"`
	password string
}

// Order has no sensitive field: sent whole it is a note.
type Order struct {
	gorm.Model
	UserID uint  `json:"user_id"`
	Total  int64 `json:"total"`
	Buyer  *User `json:"buyer,omitempty"`
}

// Session is a plain struct that the repository reads rows into: a model
// known only from a fact.
type Session struct {
	ID        string
	Token     string
	ExpiresAt time.Time
}

// Card marshals itself.
type Card struct {
	ID         int64  `db:"id"`
	CardNumber string `db:"card_number"`
}

func (c Card) MarshalJSON() ([]byte, error) {
	return json.Marshal(map[string]any{"id": c.ID, "last4": c.CardNumber[len(c.CardNumber)-4:]})
}

// Customer keeps an SSN in a nullable column.
type Customer struct {
	ID  int64          `db:"id" json:"id"`
	SSN sql.NullString `db:"ssn" json:"ssn"`
	// TokenExpiry is not a secret: a time.
	TokenExpiry time.Time `db:"token_expiry" json:"token_expiry"`
	HasPassword bool      `db:"has_password" json:"has_password"`
}

// Profile is a DTO: no tags, never read from the database.
type Profile struct {
	Email    string `json:"email"`
	Password string `json:"password"` // a request DTO field, not a model
}

// Public clears the secrets of a user before it is shown.
func (u *User) Public() *User { // want Public:"clears -1:PasswordHash"
	u.PasswordHash = ""
	return u
}

// HideSecrets clears the secrets of sessions.
func HideSecrets(ss []*Session) { // want HideSecrets:"clears 0:Token"
	for _, s := range ss {
		s.Token = ""
	}
}

// App is an API client owned by a user; its token is its credential.
type App struct {
	ID     uint   `gorm:"primaryKey" json:"id"`
	UserID uint   `json:"-"`
	Name   string `json:"name"`
	Token  string `json:"token"`
}

// WithIcon fills in display data and returns the app.
func WithIcon(a *App) *App { return a }

// Verification keeps the code it mails out of the database.
type Verification struct {
	gorm.Model
	Email string `json:"email"`
	Code  string `json:"verification_code" gorm:"-:all"`
}

// Member keeps its password hash in a nullable column.
type Member struct {
	ID       int64          `db:"id" json:"id"`
	Password sql.NullString `db:"password" json:"password"`
	// Token is no column: the handler that logs in fills it.
	Token string `db:"-" json:"token,omitempty"`
}

// NullSecret marshals as null when not Valid (like null.String).
type NullSecret struct {
	String string
	Valid  bool
}

func (n NullSecret) MarshalJSON() ([]byte, error) {
	if !n.Valid {
		return []byte("null"), nil
	}
	return json.Marshal(n.String)
}

// Operator keeps its API key in a self-marshalling nullable column.
type Operator struct {
	ID     int64      `db:"id" json:"id"`
	APIKey NullSecret `db:"api_key" json:"api_key"`
}

// HideMember clears the hash through the wrapper's string.
func HideMember(m *Member) { // want HideMember:"clears 0:Password.String"
	m.Password.String = ""
}
