package fiberapp

import (
	"database/sql"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/limiter"
)

type Note struct{ ID, Owner, Body string }

func Setup(db *sql.DB) *fiber.App {
	app := fiber.New()
	app.Use(limiter.New())
	app.Get("/notes/:id", getNote(db)) // want `route GET /notes/:id -> getNote@fiber.go:\d+ \[New\(ratelimit\)\]`
	api := app.Group("/api", requireUser)
	api.Post("/notes", createNote(db)) // want `route POST /api/notes -> createNote@fiber.go:\d+ \[New\(ratelimit\) requireUser\(auth\)\]`
	app.Route("/admin", func(r fiber.Router) {
		r.Delete("/notes/:id", requireUser, deleteNote(db)) // want `route DELETE /admin/notes/:id -> deleteNote@fiber.go:\d+ \[New\(ratelimit\) requireUser\(auth\)\]`
	})
	return app
}

func requireUser(c *fiber.Ctx) error { // want `handler requireUser fiber mw` `fact middleware\(auth\)`
	if c.Get("X-User") == "" { // want `input header X-User`
		return fiber.ErrUnauthorized
	}
	c.Locals("user", c.Get("X-User")) // want `input header X-User`
	return c.Next()
}

func getNote(db *sql.DB) fiber.Handler {
	return func(c *fiber.Ctx) error { // want `handler getNote\$1 fiber`
		var n Note
		err := db.QueryRow("SELECT id, owner, body FROM notes WHERE id = ?", c.Params("id")).Scan(&n.ID, &n.Owner, &n.Body) // want `access database/sql read QueryRow \[c.Params\("id"\)<path:id\] conds=0` `input path id`
		if err != nil {
			return c.Status(404).JSON(fiber.Map{"error": "not found"}) // want `response json error fiber.Map\{…\}`
		}
		return c.JSON(n) // want `response json n`
	}
}

func createNote(db *sql.DB) fiber.Handler {
	return func(c *fiber.Ctx) error { // want `handler createNote\$1 fiber`
		var n Note
		if err := c.BodyParser(&n); err != nil { // want `input body `
			return err
		}
		owner := c.Locals("user").(string)                                      // want `principal fiber.Locals user`
		db.Exec("INSERT INTO notes (owner, body) VALUES (?, ?)", owner, n.Body) // want `access database/sql write Exec \[owner<principal, n.Body<body:\] conds=0`
		return c.SendStatus(201)                                                // want `response $`
	}
}

func deleteNote(db *sql.DB) fiber.Handler {
	return func(c *fiber.Ctx) error { // want `handler deleteNote\$1 fiber`
		id, _ := c.ParamsInt("id")                    // want `input path id`
		db.Exec("DELETE FROM notes WHERE id = ?", id) // want `access database/sql delete Exec \[id<path:id\] conds=0`
		return nil
	}
}
