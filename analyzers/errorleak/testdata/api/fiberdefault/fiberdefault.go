// Package fiberdefault: handlers that return errors to the app's error
// handler, on apps with and without one of their own.
package fiberdefault

import (
	"errors"
	"os"
	"strconv"

	"github.com/gofiber/fiber/v2"
	"gorm.io/gorm"
)

type Book struct {
	ID    uint
	Title string
}

type Handlers struct{ db *gorm.DB }

// Served by fiber's default error handler, which writes err.Error().
func (h *Handlers) get(c *fiber.Ctx) error { // want get:`returns database error`
	var b Book
	if err := h.db.First(&b, c.Params("id")).Error; err != nil {
		return err // want `a database error is returned to fiber's default error handler: it sends the text to the client`
	}
	return c.JSON(b)
}

func (h *Handlers) cover(c *fiber.Ctx) error { // want cover:`returns filesystem error`
	data, err := os.ReadFile("covers/" + c.Params("id"))
	if err != nil {
		return err // want `a filesystem error is returned to fiber's default error handler`
	}
	return c.Send(data)
}

// ---- not reported ----

// A *fiber.Error carries its own public message.
func (h *Handlers) missing(c *fiber.Ctx) error {
	if _, err := strconv.Atoi(c.Params("id")); err != nil {
		return fiber.NewError(fiber.StatusBadRequest, "bad id")
	}
	return fiber.ErrNotFound
}

// A sentinel with a fixed message.
var errClosed = errors.New("shop closed")

func (h *Handlers) closed(c *fiber.Ctx) error { return errClosed }

// The client's own input error.
func (h *Handlers) create(c *fiber.Ctx) error {
	var b Book
	if err := c.BodyParser(&b); err != nil {
		return err
	}
	return c.JSON(b)
}

// Routes on an app with fiber's default error handler.
func Routes(h *Handlers) *fiber.App {
	app := fiber.New()
	app.Get("/books/:id", h.get)
	app.Get("/covers/:id", h.cover)
	app.Get("/missing/:id", h.missing)
	app.Get("/closed", h.closed)
	app.Post("/books", h.create)
	return app
}

// The same database error on an app with its own error handler.
func (h *Handlers) getSafe(c *fiber.Ctx) error { // want getSafe:`returns database error`
	var b Book
	if err := h.db.First(&b, c.Params("id")).Error; err != nil {
		return err
	}
	return c.JSON(b)
}

func SafeRoutes(h *Handlers) *fiber.App {
	app := fiber.New(fiber.Config{ErrorHandler: func(c *fiber.Ctx, err error) error {
		return c.Status(fiber.StatusInternalServerError).SendString("internal error")
	}})
	app.Get("/safe/books/:id", h.getSafe)
	return app
}

// List is mounted by another package (fibermain).
func (h *Handlers) List(c *fiber.Ctx) error { // want List:`returns database error`
	var bs []Book
	if err := h.db.Find(&bs).Error; err != nil {
		return err
	}
	return c.JSON(bs)
}
