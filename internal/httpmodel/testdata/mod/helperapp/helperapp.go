package helperapp

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"gorm.io/gorm"

	"example.com/hm/store"
	"example.com/hm/web"
)

type H struct{ db *gorm.DB }

// ok is a same-package response helper on a receiver.
func (h *H) ok(c *gin.Context, v any) { // want `fact response\(json value1\)`
	c.JSON(http.StatusOK, gin.H{"data": v})
}

func (h *H) deleteOrder(w http.ResponseWriter, r *http.Request) { // want `handler \(\*H\).deleteOrder net/http`
	h.db.Delete(&store.Order{}, web.IDParam(r)) // want `input path id` `access gorm delete Delete \[web.IDParam\(r\)<path:id\] conds=0 model=example.com/hm/store.Order`
	var o store.Order
	web.Decode(r, &o)                            // want `input body`
	web.RespondJSON(w, http.StatusAccepted, o)   // want `response json o`
	web.RespondJSON(w, http.StatusNotFound, nil) // want `response json error nil`
	_ = web.Version(r)
	web.Log(w, o)
}

func (h *H) getOrder(c *gin.Context) { // want `handler \(\*H\).getOrder gin`
	id, err := web.Param(c, "id") // want `input path id`
	if err != nil {
		return
	}
	var o store.Order
	h.db.First(&o, id) // want `access gorm read First \[id<path:id\] conds=0 model=example.com/hm/store.Order`
	h.ok(c, o)         // want `response json o`
}
