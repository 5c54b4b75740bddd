package fiberapi

import (
	"github.com/gofiber/fiber/v2"
	"gorm.io/gorm"

	"example.com/api/models"
)

type H struct{ DB *gorm.DB }

func (h *H) createPost(c *fiber.Ctx) error {
	p := new(models.Post)
	if err := c.BodyParser(p); err != nil { // want `BodyParser binds client input into persistence model models.Post, which \(\*gorm.DB\).Create writes .*AuthorID`
		return err
	}
	return h.DB.Create(p).Error
}

func (h *H) createPostOwned(c *fiber.Ctx) error {
	p := new(models.Post)
	if err := c.BodyParser(p); err != nil {
		return err
	}
	p.AuthorID = c.Locals("uid").(uint)
	return h.DB.Create(p).Error
}
