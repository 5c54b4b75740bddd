// A limiter per route, on every route.
package main

import (
	"github.com/gin-gonic/gin"

	"example.com/ginapp/mw"
)

func main() {
	r := gin.New()
	r.POST("/login", mw.Throttle(1, 5), login)
	r.GET("/orders", mw.Throttle(10, 20), listOrders)
	r.Run(":8080")
}

func listOrders(c *gin.Context) {}
func login(c *gin.Context)      {}
