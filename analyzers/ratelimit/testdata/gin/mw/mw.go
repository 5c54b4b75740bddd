// Package mw holds gin middleware of the service.
package mw

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"golang.org/x/time/rate"
)

// Throttle allows r requests per second overall (consults x/time/rate).
func Throttle(r rate.Limit, burst int) gin.HandlerFunc {
	l := rate.NewLimiter(r, burst)
	return func(c *gin.Context) {
		if !l.Allow() {
			c.AbortWithStatus(http.StatusTooManyRequests)
			return
		}
		c.Next()
	}
}

// RequestID tags requests; it does not limit them.
func RequestID() gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Header("X-Request-ID", "id")
		c.Next()
	}
}
