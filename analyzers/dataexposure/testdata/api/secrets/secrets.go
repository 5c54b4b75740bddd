// Package secrets sends structs that are no persistence models but carry
// secrets.
package secrets

import (
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

// SMTPSettings is configuration, read from the config file.
type SMTPSettings struct {
	Host     string `json:"host" yaml:"host"`
	Username string `json:"username" yaml:"username"`
	Password string `json:"password" yaml:"password"`
}

type Settings struct {
	SiteName string       `json:"site_name" yaml:"site_name"`
	SMTP     SMTPSettings `json:"smtp" yaml:"smtp"`
	// Not secrets: a policy name, a flag, a count, a kind.
	PasswordPolicy string `json:"password_policy"`
	HasPassword    bool   `json:"has_password"`
	TokenCount     int    `json:"token_count"`
	TokenType      string `json:"token_type"`
}

var current Settings

func load() Settings { return current }

func getSettings(c *gin.Context) {
	s := load()
	c.JSON(http.StatusOK, s) // want `JSON sends SMTPSettings \(at "smtp"\) with its secret field Password to the client`
}

func getSettingsMasked(c *gin.Context) {
	s := load()
	s.SMTP.Password = ""
	c.JSON(http.StatusOK, s)
}

type envelope struct {
	Data any    `json:"data"`
	Note string `json:"note"`
}

func getSettingsWrapped(c *gin.Context) {
	s := load()
	c.JSON(http.StatusOK, envelope{Data: s}) // want `JSON sends SMTPSettings \(at "data.smtp"\) with its secret field Password`
}

type page struct {
	Site     string   `json:"site"`
	Settings Settings `json:"settings"`
}

func getPage(c *gin.Context) {
	c.JSON(http.StatusOK, page{Site: current.SiteName}) // Settings left out: the zero value
}

// PublicSettings hides the password.
type PublicSettings struct {
	SiteName string `json:"site_name"`
	Password string `json:"-"`
}

var public PublicSettings

func getPublic(c *gin.Context) { c.JSON(http.StatusOK, public) }

// TokenResponse is what a login endpoint hands out.
type TokenResponse struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
	TokenType    string `json:"token_type"`
	ExpiresIn    int    `json:"expires_in"`
}

func issue(user string) TokenResponse { return TokenResponse{AccessToken: user} }

func login(c *gin.Context) {
	resp := issue(c.PostForm("user"))
	c.JSON(http.StatusOK, resp) // the login's purpose
}

// Integration is a third-party app set up by an admin, from the config.
type Integration struct {
	Name         string `json:"name" mapstructure:"name"`
	ClientSecret string `json:"client_secret" mapstructure:"client_secret"`
}

func integrations() []Integration { return nil }

func listIntegrations(c echo.Context) error {
	return c.JSON(http.StatusOK, integrations()) // want `JSON sends Integration \(at "\[\]"\) with its secret field ClientSecret`
}

func createIntegration(c echo.Context) error {
	in := integrations()[0]
	return c.JSON(http.StatusCreated, in) // a new app's secret, shown once
}

// request echoes what the client sent: its own data.
type signupRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

func echoBack(c echo.Context) error {
	var req signupRequest
	if err := c.Bind(&req); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, req)
}

// ProviderConfig is the OAuth provider's configuration.
type ProviderConfig struct {
	ClientID     string `json:"client_id" env:"CLIENT_ID"`
	ClientSecret string `json:"client_secret" env:"CLIENT_SECRET"`
}

var provider ProviderConfig

func providerConfig(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(provider) // want `Encode sends ProviderConfig with its secret field ClientSecret`
}

// ShareView is built to show a share's password to whom unlocked it.
type ShareView struct {
	URL      string `json:"url"`
	Password string `json:"password,omitempty"`
}

func shareView() *ShareView { return &ShareView{} }

func getShare(c *gin.Context) {
	c.JSON(http.StatusOK, shareView())
}

// Account is a service's view of a user: its hash is no one's business.
type Account struct {
	Name         string `json:"name"`
	PasswordHash string `json:"password_hash"`
	SigningKey   []byte `json:"signing_key"`
}

func account() (Account, error) { return Account{}, nil }

func getAccount(c *gin.Context) {
	a, _ := account()
	c.JSON(http.StatusOK, gin.H{"account": a}) // want `JSON sends Account \(at "account"\) with its secret fields PasswordHash, SigningKey`
}

// Page lists items after a cursor: the next page's token is no secret.
type Page struct {
	Items         []string `json:"items" yaml:"items"`
	NextPageToken string   `json:"next_token" yaml:"next_token"`
}

var pg Page

func listPage(c *gin.Context) { c.JSON(http.StatusOK, pg) }

// SessionConfig is configuration with a token: sent by a handler that
// reads it, a leak; by one that issues it, the endpoint's purpose.
type SessionConfig struct {
	Name  string `json:"name" yaml:"name"`
	Token string `json:"token" yaml:"token"`
}

var sessCfg SessionConfig

func sessionView(c *gin.Context) {
	c.JSON(http.StatusOK, sessCfg) // want `JSON sends SessionConfig with its secret field Token`
}

func createSession(c *gin.Context) { c.JSON(http.StatusCreated, sessCfg) }

func sessionsCollection(c *gin.Context) { c.JSON(http.StatusCreated, sessCfg) }

func Routes(r *gin.Engine, e *echo.Echo) {
	r.GET("/settings", getSettings)
	r.GET("/settings/masked", getSettingsMasked)
	r.GET("/settings/wrapped", getSettingsWrapped)
	r.GET("/page", getPage)
	r.GET("/public", getPublic)
	r.POST("/login", login)
	e.GET("/integrations", listIntegrations)
	e.POST("/integrations", createIntegration)
	e.POST("/echo", echoBack)
	http.HandleFunc("/provider", providerConfig)
	r.GET("/share", getShare)
	r.GET("/account", getAccount)
	r.GET("/items", listPage)
	r.GET("/session", sessionView)
	r.POST("/session/create", createSession)
	r.POST("/sessions", sessionsCollection)
}
