// Package fiberapp: fiber handlers and error handlers.
package fiberapp

import (
	"errors"

	"github.com/gofiber/fiber/v2"
	"gorm.io/gorm"
)

type Book struct {
	ID    uint
	Title string
}

type Handlers struct{ db *gorm.DB }

func (h *Handlers) get(c *fiber.Ctx) error {
	var b Book
	if err := h.db.First(&b, c.Params("id")).Error; err != nil {
		return c.Status(fiber.StatusNotFound).SendString(err.Error()) // want `err.Error\(\) of a database error is sent to the client by c.SendString`
	}
	return c.JSON(b)
}

func (h *Handlers) create(c *fiber.Ctx) error {
	var b Book
	if err := c.BodyParser(&b); err != nil {
		return c.Status(fiber.StatusBadRequest).JSON(fiber.Map{"error": err.Error()}) // client input
	}
	if err := h.db.Create(&b).Error; err != nil {
		return fiber.NewError(fiber.StatusInternalServerError, err.Error()) // want `err.Error\(\) of a database error is sent to the client by fiber.NewError`
	}
	return c.Status(fiber.StatusCreated).JSON(b)
}

func New() *fiber.App {
	return fiber.New(fiber.Config{
		ErrorHandler: func(c *fiber.Ctx, err error) error {
			return c.Status(fiber.StatusInternalServerError).JSON(fiber.Map{"error": err.Error()}) // want `err.Error\(\) of every error reaches the client in this error handler`
		},
	})
}

// ---- not reported ----

func (h *Handlers) missing(c *fiber.Ctx) error {
	return fiber.NewError(fiber.StatusNotFound, "book not found")
}

func NewSafe() *fiber.App {
	return fiber.New(fiber.Config{ErrorHandler: safeHandler})
}

func safeHandler(c *fiber.Ctx, err error) error {
	var fe *fiber.Error
	if errors.As(err, &fe) {
		return c.Status(fe.Code).JSON(fiber.Map{"error": fe.Message})
	}
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return c.Status(fiber.StatusNotFound).SendString(err.Error())
	}
	return c.Status(fiber.StatusInternalServerError).SendString("internal error")
}
