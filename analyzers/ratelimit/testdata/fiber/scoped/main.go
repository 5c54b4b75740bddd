// app.Use with a prefix limits only routes under it.
package main

import (
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/limiter"
)

func main() {
	app := fiber.New()
	app.Use("/api", limiter.New())
	app.Get("/api/orders", listOrders)
	app.Post("/login", login)
	app.Listen(":3000") // want `app.Listen rate-limits 1 of its routes but not POST /login`
}

func listOrders(c *fiber.Ctx) error { return nil }
func login(c *fiber.Ctx) error      { return nil }
