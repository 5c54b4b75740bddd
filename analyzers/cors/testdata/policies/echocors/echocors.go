// Package echocors configures echo's CORS middleware.
package echocors

import (
	"regexp"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

var trustedOrigin = regexp.MustCompile(`https://[a-z]+\.example\.com`)

func setup(e *echo.Echo) {
	e.Use(middleware.CORSWithConfig(middleware.CORSConfig{
		AllowOrigins:                             []string{"*"},
		AllowCredentials:                         true,
		UnsafeWildcardOriginWithAllowCredentials: true, // want `UnsafeWildcardOriginWithAllowCredentials makes the "\*" origin reflect any website's Origin with credentials`
	}))
	e.Use(middleware.CORSWithConfig(middleware.CORSConfig{
		AllowOriginFunc:  func(origin string) (bool, error) { return true, nil }, // want `AllowOriginFunc accepts every origin while AllowCredentials is on: echo's CORS middleware`
		AllowCredentials: true,
	}))
	e.Use(middleware.CORSWithConfig(middleware.CORSConfig{
		AllowOriginFunc: func(origin string) (bool, error) {
			return trustedOrigin.MatchString(origin), nil // want `origin check trustedOrigin.MatchString\(origin\): it is not anchored with \^`
		},
		AllowCredentials: true,
	}))
	e.Use(middleware.CORSWithConfig(middleware.CORSConfig{
		AllowOrigins:     []string{"https://example.*"}, // want `origin pattern "https://example.\*" is too broad.* matches every origin`
		AllowCredentials: true,
	}))
}

// Good: echo refuses "*" with credentials unless told otherwise (a note),
// subdomain patterns, plain CORS().
func good(e *echo.Echo) {
	e.Use(middleware.CORSWithConfig(middleware.CORSConfig{
		AllowOrigins:     []string{"https://*.example.com", "https://example.com"},
		AllowCredentials: true,
	}))
	e.Use(middleware.CORS())
	e.Use(middleware.CORSWithConfig(middleware.CORSConfig{AllowOriginFunc: func(string) (bool, error) { return true, nil }}))
}
