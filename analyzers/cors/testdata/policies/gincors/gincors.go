// Package gincors configures github.com/gin-contrib/cors.
package gincors

import (
	"time"

	"github.com/gin-contrib/cors"
	"github.com/gin-gonic/gin"
)

func setup(r *gin.Engine) {
	r.Use(cors.New(cors.Config{
		AllowOriginFunc:  func(origin string) bool { return true }, // want `AllowOriginFunc accepts every origin while AllowCredentials is on: gin-contrib/cors`
		AllowCredentials: true,
		MaxAge:           12 * time.Hour,
	}))
	r.Use(cors.New(cors.Config{
		AllowOrigins:     []string{"/https://.*\\.example\\.com/"}, // want `origin regexp /https://.\*\\.example\\.com/ is not anchored with \^`
		AllowCredentials: true,
	}))
	r.Use(cors.New(cors.Config{
		AllowOrigins:     []string{"/^https://api.example\\.com$/"}, // want `has an unescaped dot`
		AllowCredentials: true,
	}))
	r.Use(cors.New(cors.Config{
		AllowOrigins:     []string{"https://*example.com"}, // want `origin pattern "https://\*example.com" is too broad.* matches any host`
		AllowWildcard:    true,
		AllowCredentials: true,
	}))
	cfg := cors.DefaultConfig()
	cfg.AllowAllOrigins = true
	cfg.AllowCredentials = true // want `AllowAllOrigins with AllowCredentials: gin-contrib/cors then sends Access-Control-Allow-Origin: \*`
	r.Use(cors.New(cfg))

	withCtx := cors.Config{AllowCredentials: true}
	withCtx.AllowOriginWithContextFunc = func(c *gin.Context, origin string) bool { return true } // want `AllowOriginWithContextFunc accepts every origin`
	r.Use(cors.New(withCtx))
}

// Good: patterns without AllowWildcard are exact strings in gin-contrib;
// anchored, escaped regexps; AllowAllOrigins without credentials.
func good(r *gin.Engine) {
	r.Use(cors.New(cors.Config{AllowOrigins: []string{"https://*example.com"}, AllowCredentials: true}))
	r.Use(cors.New(cors.Config{AllowOrigins: []string{"/^https://[a-z]+\\.example\\.com$/"}, AllowCredentials: true}))
	r.Use(cors.New(cors.Config{AllowAllOrigins: true}))
	r.Use(cors.New(cors.Config{AllowOrigins: []string{"https://*.example.com"}, AllowWildcard: true, AllowCredentials: true}))
	r.Use(cors.Default())
}
