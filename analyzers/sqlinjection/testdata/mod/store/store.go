// Package store is a repository whose helpers build SQL from their
// parameters: the handlers of package api that pass them request input
// are reported.
package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"
)

type Store struct {
	DB *sql.DB
	X  *sqlx.DB
}

type Order struct {
	ID    int64  `db:"id"`
	Total int64  `db:"total"`
	Note  string `db:"note"`
}

// Search builds its WHERE clause from name: callers passing input are reported.
func (s *Store) Search(ctx context.Context, name string) (*sql.Rows, error) {
	q := "SELECT id FROM orders WHERE note LIKE '%" + name + "%'"
	return s.DB.QueryContext(ctx, q)
}

// SearchSafe binds name as an argument.
func (s *Store) SearchSafe(ctx context.Context, name string) (*sql.Rows, error) {
	return s.DB.QueryContext(ctx, "SELECT id FROM orders WHERE note LIKE '%' || $1 || '%'", name)
}

// Sorted uses a column from an allowlist.
func (s *Store) Sorted(column string) ([]Order, error) {
	allowed := map[string]bool{"id": true, "total": true}
	if !allowed[column] {
		column = "id"
	}
	var out []Order
	err := s.X.Select(&out, "SELECT * FROM orders ORDER BY "+column)
	return out, err
}

// Filter builds the query with a strings.Builder.
func (s *Store) Filter(field, value string) error {
	var b strings.Builder
	b.WriteString("DELETE FROM orders WHERE ")
	b.WriteString(field)
	b.WriteString(" = $1")
	_, err := s.DB.Exec(b.String(), value)
	return err
}

// ByLimit formats a number: it cannot inject.
func (s *Store) ByLimit(limit int) (*sql.Rows, error) {
	return s.DB.Query(fmt.Sprintf("SELECT id FROM orders LIMIT %d", limit))
}

// Where returns a condition built from its parameter (it reaches the
// result, not a sink).
func Where(col string) string { return col + " = ?" }

// Query returns the cleaned search text and the statement with an
// allowlisted order: only the first result carries the search text.
func Query(search, orderBy string) (string, string) {
	if !inList(orderBy, []string{"id", "total"}) {
		orderBy = "id"
	}
	return "%" + search + "%", "SELECT id FROM orders WHERE note ILIKE $1 ORDER BY " + orderBy
}

func inList(s string, list []string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// QueryWith runs Query's statement with its search argument.
func (s *Store) QueryWith(search, orderBy string) (*sql.Rows, error) {
	arg, stmt := Query(search, orderBy)
	return s.DB.Query(stmt, arg)
}

// Unlisted passes the second result, built from the search text.
func Unlisted(search string) (string, string) {
	return "", "SELECT id FROM orders WHERE note = '" + search + "'"
}
