// Engine-wide ulule/limiter gin middleware.
package main

import (
	"github.com/gin-gonic/gin"
	"github.com/ulule/limiter/v3"
	mgin "github.com/ulule/limiter/v3/drivers/middleware/gin"
	"github.com/ulule/limiter/v3/drivers/store/memory"
)

func main() {
	rate, _ := limiter.NewRateFromFormatted("100-M")
	r := gin.New()
	r.Use(mgin.NewMiddleware(limiter.New(memory.NewStore(), rate)))
	r.GET("/orders", listOrders)
	r.POST("/login", login)
	r.Run(":8080")
}

func listOrders(c *gin.Context) {}
func login(c *gin.Context)      {}
