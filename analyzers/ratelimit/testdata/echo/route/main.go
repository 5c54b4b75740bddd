// Limiter per route; one route forgot it.
package main

import (
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

func main() {
	limit := middleware.RateLimiter(middleware.NewRateLimiterMemoryStore(5))
	e := echo.New()
	e.POST("/login", login, limit)
	e.POST("/signup", login, limit)
	e.POST("/reset", login)
	e.Start(":8080") // want `e.Start rate-limits 2 of its routes but not POST /reset`
}

func login(c echo.Context) error { return nil }
