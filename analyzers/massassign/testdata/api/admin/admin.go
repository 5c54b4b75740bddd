// Package admin holds handlers that another package routes.
package admin

import (
	"github.com/gin-gonic/gin"
	"gorm.io/gorm"

	"example.com/api/models"
)

var DB *gorm.DB

// CreatePost binds a post with its author: fine behind RequireAdmin.
func CreatePost(c *gin.Context) { // want CreatePost:"binds models.Post AuthorID"
	var p models.Post
	if err := c.ShouldBindJSON(&p); err != nil {
		return
	}
	DB.Create(&p)
}

// ImportPost is routed to users too (see router).
func ImportPost(c *gin.Context) { // want ImportPost:"binds models.Post AuthorID"
	var p models.Post
	if err := c.ShouldBindJSON(&p); err != nil {
		return
	}
	DB.Save(&p)
}
