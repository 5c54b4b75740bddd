// Package router mounts the admin package's handlers.
package router

import (
	"github.com/gin-gonic/gin"

	"example.com/api/admin"
)

func RequireRole(role string) gin.HandlerFunc { return func(c *gin.Context) { c.Next() } }

func Register(r *gin.Engine) {
	g := r.Group("/admin", RequireRole("admin"))
	g.POST("/posts", admin.CreatePost)
	g.POST("/posts/import", admin.ImportPost)
	adminRoutes(g)
	r.POST("/posts/import", admin.ImportPost) // want `POST /posts/import lets the client set AuthorID of models.Post: ImportPost's ShouldBindJSON \(admin/admin.go:\d+\) binds it and \(\*gorm.DB\).Save writes it`
}

// adminRoutes registers on the admin group: its routes are expanded
// where Register calls it.
func adminRoutes(g *gin.RouterGroup) {
	g.POST("/posts/local", admin.CreatePost)
}

// InitPostRouter registers on the group its caller builds: the caller
// decides with its middleware.
func InitPostRouter(g *gin.RouterGroup) { // want InitPostRouter:"partial POST /spliced ImportPost"
	g.POST("/spliced", admin.ImportPost)
}

// handlers is a table the route walker does not follow.
var handlers = map[string]gin.HandlerFunc{
	"import": admin.ImportPost, // want `ImportPost lets the client set AuthorID of models.Post, and no route to it is visible`
}
