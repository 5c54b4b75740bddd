// Project middleware from another package (facts).
package main

import (
	"github.com/gofiber/fiber/v2"

	"example.com/fiberapp/mw"
)

func main() {
	app := fiber.New()
	app.Use(mw.Tag, mw.Global(100, 100))
	app.Get("/orders", listOrders)
	go app.Listen(":3000")

	open := fiber.New()
	open.Use(mw.Tag)
	open.Get("/orders", listOrders)
	open.Listen(":3001") // want `open.Listen serves 1 route \(GET /orders\) with no rate limiting`
}

func listOrders(c *fiber.Ctx) error { return nil }
