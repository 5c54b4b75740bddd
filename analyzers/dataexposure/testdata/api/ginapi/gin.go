package ginapi

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"example.com/api/ent"
	"example.com/api/models"
	"example.com/api/repo"
)

type H struct{ R *repo.Repo }

func (h *H) getUser(c *gin.Context) {
	u, _ := h.R.User(c.Param("id"))
	c.JSON(http.StatusOK, u) // want `JSON sends persistence model models.User with its sensitive field PasswordHash`
}

func (h *H) getUserPtr(c *gin.Context) {
	u, _ := h.R.User(c.Param("id"))
	c.IndentedJSON(http.StatusOK, &u) // want `IndentedJSON sends persistence model models.User with its sensitive field PasswordHash`
}

func (h *H) wrapped(c *gin.Context) {
	u, _ := h.R.User(c.Param("id"))
	c.JSON(http.StatusOK, gin.H{"data": gin.H{"user": u}}) // want `persistence model models.User \(at "data.user"\) with its sensitive field PasswordHash`
}

func (h *H) list(c *gin.Context) {
	us, _ := h.R.Users()
	c.PureJSON(http.StatusOK, us) // want `PureJSON sends persistence model models.User \(at "\[\]"\) with its sensitive field PasswordHash`
}

func (h *H) mapBuilt(c *gin.Context) {
	u, _ := h.R.User(c.Param("id"))
	resp := map[string]any{"ok": true}
	resp["user"] = u
	c.SecureJSON(http.StatusOK, resp) // want `SecureJSON sends persistence model models.User \(at "user"\)`
}

func (h *H) session(c *gin.Context) {
	s, _ := h.R.Session(c, c.Param("id"))
	c.JSON(http.StatusOK, s) // want `sends persistence model models.Session with its sensitive field Token`
}

func (h *H) nested(c *gin.Context) {
	var o models.Order
	h.R.DB.Preload("Buyer").First(&o, c.Param("id"))
	c.JSON(http.StatusOK, o) // want `sends persistence model models.User \(at "buyer"\) with its sensitive field PasswordHash`
}

// ---- not flagged at error level ----

func (h *H) order(c *gin.Context) {
	var o models.Order
	h.R.DB.Omit("Buyer").First(&o, c.Param("id"))
	o.Buyer = nil
	c.JSON(http.StatusOK, o) // want `JSON sends models.Order whole.*a persistence model: it embeds gorm.Model`
}

func (h *H) masked(c *gin.Context) {
	u, _ := h.R.User(c.Param("id"))
	u.PasswordHash = ""
	c.JSON(http.StatusOK, u) // want `JSON sends models.User whole.*a persistence model: it embeds gorm.Model`
}

func (h *H) maskedList(c *gin.Context) {
	us, _ := h.R.Users()
	for _, u := range us {
		u.PasswordHash = ""
	}
	c.JSON(http.StatusOK, us) // want `whole`
}

type userDTO struct {
	ID    uint   `json:"id"`
	Email string `json:"email"`
}

func (h *H) dto(c *gin.Context) {
	u, _ := h.R.User(c.Param("id"))
	c.JSON(http.StatusOK, userDTO{ID: u.ID, Email: u.Email})
}

func (h *H) dtoList(c *gin.Context) {
	us, _ := h.R.Users()
	out := make([]userDTO, 0, len(us))
	for _, u := range us {
		out = append(out, userDTO{ID: u.ID, Email: u.Email})
	}
	c.JSON(http.StatusOK, gin.H{"users": out})
}

func (h *H) requestEcho(c *gin.Context) {
	var p models.Profile
	if err := c.ShouldBindJSON(&p); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	c.JSON(http.StatusOK, p)
}

func (h *H) plain(c *gin.Context) {
	u, _ := h.R.User(c.Param("id"))
	c.String(http.StatusOK, u.Email)
}

func (h *H) maskedByMethod(c *gin.Context) {
	u, _ := h.R.User(c.Param("id"))
	u.Public()
	c.JSON(http.StatusOK, gin.H{"user": u}) // want `whole`
}

func (h *H) maskedByMethodAfter(c *gin.Context) {
	u, _ := h.R.User(c.Param("id"))
	c.JSON(http.StatusOK, gin.H{"user": u}) // want `sensitive field PasswordHash`
	u.Public()
}

func (h *H) nestedMasked(c *gin.Context) {
	var o models.Order
	h.R.DB.Preload("Buyer").First(&o, c.Param("id"))
	o.Buyer.PasswordHash = ""
	c.JSON(http.StatusOK, o) // want `JSON sends models.Order whole.*a persistence model: it embeds gorm.Model`
}

func (h *H) myApp(c *gin.Context) {
	var a models.App
	h.R.DB.First(&a, c.Param("id"))
	if a.UserID != c.GetUint("uid") {
		c.AbortWithStatus(http.StatusNotFound)
		return
	}
	c.JSON(http.StatusOK, a) // want `whole`
}

func (h *H) anyApp(c *gin.Context) {
	var a models.App
	h.R.DB.First(&a, c.Param("id"))
	c.JSON(http.StatusOK, a) // want `sensitive field Token`
}

func (h *H) createApp(c *gin.Context) {
	a := models.App{Name: c.PostForm("name"), UserID: c.GetUint("uid"), Token: "public-part"}
	h.R.DB.Create(&a)
	a.Token = "private-part"                   // issued once, on purpose
	c.JSON(http.StatusOK, models.WithIcon(&a)) // want `whole`
}

func (h *H) scopedApp(c *gin.Context) {
	var a models.App
	h.R.DB.Where("user_id = ?", c.GetUint("uid")).First(&a, c.Param("id"))
	c.JSON(http.StatusOK, a) // want `whole`
}

func (h *H) scopedAppInline(c *gin.Context) {
	var a models.App
	uid := c.GetUint("uid")
	h.R.DB.First(&a, "id = ? AND user_id = ?", c.Param("id"), uid)
	c.JSON(http.StatusOK, a) // want `whole`
}

func (h *H) scopedAppStruct(c *gin.Context) {
	var a models.App
	h.R.DB.Where(&models.App{UserID: c.GetUint("uid")}).First(&a, c.Param("id"))
	c.JSON(http.StatusOK, a) // want `whole`
}

func (h *H) scopedByClient(c *gin.Context) {
	var a models.App
	h.R.DB.Where("user_id = ?", c.Query("user_id")).First(&a, c.Param("id"))
	c.JSON(http.StatusOK, a) // want `sensitive field Token`
}

func (h *H) scopedOtherColumn(c *gin.Context) {
	var a models.App
	h.R.DB.Where("name = ?", c.GetString("name")).First(&a)
	c.JSON(http.StatusOK, a) // want `sensitive field Token`
}

func (h *H) scopedOtherVar(c *gin.Context) {
	var mine, a models.App
	h.R.DB.Where("user_id = ?", c.GetUint("uid")).First(&mine)
	h.R.DB.First(&a, c.Param("id"))
	c.JSON(http.StatusOK, a) // want `sensitive field Token`
}

func (h *H) scopedUserHash(c *gin.Context) {
	var u models.User
	h.R.DB.Where("id = ? AND user_id = ?", c.Param("id"), c.GetUint("uid")).First(&u)
	c.JSON(http.StatusOK, u) // want `sensitive field PasswordHash`
}

func (h *H) publicUsers(c *gin.Context) {
	users, total := h.R.PublicUsers(c.Query("name"))
	c.JSON(http.StatusOK, gin.H{"data": users, "total": total}) // want `JSON sends models.User whole.*a persistence model: it embeds gorm.Model`
}

func (h *H) userNoHash(c *gin.Context) {
	u, _ := h.R.UserNoHash(c.Param("id"))
	c.JSON(http.StatusOK, u) // want `whole`
}

func (h *H) selectedHere(c *gin.Context) {
	var users []models.User
	h.R.DB.Select("id", "email").Find(&users)
	c.JSON(http.StatusOK, users) // want `whole`
}

func (h *H) selectedHereWithHash(c *gin.Context) {
	var users []models.User
	h.R.DB.Select("id, email, password_hash").Find(&users)
	c.JSON(http.StatusOK, users) // want `sensitive field PasswordHash`
}

func (h *H) usersStar(c *gin.Context) {
	users, _ := h.R.UsersStar()
	c.JSON(http.StatusOK, users) // want `sensitive field PasswordHash`
}

func (h *H) userWithHash(c *gin.Context) {
	u, _ := h.R.UserWithHash(c.Param("id"))
	c.JSON(http.StatusOK, u) // want `sensitive field PasswordHash`
}

func (h *H) userMixed(c *gin.Context) {
	u, _ := h.R.UserMixed(c.Param("id"), c.Query("full") != "")
	c.JSON(http.StatusOK, u) // want `sensitive field PasswordHash`
}

func (h *H) selectedThenReloaded(c *gin.Context) {
	var u models.User
	h.R.DB.Select("id").First(&u, c.Param("id"))
	h.R.DB.First(&u, c.Param("id"))
	c.JSON(http.StatusOK, u) // want `sensitive field PasswordHash`
}

func (h *H) cleanLiteral(c *gin.Context) {
	u, _ := h.R.User(c.Param("id"))
	clean := models.User{Email: u.Email, Role: u.Role}
	c.JSON(http.StatusOK, gin.H{"data": clean}) // want `whole`
}

func (h *H) literalWithHash(c *gin.Context) {
	u, _ := h.R.User(c.Param("id"))
	clean := models.User{Email: u.Email, PasswordHash: u.PasswordHash}
	c.JSON(http.StatusOK, gin.H{"data": clean}) // want `sensitive field PasswordHash`
}

func (h *H) literalThenFilled(c *gin.Context) {
	clean := models.User{Email: "x"}
	_ = c.ShouldBindJSON(&clean)
	c.JSON(http.StatusOK, clean) // want `sensitive field PasswordHash`
}

func (h *H) literalThenRead(c *gin.Context) {
	u := models.User{Email: "x"}
	h.R.DB.Where("email = ?", u.Email).First(&u)
	c.JSON(http.StatusOK, u) // want `sensitive field PasswordHash`
}

func (h *H) queryVar(c *gin.Context) {
	var users []*models.User
	q := h.R.DB.Limit(10).Omit("password_hash")
	if c.Query("order") != "" {
		q = q.Order(c.Query("order"))
	}
	q.Find(&users)
	c.JSON(http.StatusOK, users) // want `whole`
}

func (h *H) queryVarReset(c *gin.Context) {
	var users []*models.User
	q := h.R.DB.Omit("password_hash")
	if c.Query("all") != "" {
		q = h.R.DB.Limit(10)
	}
	q.Find(&users)
	c.JSON(http.StatusOK, users) // want `sensitive field PasswordHash`
}

func (h *H) transient(c *gin.Context) {
	var v models.Verification
	h.R.DB.First(&v, c.Param("id"))
	c.JSON(http.StatusOK, v) // want `whole`
}

func (h *H) userByIDPublic(c *gin.Context) {
	u, _ := h.R.UserByID(c.Param("id"), false)
	c.JSON(http.StatusOK, gin.H{"data": u}) // want `whole`
}

func (h *H) userByIDAll(c *gin.Context) {
	u, _ := h.R.UserByID(c.Param("id"), true)
	c.JSON(http.StatusOK, gin.H{"data": u}) // want `sensitive field PasswordHash`
}

func (h *H) userByIDFlag(c *gin.Context) {
	u, _ := h.R.UserByID(c.Param("id"), c.Query("all") == "1")
	c.JSON(http.StatusOK, gin.H{"data": u}) // want `sensitive field PasswordHash`
}

func (h *H) entGroup(c *gin.Context) {
	var cl ent.Client
	c.JSON(http.StatusOK, gin.H{"data": cl.Group(1)}) // want `JSON sends ent.Group whole.*a persistence model: it is an ent entity`
}

func (h *H) entPolicy(c *gin.Context) {
	var cl ent.Client
	c.JSON(http.StatusOK, gin.H{"data": cl.Policy(1)}) // want `JSON sends persistence model ent.Policy \(at "data"\) with its sensitive field SecretKey`
}

type groupResponse struct {
	*ent.Group
	Users int `json:"users"`
}

func (h *H) entGroupEmbedded(c *gin.Context) {
	var cl ent.Client
	c.JSON(http.StatusOK, groupResponse{Group: cl.Group(1), Users: 3})
}

type policyResponse struct {
	Policy *ent.Policy `json:"policy"`
}

func (h *H) entPolicyWrapped(c *gin.Context) {
	var cl ent.Client
	c.JSON(http.StatusOK, policyResponse{Policy: cl.Policy(1)}) // want `sensitive field SecretKey`
}

func (h *H) orderWithBuyer(c *gin.Context) {
	o, _ := h.R.OrderWithBuyer(c.Param("id"))
	c.JSON(http.StatusOK, o) // want `models.User \(at "buyer"\) with its sensitive field PasswordHash`
}

func (h *H) orderOnly(c *gin.Context) {
	o, _ := h.R.OrderOnly(c.Param("id"))
	c.JSON(http.StatusOK, o) // want `JSON sends models.Order whole.*a persistence model: it embeds gorm.Model`
}

func (h *H) orderBuyerSet(c *gin.Context) {
	o, _ := h.R.OrderOnly(c.Param("id"))
	u, _ := h.R.User(c.Query("buyer"))
	c.JSON(http.StatusOK, models.Order{Total: o.Total, Buyer: &u}) // want `models.User \(at "buyer"\) with its sensitive field PasswordHash`
}

type orderDTO struct {
	models.Order
	Note string `json:"note"`
}

func orderDTOs(o []models.Order) []orderDTO {
	var out []orderDTO
	for _, x := range o {
		out = append(out, orderDTO{Order: x})
	}
	return out
}

func (h *H) ordersAsDTO(c *gin.Context) {
	var os []models.Order
	h.R.DB.Preload("Buyer").Find(&os)
	dtos := orderDTOs(os)
	c.JSON(http.StatusOK, dtos) // want `models.User \(at "\[\].buyer"\) with its sensitive field PasswordHash`
}
