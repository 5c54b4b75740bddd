// Package fibercors configures fiber's CORS middleware, v2 and v3.
package fibercors

import (
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/cors"
	fiber3 "github.com/gofiber/fiber/v3"
	cors3 "github.com/gofiber/fiber/v3/middleware/cors"
)

func v2(app *fiber.App) {
	app.Use(cors.New(cors.Config{
		AllowOriginsFunc: func(origin string) bool { return true }, // want `AllowOriginsFunc accepts every origin while AllowCredentials is on: fiber's CORS middleware`
		AllowCredentials: true,
	}))
	app.Use(cors.New(cors.Config{
		AllowOrigins:     "https://app.example.com, null", // want `the "null" origin is allowed`
		AllowCredentials: true,
	}))
	app.Use(cors.New(cors.Config{
		AllowOriginsFunc: func(origin string) bool {
			return strings.Contains(origin, "example.com") // want `origin check strings.Contains\(origin, "example.com"\): it passes any origin that contains`
		},
		AllowCredentials: true,
	}))
}

func v3(app *fiber3.App) {
	app.Use(cors3.New(cors3.Config{
		AllowOriginsFunc: func(origin string) bool { return true }, // want `AllowOriginsFunc accepts every origin`
		AllowCredentials: true,
	}))
}

// Good: fiber panics at start-up on "*" with credentials; subdomain
// patterns; exact lists.
func good(app *fiber.App, app3 *fiber3.App) {
	app.Use(cors.New(cors.Config{AllowOrigins: "*", AllowCredentials: true}))
	app.Use(cors.New(cors.Config{AllowOrigins: "https://*.example.com", AllowCredentials: true}))
	app.Use(cors.New())
	app3.Use(cors3.New(cors3.Config{AllowOrigins: []string{"https://app.example.com"}, AllowCredentials: true}))
	app3.Use(cors3.New(cors3.Config{AllowCredentials: true}))
}
