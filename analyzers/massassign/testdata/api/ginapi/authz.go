package ginapi

import (
	"github.com/gin-gonic/gin"

	"example.com/api/models"
)

// Routes behind authorizing middleware serve callers who may set a
// record's author.

func RequireAdmin() gin.HandlerFunc { return func(c *gin.Context) { c.Next() } }

func Authenticate() gin.HandlerFunc { return func(c *gin.Context) { c.Next() } }

func (h *H) adminCreatePost(c *gin.Context) {
	var p models.Post
	if err := c.ShouldBindJSON(&p); err != nil { // an admin posts as any author
		return
	}
	h.DB.Create(&p)
}

func (h *H) userCreatePost(c *gin.Context) {
	var p models.Post
	if err := c.ShouldBindJSON(&p); err != nil { // want `ShouldBindJSON binds client input into persistence model models.Post, which \(\*gorm.DB\).Create writes at line \d+: the client can set AuthorID`
		return
	}
	h.DB.Create(&p)
}

func (h *H) createPostBoth(c *gin.Context) {
	var p models.Post
	if err := c.ShouldBindJSON(&p); err != nil { // want `the client can set AuthorID`
		return
	}
	h.DB.Create(&p)
}

func (h *H) Routes(r *gin.Engine) {
	admin := r.Group("/admin", Authenticate(), RequireAdmin())
	admin.POST("/posts", h.adminCreatePost)
	admin.POST("/posts/both", h.createPostBoth)
	me := r.Group("/me", Authenticate())
	me.POST("/posts", h.userCreatePost)
	me.POST("/posts/both", h.createPostBoth) // one route with no authorization is enough
}
