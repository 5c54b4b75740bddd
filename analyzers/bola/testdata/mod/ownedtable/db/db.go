// Package db is a repository over an executor interface that *sql.DB
// and *sql.Tx both satisfy (sqlc's DBTX shape). The authors table keeps
// its owner only in a column: Author has no owner field, but the
// per-user listing filters by owner_user_id (bindery before #899).
package db

import (
	"context"
	"database/sql"
)

type DBTX interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

type Author struct {
	ID   int64
	Name string
}

// Book names its writer (AuthorID), which alone would make it authored
// content; the books table is filtered by owner_user_id, so it is owned.
type Book struct {
	ID       int64
	AuthorID int64
	Title    string
}

type Genre struct {
	ID   int64
	Name string
}

type Review struct {
	ID   int64
	Body string
}

const authorCols = `id, name`

type Repo struct{ exec DBTX }

func scanAuthor(row *sql.Row) (*Author, error) {
	var a Author
	if err := row.Scan(&a.ID, &a.Name); err != nil {
		return nil, err
	}
	return &a, nil
}

func (r *Repo) GetAuthor(ctx context.Context, id int64) (*Author, error) {
	return scanAuthor(r.exec.QueryRowContext(ctx, `SELECT `+authorCols+` FROM authors WHERE id = ?`, id))
}

func (r *Repo) ListAuthorsOf(ctx context.Context, userID int64) (*sql.Rows, error) {
	return r.exec.QueryContext(ctx, `SELECT `+authorCols+` FROM authors WHERE owner_user_id = ? ORDER BY name`, userID)
}

func (r *Repo) DeleteAuthor(ctx context.Context, id int64) error {
	_, err := r.exec.ExecContext(ctx, `DELETE FROM authors WHERE id = ?`, id)
	return err
}

func (r *Repo) GetBook(ctx context.Context, id int64) (*Book, error) {
	var b Book
	err := r.exec.QueryRowContext(ctx, `SELECT id, author_id, title FROM books WHERE id = ?`, id).Scan(&b.ID, &b.AuthorID, &b.Title)
	return &b, err
}

func (r *Repo) ListBooksOf(ctx context.Context, userID int64) (*sql.Rows, error) {
	return r.exec.QueryContext(ctx, `SELECT id, author_id, title FROM books WHERE owner_user_id = ?`, userID)
}

// Genres are shared: no query filters them by an owner.
func (r *Repo) GetGenre(ctx context.Context, id int64) (*Genre, error) {
	var g Genre
	err := r.exec.QueryRowContext(ctx, `SELECT id, name FROM genres WHERE id = ?`, id).Scan(&g.ID, &g.Name)
	return &g, err
}

// Reviews are listed by their author: authored content, not owned data.
func (r *Repo) ListReviewsBy(ctx context.Context, authorID int64) (*sql.Rows, error) {
	return r.exec.QueryContext(ctx, `SELECT id, body FROM reviews WHERE author_id = ?`, authorID)
}

func (r *Repo) GetReview(ctx context.Context, id int64) (*Review, error) {
	var v Review
	err := r.exec.QueryRowContext(ctx, `SELECT id, body FROM reviews WHERE id = ?`, id).Scan(&v.ID, &v.Body)
	return &v, err
}
