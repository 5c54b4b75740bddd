// Package grpmain builds the groups: the private one behind casbin-style
// authorization, the member one behind authentication only.
package grpmain

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"example.com/bolatest/grpapi"
	"example.com/bolatest/grprouter"
)

func jwtAuth() gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.GetHeader("Authorization") == "" {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Set("user", c.GetHeader("Authorization"))
		c.Next()
	}
}

// casbinHandler stands for gin-vue-admin's CasbinHandler: per-route policy.
func casbinHandler() gin.HandlerFunc {
	return func(c *gin.Context) { c.Next() }
}

var routers = grprouter.OrderRouter{}

func Routes() *gin.Engine {
	r := gin.New()
	private := r.Group("/api")
	private.Use(jwtAuth(), casbinHandler())
	routers.InitOrderRouter(private) // authorized: no finding

	member := r.Group("/member", jwtAuth())
	routers.InitOrderRouter(member) // want `GET /member/order/find: handler \(grpapi.OrderAPI\).GetOrder selects store.Order by query parameter "id"` `DELETE /member/order/delete: handler \(grpapi.OrderAPI\).DeleteOrder`

	public := r.Group("/pub")
	routers.InitOrderRouter(public) // want `DELETE /pub/order/delete: handler \(grpapi.OrderAPI\).DeleteOrder`
	return r
}

// table mounts handlers in a way the model does not follow.
var table = map[string]gin.HandlerFunc{
	"DELETE /tabled/:id": grpapi.Tabled, // want `handler grpapi.Tabled selects store.Order by path parameter "id" in \(\*gorm.DB\).Delete \(grpapi.go:\d+\), and no route to it is visible from here`
}

// Mount registers the table with a loop the model cannot evaluate.
func Mount(r *gin.Engine) {
	for k, h := range table {
		r.Handle(k[:6], k[7:], h)
	}
}
