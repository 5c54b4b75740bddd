// The same app served by a dev branch and a prod branch is one finding,
// at the first serve call; a second app is its own.
package main

import (
	"os"

	"github.com/gofiber/fiber/v2"

	"example.com/fiberapp/stage/start"
)

func main() {
	app := fiber.New()
	app.Get("/books", listBooks)
	if os.Getenv("STAGE_STATUS") == "dev" {
		start.Server(app) // want `start.Server serves 1 route \(GET /books\) with no rate limiting`
	} else {
		start.ServerWithGracefulShutdown(app)
	}

	admin := fiber.New()
	admin.Get("/stats", listBooks)
	start.Server(admin) // want `start.Server serves 1 route \(GET /stats\) with no rate limiting`
}

func listBooks(c *fiber.Ctx) error { return nil }
