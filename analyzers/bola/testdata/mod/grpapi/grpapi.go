// Package grpapi holds handlers that package grprouter registers on
// groups that package grpmain builds (gin-vue-admin's layout).
package grpapi

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"gorm.io/gorm"

	"example.com/bolatest/store"
)

var DB *gorm.DB

// OrderAPI's methods are the handlers.
type OrderAPI struct{}

func (OrderAPI) GetOrder(c *gin.Context) { // want GetOrder:"unscoped: read store.Order by query parameter \"id\""
	var o store.Order
	DB.First(&o, c.Query("id"))
	c.JSON(http.StatusOK, o)
}

func (OrderAPI) DeleteOrder(c *gin.Context) { // want DeleteOrder:"unscoped: delete store.Order by body field \"ID\""
	var req struct{ ID uint }
	if err := c.ShouldBindJSON(&req); err != nil {
		return
	}
	DB.Delete(&store.Order{}, req.ID)
}

// Tabled is mounted through a table nobody registers visibly.
func Tabled(c *gin.Context) { // want Tabled:"unscoped: delete store.Order by path parameter \"id\""
	DB.Delete(&store.Order{}, c.Param("id"))
}
