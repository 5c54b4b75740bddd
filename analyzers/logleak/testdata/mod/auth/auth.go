package auth

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log"
	"net/http"
	"net/http/httputil"
	"os"

	"github.com/gin-gonic/gin"
	"github.com/rs/zerolog"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"

	"example.com/logleak/cfg"
)

type LoginRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

type Page struct {
	NextPageToken string
	PasswordHash  string
}

func Routes(mux *http.ServeMux, zl *zap.Logger, el zerolog.Logger) {
	mux.HandleFunc("POST /login", func(w http.ResponseWriter, r *http.Request) {
		pw := r.FormValue("password")
		log.Printf("login attempt for %s", r.FormValue("email"))
		log.Printf("login %s/%s", r.FormValue("email"), pw) // want `form field "password" is written to the log by log.Printf`
		auth := r.Header.Get("Authorization")
		zl.Info("request", zap.String("auth", auth)) // want `header "Authorization" is written to the log by \(\*zap.Logger\).Info`
		zl.Info("request", zap.Bool("has_auth", auth != ""), zap.Int("auth_len", len(auth)))
		sum := sha256.Sum256([]byte(pw))
		zl.Info("pw fingerprint", zap.String("sha", hex.EncodeToString(sum[:])))
		el.Info().Str("token", r.Header.Get("X-Api-Key")).Msg("call") // want `header "X-Api-Key" is written to the log by \(\*zerolog.Event\).Str`
		stateToken := r.FormValue("state_token")                      // a signed upload state (docker registry), not a credential
		log.Printf("resuming upload %s", stateToken)
		uploadToken := r.FormValue("upload_token")
		log.Printf("upload %s", uploadToken) // want `form field "upload_token" is written to the log by log.Printf`
		el.Info().Str("agent", r.Header.Get("User-Agent")).Msg("call")
		dump, _ := httputil.DumpRequest(r, true)
		logrus.WithField("req", string(dump)).Info("incoming") // want `a request dump \(with its Authorization and Cookie headers\) is written to the log by logrus.WithField`
		logrus.Infof("headers: %v", r.Header)                  // want `the request's headers \(Authorization, Cookie\) is written to the log by logrus.Infof`
		fmt.Println("password is invalid")
		fmt.Fprintf(os.Stderr, "token=%s\n", cfg.MaskToken(auth))
		fmt.Fprintf(w, "token=%s\n", auth) // a response, not a log: not this check's business
	})
}

func GinRoutes(r *gin.Engine) {
	r.POST("/session", func(c *gin.Context) {
		var req LoginRequest
		if err := c.ShouldBindJSON(&req); err != nil {
			return
		}
		log.Printf("login %+v", req) // want `LoginRequest with its Password field is written to the log by log.Printf`
		log.Printf("login %s", req.Email)
		var p Page
		log.Printf("page %s hash %s", p.NextPageToken, p.PasswordHash)
		token := c.GetHeader("Authorization")
		log.Println("auth header present:", token != "")
	})
}
