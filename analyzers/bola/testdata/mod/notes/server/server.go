// Package server serves notes with echo route closures (memos 0.9's
// shape), behind a session middleware that only authenticates.
package server

import (
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"example.com/bolatest/notes/api"
	"example.com/bolatest/notes/store"
)

type Server struct{ Store *store.Store }

func (s *Server) Register(e *echo.Echo) {
	g := e.Group("/api", session)

	// Good: notes are authored content anyone may read; the cache the
	// read fills is no change.
	g.GET("/note/:noteId", func(c echo.Context) error {
		id, err := strconv.Atoi(c.Param("noteId"))
		if err != nil {
			return echo.NewHTTPError(http.StatusBadRequest)
		}
		note, err := s.Store.FindNote(c.Request().Context(), &api.NoteFind{ID: &id})
		if err != nil {
			return echo.NewHTTPError(http.StatusNotFound)
		}
		return c.JSON(http.StatusOK, note)
	})

	// Bad: anyone deletes anyone's note.
	g.DELETE("/note/:noteId", func(c echo.Context) error {
		id, err := strconv.Atoi(c.Param("noteId"))
		if err != nil {
			return echo.NewHTTPError(http.StatusBadRequest)
		}
		del := &api.NoteDelete{ID: &id}
		if err := s.Store.DeleteNote(c.Request().Context(), del); err != nil { // want `path parameter "noteId" selects api.Note in \(\*store.Store\).DeleteNote on DELETE /api/note/:noteId`
			return echo.NewHTTPError(http.StatusNotFound)
		}
		return c.JSON(http.StatusOK, true)
	})

	// Good: the note is first read scoped by the caller, and a miss stops.
	g.PATCH("/note/:noteId", func(c echo.Context) error {
		userID, ok := c.Get("user-id").(int)
		if !ok {
			return echo.NewHTTPError(http.StatusUnauthorized)
		}
		id, err := strconv.Atoi(c.Param("noteId"))
		if err != nil {
			return echo.NewHTTPError(http.StatusBadRequest)
		}
		if _, err := s.Store.FindNote(c.Request().Context(), &api.NoteFind{ID: &id, CreatorID: &userID}); err != nil {
			return echo.NewHTTPError(http.StatusNotFound)
		}
		patch := &api.NotePatch{ID: id}
		if err := json.NewDecoder(c.Request().Body).Decode(patch); err != nil {
			return echo.NewHTTPError(http.StatusBadRequest)
		}
		if err := s.Store.PatchNote(c.Request().Context(), patch); err != nil {
			return echo.NewHTTPError(http.StatusInternalServerError)
		}
		return c.JSON(http.StatusOK, true)
	})

	// Bad: the scoped read checks the path's note, but the body decoded
	// over the edit can set its ID ({"ID": 7}) and change another.
	g.POST("/note/:noteId/edit", func(c echo.Context) error {
		userID, ok := c.Get("user-id").(int)
		if !ok {
			return echo.NewHTTPError(http.StatusUnauthorized)
		}
		id, err := strconv.Atoi(c.Param("noteId"))
		if err != nil {
			return echo.NewHTTPError(http.StatusBadRequest)
		}
		if _, err := s.Store.FindNote(c.Request().Context(), &api.NoteFind{ID: &id, CreatorID: &userID}); err != nil {
			return echo.NewHTTPError(http.StatusNotFound)
		}
		edit := &api.NoteEdit{ID: id}
		if err := json.NewDecoder(c.Request().Body).Decode(edit); err != nil {
			return echo.NewHTTPError(http.StatusBadRequest)
		}
		return s.Store.EditNote(c.Request().Context(), edit) // want `path parameter "noteId" selects api.Note in \(\*store.Store\).EditNote on POST /api/note/:noteId/edit`
	})

	// Bad: the comparison checks the path's ID; the body decoded over the
	// edit replaces it.
	g.PUT("/note/:noteId/edit", func(c echo.Context) error {
		userID, ok := c.Get("user-id").(int)
		if !ok {
			return echo.NewHTTPError(http.StatusUnauthorized)
		}
		id, _ := strconv.Atoi(c.Param("noteId"))
		note, err := s.Store.FindNote(c.Request().Context(), &api.NoteFind{ID: &id})
		if err != nil || note.CreatorID != userID {
			return echo.NewHTTPError(http.StatusForbidden)
		}
		edit := &api.NoteEdit{ID: id}
		if err := json.NewDecoder(c.Request().Body).Decode(edit); err != nil {
			return echo.NewHTTPError(http.StatusBadRequest)
		}
		return s.Store.EditNote(c.Request().Context(), edit) // want `path parameter "noteId" selects api.Note in \(\*store.Store\).EditNote on PUT /api/note/:noteId/edit`
	})

	// Good: the same with the ID set after the body is decoded.
	g.PATCH("/note/:noteId/edit", func(c echo.Context) error {
		userID, ok := c.Get("user-id").(int)
		if !ok {
			return echo.NewHTTPError(http.StatusUnauthorized)
		}
		id, _ := strconv.Atoi(c.Param("noteId"))
		note, err := s.Store.FindNote(c.Request().Context(), &api.NoteFind{ID: &id})
		if err != nil || note.CreatorID != userID {
			return echo.NewHTTPError(http.StatusForbidden)
		}
		edit := &api.NoteEdit{}
		if err := json.NewDecoder(c.Request().Body).Decode(edit); err != nil {
			return echo.NewHTTPError(http.StatusBadRequest)
		}
		edit.ID = id
		return s.Store.EditNote(c.Request().Context(), edit)
	})

	// Bad: the scoped read's outcome is ignored, so it checks nothing.
	g.PUT("/note/:noteId", func(c echo.Context) error {
		userID, _ := c.Get("user-id").(int)
		id, _ := strconv.Atoi(c.Param("noteId"))
		note, _ := s.Store.FindNote(c.Request().Context(), &api.NoteFind{ID: &id, CreatorID: &userID})
		_ = note
		content := c.FormValue("content")
		return s.Store.PatchNote(c.Request().Context(), &api.NotePatch{ID: id, Content: &content}) // want `path parameter "noteId" selects api.Note in \(\*store.Store\).PatchNote on PUT /api/note/:noteId`
	})

	// Bad: the read before the change is not scoped by the caller.
	g.POST("/note/:noteId/archive", func(c echo.Context) error {
		id, _ := strconv.Atoi(c.Param("noteId"))
		if _, err := s.Store.FindNote(c.Request().Context(), &api.NoteFind{ID: &id}); err != nil {
			return echo.NewHTTPError(http.StatusNotFound)
		}
		return s.Store.DeleteNote(c.Request().Context(), &api.NoteDelete{ID: &id}) // want `path parameter "noteId" selects api.Note in \(\*store.Store\).DeleteNote on POST /api/note/:noteId/archive`
	})

	// Good: the filter variable's literal sets the owner from the caller.
	g.DELETE("/folder/:name", func(c echo.Context) error {
		userID, ok := c.Get("user-id").(int)
		if !ok {
			return echo.NewHTTPError(http.StatusUnauthorized)
		}
		del := &api.FolderDelete{Name: c.Param("name"), OwnerID: userID}
		return s.Store.DeleteFolder(c.Request().Context(), del)
	})

	// Bad: the same delete with the owner from the query string.
	g.DELETE("/folder/:name/of", func(c echo.Context) error {
		owner, _ := strconv.Atoi(c.QueryParam("owner"))
		del := &api.FolderDelete{Name: c.Param("name"), OwnerID: owner}
		return s.Store.DeleteFolder(c.Request().Context(), del) // want `path parameter "name" selects api.Folder in \(\*store.Store\).DeleteFolder`
	})

	// Bad: the caller's ID is set before the body is decoded over the
	// star, so {"OwnerID": 7} stars someone else's folder.
	g.POST("/folder/:folderId/star", func(c echo.Context) error {
		userID, ok := c.Get("user-id").(int)
		if !ok {
			return echo.NewHTTPError(http.StatusUnauthorized)
		}
		folderID, _ := strconv.Atoi(c.Param("folderId"))
		star := &api.FolderStar{FolderID: folderID, OwnerID: userID}
		if err := json.NewDecoder(c.Request().Body).Decode(star); err != nil {
			return echo.NewHTTPError(http.StatusBadRequest)
		}
		return s.Store.UpdateFolder(c.Request().Context(), star) // want `path parameter "folderId" selects api.Folder in \(\*store.Store\).UpdateFolder on POST /api/folder/:folderId/star`
	})

	// Good: the star's owner is assigned from the caller after the body.
	g.PUT("/folder/:folderId/star", func(c echo.Context) error {
		userID, ok := c.Get("user-id").(int)
		if !ok {
			return echo.NewHTTPError(http.StatusUnauthorized)
		}
		folderID, _ := strconv.Atoi(c.Param("folderId"))
		star := &api.FolderStar{}
		if err := json.NewDecoder(c.Request().Body).Decode(star); err != nil {
			return echo.NewHTTPError(http.StatusBadRequest)
		}
		star.FolderID, star.OwnerID = folderID, userID
		return s.Store.UpdateFolder(c.Request().Context(), star)
	})

	// Good: the pin's owner is assigned from the caller after the body
	// is decoded into it.
	g.POST("/folder/:folderId/pin", func(c echo.Context) error {
		userID, ok := c.Get("user-id").(int)
		if !ok {
			return echo.NewHTTPError(http.StatusUnauthorized)
		}
		folderID, _ := strconv.Atoi(c.Param("folderId"))
		pin := &api.FolderPin{}
		if err := json.NewDecoder(c.Request().Body).Decode(pin); err != nil {
			return echo.NewHTTPError(http.StatusBadRequest)
		}
		pin.FolderID = folderID
		pin.OwnerID = userID
		return s.Store.PinFolder(c.Request().Context(), pin)
	})
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
