package main

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v5"
)

func main() {
	// Good: echo v5 gives its server ReadTimeout 30s.
	e := echo.New()
	e.GET("/", func(c *echo.Context) error { return c.String(http.StatusOK, "ok") })
	go e.Start(":8080")
	sc := echo.StartConfig{Address: ":8081"}
	_ = sc.Start(context.Background(), e)
}
