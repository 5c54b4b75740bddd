// Package store is a database/sql store whose methods take filter
// structs, build their SQL text at run time and keep rows in a cache.
package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"example.com/bolatest/notes/api"
)

type Store struct {
	db    *sql.DB
	cache api.CacheService
}

type noteRaw struct {
	ID        int
	CreatorID int
	Content   string
}

// FindNote reads one note, from the cache when it can: keeping a copy in
// memory is no change of the stored note.
func (s *Store) FindNote(ctx context.Context, find *api.NoteFind) (*api.Note, error) {
	if find.ID != nil {
		raw := &noteRaw{}
		if has, err := s.cache.FindCache("note", *find.ID, raw); err == nil && has {
			return &api.Note{ID: raw.ID, CreatorID: raw.CreatorID, Content: raw.Content}, nil
		}
	}
	where, args := []string{"1 = 1"}, []any{}
	if v := find.ID; v != nil {
		where, args = append(where, "id = ?"), append(args, *v)
	}
	if v := find.CreatorID; v != nil {
		where, args = append(where, "creator_id = ?"), append(args, *v)
	}
	row := s.db.QueryRowContext(ctx, `SELECT id, creator_id, content FROM note WHERE `+strings.Join(where, " AND "), args...)
	raw := &noteRaw{}
	if err := row.Scan(&raw.ID, &raw.CreatorID, &raw.Content); err != nil {
		return nil, err
	}
	if err := s.cache.UpsertCache("note", raw.ID, raw); err != nil {
		return nil, err
	}
	return &api.Note{ID: raw.ID, CreatorID: raw.CreatorID, Content: raw.Content}, nil
}

// PatchNote changes a note's content.
func (s *Store) PatchNote(ctx context.Context, patch *api.NotePatch) error {
	_, err := s.db.ExecContext(ctx, `UPDATE note SET content = ? WHERE id = ?`, patch.Content, patch.ID)
	s.cache.DeleteCache("note", patch.ID)
	return err
}

// EditNote changes a note's content.
func (s *Store) EditNote(ctx context.Context, edit *api.NoteEdit) error {
	_, err := s.db.ExecContext(ctx, `UPDATE note SET content = ? WHERE id = ?`, edit.Content, edit.ID)
	return err
}

// DeleteNote deletes notes; its SQL text is built at run time, so the
// model is the one its name gives.
func (s *Store) DeleteNote(ctx context.Context, del *api.NoteDelete) error {
	where, args := []string{}, []any{}
	if v := del.ID; v != nil {
		where, args = append(where, "id = ?"), append(args, *v)
	}
	if v := del.CreatorID; v != nil {
		where, args = append(where, "creator_id = ?"), append(args, *v)
	}
	res, err := s.db.ExecContext(ctx, `DELETE FROM note WHERE `+strings.Join(where, " AND "), args...)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return errors.New("not found")
	}
	return nil
}

// DeleteFolder deletes the folders the filter selects.
func (s *Store) DeleteFolder(ctx context.Context, del *api.FolderDelete) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM folder WHERE `+folderWhere(del), del.Name, del.OwnerID)
	return err
}

// PinFolder pins a folder for a user.
func (s *Store) PinFolder(ctx context.Context, pin *api.FolderPin) error {
	_, err := s.db.ExecContext(ctx, `UPDATE folder SET pinned = ? WHERE id = ? AND owner_id = ?`, pin.Pinned, pin.FolderID, pin.OwnerID)
	return err
}

// UpdateFolder sets a folder's star for a user.
func (s *Store) UpdateFolder(ctx context.Context, star *api.FolderStar) error {
	_, err := s.db.ExecContext(ctx, `UPDATE folder SET starred = ? WHERE id = ? AND owner_id = ?`, star.Starred, star.FolderID, star.OwnerID)
	return err
}

func folderWhere(*api.FolderDelete) string { return "name = ? AND owner_id = ?" }
