// Package unseen is a library of handlers whose routes nothing in the
// module registers (a generated router, another module or reflection
// mounts them): each is decided here, from what is visible.
package unseen

import (
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"
	"gorm.io/gorm"

	"example.com/bolatest/auth"
	"example.com/bolatest/store"
)

var DB *gorm.DB

// GetOrder reads an owned model by a client-chosen ID and learns no
// caller: with no route in sight, nothing says it is public.
func GetOrder(c *gin.Context) {
	var o store.Order
	DB.First(&o, c.Param("id")) // want `path parameter "id" selects store.Order in \(\*gorm.DB\).First, and no route to unseen.GetOrder is visible`
	c.JSON(http.StatusOK, o)
}

// DeleteOrder knows the caller but does not use it.
func DeleteOrder(c *gin.Context) {
	me := c.MustGet("user").(*auth.User)
	_ = me
	DB.Delete(&store.Order{}, c.Param("id")) // want `no route to unseen.DeleteOrder is visible`
	c.Status(http.StatusNoContent)
}

// GetMyOrder scopes the query by the caller.
func GetMyOrder(c *gin.Context) {
	me := c.MustGet("user").(*auth.User)
	var o store.Order
	DB.Where("user_id = ?", me.ID).First(&o, c.Param("id"))
	c.JSON(http.StatusOK, o)
}

// GetProduct reads catalog data, the same for every caller.
func GetProduct(c *gin.Context) {
	var p store.Product
	DB.First(&p, c.Param("id"))
	c.JSON(http.StatusOK, p)
}

// Docs is a service whose methods are handlers.
type Docs struct{ DB *gorm.DB }

// Get is a method handler: the same rule.
func (d *Docs) Get(w http.ResponseWriter, r *http.Request) {
	var doc store.Document
	d.DB.First(&doc, "id = ?", r.PathValue("id")) // want `path parameter "id" selects store.Document .* no route to \(\*unseen.Docs\).Get is visible`
	json.NewEncoder(w).Encode(doc)
}

// Owned compares the owner with the caller and stops.
func (d *Docs) Owned(w http.ResponseWriter, r *http.Request) {
	me := auth.FromContext(r.Context())
	var doc store.Document
	d.DB.First(&doc, "id = ?", r.PathValue("id"))
	if doc.OwnerID != me.Subject {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	json.NewEncoder(w).Encode(doc)
}

// Audited is listed in authorized-handlers: its gateway authorizes it.
func Audited(c *gin.Context) {
	DB.Delete(&store.Order{}, c.Param("id"))
}

// OrderHandler is a factory: the closure it returns is the handler.
func OrderHandler(db *gorm.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		db.Delete(&store.Order{}, r.PathValue("id")) // want `no route to unseen.OrderHandler is visible`
	}
}
