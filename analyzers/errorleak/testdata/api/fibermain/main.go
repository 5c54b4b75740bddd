// Command fibermain mounts another package's handler on an app with
// fiber's default error handler: reported at the registration.
package main

import (
	"github.com/gofiber/fiber/v2"

	"example.com/api/fiberdefault"
)

func main() {
	h := &fiberdefault.Handlers{}
	app := fiber.New(fiber.Config{AppName: "books"})
	app.Get("/list", h.List) // want `GET /list returns a database error to fiber's default error handler: it sends the text to the client \(fiberdefault.go:\d+`
	app.Listen(":3000")
}
