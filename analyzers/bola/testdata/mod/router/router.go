// Package router mounts package ctrl's handlers.
package router

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"example.com/bolatest/auth"
	"example.com/bolatest/ctrl"
)

func jwtProtected() gin.HandlerFunc {
	return func(c *gin.Context) {
		u, err := auth.Verify(strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer "))
		if err != nil {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Set("user", u)
		c.Next()
	}
}

func Public(r *gin.Engine) {
	r.GET("/public/orders/:id", ctrl.GetOrder) // a public read: not reported
	r.GET("/products/:id", ctrl.GetProduct)
}

func Private(r *gin.Engine) {
	r.GET("/orders/:id", jwtProtected(), ctrl.GetOrder)       // want `GET /orders/:id: handler ctrl.GetOrder selects store.Order by path parameter "id" in \(\*gorm.DB\).First \(ctrl.go:\d+\)`
	r.DELETE("/orders/:id", jwtProtected(), ctrl.DeleteOrder) // want `DELETE /orders/:id: handler ctrl.DeleteOrder selects store.Order by path parameter "id"`
}

func Admin(r *gin.Engine) {
	g := r.Group("/admin", jwtProtected(), casbinAuthorizer())
	g.GET("/orders/:id", ctrl.GetOrder)
	g.DELETE("/orders/:id", ctrl.DeleteOrder)
}

// casbinAuthorizer stands for casbin's per-route policy middleware.
func casbinAuthorizer() gin.HandlerFunc {
	return func(c *gin.Context) { c.Next() }
}
