// Package unlimited serves a gin router none of whose routes limits // want package:`bodyReads\(unlimited.go:55\)`
// bodies: one finding at the serve call, the routes in related
// information.
package unlimited

import "github.com/gin-gonic/gin"

type order struct {
	Item string `json:"item" form:"item"`
}

func Serve() {
	r := gin.New()
	r.POST("/orders", createOrder)
	r.PUT("/orders/:id", updateOrder)
	r.PATCH("/orders/:id", updateOrder)
	r.GET("/orders", searchOrders)
	r.Run(":8080") // want `^r.Run serves 3 routes that read the whole request body, and no route limits its size: one request can make the server buffer gigabytes; add a middleware that sets c.Request.Body = http.MaxBytesReader\(c.Writer, c.Request.Body, 1<<20\)$`
}

// The same router served again (a dev branch): not a second finding.
func ServeDev(dev bool) {
	r := gin.New()
	r.POST("/orders", createOrder)
	if dev {
		r.Run(":8081") // want `r.Run serves 1 route that reads`
		return
	}
	r.Run(":8080")
}

func createOrder(c *gin.Context) {
	var o order
	_ = c.ShouldBindJSON(&o)
}

func updateOrder(c *gin.Context) {
	var o order
	_ = c.BindJSON(&o)
}

// ShouldBind on a GET route binds the query string.
func searchOrders(c *gin.Context) {
	var o order
	_ = c.ShouldBind(&o)
}

// deadRoutes registers routes on a router nothing passes it: they are not
// served, so not reported; its only handler keeps a fact for a caller
// elsewhere.
func deadRoutes(r *gin.Engine) {
	r.POST("/dead", deadOnly)
}

func deadOnly(c *gin.Context) { // want deadOnly:`readsBody\(gin.Context.GetRawData at unlimited.go:\d+\)`
	_, _ = c.GetRawData()
}

// NewAdminRouter returns a router nothing in the program serves or
// mounts: its routes are judged where it is used, so not here.
func NewAdminRouter() *gin.Engine {
	r := gin.New()
	r.POST("/admin/orders", createOrder)
	return r
}
