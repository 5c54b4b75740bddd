// Package rawframeworks writes CORS headers by hand with gin, echo and fiber.
package rawframeworks

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	fiber3 "github.com/gofiber/fiber/v3"
	"github.com/labstack/echo/v4"
)

// Bad: the gin middleware most admin templates ship.
func GinCors() gin.HandlerFunc {
	return func(c *gin.Context) {
		origin := c.Request.Header.Get("Origin")
		c.Header("Access-Control-Allow-Origin", origin) // want `Access-Control-Allow-Origin reflects the request's Origin with credentials allowed`
		c.Header("Access-Control-Allow-Headers", "Content-Type,AccessToken,X-CSRF-Token,Authorization,Token,X-Token,X-User-Id")
		c.Header("Access-Control-Allow-Credentials", "true")
		if c.Request.Method == http.MethodOptions {
			c.AbortWithStatus(http.StatusNoContent)
		}
		c.Next()
	}
}

func GinGetHeader() gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Writer.Header().Set("Access-Control-Allow-Origin", c.GetHeader("Origin")) // want `reflects the request's Origin`
		c.Writer.Header().Set("Access-Control-Allow-Credentials", "true")
	}
}

func EchoCors(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		c.Response().Header().Set(echo.HeaderAccessControlAllowOrigin, c.Request().Header.Get(echo.HeaderOrigin)) // want `reflects the request's Origin`
		c.Response().Header().Set(echo.HeaderAccessControlAllowCredentials, "true")
		return next(c)
	}
}

func FiberCors(c *fiber.Ctx) error {
	c.Set(fiber.HeaderAccessControlAllowOrigin, c.Get(fiber.HeaderOrigin)) // want `reflects the request's Origin`
	c.Set(fiber.HeaderAccessControlAllowCredentials, "true")
	return c.Next()
}

func Fiber3Cors(c fiber3.Ctx) error {
	c.Set(fiber3.HeaderAccessControlAllowOrigin, c.Get(fiber3.HeaderOrigin)) // want `reflects the request's Origin`
	c.Set(fiber3.HeaderAccessControlAllowCredentials, "true")
	return c.Next()
}

func FastHTTPCors(c *fiber.Ctx) error {
	c.Response().Header.Set("Access-Control-Allow-Origin", string(c.Request().Header.Peek("Origin"))) // want `reflects the request's Origin`
	c.Response().Header.Set("Access-Control-Allow-Credentials", "true")
	return c.Next()
}

// Good: a fixed origin with credentials; gin's reflection checked first.
func GinFixed() gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Header("Access-Control-Allow-Origin", "https://app.example.com")
		c.Header("Access-Control-Allow-Credentials", "true")
	}
}

func GinChecked(allowed map[string]struct{}) gin.HandlerFunc {
	return func(c *gin.Context) {
		origin := c.GetHeader("Origin")
		if _, ok := allowed[origin]; !ok {
			c.AbortWithStatus(http.StatusForbidden)
			return
		}
		c.Header("Access-Control-Allow-Origin", origin)
		c.Header("Access-Control-Allow-Credentials", "true")
	}
}

// Good: credentials "false".
func FiberNoCredentials(c *fiber.Ctx) error {
	c.Set(fiber.HeaderAccessControlAllowOrigin, c.Get(fiber.HeaderOrigin))
	c.Set(fiber.HeaderAccessControlAllowCredentials, "false")
	return c.Next()
}
