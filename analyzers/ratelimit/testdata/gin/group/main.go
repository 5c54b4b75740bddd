// Only the /api group is limited.
package main

import (
	"net/http"
	"time"

	"github.com/didip/tollbooth/v7"
	"github.com/didip/tollbooth_gin"
	"github.com/gin-gonic/gin"
)

func main() {
	r := gin.New()
	api := r.Group("/api", tollbooth_gin.LimitHandler(tollbooth.NewLimiter(10, nil)))
	api.GET("/orders", listOrders)
	r.POST("/login", login)
	r.GET("/health", listOrders)
	srv := &http.Server{Addr: ":8080", Handler: r, ReadHeaderTimeout: time.Second}
	srv.ListenAndServe() // want `srv.ListenAndServe rate-limits 1 of its routes but not POST /login`
}

func listOrders(c *gin.Context) {}
func login(c *gin.Context)      {}
