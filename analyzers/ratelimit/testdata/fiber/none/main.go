package main

import (
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/logger"
)

func main() {
	app := fiber.New()
	app.Use(logger.New())
	app.Get("/orders", listOrders)
	app.Post("/login", login)
	app.Listen(":3000") // want `app.Listen serves 2 routes \(GET /orders, POST /login\) with no rate limiting`
}

func listOrders(c *fiber.Ctx) error { return nil }
func login(c *fiber.Ctx) error      { return nil }
