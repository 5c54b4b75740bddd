// The limiter runs before routing (Pre).
package main

import (
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

func main() {
	e := echo.New()
	e.Pre(middleware.RateLimiter(middleware.NewRateLimiterMemoryStore(20)))
	e.GET("/orders", listOrders)
	e.Start(":8080")
}

func listOrders(c echo.Context) error { return nil }
