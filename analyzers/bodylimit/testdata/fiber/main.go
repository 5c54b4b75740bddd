package main

import "github.com/gofiber/fiber/v2"

type order struct {
	Item string `json:"item"`
}

func main() {
	// fiber limits bodies to 4 MiB by default: handlers are not reported.
	app := fiber.New()
	app.Post("/orders", createOrder)
	go app.Listen(":3000")

	uploads := fiber.New(fiber.Config{BodyLimit: 1 << 30}) // want `fiber BodyLimit of 1 GiB: fiber buffers every request body`
	uploads.Post("/upload", createOrder)
	go uploads.Listen(":3001")

	// A few MiB is fine.
	files := fiber.New(fiber.Config{BodyLimit: 8 << 20})
	files.Post("/files", createOrder)
	files.Listen(":3002")
}

func createOrder(c *fiber.Ctx) error {
	var o order
	if err := c.BodyParser(&o); err != nil {
		return fiber.ErrBadRequest
	}
	return c.JSON(o)
}
