package memoadv

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"
)

type Server struct{ Store *Store }

func (s *Server) Register(e *echo.Echo) {
	g := e.Group("/api", session)

	// Bad (memos before c7b48b8): a private memo is read by anyone who
	// knows its ID.
	g.GET("/memo/:id", func(c echo.Context) error {
		id, _ := strconv.Atoi(c.Param("id"))
		memo, err := s.Store.GetMemo(c.Request().Context(), &FindMemo{ID: &id}) // want `path parameter "id" selects memoadv.Memo in \(\*memoadv.Store\).GetMemo on GET /api/memo/:id, so any caller can read others' objects`
		if err != nil {
			return echo.ErrNotFound
		}
		return c.JSON(http.StatusOK, memo)
	})

	// Good (after the fix): a private memo is shown to its creator only.
	g.GET("/memo/:id/view", func(c echo.Context) error {
		userID, _ := c.Get("user-id").(int)
		id, _ := strconv.Atoi(c.Param("id"))
		memo, err := s.Store.GetMemo(c.Request().Context(), &FindMemo{ID: &id})
		if err != nil {
			return echo.ErrNotFound
		}
		if memo.Visibility == "PRIVATE" && memo.CreatorID != userID {
			return echo.ErrForbidden
		}
		return c.JSON(http.StatusOK, memo)
	})

	// Good: the check is in a helper that compares the caller with the
	// memo's creator (memos' checkAttachmentAccess).
	g.GET("/memo/:id/raw", func(c echo.Context) error {
		id, _ := strconv.Atoi(c.Param("id"))
		memo, err := s.Store.GetMemo(c.Request().Context(), &FindMemo{ID: &id})
		if err != nil {
			return echo.ErrNotFound
		}
		if err := memoAccess(c, memo); err != nil {
			return err
		}
		return c.String(http.StatusOK, memo.Content)
	})

	// Good: the memo is loaded only for its ID; the comments listed are
	// filtered by the caller.
	g.GET("/memo/:id/comments", func(c echo.Context) error {
		userID, _ := c.Get("user-id").(int)
		id, _ := strconv.Atoi(c.Param("id"))
		memo, err := s.Store.GetMemo(c.Request().Context(), &FindMemo{ID: &id})
		if err != nil {
			return echo.ErrNotFound
		}
		cs, err := s.Store.ListComments(c.Request().Context(), &FindComments{MemoID: &memo.ID, VisibleTo: &userID})
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, cs)
	})

	// Good: comments are public authored content (PublicKey is no
	// visibility).
	g.GET("/comment/:id", func(c echo.Context) error {
		id, _ := strconv.Atoi(c.Param("id"))
		cm, err := s.Store.GetComment(c.Request().Context(), &FindComment{ID: &id})
		if err != nil {
			return echo.ErrNotFound
		}
		return c.JSON(http.StatusOK, cm)
	})

	// Bad (memos before #5217): any caller changes any user's account.
	g.PATCH("/user/:id", func(c echo.Context) error {
		id, _ := strconv.Atoi(c.Param("id"))
		email := c.FormValue("email")
		u, err := s.Store.UpdateUser(c.Request().Context(), &UpdateUser{ID: id, Email: &email}) // want `path parameter "id" selects memoadv.User in \(\*memoadv.Store\).UpdateUser on PATCH /api/user/:id, so any caller can change others' objects`
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, u)
	})

	// Good (after the fix): only the user themself.
	g.PATCH("/user/:id/email", func(c echo.Context) error {
		userID, _ := c.Get("user-id").(int)
		id, _ := strconv.Atoi(c.Param("id"))
		if id != userID {
			return echo.ErrForbidden
		}
		email := c.FormValue("email")
		u, err := s.Store.UpdateUser(c.Request().Context(), &UpdateUser{ID: id, Email: &email})
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, u)
	})

	// Good: a group is no account (nor owned).
	g.PATCH("/group/:id", func(c echo.Context) error {
		id, _ := strconv.Atoi(c.Param("id"))
		name := c.FormValue("name")
		gr, err := s.Store.UpdateUserGroup(c.Request().Context(), &UpdateUserGroup{ID: id, Name: &name})
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, gr)
	})

	// Bad (memos before #870): a resource is linked to any memo.
	g.POST("/memo/:memoId/resource", func(c echo.Context) error {
		memoID, _ := strconv.Atoi(c.Param("memoId"))
		upsert := &UpsertMemoResource{MemoID: memoID}
		if err := c.Bind(upsert); err != nil {
			return err
		}
		mr, err := s.Store.UpsertMemoResource(c.Request().Context(), upsert) // want `path parameter "memoId" selects memoadv.MemoResource of memoadv.Memo on POST /api/memo/:memoId/resource, so any caller can change others' objects`
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, mr)
	})

	// Good (after the fix): the memo's creator only.
	g.PUT("/memo/:memoId/resource", func(c echo.Context) error {
		userID, _ := c.Get("user-id").(int)
		memoID, _ := strconv.Atoi(c.Param("memoId"))
		memo, err := s.Store.GetMemo(c.Request().Context(), &FindMemo{ID: &memoID})
		if err != nil {
			return echo.ErrNotFound
		}
		if memo.CreatorID != userID {
			return echo.ErrForbidden
		}
		upsert := &UpsertMemoResource{MemoID: memoID}
		if err := c.Bind(upsert); err != nil {
			return err
		}
		mr, err := s.Store.UpsertMemoResource(c.Request().Context(), upsert)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, mr)
	})

	// Good: anyone may like a public comment.
	g.POST("/comment/:commentId/like", func(c echo.Context) error {
		commentID, _ := strconv.Atoi(c.Param("commentId"))
		cl, err := s.Store.UpsertCommentLike(c.Request().Context(), &UpsertCommentLike{CommentID: commentID})
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, cl)
	})

	// Bad (bindery before #1242): the owner is checked for one action of
	// a bulk request, not for the delete.
	g.POST("/memo/:id/action", func(c echo.Context) error {
		userID, _ := c.Get("user-id").(int)
		id, _ := strconv.Atoi(c.Param("id"))
		switch c.FormValue("action") {
		case "show":
			memo, err := s.Store.GetMemo(c.Request().Context(), &FindMemo{ID: &id})
			if err != nil || memo.CreatorID != userID {
				return echo.ErrForbidden
			}
			return c.JSON(http.StatusOK, memo)
		case "delete":
			if err := s.Store.DeleteMemo(c.Request().Context(), &DeleteMemo{ID: id}); err != nil { // want `path parameter "id" selects memoadv.Memo in \(\*memoadv.Store\).DeleteMemo on POST /api/memo/:id/action`
				return err
			}
		}
		return c.NoContent(http.StatusOK)
	})

	// Good (after the fix): each action checks.
	g.PUT("/memo/:id/action", func(c echo.Context) error {
		userID, _ := c.Get("user-id").(int)
		id, _ := strconv.Atoi(c.Param("id"))
		memo, err := s.Store.GetMemo(c.Request().Context(), &FindMemo{ID: &id})
		if err != nil || memo.CreatorID != userID {
			return echo.ErrForbidden
		}
		switch c.FormValue("action") {
		case "show":
			return c.JSON(http.StatusOK, memo)
		case "delete":
			if err := s.Store.DeleteMemo(c.Request().Context(), &DeleteMemo{ID: id}); err != nil {
				return err
			}
		}
		return c.NoContent(http.StatusOK)
	})

	// Good: the check is in the case of the delete.
	g.DELETE("/memo/:id/action", func(c echo.Context) error {
		userID, _ := c.Get("user-id").(int)
		id, _ := strconv.Atoi(c.Param("id"))
		switch c.FormValue("action") {
		case "delete":
			memo, err := s.Store.GetMemo(c.Request().Context(), &FindMemo{ID: &id})
			if err != nil || memo.CreatorID != userID {
				return echo.ErrForbidden
			}
			if err := s.Store.DeleteMemo(c.Request().Context(), &DeleteMemo{ID: memo.ID}); err != nil {
				return err
			}
		}
		return c.NoContent(http.StatusOK)
	})

	// Bad: the ownership check's answer is thrown away.
	g.POST("/user/:id/email", func(c echo.Context) error {
		userID, _ := c.Get("user-id").(int)
		id, _ := strconv.Atoi(c.Param("id"))
		_ = checkOwnership(userID, id)
		email := c.FormValue("email")
		u, err := s.Store.UpdateUser(c.Request().Context(), &UpdateUser{ID: id, Email: &email}) // want `path parameter "id" selects memoadv.User in \(\*memoadv.Store\).UpdateUser on POST /api/user/:id/email`
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, u)
	})

	// Good: the same check, its answer stopping the handler.
	g.PUT("/user/:id/email", func(c echo.Context) error {
		userID, _ := c.Get("user-id").(int)
		id, _ := strconv.Atoi(c.Param("id"))
		if err := checkOwnership(userID, id); err != nil {
			return err
		}
		email := c.FormValue("email")
		u, err := s.Store.UpdateUser(c.Request().Context(), &UpdateUser{ID: id, Email: &email})
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, u)
	})
}

// memoAccess lets the creator see a private memo.
func memoAccess(c echo.Context, memo *Memo) error { // want memoAccess:"authorizer: compares the caller.s userID with memo.CreatorID"
	userID, _ := c.Get("user-id").(int)
	if memo.Visibility == "PRIVATE" && memo.CreatorID != userID {
		return echo.ErrForbidden
	}
	return nil
}

// checkOwnership is named as a decision.
func checkOwnership(userID, id int) error {
	if userID != id {
		return errors.New("forbidden")
	}
	return nil
}

func session(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		id, err := strconv.Atoi(c.Request().Header.Get("X-Session"))
		if err != nil {
			return echo.ErrUnauthorized
		}
		c.Set("user-id", id)
		return next(c)
	}
}
