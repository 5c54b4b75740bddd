// The /api group is limited, /auth is not.
package main

import (
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/limiter"
)

func main() {
	app := fiber.New()
	api := app.Group("/api", limiter.New())
	api.Get("/orders", listOrders)
	auth := app.Group("/auth")
	auth.Post("/login", login)
	app.Listen(":3000") // want `app.Listen rate-limits 1 of its routes but not POST /auth/login`
}

func listOrders(c *fiber.Ctx) error { return nil }
func login(c *fiber.Ctx) error      { return nil }
