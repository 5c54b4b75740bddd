package handlers

import (
	"strconv"

	"github.com/gin-gonic/gin"
	"gorm.io/gorm"
)

var DB *gorm.DB

type Order struct {
	ID     uint
	UserID int64
}

type updateReq struct{ Item string }

func GetOrder(c *gin.Context) { // want `handler GetOrder gin`
	id, _ := strconv.Atoi(c.Param("id")) // want `input path id`
	uid := c.GetInt64("uid")             // want `principal gin.GetInt64 uid`
	var o Order
	DB.Where(&Order{UserID: uid}).First(&o, id) // want `access gorm read First \[id<path:id, &Order\{…\}<principal\] conds=1`
	c.JSON(200, o)                              // want `response json o`
}

func UpdateOrder(c *gin.Context) { // want `handler UpdateOrder gin`
	var req updateReq
	if err := c.ShouldBindJSON(&req); err != nil { // want `input body `
		c.AbortWithStatusJSON(400, gin.H{"error": err.Error()}) // want `response json error gin.H\{…\}`
		return
	}
	DB.Model(&Order{}).Where("id = ?", c.Param("id")).Updates(map[string]any{"item": req.Item}) // want `access gorm write Updates \[c.Param\("id"\)<path:id\] conds=1` `input path id`
	c.Status(204)
}

// Register mounts the v2 routes (a RoutesFact for the caller's package).
func Register(g *gin.RouterGroup) {
	g.PUT("/orders/:id", gin.BasicAuth(gin.Accounts{"a": "b"}), UpdateOrder) // want `route PUT /orders/:id -> UpdateOrder@orders.go:\d+ \[BasicAuth\(auth\)\] partial`
}
