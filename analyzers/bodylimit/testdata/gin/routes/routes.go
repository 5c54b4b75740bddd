// Package routes registers routes on a group its caller passes: their // want package:`bodyReads\(routes.go:18\)`
// path and chain are the caller's, so the caller's package reports them.
package routes

import (
	"github.com/gin-gonic/gin"

	"example.com/ginbody/handlers"
)

func Register(r *gin.RouterGroup) {
	users := r.Group("users")
	users.POST("", handlers.CreateUser)
	users.GET(":id", handlers.GetUser)
	users.POST("import", importUsers)
}

func importUsers(c *gin.Context) { // want importUsers:`readsBody\(gin.Context.GetRawData at routes.go:\d+\)`
	_, _ = c.GetRawData()
}
