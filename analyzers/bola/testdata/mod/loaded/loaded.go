// Package loaded changes objects through methods of the loaded object,
// and takes IDs from cookies.
package loaded

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"gorm.io/gorm"

	"example.com/bolatest/auth"
	"example.com/bolatest/store"
)

var DB *gorm.DB

func Routes(r *gin.Engine) {
	api := r.Group("/api", authn)
	api.PUT("/articles/:slug", updateArticle)
	api.PUT("/mine/articles/:slug", updateOwnArticle)
	api.POST("/articles/:slug/touch", touchArticle)
	api.PUT("/orders/:id", updateOrder)
	api.PUT("/me", updateMe)
	api.GET("/profile", profileFromCookie)
	api.GET("/theme", themeFromCookie)
}

func authn(c *gin.Context) {
	u, err := auth.Verify(c.GetHeader("Authorization"))
	if err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.Set("user", u)
	c.Next()
}

// updateArticle loads by slug, then changes it with no author check.
func updateArticle(c *gin.Context) {
	a, err := store.FindArticle(&store.Article{Slug: c.Param("slug")})
	if err != nil {
		c.AbortWithStatus(http.StatusNotFound)
		return
	}
	var in struct{ Title string }
	_ = c.ShouldBindJSON(&in)
	a.Update(map[string]any{"title": in.Title}) // want `path parameter "slug" selects store.Article in \(\*store.Article\).Update on PUT /api/articles/:slug`
	c.JSON(http.StatusOK, a)
}

// updateOwnArticle compares the author with the caller first.
func updateOwnArticle(c *gin.Context) {
	me := c.MustGet("user").(*auth.User)
	a, err := store.FindArticle(&store.Article{Slug: c.Param("slug")})
	if err != nil || a.AuthorID != me.ID {
		c.AbortWithStatus(http.StatusNotFound)
		return
	}
	a.Update(map[string]any{"title": "x"})
	c.JSON(http.StatusOK, a)
}

// touchArticle calls a method that selects no row by its receiver.
func touchArticle(c *gin.Context) {
	a, _ := store.FindArticle(&store.Article{Slug: c.Param("slug")})
	a.Touch()
	c.Status(http.StatusNoContent)
}

// updateOrder loads by ID and saves through gorm's Model(&o): the loaded
// value selects the row. One finding for the handler: the change.
func updateOrder(c *gin.Context) {
	var o store.Order
	DB.First(&o, c.Param("id"))
	DB.Model(&o).Update("item", c.PostForm("item")) // want `path parameter "id" selects store.Order in \(\*gorm.DB\).Update on PUT /api/orders/:id`
	c.JSON(http.StatusOK, o)
}

// updateMe changes the caller's own row.
func updateMe(c *gin.Context) {
	me := c.MustGet("user").(*auth.User)
	var o store.Order
	DB.Where("user_id = ?", me.ID).First(&o)
	DB.Model(&o).Update("item", c.PostForm("item"))
	c.Status(http.StatusNoContent)
}

// profileFromCookie trusts a uid cookie to pick whose orders to show.
func profileFromCookie(c *gin.Context) {
	uid, _ := c.Cookie("uid")
	var orders []store.Order
	DB.Where("user_id = ?", uid).Find(&orders) // want `cookie "uid" selects store.Order in \(\*gorm.DB\).Find on GET /api/profile`
	c.JSON(http.StatusOK, orders)
}

// themeFromCookie reads a cookie that is not an identifier.
func themeFromCookie(c *gin.Context) {
	theme, _ := c.Cookie("theme")
	var p store.Product
	DB.Where("name = ?", theme).First(&p)
	c.JSON(http.StatusOK, p)
}
