// Project middleware from another package (facts).
package main

import (
	"github.com/labstack/echo/v4"

	"example.com/echoapp/mw"
)

func main() {
	e := echo.New()
	e.Use(mw.Audit, mw.Limit(50))
	e.GET("/orders", listOrders)
	go e.Start(":8080")

	open := echo.New()
	open.Use(mw.Audit)
	open.GET("/orders", listOrders)
	open.Start(":8081") // want `open.Start serves 1 route \(GET /orders\) with no rate limiting`
}

func listOrders(c echo.Context) error { return nil }
