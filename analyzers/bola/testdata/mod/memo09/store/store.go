// Package store reproduces the shape of memos v0.9.0's store: raw rows
// read with SQL built at run time, composed into API models.
package store

import (
	"context"
	"database/sql"
	"strings"

	"example.com/bolatest/memo09/api"
)

type userRaw struct {
	ID       int
	Username string
	Role     api.Role
}

func (raw *userRaw) toUser() *api.User {
	return &api.User{ID: raw.ID, Username: raw.Username, Role: raw.Role}
}

type memoRaw struct {
	ID         int
	CreatorID  int
	Content    string
	Visibility api.Visibility
}

func (raw *memoRaw) toMemo() *api.Memo {
	return &api.Memo{ID: raw.ID, CreatorID: raw.CreatorID, Content: raw.Content, Visibility: raw.Visibility}
}

type Store struct{ db *sql.DB }

func (s *Store) FindUser(ctx context.Context, find *api.UserFind) (*api.User, error) {
	where, args := []string{"1 = 1"}, []any{}
	if v := find.ID; v != nil {
		where, args = append(where, "id = ?"), append(args, *v)
	}
	if v := find.Username; v != nil {
		where, args = append(where, "username = ?"), append(args, *v)
	}
	raw := &userRaw{}
	if err := s.db.QueryRowContext(ctx, `SELECT id, username, role FROM user WHERE `+strings.Join(where, " AND "), args...).Scan(&raw.ID, &raw.Username, &raw.Role); err != nil {
		return nil, err
	}
	return raw.toUser(), nil
}

func (s *Store) DeleteUser(ctx context.Context, del *api.UserDelete) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := deleteUser(ctx, tx, del); err != nil {
		return err
	}
	return tx.Commit()
}

func deleteUser(ctx context.Context, tx *sql.Tx, del *api.UserDelete) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM user WHERE id = ?`, del.ID)
	return err
}

func (s *Store) FindMemoList(ctx context.Context, find *api.MemoFind) ([]*api.Memo, error) {
	where, args := []string{"1 = 1"}, []any{}
	if v := find.ID; v != nil {
		where, args = append(where, "id = ?"), append(args, *v)
	}
	if v := find.CreatorID; v != nil {
		where, args = append(where, "creator_id = ?"), append(args, *v)
	}
	if v := find.RowStatus; v != nil {
		where, args = append(where, "row_status = ?"), append(args, *v)
	}
	if v := find.VisibilityList; len(v) != 0 {
		list := []string{}
		for _, visibility := range v {
			list = append(list, "?")
			args = append(args, visibility)
		}
		where = append(where, "visibility in ("+strings.Join(list, ",")+")")
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, creator_id, content, visibility FROM memo WHERE `+strings.Join(where, " AND "), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	list := []*api.Memo{}
	for rows.Next() {
		var raw memoRaw
		if err := rows.Scan(&raw.ID, &raw.CreatorID, &raw.Content, &raw.Visibility); err != nil {
			return nil, err
		}
		list = append(list, raw.toMemo())
	}
	return list, rows.Err()
}
