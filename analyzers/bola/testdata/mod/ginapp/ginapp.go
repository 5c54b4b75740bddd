// Package ginapp is a gin + sqlx service with a repository layer.
package ginapp

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/jmoiron/sqlx"

	"example.com/bolatest/auth"
	"example.com/bolatest/authz"
	"example.com/bolatest/repo"
	"example.com/bolatest/store"
)

type Handler struct {
	DB        *sqlx.DB
	Docs      *repo.Documents
	Countries *repo.Countries
}

func (h *Handler) Register(r *gin.Engine) {
	api := r.Group("/api", authenticate)
	api.GET("/documents/:id", h.getDocument)
	api.DELETE("/documents/:id", h.deleteDocument)
	api.GET("/documents", h.findDocument)
	api.GET("/my/documents/:id", h.getMyDocument)
	api.GET("/checked/documents/:id", h.getDocumentChecked)
	api.PUT("/my/documents/:id", h.updateMyDocument)
	api.GET("/countries/:code", h.getCountry)

	admin := api.Group("/admin", requireRole("admin"))
	admin.GET("/documents/:id", h.adminGetDocument)
}

func authenticate(c *gin.Context) {
	u, err := auth.Verify(strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer "))
	if err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.Set("user", u)
	c.Next()
}

func requireRole(role string) gin.HandlerFunc {
	return func(c *gin.Context) {
		if currentUser(c).Role != role {
			c.AbortWithStatus(http.StatusForbidden)
			return
		}
		c.Next()
	}
}

func currentUser(c *gin.Context) *auth.User {
	return c.MustGet("user").(*auth.User)
}

// Bad: repository read by id alone.
func (h *Handler) getDocument(c *gin.Context) {
	d, err := h.Docs.Get(c.Request.Context(), c.Param("id")) // want `path parameter "id" selects store.Document`
	if err != nil {
		c.AbortWithStatus(http.StatusNotFound)
		return
	}
	c.JSON(http.StatusOK, d)
}

// Bad: sqlx delete by id alone.
func (h *Handler) deleteDocument(c *gin.Context) {
	id := c.Param("id")
	if _, err := h.DB.Exec(`DELETE FROM documents WHERE id = $1`, id); err != nil { // want `path parameter "id" selects documents`
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.Status(http.StatusNoContent)
}

// Bad: the id comes from the query string.
func (h *Handler) findDocument(c *gin.Context) {
	var d store.Document
	if err := h.DB.Get(&d, `SELECT * FROM documents WHERE id = $1`, c.Query("doc_id")); err != nil { // want `query parameter "doc_id" selects store.Document`
		c.AbortWithStatus(http.StatusNotFound)
		return
	}
	c.JSON(http.StatusOK, d)
}

// Good: scoped by the owner in the repository call.
func (h *Handler) getMyDocument(c *gin.Context) {
	me := currentUser(c)
	d, err := h.Docs.GetOwned(c.Request.Context(), c.Param("id"), me.Subject)
	if err != nil {
		c.AbortWithStatus(http.StatusNotFound)
		return
	}
	c.JSON(http.StatusOK, d)
}

// Good: a project function (known by its fact) compares the owner.
func (h *Handler) getDocumentChecked(c *gin.Context) {
	me := currentUser(c)
	d, err := h.Docs.Get(c.Request.Context(), c.Param("id"))
	if err != nil {
		c.AbortWithStatus(http.StatusNotFound)
		return
	}
	if err := authz.CheckDocument(me, &d); err != nil {
		c.AbortWithStatus(http.StatusForbidden)
		return
	}
	c.JSON(http.StatusOK, d)
}

// Good: sqlx update scoped by the owner.
func (h *Handler) updateMyDocument(c *gin.Context) {
	me := currentUser(c)
	var in struct {
		Title string `json:"title"`
	}
	if err := c.ShouldBindJSON(&in); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	h.DB.Exec(`UPDATE documents SET title = $1 WHERE id = $2 AND owner_id = $3`, in.Title, c.Param("id"), me.Subject)
	c.Status(http.StatusNoContent)
}

// Good: countries are reference data.
func (h *Handler) getCountry(c *gin.Context) {
	country, err := h.Countries.Get(c.Request.Context(), c.Param("code"))
	if err != nil {
		c.AbortWithStatus(http.StatusNotFound)
		return
	}
	c.JSON(http.StatusOK, country)
}

// Good: an admin-only group.
func (h *Handler) adminGetDocument(c *gin.Context) {
	d, err := h.Docs.Get(c.Request.Context(), c.Param("id"))
	if err != nil {
		c.AbortWithStatus(http.StatusNotFound)
		return
	}
	c.JSON(http.StatusOK, d)
}
