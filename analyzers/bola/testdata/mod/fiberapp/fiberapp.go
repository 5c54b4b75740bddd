// Package fiberapp is a fiber + gorm service.
package fiberapp

import (
	"strings"

	"github.com/gofiber/fiber/v2"
	"gorm.io/gorm"

	"example.com/bolatest/auth"
	"example.com/bolatest/store"
)

type Handler struct{ DB *gorm.DB }

func (h *Handler) Register(app *fiber.App) {
	api := app.Group("/api", func(c *fiber.Ctx) error {
		u, err := auth.Verify(strings.TrimPrefix(c.Get("Authorization"), "Bearer "))
		if err != nil {
			return fiber.ErrUnauthorized
		}
		c.Locals("user", u)
		return c.Next()
	})
	api.Get("/orders/:id", h.getOrder)
	api.Delete("/orders/:id", h.deleteOrder)
	api.Get("/my/orders/:id", h.getMyOrder)
	api.Get("/products/:id", h.getProduct)
}

func me(c *fiber.Ctx) *auth.User { return c.Locals("user").(*auth.User) }

// Bad.
func (h *Handler) getOrder(c *fiber.Ctx) error {
	var o store.Order
	if err := h.DB.First(&o, c.Params("id")).Error; err != nil { // want `path parameter "id" selects store.Order`
		return fiber.ErrNotFound
	}
	return c.JSON(o)
}

// Bad.
func (h *Handler) deleteOrder(c *fiber.Ctx) error {
	id, err := c.ParamsInt("id")
	if err != nil {
		return fiber.ErrBadRequest
	}
	h.DB.Delete(&store.Order{}, id) // want `path parameter "id" selects store.Order`
	return c.SendStatus(fiber.StatusNoContent)
}

// Good: owner compared, mismatch returns 404.
func (h *Handler) getMyOrder(c *fiber.Ctx) error {
	var o store.Order
	if err := h.DB.First(&o, c.Params("id")).Error; err != nil {
		return fiber.ErrNotFound
	}
	if o.UserID != me(c).ID {
		return fiber.ErrNotFound
	}
	return c.JSON(o)
}

// Good: public catalog data.
func (h *Handler) getProduct(c *fiber.Ctx) error {
	var p store.Product
	if err := h.DB.First(&p, c.Params("id")).Error; err != nil {
		return fiber.ErrNotFound
	}
	return c.JSON(p)
}
