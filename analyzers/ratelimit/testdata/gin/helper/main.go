// Project middleware from another package, engine-wide (facts).
package main

import (
	"github.com/gin-gonic/gin"

	"example.com/ginapp/mw"
)

func main() {
	r := gin.New()
	r.Use(mw.RequestID(), mw.Throttle(100, 200))
	r.GET("/orders", listOrders)
	r.Run(":8080")
}

func listOrders(c *gin.Context) {}
