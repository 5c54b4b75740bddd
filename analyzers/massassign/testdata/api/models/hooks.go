package models

import (
	"strings"

	"gorm.io/gorm"
)

// ownerFrom reads the caller the auth middleware put into the context.
func ownerFrom(tx *gorm.DB) uint {
	id, _ := tx.Statement.Context.Value(ownerKey{}).(uint)
	return id
}

type ownerKey struct{}

// Ticket's owner is stamped by its BeforeCreate hook: on create only.
type Ticket struct {
	gorm.Model
	Title   string `json:"title"`
	OwnerID uint   `json:"owner_id"`
}

func (t *Ticket) BeforeCreate(tx *gorm.DB) error {
	t.OwnerID = ownerFrom(tx)
	return nil
}

// Invite only defaults its role: a client's role is kept.
type Invite struct {
	gorm.Model
	Email string `json:"email"`
	Role  string `json:"role"`
}

func (i *Invite) BeforeSave(tx *gorm.DB) error {
	if i.Role == "" {
		i.Role = "member"
	}
	return nil
}

// Badge normalizes the client's role: still the client's.
type Badge struct {
	gorm.Model
	Role string `json:"role"`
}

func (b *Badge) BeforeSave(tx *gorm.DB) error {
	b.Role = strings.ToLower(b.Role)
	return nil
}

// Memo's hook has a value receiver: its assignment is lost.
type Memo struct {
	gorm.Model
	Text    string `json:"text"`
	OwnerID uint   `json:"owner_id"`
}

func (m Memo) BeforeCreate(tx *gorm.DB) error {
	m.OwnerID = ownerFrom(tx)
	return nil
}

// Draft's hook has the gorm v1 shape, which gorm v2 never calls.
type Draft struct {
	gorm.Model
	Text    string `json:"text"`
	OwnerID uint   `json:"owner_id"`
}

func (d *Draft) BeforeCreate() error {
	d.OwnerID = 1
	return nil
}

// Review stamps its author through the statement on every save, with a
// helper method.
type Review struct {
	gorm.Model
	Stars    int  `json:"stars"`
	AuthorID uint `json:"author_id"`
	Approved bool `json:"approved"`
}

func (r *Review) BeforeSave(tx *gorm.DB) error {
	tx.Statement.SetColumn("AuthorID", ownerFrom(tx))
	r.moderate()
	return nil
}

func (r *Review) moderate() { r.Approved = false }

// Stamped embeds the audit stamp of every record.
type Stamped struct {
	CreatedBy uint `json:"created_by"`
}

func (s *Stamped) BeforeCreate(tx *gorm.DB) error {
	s.CreatedBy = ownerFrom(tx)
	return nil
}

// Folder gets CreatedBy from its embedded Stamped's hook.
type Folder struct {
	gorm.Model
	Stamped
	Name string `json:"name"`
}

// Customer's CreatedBy is stamped by the callback package scope registers
// on create; SysUserID is not.
type Customer struct {
	gorm.Model
	Name      string `json:"name"`
	CreatedBy uint   `json:"createdBy" gorm:"column:created_by"`
	TenantID  uint   `json:"tenantId"`
}
