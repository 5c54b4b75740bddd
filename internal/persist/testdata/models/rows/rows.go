package rows

import (
	"context"
	"database/sql"

	"github.com/jmoiron/sqlx"
	"gorm.io/gorm"
)

type Repo struct {
	db  *gorm.DB
	sx  *sqlx.DB
	sql *sql.DB
}

// A read makes a row type of its destination, not a projection.

type account struct { // want account:"model: \\(\\*sqlx.DB\\).Get reads into it"
	ID    int
	Email string
}

// accountSummary is a DTO: columns of accounts, scanned into it.
type accountSummary struct {
	ID    int
	Email string
}

func (r *Repo) Account(id int) (account, error) {
	var a account
	return a, r.sx.Get(&a, "SELECT id, email FROM accounts WHERE id = $1", id)
}

func (r *Repo) Summaries() ([]accountSummary, error) {
	var out []accountSummary
	return out, r.sx.Select(&out, "SELECT id, email FROM accounts")
}

// member is a domain type: INSERT … RETURNING id fills its key only.
type member struct {
	ID    int
	Name  string
	Email string
}

func (r *Repo) AddMember(ctx context.Context, m *member) error {
	return r.sql.QueryRowContext(ctx, "INSERT INTO members (name, email) VALUES ($1, $2) RETURNING id", m.Name, m.Email).Scan(&m.ID)
}

// memberRow is read whole from members.
type memberRow struct { // want memberRow:"model: \\(\\*sql.Rows\\).Scan reads into it"
	ID    int
	Name  string
	Email string
}

func (r *Repo) Members(ctx context.Context) ([]memberRow, error) {
	q := "SELECT id, name, email FROM members"
	rows, err := r.sql.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []memberRow
	for rows.Next() {
		var m memberRow
		if err := rows.Scan(&m.ID, &m.Name, &m.Email); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}

// team is a gorm row; teamDTO a projection of it.
type team struct { // want team:"model: AutoMigrate registers it"
	ID     uint
	Name   string
	Secret string
}

type teamDTO struct {
	ID   uint
	Name string
}

func Migrate(db *gorm.DB) error { return db.AutoMigrate(&team{}) }

func (r *Repo) TeamNames() []teamDTO {
	var out []teamDTO
	r.db.Model(&team{}).Select("id, name").Scan(&out)
	r.db.Table("teams").Select("id, name").Find(&out)
	r.db.Raw("SELECT id, name FROM teams").Scan(&out)
	return out
}
