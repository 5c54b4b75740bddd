// Command server mounts package routes under /api and serves it.
package main

import (
	"github.com/gin-gonic/gin"

	"example.com/ginbody/routes"
)

func main() {
	r := gin.New()
	routes.Register(r.Group("/api"))
	r.Run(":8080") // want `r.Run serves 2 routes that read the whole request body, and no route limits its size`
}
