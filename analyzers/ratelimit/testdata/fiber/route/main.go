// A limiter on the one route.
package main

import (
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/limiter"
)

func main() {
	app := fiber.New()
	app.Post("/login", limiter.New(limiter.Config{Max: 5}), login)
	app.Listen(":3000")
}

func login(c *fiber.Ctx) error { return nil }
