package memoadv

import (
	"context"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"
)

// Attachment is authored content of a memo: it has no visibility of its
// own, but a private memo's attachments are private too (memos'
// GetAttachment before c7b48b8).
type Attachment struct {
	ID        int    `json:"id"`
	CreatorID int    `json:"creatorId"`
	MemoID    *int   `json:"memoId"`
	Filename  string `json:"filename"`
}

// Reply is authored content of a public Comment: public too.
type Reply struct {
	ID        int    `json:"id"`
	CreatorID int    `json:"creatorId"`
	CommentID int    `json:"commentId"`
	Text      string `json:"text"`
}

type FindAttachment struct{ ID *int }

type FindReply struct{ ID *int }

func (s *Store) GetAttachment(ctx context.Context, find *FindAttachment) (*Attachment, error) {
	a := &Attachment{}
	err := s.db.QueryRowContext(ctx, `SELECT id, creator_id, memo_id, filename FROM attachment WHERE id = ?`, *find.ID).Scan(&a.ID, &a.CreatorID, &a.MemoID, &a.Filename)
	return a, err
}

func (s *Store) GetReply(ctx context.Context, find *FindReply) (*Reply, error) {
	r := &Reply{}
	err := s.db.QueryRowContext(ctx, `SELECT id, creator_id, comment_id, text FROM reply WHERE id = ?`, *find.ID).Scan(&r.ID, &r.CreatorID, &r.CommentID, &r.Text)
	return r, err
}

type UpdateAttachment struct {
	ID       int
	Filename *string
}

func (s *Store) UpdateAttachment(ctx context.Context, update *UpdateAttachment) (*Attachment, error) {
	_, err := s.db.ExecContext(ctx, `UPDATE attachment SET filename = ? WHERE id = ?`, *update.Filename, update.ID)
	return &Attachment{ID: update.ID}, err
}

func (s *Server) RegisterAttachments(e *echo.Echo) {
	g := e.Group("/api", session)

	// Bad: any caller reads the attachments of others' private memos.
	g.GET("/attachment/:id", func(c echo.Context) error {
		id, _ := strconv.Atoi(c.Param("id"))
		a, err := s.Store.GetAttachment(c.Request().Context(), &FindAttachment{ID: &id}) // want `path parameter "id" selects memoadv.Attachment in \(\*memoadv.Store\).GetAttachment on GET /api/attachment/:id, so any caller can read others' objects`
		if err != nil {
			return echo.ErrNotFound
		}
		return c.JSON(http.StatusOK, a)
	})

	// Good: the attachment's creator only.
	g.GET("/attachment/:id/own", func(c echo.Context) error {
		userID, _ := c.Get("user-id").(int)
		id, _ := strconv.Atoi(c.Param("id"))
		a, err := s.Store.GetAttachment(c.Request().Context(), &FindAttachment{ID: &id})
		if err != nil || a.CreatorID != userID {
			return echo.ErrNotFound
		}
		return c.JSON(http.StatusOK, a)
	})

	// Bad, once: the change and the read-back select by the same path
	// parameter, read twice; one finding, at the change.
	g.PATCH("/attachment/:id", func(c echo.Context) error {
		id, _ := strconv.Atoi(c.Param("id"))
		name := c.FormValue("filename")
		if _, err := s.Store.UpdateAttachment(c.Request().Context(), &UpdateAttachment{ID: id, Filename: &name}); err != nil { // want `path parameter "id" selects memoadv.Attachment in \(\*memoadv.Store\).UpdateAttachment on PATCH /api/attachment/:id, so any caller can change others' objects`
			return err
		}
		again, _ := strconv.Atoi(c.Param("id"))
		a, err := s.Store.GetAttachment(c.Request().Context(), &FindAttachment{ID: &again})
		if err != nil {
			return echo.ErrNotFound
		}
		return c.JSON(http.StatusOK, a)
	})

	// Good: a reply to a public comment is public.
	g.GET("/reply/:id", func(c echo.Context) error {
		id, _ := strconv.Atoi(c.Param("id"))
		r, err := s.Store.GetReply(c.Request().Context(), &FindReply{ID: &id})
		if err != nil {
			return echo.ErrNotFound
		}
		return c.JSON(http.StatusOK, r)
	})
}
