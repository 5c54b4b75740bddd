package repo // want package:"models: example.com/models/store.Invoice, example.com/models/store.Session"

import (
	"context"
	"database/sql"

	"github.com/jmoiron/sqlx"
	"gorm.io/gorm"

	"example.com/models/store"
)

type Repo struct {
	db  *gorm.DB
	sx  *sqlx.DB
	sql *sql.DB
}

type local struct { // want local:"model: \\(\\*sqlx.DB\\).GetContext reads into it at repo/repo.go:\\d+"
	A string
}

type scanned struct { // want scanned:"model: \\(\\*sql.Row\\).Scan reads into it"
	A, B string
}

func (r *Repo) Session(ctx context.Context, id string) (*store.Session, error) { // want Session:"loads result 0: all"
	var s store.Session
	err := r.db.WithContext(ctx).First(&s, "id = ?", id).Error
	return &s, err
}

func (r *Repo) Local(ctx context.Context) ([]local, error) {
	var out []local
	return out, r.sx.GetContext(ctx, &out, "select * from t")
}

func (r *Repo) Scanned(id int) (scanned, error) {
	var s scanned
	err := r.sql.QueryRow("select a, b from scanned where id = $1", id).Scan(&s.A, &s.B)
	return s, err
}

func (r *Repo) SaveInvoice(inv *store.Invoice) error { // want SaveInvoice:"writes params \\[0\\] via \\(\\*gorm.DB\\).Save"
	return r.db.Save(inv).Error
}

func (r *Repo) Store(ctx context.Context, inv *store.Invoice) error { // want Store:"writes params \\[1\\] via SaveInvoice"
	return r.SaveInvoice(inv)
}

func (r *Repo) Count(p *store.Profile) int { // not a writer
	_ = p.Bio
	return 0
}
