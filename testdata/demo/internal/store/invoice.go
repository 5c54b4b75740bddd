package store

import "gorm.io/gorm"

// Invoice is billed to one customer (a user).
type Invoice struct {
	gorm.Model
	CustomerID  uint   `gorm:"index" json:"customer_id"`
	Number      string `gorm:"uniqueIndex" json:"number"`
	AmountCents int64  `json:"amount_cents"`
	PDFPath     string `json:"-"`
}
