package sqlrepo

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jmoiron/sqlx"
)

type Invoice struct {
	ID     int64
	Owner  int64
	Amount int
}

type DB struct {
	sql *sql.DB
	x   *sqlx.DB
}

// ByID: the model comes from Scan(&inv.ID, ...) on the row QueryRowContext returns.
func (d *DB) ByID(ctx context.Context, id int64) (*Invoice, error) { // want `fact access\(read sel1 model=Invoice\) sql=SELECT`
	var inv Invoice
	err := d.sql.QueryRowContext(ctx, "SELECT id, owner, amount FROM invoices WHERE id = $1", id).Scan(&inv.ID, &inv.Owner, &inv.Amount)
	return &inv, err
}

// List: rows through a variable, Scan into a pointer's fields.
func (d *DB) List(ctx context.Context, owner int64) ([]*Invoice, error) { // want `fact access\(read sel1 model=Invoice\)`
	rows, err := d.sql.QueryContext(ctx, "SELECT id, owner, amount FROM invoices WHERE owner = $1", owner)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*Invoice
	for rows.Next() {
		inv := &Invoice{}
		if err := rows.Scan(&inv.ID, &inv.Owner, &inv.Amount); err != nil {
			return nil, err
		}
		out = append(out, inv)
	}
	return out, nil
}

// ByIDConcat: the id is concatenated into the SQL text (redmejia/insec-vuln-go).
func (d *DB) ByIDConcat(busID string) (*Invoice, error) { // want `fact access\(read sel0 model=Invoice\)`
	var inv Invoice
	err := d.sql.QueryRow("SELECT * FROM invoices WHERE id = "+busID).Scan(&inv.ID, &inv.Owner, &inv.Amount)
	return &inv, err
}

// DeleteSprintf: the id is formatted into the SQL text.
func (d *DB) DeleteSprintf(id string) error { // want `fact access\(delete sel0\)`
	q := fmt.Sprintf("DELETE FROM invoices WHERE id = '%s'", id)
	_, err := d.sql.Exec(q)
	return err
}

// Get: sqlx destination.
func (d *DB) Get(ctx context.Context, id int64) (Invoice, error) { // want `fact access\(read sel1 model=Invoice\)`
	var inv Invoice
	err := d.x.GetContext(ctx, &inv, "SELECT * FROM invoices WHERE id = $1", id)
	return inv, err
}

// Count scans into an int: no model. The table name is a parameter
// formatted in, but it is the constant-prefix SELECT that decides the kind.
func (d *DB) Count(ctx context.Context) (n int, err error) { // want `fact access\(read\)`
	err = d.sql.QueryRowContext(ctx, "SELECT count(*) FROM invoices").Scan(&n)
	return n, err
}
