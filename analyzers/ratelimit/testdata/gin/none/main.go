// gin.Default(): logger and recovery, no limiter.
package main

import "github.com/gin-gonic/gin"

func main() {
	r := gin.Default()
	r.GET("/orders", listOrders)
	r.POST("/login", login)
	r.Run(":8080") // want `r.Run serves 2 routes \(GET /orders, POST /login\) with no rate limiting`
}

func listOrders(c *gin.Context) {}
func login(c *gin.Context)      {}
