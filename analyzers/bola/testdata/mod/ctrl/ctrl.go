// Package ctrl holds gin handlers whose routes are registered in package
// router, the layout of many real services.
package ctrl

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"gorm.io/gorm"

	"example.com/bolatest/store"
)

var DB *gorm.DB

// GetOrder learns no principal: public or not is decided by its route.
func GetOrder(c *gin.Context) { // want GetOrder:"unscoped: read store.Order by path parameter \"id\""
	var o store.Order
	if err := DB.First(&o, c.Param("id")).Error; err != nil {
		c.AbortWithStatus(http.StatusNotFound)
		return
	}
	c.JSON(http.StatusOK, o)
}

// DeleteOrder changes data: reported at its routes unless they authorize.
func DeleteOrder(c *gin.Context) { // want DeleteOrder:"unscoped: delete store.Order by path parameter \"id\""
	DB.Delete(&store.Order{}, c.Param("id"))
	c.Status(http.StatusNoContent)
}

// GetProduct reads public data: nothing to defer.
func GetProduct(c *gin.Context) {
	var p store.Product
	DB.First(&p, c.Param("id"))
	c.JSON(http.StatusOK, p)
}
