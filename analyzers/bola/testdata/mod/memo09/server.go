// Package memo09 reproduces memos v0.9.0's server: the caller's ID is
// kept in the echo context under a key a function returns, and handlers
// narrow a memo filter by comparing the caller with the chosen creator.
package memo09

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"example.com/bolatest/memo09/api"
	"example.com/bolatest/memo09/store"
)

var userIDContextKey = "user-id"

func getUserIDContextKey() string {
	return userIDContextKey
}

type Server struct {
	e     *echo.Echo
	Store *store.Store
}

func NewServer(st *store.Store) *Server {
	s := &Server{e: echo.New(), Store: st}
	apiGroup := s.e.Group("/api")
	apiGroup.Use(func(next echo.HandlerFunc) echo.HandlerFunc {
		return aclMiddleware(s, next)
	})
	s.registerUserRoutes(apiGroup)
	s.registerMemoRoutes(apiGroup)
	return s
}

func (s *Server) registerUserRoutes(g *echo.Group) {

	// Good (memos v0.9.0 DELETE /user/:id): the host only; the caller is
	// read under the key getUserIDContextKey returns.
	g.DELETE("/user/:id", func(c echo.Context) error {
		ctx := c.Request().Context()
		currentUserID, ok := c.Get(getUserIDContextKey()).(int)
		if !ok {
			return echo.NewHTTPError(http.StatusUnauthorized, "Missing user in session")
		}
		currentUser, err := s.Store.FindUser(ctx, &api.UserFind{ID: &currentUserID})
		if err != nil {
			return echo.NewHTTPError(http.StatusInternalServerError, "Failed to find user").SetInternal(err)
		}
		if currentUser == nil {
			return echo.NewHTTPError(http.StatusBadRequest, "Current session user not found")
		} else if currentUser.Role != api.Host {
			return echo.NewHTTPError(http.StatusForbidden, "Access forbidden for current session user")
		}
		userID, err := strconv.Atoi(c.Param("id"))
		if err != nil {
			return echo.NewHTTPError(http.StatusBadRequest, "ID is not a number")
		}
		if err := s.Store.DeleteUser(ctx, &api.UserDelete{ID: userID}); err != nil {
			return err
		}
		return c.JSON(http.StatusOK, true)
	})

	// Bad: the caller is read under the same key and never compared.
	g.POST("/user/:id/delete", func(c echo.Context) error {
		ctx := c.Request().Context()
		currentUserID, ok := c.Get(getUserIDContextKey()).(int)
		if !ok {
			return echo.NewHTTPError(http.StatusUnauthorized, "Missing user in session")
		}
		c.Logger().Infof("user %d deletes", currentUserID)
		userID, _ := strconv.Atoi(c.Param("id"))
		if err := s.Store.DeleteUser(ctx, &api.UserDelete{ID: userID}); err != nil { // want `path parameter "id" selects api.User in \(\*store.Store\).DeleteUser on POST /api/user/:id/delete, so any caller can delete others' objects`
			return err
		}
		return c.JSON(http.StatusOK, true)
	})
}

func (s *Server) registerMemoRoutes(g *echo.Group) {
	// Good (memos v0.9.0 GET /memo/stats): the memos of a chosen creator,
	// private ones only when the creator is the caller.
	g.GET("/memo/stats", func(c echo.Context) error {
		ctx := c.Request().Context()
		normalStatus := "NORMAL"
		memoFind := &api.MemoFind{RowStatus: &normalStatus}
		if creatorID, err := strconv.Atoi(c.QueryParam("creatorId")); err == nil {
			memoFind.CreatorID = &creatorID
		}
		if memoFind.CreatorID == nil {
			return echo.NewHTTPError(http.StatusBadRequest, "Missing user id to find memo")
		}
		currentUserID, ok := c.Get(getUserIDContextKey()).(int)
		if !ok {
			memoFind.VisibilityList = []api.Visibility{api.Public}
		} else {
			if *memoFind.CreatorID != currentUserID {
				memoFind.VisibilityList = []api.Visibility{api.Public, api.Protected}
			} else {
				memoFind.VisibilityList = []api.Visibility{api.Public, api.Protected, api.Private}
			}
		}
		list, err := s.Store.FindMemoList(ctx, memoFind)
		if err != nil {
			return echo.NewHTTPError(http.StatusInternalServerError, "Failed to fetch memo list").SetInternal(err)
		}
		ids := []int{}
		for _, memo := range list {
			ids = append(ids, memo.ID)
		}
		return c.JSON(http.StatusOK, ids)
	})

	// Warning (memos v0.9.0 GET /memo/amount): the memos of a chosen
	// creator, private ones included, are counted; only the number is
	// returned.
	g.GET("/memo/amount", func(c echo.Context) error {
		ctx := c.Request().Context()
		normalRowStatus := "NORMAL"
		memoFind := &api.MemoFind{RowStatus: &normalRowStatus}
		if userID, err := strconv.Atoi(c.QueryParam("userId")); err == nil {
			memoFind.CreatorID = &userID
		}
		memoList, err := s.Store.FindMemoList(ctx, memoFind) // want `query parameter "userId" selects store.memoRaw in \(\*store.Store\).FindMemoList on GET /api/memo/amount, so any caller can count others' objects`
		if err != nil {
			return echo.NewHTTPError(http.StatusInternalServerError, "Failed to find memo list").SetInternal(err)
		}
		return c.JSON(http.StatusOK, len(memoList))
	})

	// Bad: the count is returned with the memos.
	g.GET("/memo/counted", func(c echo.Context) error {
		userID, _ := strconv.Atoi(c.QueryParam("userId"))
		memoList, err := s.Store.FindMemoList(c.Request().Context(), &api.MemoFind{CreatorID: &userID}) // want `query parameter "userId" selects store.memoRaw in \(\*store.Store\).FindMemoList on GET /api/memo/counted, so any caller can read others' objects`
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, map[string]any{"count": len(memoList), "memos": memoList})
	})

	// Good: the comparison is with the chosen creator itself.
	g.GET("/memo/list", func(c echo.Context) error {
		currentUserID, _ := c.Get(getUserIDContextKey()).(int)
		creatorID, _ := strconv.Atoi(c.QueryParam("creatorId"))
		memoFind := &api.MemoFind{CreatorID: &creatorID}
		if creatorID != currentUserID {
			memoFind.VisibilityList = []api.Visibility{api.Public}
		}
		list, err := s.Store.FindMemoList(c.Request().Context(), memoFind)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, list)
	})

	// Bad: the filter is narrowed in a branch that does not compare the
	// caller (a client-chosen flag), so private memos of anyone are listed.
	g.GET("/memo/search", func(c echo.Context) error {
		currentUserID, _ := c.Get(getUserIDContextKey()).(int)
		c.Logger().Infof("search by %d", currentUserID)
		creatorID, _ := strconv.Atoi(c.QueryParam("creatorId"))
		memoFind := &api.MemoFind{CreatorID: &creatorID}
		if c.QueryParam("public") == "1" {
			memoFind.VisibilityList = []api.Visibility{api.Public}
		}
		list, err := s.Store.FindMemoList(c.Request().Context(), memoFind) // want `query parameter "creatorId" selects store.memoRaw in \(\*store.Store\).FindMemoList on GET /api/memo/search, so any caller can read others' objects`
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, list)
	})

	// Bad: the caller is compared, but the branch narrows nothing about
	// who may see the memos (a page size).
	g.GET("/memo/page", func(c echo.Context) error {
		currentUserID, _ := c.Get(getUserIDContextKey()).(int)
		creatorID, _ := strconv.Atoi(c.QueryParam("creatorId"))
		memoFind := &api.MemoFind{CreatorID: &creatorID}
		if creatorID != currentUserID {
			memoFind.Limit = 10
		}
		list, err := s.Store.FindMemoList(c.Request().Context(), memoFind) // want `query parameter "creatorId" selects store.memoRaw in \(\*store.Store\).FindMemoList on GET /api/memo/page, so any caller can read others' objects`
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, list)
	})
}

func aclMiddleware(s *Server, next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		id, err := strconv.Atoi(c.Request().Header.Get("X-Session"))
		if err != nil {
			return echo.ErrUnauthorized
		}
		c.Set(getUserIDContextKey(), id)
		return next(c)
	}
}
