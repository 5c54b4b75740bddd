// Package grprouter registers package grpapi's handlers on the groups its
// callers pass: whether they are authorized is known there.
package grprouter

import (
	"github.com/gin-gonic/gin"

	"example.com/bolatest/grpapi"
)

type OrderRouter struct{}

// InitOrderRouter registers on the caller's group: no finding here.
func (OrderRouter) InitOrderRouter(g *gin.RouterGroup) { // want InitOrderRouter:`partial routes: GET order/find \(grpapi.OrderAPI\).GetOrder, DELETE order/delete \(grpapi.OrderAPI\).DeleteOrder`
	r := g.Group("order")
	api := grpapi.OrderAPI{}
	r.GET("find", api.GetOrder)
	r.DELETE("delete", api.DeleteOrder)
}

// InitArchive is called by nobody: its caller's middleware is unknown, so
// it is decided here with what it shows (no authorization).
func InitArchive(g *gin.RouterGroup) {
	g.DELETE("archive/delete", grpapi.OrderAPI{}.DeleteOrder) // want `DELETE archive/delete: handler \(grpapi.OrderAPI\).DeleteOrder selects store.Order by body field "ID"`
}
