package noimport

import "github.com/gin-gonic/gin"

func create(c *gin.Context) {
	var v struct{ Name string }
	_ = c.ShouldBindJSON(&v) // want `^gin.Context.ShouldBindJSON reads the whole request body of POST /big and 1 more with no size limit: one request can make the server buffer gigabytes; bound it first: c.Request.Body = http.MaxBytesReader\(c.Writer, c.Request.Body, 1<<20\)$`
}
