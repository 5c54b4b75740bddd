package main

import (
	"time"

	"github.com/gofiber/fiber/v2"
)

func main() {
	app := fiber.New() // want `the fiber app, served by app.Listen at main.go:\d+, has no ReadTimeout: fasthttp then waits for ever`
	app.Get("/", func(c *fiber.Ctx) error { return c.SendString("ok") })
	go app.Listen(":3000")

	cfg := fiber.Config{AppName: "orders"} // want `the fiber app, served by \w+.Listen at main.go:\d+, has no ReadTimeout`
	named := fiber.New(cfg)
	go named.Listen(":3001")

	// Good.
	hard := fiber.New(fiber.Config{ReadTimeout: 5 * time.Second, WriteTimeout: 5 * time.Second})
	go hard.Listen(":3002")

	// Note: no WriteTimeout.
	half := fiber.New(fiber.Config{ReadTimeout: 5 * time.Second}) // want `fiber.Config, served by half.Listen at main.go:\d+, has a read timeout but no WriteTimeout`
	go half.Listen(":3003")

	// Built by a helper.
	go newApp().Listen(":3004")
}

func newApp() *fiber.App {
	return fiber.New(fiber.Config{ReadTimeout: time.Second, WriteTimeout: time.Second, IdleTimeout: time.Second})
}
