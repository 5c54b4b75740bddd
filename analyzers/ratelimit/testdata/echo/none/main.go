package main

import (
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

func main() {
	e := echo.New()
	e.Use(middleware.Logger(), middleware.Recover())
	e.GET("/orders", listOrders)
	e.POST("/login", login)
	e.Logger.Fatal(e.Start(":8080")) // want `e.Start serves 2 routes \(GET /orders, POST /login\) with no rate limiting`
}

func listOrders(c echo.Context) error { return nil }
func login(c echo.Context) error      { return nil }
