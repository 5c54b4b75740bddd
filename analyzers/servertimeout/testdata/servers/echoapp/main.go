package main

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

func main() {
	e := echo.New()
	e.GET("/", func(c echo.Context) error { return c.String(200, "ok") })
	go e.Start(":8080") // want `e.Start serves with echo's e.Server, which has no ReadHeaderTimeout or ReadTimeout`

	// Good: e.Server configured before Start.
	h := echo.New()
	h.Server.ReadHeaderTimeout = 5 * time.Second
	h.Server.WriteTimeout = 10 * time.Second
	h.Server.IdleTimeout = time.Minute
	go h.Start(":8081")
	// StartTLS uses e.TLSServer, which was not configured.
	go h.StartTLS(":8443", "cert.pem", "key.pem") // want `h.StartTLS serves with echo's h.TLSServer`

	// Good: StartServer with a hardened server.
	s := echo.New()
	go s.StartServer(&http.Server{Addr: ":8082", ReadTimeout: 5 * time.Second, WriteTimeout: 5 * time.Second})
	// StartServer with a bare one.
	go s.StartServer(&http.Server{Addr: ":8083"}) // want `http.Server, served by s.StartServer at main.go:\d+, has no ReadHeaderTimeout`

	// Built in a helper that sets the timeouts.
	go newEcho().Start(":8084")
}

func newEcho() *echo.Echo {
	e := echo.New()
	e.Server.ReadTimeout = 5 * time.Second
	e.Server.WriteTimeout = 5 * time.Second
	return e
}
