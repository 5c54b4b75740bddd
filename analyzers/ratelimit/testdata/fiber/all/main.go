// App-wide fiber limiter.
package main

import (
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/limiter"
)

func main() {
	app := fiber.New()
	app.Use(limiter.New(limiter.Config{Max: 20, Expiration: 30 * time.Second}))
	app.Get("/orders", listOrders)
	app.Post("/login", login)
	app.Listen(":3000")
}

func listOrders(c *fiber.Ctx) error { return nil }
func login(c *fiber.Ctx) error      { return nil }
