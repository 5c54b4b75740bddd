package main

import (
	"io"
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

type order struct {
	Item string `json:"item"`
}

func main() {
	e := echo.New()
	e.POST("/orders", createOrder)
	e.POST("/orders/raw", rawOrder)
	e.GET("/orders/:id", getOrder)
	api := e.Group("/api", middleware.BodyLimit("1M"))
	api.POST("/orders", createOrder2)
	e.POST("/small", createOrder3, middleware.BodyLimit("64K"))
	e.Start(":8080")
}

func createOrder(c echo.Context) error {
	var o order
	if err := c.Bind(&o); err != nil { // want `echo.Context.Bind reads the whole request body of POST /orders with no size limit`
		return c.NoContent(http.StatusBadRequest)
	}
	return c.JSON(http.StatusCreated, o)
}

func rawOrder(c echo.Context) error {
	b, _ := io.ReadAll(c.Request().Body) // want `io.ReadAll reads the whole request body of POST /orders/raw`
	return c.Blob(http.StatusOK, "application/octet-stream", b)
}

func getOrder(c echo.Context) error { return c.String(http.StatusOK, c.Param("id")) }

func createOrder2(c echo.Context) error {
	var o order
	return c.Bind(&o)
}

func createOrder3(c echo.Context) error {
	var o order
	return c.Bind(&o)
}
