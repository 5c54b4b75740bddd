// Package mw holds fiber middleware of the service.
package mw

import (
	"github.com/gofiber/fiber/v2"
	"golang.org/x/time/rate"
)

// Global rejects requests over r per second (consults x/time/rate).
func Global(r rate.Limit, burst int) fiber.Handler {
	l := rate.NewLimiter(r, burst)
	return func(c *fiber.Ctx) error {
		if !l.Allow() {
			return c.SendStatus(fiber.StatusTooManyRequests)
		}
		return c.Next()
	}
}

// Tag sets a header; it does not limit.
func Tag(c *fiber.Ctx) error {
	c.Set("X-Service", "orders")
	return c.Next()
}
