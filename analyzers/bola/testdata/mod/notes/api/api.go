// Package api holds a note-taking service's objects and the filter
// structs its store takes (the shape of memos before its gRPC API).
package api

// Note is a user's note: authored content (CreatorID).
type Note struct {
	ID        int    `json:"id"`
	CreatorID int    `json:"creatorId"`
	Content   string `json:"content"`
}

// NoteFind selects notes.
type NoteFind struct {
	ID        *int
	CreatorID *int
}

// NotePatch changes a note.
type NotePatch struct {
	ID      int     `json:"-"`
	Content *string `json:"content"`
}

// NoteEdit changes a note; unlike NotePatch, a decoder can set its ID.
type NoteEdit struct {
	ID      int
	Content *string `json:"content"`
}

// NoteDelete selects the notes to delete.
type NoteDelete struct {
	ID        *int
	CreatorID *int
}

// Folder groups a user's notes.
type Folder struct {
	ID      int    `json:"id"`
	OwnerID int    `json:"ownerId"`
	Name    string `json:"name"`
}

// FolderDelete selects the folders to delete.
type FolderDelete struct {
	Name    string
	OwnerID int
}

// FolderPin pins a folder for a user.
type FolderPin struct {
	FolderID int  `json:"-"`
	OwnerID  int  `json:"-"`
	Pinned   bool `json:"pinned"`
}

// FolderStar stars a folder for a user; the decoder can set every field.
type FolderStar struct {
	FolderID int
	OwnerID  int
	Starred  bool `json:"starred"`
}

// CacheService keeps decoded rows in memory.
type CacheService interface {
	FindCache(namespace string, id int, entry any) (bool, error)
	UpsertCache(namespace string, id int, entry any) error
	DeleteCache(namespace string, id int)
}
