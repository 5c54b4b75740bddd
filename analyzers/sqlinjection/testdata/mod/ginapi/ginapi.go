package ginapi

import (
	"fmt"

	"github.com/gin-gonic/gin"
	"github.com/jmoiron/sqlx"
)

type Filter struct {
	Name  string `json:"name"`
	Limit int    `json:"limit"`
}

func Register(r *gin.Engine, db *sqlx.DB) {
	r.POST("/search", func(c *gin.Context) {
		var f Filter
		if err := c.ShouldBindJSON(&f); err != nil {
			return
		}
		var ids []int64
		q := fmt.Sprintf("SELECT id FROM users WHERE name = '%s' LIMIT %d", f.Name, f.Limit)
		_ = db.Select(&ids, q) // want `the request body is built into the SQL text of \(\*sqlx.DB\).Select`
		// The number alone is fine.
		_ = db.Select(&ids, fmt.Sprintf("SELECT id FROM users LIMIT %d", f.Limit))
		_ = db.Select(&ids, "SELECT id FROM users WHERE name = ?", f.Name)
	})
	r.GET("/users/:name", func(c *gin.Context) {
		var ids []int64
		_ = db.Select(&ids, "SELECT id FROM users WHERE name = '"+c.Param("name")+"'") // want `path parameter "name" is built into the SQL text of \(\*sqlx.DB\).Select`
		// A constant query is never reported.
		_ = db.Select(&ids, "SELECT id FROM users")
	})
}
