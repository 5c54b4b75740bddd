package ginapi

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"example.com/api/models"
)

// Secrets in nullable wrappers, cleared through their parts.

func (h *H) memberCleared(c *gin.Context) {
	var m models.Member
	h.R.X.Get(&m, "SELECT * FROM members WHERE id = $1", c.Param("id"))
	m.Password.String = ""
	m.Password.Valid = false
	c.JSON(http.StatusOK, m) // want `JSON sends models.Member whole`
}

func (h *H) memberInvalidOnly(c *gin.Context) {
	var m models.Member
	h.R.X.Get(&m, "SELECT * FROM members WHERE id = $1", c.Param("id"))
	m.Password.Valid = false // sql.NullString has no MarshalJSON: String is still written
	c.JSON(http.StatusOK, m) // want `sends persistence model models.Member with its sensitive field Password to`
}

func (h *H) memberByHelper(c *gin.Context) {
	var m models.Member
	h.R.X.Get(&m, "SELECT * FROM members WHERE id = $1", c.Param("id"))
	models.HideMember(&m)
	c.JSON(http.StatusOK, gin.H{"member": m}) // want `whole`
}

func (h *H) memberNested(c *gin.Context) {
	var m models.Member
	h.R.X.Get(&m, "SELECT * FROM members WHERE id = $1", c.Param("id"))
	resp := struct {
		Member models.Member `json:"member"`
	}{Member: m}
	resp.Member.Password.String = ""
	c.JSON(http.StatusOK, resp.Member) // want `whole`
}

func (h *H) operatorInvalid(c *gin.Context) {
	var o models.Operator
	h.R.X.Get(&o, "SELECT * FROM operators WHERE id = $1", c.Param("id"))
	o.APIKey.Valid = false   // NullSecret writes null
	c.JSON(http.StatusOK, o) // want `whole`
}

func (h *H) operator(c *gin.Context) {
	var o models.Operator
	h.R.X.Get(&o, "SELECT * FROM operators WHERE id = $1", c.Param("id"))
	c.JSON(http.StatusOK, o) // want `sends persistence model models.Operator with its sensitive field APIKey`
}
