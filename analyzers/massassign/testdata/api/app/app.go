// Package app builds the groups the router package registers on.
package app

import (
	"github.com/gin-gonic/gin"

	"example.com/api/router"
)

func Casbin() gin.HandlerFunc { return func(c *gin.Context) { c.Next() } }

func Run(r *gin.Engine) {
	private := r.Group("/private", Casbin())
	router.InitPostRouter(private)
	public := r.Group("/public")
	router.InitPostRouter(public) // want `POST /public/spliced lets the client set AuthorID`
}

// Registrar hides the registering function behind a func value: the
// route walker does not splice it.
var Registrar = router.InitPostRouter // want `POST /spliced lets the client set AuthorID of models.Post, and no middleware of InitPostRouter's router is visible`
