package fiberapi

import (
	"github.com/gofiber/fiber/v2"
	"gorm.io/gorm"

	"example.com/api/models"
)

type H struct{ DB *gorm.DB }

func (h *H) me(c *fiber.Ctx) error {
	var u models.User
	if err := h.DB.First(&u, c.Locals("uid")).Error; err != nil {
		return fiber.ErrNotFound
	}
	return c.JSON(fiber.Map{"user": u}) // want `JSON sends persistence model models.User \(at "user"\) with its sensitive field PasswordHash`
}

func (h *H) meSafe(c *fiber.Ctx) error {
	var u models.User
	if err := h.DB.First(&u, c.Locals("uid")).Error; err != nil {
		return fiber.ErrNotFound
	}
	return c.JSON(fiber.Map{"user": fiber.Map{"id": u.ID, "email": u.Email}})
}

func (h *H) status(c *fiber.Ctx) error {
	return c.JSON(fiber.Map{"ok": true})
}
