package ginapi

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"example.com/api/models"
)

// The issuer rule: a token, key or secret copied out is the endpoint's
// purpose only when the endpoint issues it (its name is an issuing
// action, or its route is such an endpoint). A credential noun in the
// name alone is a read: the secret is reported.

func (h *H) app(c *gin.Context) models.App {
	var a models.App
	h.R.DB.First(&a, c.Param("id"))
	return a
}

// ---- positives: the name mentions a key, session or token, but reads it ----

func (h *H) appWithKey(c *gin.Context) {
	a := h.app(c)
	c.JSON(http.StatusOK, appResp{ID: a.ID, Token: a.Token}) // want `JSON sends models.App's sensitive field Token to the client \(at "token"\)`
}

func (h *H) sessionView(c *gin.Context) {
	a := h.app(c)
	c.JSON(http.StatusOK, gin.H{"session": appResp{Name: a.Name, Token: a.Token}}) // want `sends models.App's sensitive field Token to the client \(at "session.token"\)`
}

func (h *H) listTokens(c *gin.Context) {
	a := h.app(c)
	c.JSON(http.StatusOK, []appResp{{ID: a.ID, Token: a.Token}}) // want `sends models.App's sensitive field Token to the client \(at "\[\].token"\)`
}

func (h *H) getTokenUsage(c *gin.Context) {
	a := h.app(c)
	c.JSON(http.StatusOK, appResp{ID: a.ID, Token: a.Token}) // want `sends models.App's sensitive field Token`
}

func (h *H) GetSession(c *gin.Context) {
	a := h.app(c)
	c.JSON(http.StatusOK, appResp{ID: a.ID, Token: a.Token}) // want `sends models.App's sensitive field Token`
}

func (h *H) ListKeys(c *gin.Context) {
	a := h.app(c)
	c.JSON(http.StatusOK, appResp{ID: a.ID, Token: a.Token}) // want `sends models.App's sensitive field Token`
}

// A neutral name on a route that reads the keys.
func (h *H) keysIndex(c *gin.Context) {
	a := h.app(c)
	c.JSON(http.StatusOK, appResp{ID: a.ID, Token: a.Token}) // want `sends models.App's sensitive field Token`
}

// A POST to one key, not to the collection: an update.
func (h *H) keyChange(c *gin.Context) {
	a := h.app(c)
	c.JSON(http.StatusOK, appResp{ID: a.ID, Token: a.Token}) // want `sends models.App's sensitive field Token`
}

// A handler factory's constructor is no issuing verb.
func NewAppHandler(h *H) gin.HandlerFunc {
	return func(c *gin.Context) {
		a := h.app(c)
		c.JSON(http.StatusOK, appResp{ID: a.ID, Token: a.Token}) // want `sends models.App's sensitive field Token`
	}
}

// ---- negatives: the endpoint issues the credential ----

func (h *H) CreateAPIKey(c *gin.Context) {
	a := h.app(c)
	c.JSON(http.StatusCreated, appResp{ID: a.ID, Token: a.Token})
}

func (h *H) Login(c *gin.Context) {
	a := h.app(c)
	c.JSON(http.StatusOK, appResp{ID: a.ID, Token: a.Token})
}

func (h *H) RefreshToken(c *gin.Context) {
	a := h.app(c)
	c.JSON(http.StatusOK, appResp{ID: a.ID, Token: a.Token})
}

func (h *H) IssueToken(c *gin.Context) {
	a := h.app(c)
	c.JSON(http.StatusOK, appResp{ID: a.ID, Token: a.Token})
}

func (h *H) RegenerateKey(c *gin.Context) {
	a := h.app(c)
	c.JSON(http.StatusOK, appResp{ID: a.ID, Token: a.Token})
}

func (h *H) OAuthCallback(c *gin.Context) {
	a := h.app(c)
	c.JSON(http.StatusOK, appResp{ID: a.ID, Token: a.Token})
}

func (h *H) verifyOTP(c *gin.Context) {
	a := h.app(c)
	c.JSON(http.StatusOK, appResp{ID: a.ID, Token: a.Token})
}

// Neutral names, issuing routes: POST to the keys, the OAuth token
// endpoint, a refresh.
func (h *H) keysAdd(c *gin.Context) {
	a := h.app(c)
	c.JSON(http.StatusCreated, appResp{ID: a.ID, Token: a.Token})
}

func (h *H) oauthEndpoint(c *gin.Context) {
	a := h.app(c)
	c.JSON(http.StatusOK, appResp{ID: a.ID, Token: a.Token})
}

func (h *H) authStep(c *gin.Context) {
	a := h.app(c)
	c.JSON(http.StatusOK, appResp{ID: a.ID, Token: a.Token})
}

func IssuerRoutes(r *gin.Engine, h *H) {
	r.GET("/apps/:id/key", h.appWithKey)
	r.GET("/api-keys", h.keysIndex)
	r.POST("/api-keys", h.keysAdd)
	r.POST("/api-keys/:id", h.keyChange)
	r.POST("/oauth/token", h.oauthEndpoint)
	r.POST("/auth/refresh", h.authStep)
	r.GET("/apps/:id/raw", NewAppHandler(h))
}
