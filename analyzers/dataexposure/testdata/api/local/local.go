package local

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"gorm.io/gorm"
)

type Admin struct {
	ID         uint   `gorm:"primaryKey" json:"id"`
	Login      string `json:"login"`
	TOTPSecret string `json:"totp_secret"`
	Salt       []byte
}

func getAdmin(db *gorm.DB) gin.HandlerFunc {
	return func(c *gin.Context) {
		var a Admin
		db.First(&a, c.Param("id"))
		c.JSON(http.StatusOK, a) // want `JSON sends persistence model Admin with its sensitive fields TOTPSecret, Salt`
	}
}
