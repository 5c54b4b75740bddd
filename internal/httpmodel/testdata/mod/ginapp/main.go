package ginapp

import (
	"github.com/gin-gonic/gin"

	"example.com/hm/ginapp/handlers"
)

func authRequired() gin.HandlerFunc { // want `fact middleware\(auth\)`
	return func(c *gin.Context) { // want `handler authRequired\$1 gin mw`
		if c.GetHeader("Authorization") == "" { // want `input header Authorization`
			c.AbortWithStatus(401) // want `response  error`
			return
		}
		c.Set("uid", int64(1))
		c.Next()
	}
}

func Run() {
	r := gin.Default()
	r.GET("/ping", func(c *gin.Context) { c.String(200, "pong") }) // want `route GET /ping -> func@main.go:\d+@main.go:\d+ \[Logger Recovery\]` `handler func@main.go:\d+ gin` `response text "pong"`
	api := r.Group("/api", authRequired())
	{
		api.GET("/orders/:id", handlers.GetOrder) // want `route GET /api/orders/:id -> handlers.GetOrder@orders.go:\d+ \[Logger Recovery authRequired\(auth\)\]`
		handlers.Register(api.Group("/v2"))       // want `route PUT /api/v2/orders/:id -> handlers.UpdateOrder@orders.go:\d+ \[Logger Recovery authRequired\(auth\) BasicAuth\(auth\)\]`
	}
	r.Run(":8080")
}
