// Echo-wide middleware.RateLimiter.
package main

import (
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

func main() {
	e := echo.New()
	e.Use(middleware.RateLimiter(middleware.NewRateLimiterMemoryStore(20)))
	e.GET("/orders", listOrders)
	e.POST("/login", login)
	e.Start(":8080")
}

func listOrders(c echo.Context) error { return nil }
func login(c echo.Context) error      { return nil }
