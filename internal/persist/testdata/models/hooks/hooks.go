package hooks // want package:"callbacks stamp create \\[created_by, tenant_id\\] update \\[UpdatedBy\\]"

import (
	"strings"

	"gorm.io/gorm"
)

type Doc struct {
	gorm.Model
	OwnerID   uint
	Role      string
	Kind      string
	CreatedBy uint
	UpdatedBy uint
	TenantID  uint
}

func caller(tx *gorm.DB) uint { return 1 }

func (d *Doc) BeforeCreate(tx *gorm.DB) error { // want BeforeCreate:"stamps Kind, OwnerID"
	d.OwnerID = caller(tx)
	if d.Role == "" {
		d.Role = "member" // a default: the client's role stays
	}
	d.Kind = strings.ToLower("DOC")
	d.Role = strings.TrimSpace(d.Role) // the client's role, trimmed
	return nil
}

// Note's owner comes from the session: the same field name on another
// value is a stamp, not the client's value kept.
type Note struct {
	gorm.Model
	UserID uint
	Title  string
}

type session struct{ UserID uint }

func sessionOf(tx *gorm.DB) *session { return &session{UserID: caller(tx)} }

func (n *Note) BeforeCreate(tx *gorm.DB) error { // want BeforeCreate:"stamps UserID"
	s := sessionOf(tx)
	if s == nil {
		return nil
	}
	n.UserID = s.UserID
	n.Title = strings.TrimSpace(n.Title) // the client's title, trimmed
	return nil
}

func (d Doc) BeforeUpdate(tx *gorm.DB) error { // value receiver: no stamps
	d.OwnerID = 0
	return nil
}

func (d *Doc) BeforeSave(tx *gorm.DB) error { // want BeforeSave:"stamps TenantID"
	tx.Statement.SetColumn("TenantID", caller(tx))
	if !tx.Statement.Changed("Role") {
		tx.Statement.SetColumn("Role", "member")
	}
	return nil
}

func stampCreator(db *gorm.DB) { // want stampCreator:"stamps created_by"
	if id := caller(db); id != 0 {
		db.Statement.SetColumn("created_by", id, true)
	}
}

func stamp(col string) func(*gorm.DB) { // want stamp:"stamps UpdatedBy"
	return func(db *gorm.DB) { db.Statement.SetColumn("UpdatedBy", caller(db)) }
}

func Register(db *gorm.DB) {
	c := db.Callback().Create()
	_ = c.Before("gorm:create").Register("app:creator", stampCreator)
	_ = db.Callback().Create().Before("gorm:create").Register("app:tenant", func(db *gorm.DB) {
		db.Statement.SetColumn("tenant_id", caller(db))
	})
	_ = db.Callback().Update().Before("gorm:update").Register("app:updater", stamp("x"))
	_ = db.Callback().Query().Before("gorm:query").Register("app:filter", stampCreator) // queries write nothing
}

func publicDocs(db *gorm.DB) []Doc { // want publicDocs:"loads result 0: select id,kind"
	var docs []Doc
	db.Select("id, kind").Find(&docs)
	return docs
}

func allDocs(db *gorm.DB) []Doc { // want allDocs:"loads result 0: select id; all"
	var docs []Doc
	db.Select("id").Find(&docs)
	db.Find(&docs)
	return docs
}

func docNoOwner(db *gorm.DB, id uint) (*Doc, error) { // want docNoOwner:"loads result 0: omit owner_id"
	d := new(Doc)
	err := db.Omit("owner_id").First(d, id).Error
	return d, err
}

type Shelf struct {
	gorm.Model
	Docs []Doc
}

func shelfWithDocs(db *gorm.DB, id uint) (Shelf, error) { // want shelfWithDocs:"loads result 0: preload Docs"
	var s Shelf
	q := db.Preload("Docs")
	err := q.First(&s, id).Error
	return s, err
}
