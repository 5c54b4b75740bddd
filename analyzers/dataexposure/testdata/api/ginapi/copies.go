package ginapi

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"

	"github.com/gin-gonic/gin"

	"example.com/api/models"
	"example.com/api/schema/apigen"
)

// A response DTO that copies the model's secret is no better than the
// model: the copy is reported where it is made.

type userResp struct {
	ID       uint   `json:"id"`
	Email    string `json:"email"`
	Password string `json:"password"`
}

type appResp struct {
	ID    uint   `json:"id"`
	Name  string `json:"name"`
	Token string `json:"token"`
	Key   string `json:"-"`
}

// ---- positives ----

func (h *H) copyHash(c *gin.Context) {
	u, _ := h.R.User(c.Param("id"))
	c.JSON(http.StatusOK, userResp{ID: u.ID, Email: u.Email, Password: u.PasswordHash}) // want `JSON sends models.User's sensitive field PasswordHash to the client \(at "password"\): it is copied into the response here`
}

// The DTO built in a variable, the secret assigned to it later.
func (h *H) copyAssigned(c *gin.Context) {
	var a models.App
	h.R.DB.First(&a, c.Param("id"))
	resp := appResp{ID: a.ID, Name: a.Name}
	resp.Token = a.Token // want `JSON sends models.App's sensitive field Token to the client \(at "token"\)`
	c.JSON(http.StatusOK, resp)
}

// Inside a wrapper, a list built in a loop, and through a conversion.
func (h *H) copyInList(c *gin.Context) {
	us, _ := h.R.Users()
	var out []userResp
	for _, u := range us {
		out = append(out, userResp{
			ID:       u.ID,
			Password: string(u.PasswordHash), // want `sends models.User's sensitive field PasswordHash to the client \(at "data\[\].password"\)`
		})
	}
	c.JSON(http.StatusOK, gin.H{"data": out})
}

// A model field hidden by json:"-" and copied out anyway.
func (h *H) copyHidden(c *gin.Context) {
	var acct models.Account
	h.R.DB.First(&acct, c.Param("id"))
	c.JSON(http.StatusOK, gin.H{"id": acct.ID, "account": appResp{Name: acct.Name, Token: acct.APIKey}}) // want `sends models.Account's sensitive field APIKey to the client \(at "account.token"\)`
}

// ---- negatives ----

// Only non-sensitive fields copied.
func (h *H) copyPublic(c *gin.Context) {
	u, _ := h.R.User(c.Param("id"))
	c.JSON(http.StatusOK, userResp{ID: u.ID, Email: u.Email})
}

// The secret copied into a DTO that is not sent.
func (h *H) copyNotSent(c *gin.Context) {
	u, _ := h.R.User(c.Param("id"))
	internal := userResp{ID: u.ID, Password: u.PasswordHash}
	audit(internal)
	c.JSON(http.StatusOK, userResp{ID: u.ID})
}

func audit(userResp) {}

// Masked or hashed before the copy.
func mask(s string) string {
	if len(s) < 4 {
		return "****"
	}
	return "****" + s[len(s)-4:]
}

func (h *H) copyMasked(c *gin.Context) {
	var a models.App
	h.R.DB.First(&a, c.Param("id"))
	sum := sha256.Sum256([]byte(a.Token))
	c.JSON(http.StatusOK, []appResp{
		{ID: a.ID, Token: mask(a.Token)},
		{ID: a.ID, Token: hex.EncodeToString(sum[:])},
	})
}

// The DTO field is tagged json:"-".
func (h *H) copyIntoHidden(c *gin.Context) {
	var a models.App
	h.R.DB.First(&a, c.Param("id"))
	c.JSON(http.StatusOK, appResp{ID: a.ID, Key: a.Token})
}

// A token endpoint issues the caller's credential: its purpose.
func (h *H) createAppToken(c *gin.Context) {
	var a models.App
	h.R.DB.First(&a, c.Param("id"))
	c.JSON(http.StatusCreated, appResp{ID: a.ID, Token: a.Token})
}

// The owner's own token, after an ownership check.
func (h *H) showOwnApp(c *gin.Context) {
	var a models.App
	h.R.DB.First(&a, c.Param("id"))
	if a.UserID != c.GetUint("uid") {
		c.AbortWithStatus(http.StatusNotFound)
		return
	}
	c.JSON(http.StatusOK, appResp{ID: a.ID, Name: a.Name, Token: a.Token})
}

// Cleared on the model before the copy.
func (h *H) copyCleared(c *gin.Context) {
	u, _ := h.R.User(c.Param("id"))
	u.PasswordHash = ""
	c.JSON(http.StatusOK, userResp{ID: u.ID, Password: u.PasswordHash})
}

// A password copied from the request DTO, not from a model.
func (h *H) echoSignup(c *gin.Context) {
	var p models.Profile
	_ = c.ShouldBindJSON(&p)
	c.JSON(http.StatusOK, userResp{Email: p.Email, Password: p.Password})
}

// ---- converters of this package ----

func toUserResp(u *models.User) userResp {
	return userResp{ID: u.ID, Email: u.Email, Password: u.PasswordHash} // want `JSON sends models.User's sensitive field PasswordHash to the client \(at "user.password"\)`
}

func (h *H) viaConverter(c *gin.Context) {
	u, _ := h.R.User(c.Param("id"))
	c.JSON(http.StatusOK, gin.H{"user": toUserResp(&u)})
}

func toAppResp(a models.App) *appResp {
	r := &appResp{ID: a.ID, Name: a.Name}
	r.Token = a.Token
	return r
}

// The owner's own app, the check made in the handler: the converter's
// copy is the owner's credential.
func (h *H) ownAppViaConverter(c *gin.Context) {
	var a models.App
	h.R.DB.First(&a, c.Param("id"))
	if a.UserID != c.GetUint("uid") {
		c.AbortWithStatus(http.StatusNotFound)
		return
	}
	c.JSON(http.StatusOK, toAppResp(a))
}

// Cleared in the handler before the converter copies it.
func (h *H) clearedViaConverter(c *gin.Context) {
	u, _ := h.R.User(c.Param("id"))
	u.PasswordHash = ""
	c.JSON(http.StatusOK, toUserRespLocal(&u))
}

func toUserRespLocal(u *models.User) userResp {
	return userResp{ID: u.ID, Password: u.PasswordHash}
}

// A converter that is not sent.
func (h *H) converterNotSent(c *gin.Context) {
	u, _ := h.R.User(c.Param("id"))
	audit(toUserRespLocal(&u))
	c.Status(http.StatusNoContent)
}

func (a appResp) with(app *models.App) appResp {
	a.Token = app.Token // want `JSON sends models.App's sensitive field Token to the client \(at "token"\)`
	return a
}

// A method converter, its receiver a DTO value.
func (h *H) appDetails(c *gin.Context) {
	var a models.App
	h.R.DB.First(&a, c.Param("id"))
	c.JSON(http.StatusOK, appResp{ID: a.ID}.with(&a))
}

// copyIntoSchema fills the API's generated User: its schema declares the
// field, so the copy is the schema's decision (a note).
func (h *H) copyIntoSchema(c *gin.Context) {
	u, _ := h.R.User(c.Param("id"))
	c.JSON(http.StatusOK, apigen.User{Username: u.Email, Password: u.PasswordHash}) // want `JSON sends models.User's sensitive field PasswordHash to the client \(at "password"\): it is copied into apigen.User.Password, which the API's OpenAPI schema declares`
}
