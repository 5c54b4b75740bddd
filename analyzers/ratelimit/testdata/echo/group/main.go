// Only the /api group is limited.
package main

import (
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

func main() {
	e := echo.New()
	api := e.Group("/api")
	api.Use(middleware.RateLimiterWithConfig(middleware.RateLimiterConfig{Store: middleware.NewRateLimiterMemoryStore(20)}))
	api.GET("/orders", listOrders)
	api.GET("/orders/:id", listOrders)
	e.POST("/login", login)
	e.PUT("/password", login)
	e.Start(":8080") // want `e.Start rate-limits 2 of its routes but not POST /login, PUT /password`
}

func listOrders(c echo.Context) error { return nil }
func login(c echo.Context) error      { return nil }
