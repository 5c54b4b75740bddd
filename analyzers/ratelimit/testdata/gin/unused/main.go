// The limiter middleware is built but not used.
package main

import (
	"github.com/gin-gonic/gin"

	"example.com/ginapp/mw"
)

func main() {
	limit := mw.Throttle(10, 20)
	_ = limit
	r := gin.New()
	r.Use(mw.RequestID())
	r.GET("/orders", listOrders)
	r.Run(":8080") // want `r.Run serves 1 route \(GET /orders\) with no rate limiting`
}

func listOrders(c *gin.Context) {}
