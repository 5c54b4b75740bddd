// JGLTechnologies/gin-rate-limit on the engine.
package main

import (
	"time"

	ratelimit "github.com/JGLTechnologies/gin-rate-limit"
	"github.com/gin-gonic/gin"
)

func main() {
	store := ratelimit.InMemoryStore(&ratelimit.InMemoryOptions{Rate: time.Second, Limit: 5})
	r := gin.New()
	r.Use(ratelimit.RateLimiter(store, &ratelimit.Options{KeyFunc: func(c *gin.Context) string { return c.ClientIP() }}))
	r.GET("/orders", listOrders)
	r.Run(":8080")
}

func listOrders(c *gin.Context) {}
