package ginapi

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"gorm.io/gorm"

	"example.com/api/models"
	"example.com/api/repo"
)

type H struct {
	DB    *gorm.DB
	Users *repo.Users
	Svc   *repo.Service
	Posts repo.PostStore
}

func uid(c *gin.Context) uint { return c.GetUint("uid") }

func (h *H) updateMe(c *gin.Context) {
	var u models.User
	if err := c.ShouldBindJSON(&u); err != nil { // want `ShouldBindJSON binds client input into persistence model models.User, which \(\*gorm.DB\).Save writes at line \d+: the client can set Role, IsAdmin`
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	u.ID = uid(c)
	h.DB.Save(&u)
	c.Status(http.StatusNoContent)
}

func (h *H) createUser(c *gin.Context) {
	u := new(models.User)
	if err := c.Bind(u); err != nil { // want `Bind binds client input into persistence model models.User, which \(\*gorm.DB\).Create writes`
		return
	}
	h.DB.Create(u)
}

func (h *H) patchMe(c *gin.Context) {
	var in models.User
	if err := c.ShouldBind(&in); err != nil { // want `ShouldBind binds client input into persistence model models.User, which \(\*gorm.DB\).Updates writes`
		return
	}
	h.DB.Model(&models.User{}).Where("id = ?", uid(c)).Updates(in)
}

func (h *H) viaRepo(c *gin.Context) {
	var u models.User
	if err := c.ShouldBindJSON(&u); err != nil { // want `into persistence model models.User, which Save writes`
		return
	}
	u.ID = uid(c)
	_ = h.Users.Save(c, &u)
}

func (h *H) viaService(c *gin.Context) {
	var u models.User
	if err := c.ShouldBindJSON(&u); err != nil { // want `which UpdateProfile writes`
		return
	}
	_ = h.Svc.UpdateProfile(c, &u)
}

func (h *H) viaInterface(c *gin.Context) {
	var p models.Post
	if err := c.BindJSON(&p); err != nil { // want `models.Post, which CreatePost \(an interface method\) writes .*AuthorID`
		return
	}
	_ = h.Posts.CreatePost(c, &p)
}

func (h *H) bulk(c *gin.Context) {
	var ps []models.Post
	if err := c.ShouldBindJSON(&ps); err != nil { // want `models.Post, which \(\*gorm.DB\).CreateInBatches writes`
		return
	}
	h.DB.CreateInBatches(ps, 100)
}

// ---- not flagged ----

type updateMeRequest struct {
	Name  string `json:"name"`
	Email string `json:"email"`
}

func (h *H) updateMeDTO(c *gin.Context) {
	var req updateMeRequest
	if err := c.ShouldBindJSON(&req); err != nil {
		return
	}
	h.DB.Model(&models.User{}).Where("id = ?", uid(c)).Updates(models.User{Name: req.Name, Email: req.Email})
}

func (h *H) selected(c *gin.Context) {
	var u models.User
	if err := c.ShouldBindJSON(&u); err != nil {
		return
	}
	u.ID = uid(c)
	h.DB.Select("name", "email").Save(&u)
}

func (h *H) omitted(c *gin.Context) {
	var u models.User
	if err := c.ShouldBindJSON(&u); err != nil {
		return
	}
	h.DB.Omit("role", "IsAdmin").Create(&u)
}

func (h *H) omittedSome(c *gin.Context) {
	var u models.User
	if err := c.ShouldBindJSON(&u); err != nil { // want `the client can set IsAdmin`
		return
	}
	h.DB.Omit("role").Create(&u)
}

func (h *H) overwritten(c *gin.Context) {
	var u models.User
	if err := c.ShouldBindJSON(&u); err != nil {
		return
	}
	u.Role = "member"
	u.IsAdmin = false
	h.DB.Create(&u)
}

func (h *H) postOwned(c *gin.Context) {
	var p models.Post
	if err := c.ShouldBindJSON(&p); err != nil {
		return
	}
	p.AuthorID = uid(c)
	_ = h.Posts.CreatePost(c, &p)
}

func (h *H) readOnly(c *gin.Context) {
	var u models.User
	if err := c.ShouldBindUri(&u); err != nil {
		return
	}
	_ = h.Users.Find(c, &u)
	_ = h.Posts.GetPost(c, &models.Post{})
}

func (h *H) noPrivileged(c *gin.Context) {
	var n models.Note
	if err := c.ShouldBindJSON(&n); err != nil {
		return
	}
	h.DB.Create(&n)
}

func (h *H) boundNotSaved(c *gin.Context) {
	var u models.User
	if err := c.ShouldBindJSON(&u); err != nil {
		return
	}
	c.JSON(http.StatusOK, gin.H{"name": u.Name})
}

func (h *H) member(c *gin.Context) {
	var m models.Member
	if err := c.ShouldBindJSON(&m); err != nil {
		return
	}
	h.DB.Save(&m)
}

func (h *H) savedBeforeBind(c *gin.Context) {
	var u models.User
	h.DB.First(&u, uid(c))
	h.DB.Save(&u)
	_ = c.ShouldBindJSON(&u)
}

func (h *H) account(c *gin.Context) {
	var a models.Account
	if err := c.ShouldBindJSON(&a); err != nil {
		return
	}
	h.DB.Create(&a)
}

func (h *H) repoOmits(c *gin.Context) {
	var u models.User
	if err := c.ShouldBindJSON(&u); err != nil {
		return
	}
	u.ID = uid(c)
	_ = h.Users.SaveProfile(c, &u)
}

func (h *H) repoSelects(c *gin.Context) {
	var u models.User
	if err := c.ShouldBindJSON(&u); err != nil {
		return
	}
	u.ID = uid(c)
	_ = h.Users.SaveNames(&u)
}
