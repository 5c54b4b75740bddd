// Package memoadv reproduces the IDOR fixes of memos (c7b48b8, #5217):
// memos whose Visibility makes them private to their creator, user
// accounts with no owner field, and ownership checks whose answer is
// thrown away.
package memoadv

import (
	"context"
	"database/sql"
)

// Memo is authored content (CreatorID) that may be private.
type Memo struct {
	ID         int    `json:"id"`
	CreatorID  int    `json:"creatorId"`
	Visibility string `json:"visibility"`
	Content    string `json:"content"`
}

// Comment is authored content that is always public.
type Comment struct {
	ID        int    `json:"id"`
	CreatorID int    `json:"creatorId"`
	PublicKey string `json:"publicKey"` // not a visibility
	Content   string `json:"content"`
}

// User is an account: no owner field, each record is that user's own.
type User struct {
	ID       int    `json:"id"`
	Username string `json:"username"`
	Email    string `json:"email"`
}

// UserGroup is shared by its members; not an account.
type UserGroup struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
}

type FindMemo struct{ ID *int }

type FindComment struct{ ID *int }

type UpdateUser struct {
	ID    int
	Email *string
}

type UpdateUserGroup struct {
	ID   int
	Name *string
}

type Store struct{ db *sql.DB }

func (s *Store) GetMemo(ctx context.Context, find *FindMemo) (*Memo, error) {
	m := &Memo{}
	err := s.db.QueryRowContext(ctx, `SELECT id, creator_id, visibility, content FROM memo WHERE id = ?`, *find.ID).Scan(&m.ID, &m.CreatorID, &m.Visibility, &m.Content)
	return m, err
}

func (s *Store) GetComment(ctx context.Context, find *FindComment) (*Comment, error) {
	m := &Comment{}
	err := s.db.QueryRowContext(ctx, `SELECT id, creator_id, content FROM comment WHERE id = ?`, *find.ID).Scan(&m.ID, &m.CreatorID, &m.Content)
	return m, err
}

func (s *Store) UpdateUser(ctx context.Context, update *UpdateUser) (*User, error) {
	_, err := s.db.ExecContext(ctx, `UPDATE user SET email = ? WHERE id = ?`, update.Email, update.ID)
	return &User{ID: update.ID}, err
}

func (s *Store) UpdateUserGroup(ctx context.Context, update *UpdateUserGroup) (*UserGroup, error) {
	_, err := s.db.ExecContext(ctx, `UPDATE user_group SET name = ? WHERE id = ?`, update.Name, update.ID)
	return &UserGroup{ID: update.ID}, err
}

// MemoResource links a resource to a memo: a part of the memo, with no
// owner field of its own.
type MemoResource struct {
	MemoID     int `json:"memoId"`
	ResourceID int `json:"resourceId"`
}

// CommentLike is a part of a public comment.
type CommentLike struct {
	CommentID int `json:"commentId"`
	Count     int `json:"count"`
}

type UpsertMemoResource struct {
	MemoID     int `json:"-"`
	ResourceID int `json:"resourceId"`
}

type UpsertCommentLike struct {
	CommentID int `json:"-"`
}

func (s *Store) UpsertMemoResource(ctx context.Context, upsert *UpsertMemoResource) (*MemoResource, error) {
	_, err := s.db.ExecContext(ctx, `INSERT INTO memo_resource (memo_id, resource_id) VALUES (?, ?) ON CONFLICT DO NOTHING`, upsert.MemoID, upsert.ResourceID)
	return &MemoResource{MemoID: upsert.MemoID, ResourceID: upsert.ResourceID}, err
}

func (s *Store) UpsertCommentLike(ctx context.Context, upsert *UpsertCommentLike) (*CommentLike, error) {
	_, err := s.db.ExecContext(ctx, `INSERT INTO comment_like (comment_id, count) VALUES (?, 1) ON CONFLICT DO UPDATE SET count = count + 1`, upsert.CommentID)
	return &CommentLike{CommentID: upsert.CommentID}, err
}

type FindComments struct {
	MemoID    *int
	VisibleTo *int
}

func (s *Store) ListComments(ctx context.Context, find *FindComments) ([]*Memo, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, creator_id, visibility, content FROM memo WHERE parent_id = ? AND (creator_id = ? OR visibility = 'PUBLIC')`, *find.MemoID, *find.VisibleTo)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*Memo
	for rows.Next() {
		m := &Memo{}
		if err := rows.Scan(&m.ID, &m.CreatorID, &m.Visibility, &m.Content); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

type DeleteMemo struct{ ID int }

func (s *Store) DeleteMemo(ctx context.Context, del *DeleteMemo) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM memo WHERE id = ?`, del.ID)
	return err
}
