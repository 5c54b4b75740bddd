package main

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gin-gonic/gin/binding"
)

type order struct {
	Item string `json:"item" form:"item"`
}

// limitBody is project middleware that bounds bodies.
func limitBody(n int64) gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, n)
		c.Next()
	}
}

func main() {
	r := gin.New()
	r.POST("/orders", createOrder)
	r.GET("/orders", searchOrders)
	r.POST("/orders/form", formOrder)
	r.POST("/orders/query", queryOrder)
	r.POST("/orders/with", withJSON)
	r.POST("/orders/raw", rawOrder)
	r.POST("/orders/bounded", boundedOrder)
	r.POST("/orders/default", defaultBinding)
	r.GET("/orders/default", defaultBindingGET)
	limited := r.Group("/v2", limitBody(1<<20))
	limited.POST("/orders", createOrderV2)
	r.Run(":8080")
}

func createOrder(c *gin.Context) {
	var o order
	if err := c.ShouldBindJSON(&o); err != nil { // want `gin.Context.ShouldBindJSON reads the whole request body of POST /orders with no size limit`
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
}

// ShouldBind on a GET route binds the query string.
func searchOrders(c *gin.Context) {
	var o order
	_ = c.ShouldBind(&o)
}

func formOrder(c *gin.Context) {
	var o order
	_ = c.ShouldBind(&o) // want `gin.Context.ShouldBind reads the whole request body of POST /orders/form`
}

func queryOrder(c *gin.Context) {
	var o order
	_ = c.ShouldBindWith(&o, binding.Query)
}

func withJSON(c *gin.Context) {
	var o order
	_ = c.ShouldBindWith(&o, binding.JSON) // want `gin.Context.ShouldBindWith reads the whole request body of POST /orders/with`
}

func rawOrder(c *gin.Context) {
	data, _ := c.GetRawData() // want `gin.Context.GetRawData reads the whole request body of POST /orders/raw`
	_ = data
}

func boundedOrder(c *gin.Context) {
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, 1<<20)
	var o order
	_ = c.ShouldBindJSON(&o)
}

func createOrderV2(c *gin.Context) {
	var o order
	_ = c.BindJSON(&o)
}

// binding.Default picks JSON for a POST with a JSON content type.
func defaultBinding(c *gin.Context) {
	var o order
	b := binding.Default(c.Request.Method, c.ContentType())
	_ = c.ShouldBindWith(&o, b) // want `gin.Context.ShouldBindWith reads the whole request body of POST /orders/default`
}

// On a GET route binding.Default binds the query string.
func defaultBindingGET(c *gin.Context) {
	var o order
	_ = c.ShouldBindWith(&o, binding.Default(c.Request.Method, c.ContentType()))
}
