// Package echoapp is an echo + gorm service.
package echoapp

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
	"gorm.io/gorm"

	"example.com/bolatest/auth"
	"example.com/bolatest/store"
)

type Handler struct{ DB *gorm.DB }

func (h *Handler) Register(e *echo.Echo) {
	g := e.Group("/v1", authMiddleware)
	g.GET("/orders/:id", h.getOrder)
	g.DELETE("/orders/:id", h.deleteOrder)
	g.PATCH("/orders", h.patchOrder)
	g.GET("/mine/orders/:id", h.getMyOrder)
	g.DELETE("/mine/orders/:id", h.deleteMyOrder)
	g.PATCH("/mine/orders", h.patchMyOrder)
	g.GET("/comments/:id", h.getComment)
	g.DELETE("/comments/:id", h.deleteComment)
}

// Good: comments are authored content that everyone may read.
func (h *Handler) getComment(c echo.Context) error {
	var cm store.Comment
	if err := h.DB.First(&cm, c.Param("id")).Error; err != nil {
		return echo.ErrNotFound
	}
	return c.JSON(http.StatusOK, cm)
}

// Bad: anyone deletes anyone's comment.
func (h *Handler) deleteComment(c echo.Context) error {
	h.DB.Delete(&store.Comment{}, c.Param("id")) // want `path parameter "id" selects store.Comment`
	return c.NoContent(http.StatusNoContent)
}

func authMiddleware(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		u, err := auth.Verify(strings.TrimPrefix(c.Request().Header.Get("Authorization"), "Bearer "))
		if err != nil {
			return echo.ErrUnauthorized
		}
		c.Set("user", u)
		return next(c)
	}
}

func user(c echo.Context) *auth.User { return c.Get("user").(*auth.User) }

type patchOrderRequest struct {
	OrderID uint   `json:"order_id"`
	Item    string `json:"item"`
}

// Bad.
func (h *Handler) getOrder(c echo.Context) error {
	var o store.Order
	if err := h.DB.Where("id = ?", c.Param("id")).First(&o).Error; err != nil { // want `path parameter "id" selects store.Order`
		return echo.ErrNotFound
	}
	return c.JSON(http.StatusOK, o)
}

// Bad: delete by id.
func (h *Handler) deleteOrder(c echo.Context) error {
	h.DB.Delete(&store.Order{}, c.Param("id")) // want `path parameter "id" selects store.Order`
	return c.NoContent(http.StatusNoContent)
}

// Bad: the id is a field of the bound body.
func (h *Handler) patchOrder(c echo.Context) error {
	var req patchOrderRequest
	if err := c.Bind(&req); err != nil {
		return echo.ErrBadRequest
	}
	h.DB.Model(&store.Order{}).Where("id = ?", req.OrderID).Update("item", req.Item) // want `body field "OrderID" selects store.Order`
	return c.NoContent(http.StatusNoContent)
}

// Good: the mismatch returns 403.
func (h *Handler) getMyOrder(c echo.Context) error {
	var o store.Order
	if err := h.DB.First(&o, c.Param("id")).Error; err != nil {
		return echo.ErrNotFound
	}
	if o.UserID != user(c).ID {
		return echo.NewHTTPError(http.StatusForbidden)
	}
	return c.JSON(http.StatusOK, o)
}

// Good: scoped delete.
func (h *Handler) deleteMyOrder(c echo.Context) error {
	h.DB.Where("user_id = ?", user(c).ID).Delete(&store.Order{}, c.Param("id"))
	return c.NoContent(http.StatusNoContent)
}

// Good: body id, scoped update.
func (h *Handler) patchMyOrder(c echo.Context) error {
	var req patchOrderRequest
	if err := c.Bind(&req); err != nil {
		return echo.ErrBadRequest
	}
	h.DB.Model(&store.Order{}).Where("id = ? AND user_id = ?", req.OrderID, user(c).ID).Update("item", req.Item)
	return c.NoContent(http.StatusNoContent)
}
