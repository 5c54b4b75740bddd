// Package handlers holds handlers whose routes another package registers. // want package:`bodyReads\(handlers.go:10\)`
package handlers

import "github.com/gin-gonic/gin"

type user struct {
	Name string `json:"name"`
}

func CreateUser(c *gin.Context) { // want CreateUser:`readsBody\(gin.Context.ShouldBindJSON at handlers.go:\d+\)`
	var u user
	_ = c.ShouldBindJSON(&u)
}

func GetUser(c *gin.Context) { c.String(200, c.Param("id")) }
