package main

import "github.com/gofiber/fiber/v3"

func main() {
	app := fiber.New() // want `the fiber app, served by \w+.Listen at main.go:\d+, has no ReadTimeout`
	app.Get("/", func(c fiber.Ctx) error { return c.SendString("ok") })
	app.Listen(":3000")
}
