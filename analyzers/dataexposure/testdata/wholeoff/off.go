package wholeoff

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"gorm.io/gorm"
)

type Order struct {
	gorm.Model
	Total int64
}

type User struct {
	gorm.Model
	Email    string
	Password string
}

func get(db *gorm.DB) gin.HandlerFunc {
	return func(c *gin.Context) {
		var o Order
		db.First(&o, c.Param("id"))
		c.JSON(http.StatusOK, o) // not reported: whole models are off
	}
}

func getUser(db *gorm.DB) gin.HandlerFunc {
	return func(c *gin.Context) {
		var u User
		db.First(&u, c.Param("id"))
		c.JSON(http.StatusOK, u) // want `sensitive field Password`
	}
}
