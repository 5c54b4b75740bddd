// Package names holds values given to secret-sounding names: real
// secrets, and the many names about secrets that hold none.
package names

import (
	"errors"
	"fmt"
	"net/http"
	"os"
	"regexp"
)

// Positives: a secret-sounding name and a value that looks like a secret.
const adminPassword = "Sup3r-S3cret!" // want `possible hard-coded secret "Sup3…" assigned to adminPassword`

var jwtSecretDefault = "4f9c2a7e1b8d3f60" // want `possible hard-coded secret "4f9c…" assigned to jwtSecretDefault`

var DB_PASS = "q8Xz!r2Lw" // want `assigned to DB_PASS`

type Config struct {
	APIKey       string
	ClientSecret string
	WebhookToken string
	TokenURL     string
	PasswordHash string
}

var cfg = Config{
	APIKey:       "a1b2c3d4e5f6a7b8c9d0", // want `possible hard-coded secret "a1b2…" in field APIKey`
	ClientSecret: "Oizwd1iaeOV4qBkdfQ1y", // want `in field ClientSecret`
	TokenURL:     "https://auth.example.com/oauth/token",
	PasswordHash: "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
}

var headers = map[string]string{
	"X-Api-Key":     "7CgQ0PBQFI14zGtSnovm", // want `in map entry "X-Api-Key"`
	"Authorization": "Bearer " + os.Getenv("API_TOKEN"),
	"Content-Type":  "application/json",
}

func setToken(c *Config) {
	c.WebhookToken = "whk_9f8e7d6c5b4a3921"   // want `assigned to WebhookToken`
	botToken := "8112345678:AAHq3Vx9kL2mNpQr" // want `assigned to botToken`
	_ = botToken
}

func login(user, password string) bool {
	return user == "admin" && password == "hunter2hunter2" // want `compared with password`
}

func checkAPIKey(r *http.Request) bool {
	return r.Header.Get("X-Api-Key") == "k-71c9f0a2e4b6d8" // want `compared with X-Api-Key`
}

func newClient(baseURL, apiKey string) *http.Client { return http.DefaultClient }

var client = newClient("https://api.partner.com", "pk9d8c7b6a5f4e3d") // want `passed as apiKey to names.newClient`

// Negatives: names about secrets that are not secrets.
const (
	TokenURL                = "https://auth.example.com/oauth/token"
	PasswordField           = "password"
	SecretName              = "billing-db-credentials"
	TokenType               = "Bearer"
	passwordResetPath       = "/api/v1/users/password/reset"
	TokenFetchErrors        = "token_fetch_errors_total"
	AccessToken             = "access_token"
	RefreshTokenCookie      = "refresh_token"
	APIKeyHeader            = "X-API-Key"
	EnvJWTSecret            = "JWT_SECRET"
	jwtSecretEnv            = "JWT_SECRET"
	secretKeyVar            = "APP_SECRET_KEY"
	MsgInvalidPassword      = "The password you entered is incorrect."
	passwordPolicy          = `^(?=.*[A-Z])(?=.*\d)[A-Za-z\d@$!%*?&]{12,}$`
	tokenPattern            = `^[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]+$`
	passwordPromptDE        = "Bitte geben Sie Ihr Passwort ein"
	passwordLabelJA         = "パスワードを入力してください"
	i18nTokenExpired        = "auth.token.expired"
	tokenErrFmt             = "token %s expired at %v"
	secretLogLine           = "rotating secret for tenant %q"
	sessionTokenCookie      = "session_token"
	csrfToken               = "X-CSRF-Token"
	nextPageToken           = "c2VhcmNoOjEwMDox"
	passwordPlaceholder     = "••••••••"
	defaultPassword         = "changeme"
	exampleAPIKey           = "your-api-key-here"
	stripeKeyTemplate       = "${STRIPE_SECRET_KEY}"
	tokenTmpl               = "{{ .Token }}"
	redactedSecret          = "********"
	apiKeyUnset             = "<your api key>"
	secretDummy             = "dummy-secret-value"
	webhookSecretIDs        = "whsec-ids"
	passwordMinLen          = 12
	tokenSecretKeyID        = "0e7a6f2c-4d1b-4a8e-9f3c-5b2d1e0a9c7f"
	tokenKeyID              = "0e7a6f2c-4d1b-4a8e-9f3c-5b2d1e0a9c7f"
	passwordResetTemplate   = "password-reset"
	emptySHA256             = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
	tokenB64TestVector      = "Zm9vYmFy"
	shortPassword           = "abc12"
	repeatedSecret          = "aaaaaaaaaaaa"
	keyName                 = "primary"
	cacheKey                = "user:42:profile"
	sortKey                 = "created_at_desc"
	publicKeyB64            = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAErm10hwB4yeGGZ04e"
	passwordResetRoute      = "/password/reset/{token}"
	secretsManagerARNPrefix = "arn:aws:secretsmanager:"
	authTokenHeader         = "Authorization"
	tokenizerVocab          = "bert-base-uncased"
	pageToken               = "CAEQAhoGCAEQABgB"
	passwordHint            = "Send a POST to /users/password/weak with password=123"
)

var ErrInvalidToken = errors.New("invalid token")

var errTokenExpired = fmt.Errorf("token expired")

var tokenRe = regexp.MustCompile(`^Bearer ([A-Za-z0-9\-._~+/]+=*)$`)

func readConfig() Config {
	return Config{
		APIKey:       os.Getenv("API_KEY"),
		ClientSecret: os.Getenv("CLIENT_SECRET"),
		TokenURL:     os.Getenv("TOKEN_URL"),
	}
}

func formField(r *http.Request) string {
	if r.FormValue("password") == "" {
		return ""
	}
	token := r.Header.Get("Authorization")
	if token == "Bearer" {
		return "no token"
	}
	password := r.FormValue("password")
	if password == "password" {
		return "weak"
	}
	return fmt.Sprintf("%s:%s", os.Getenv("API_USER"), os.Getenv("API_PASSWORD"))
}

var _ = []any{adminPassword, jwtSecretDefault, DB_PASS, cfg, headers, client, TokenURL, PasswordField, SecretName, TokenType,
	passwordResetPath, TokenFetchErrors, AccessToken, RefreshTokenCookie, APIKeyHeader, EnvJWTSecret, jwtSecretEnv,
	secretKeyVar, MsgInvalidPassword, passwordPolicy, tokenPattern, passwordPromptDE, passwordLabelJA, i18nTokenExpired,
	tokenErrFmt, secretLogLine, sessionTokenCookie, csrfToken, nextPageToken, passwordPlaceholder, defaultPassword,
	exampleAPIKey, stripeKeyTemplate, tokenTmpl, redactedSecret, apiKeyUnset, secretDummy, webhookSecretIDs,
	passwordMinLen, tokenSecretKeyID, tokenKeyID, passwordResetTemplate, emptySHA256, tokenB64TestVector, shortPassword,
	repeatedSecret, keyName, cacheKey, sortKey, publicKeyB64, passwordResetRoute, secretsManagerARNPrefix,
	authTokenHeader, tokenizerVocab, pageToken, passwordHint, ErrInvalidToken, errTokenExpired, tokenRe}
