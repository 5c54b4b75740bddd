// Package unlimited serves an echo router with no body limit anywhere.
package unlimited

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

func Serve() {
	e := echo.New()
	e.POST("/orders", createOrder)
	e.GET("/orders/:id", getOrder)
	e.Start(":8080") // want `^e.Start serves 1 route that reads the whole request body, and no route limits its size: .*; add e.Use\(middleware.BodyLimit\("1M"\)\)$`
}

func createOrder(c echo.Context) error {
	var o struct{ Item string }
	if err := c.Bind(&o); err != nil {
		return c.NoContent(http.StatusBadRequest)
	}
	return c.NoContent(http.StatusCreated)
}

func getOrder(c echo.Context) error { return c.String(http.StatusOK, c.Param("id")) }
