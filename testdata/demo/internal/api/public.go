package api

import (
	"encoding/json"
	"log"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/httprate"
	"gorm.io/gorm"

	"example.com/demo/internal/store"
)

// mountPublic mounts the endpoints that need no login: the password-reset
// request and the carrier's shipping webhook.
func mountPublic(r chi.Router, db *gorm.DB) {
	// Good: anonymous and abusable, so limited per client IP; the handler
	// bounds the body it reads.
	r.Group(func(r chi.Router) {
		r.Use(httprate.LimitByIP(5, time.Minute))
		r.Post("/auth/password-reset", requestPasswordReset(db))
	})

	// Bad: no rate limit on this route, and the handler decodes a body
	// of any size.
	r.Post("/webhooks/shipping", shippingWebhook)
}

type passwordResetRequest struct {
	Email string `json:"email"`
}

func requestPasswordReset(db *gorm.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, 4<<10)
		var req passwordResetRequest
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		var u store.User
		if err := db.Where("email = ?", req.Email).First(&u).Error; err == nil {
			log.Printf("password reset requested for user %d", u.ID)
		}
		// The same answer whether or not the account exists.
		w.WriteHeader(http.StatusAccepted)
	}
}

type shippingEvent struct {
	Tracking string    `json:"tracking"`
	Status   string    `json:"status"`
	At       time.Time `json:"at"`
}

func shippingWebhook(w http.ResponseWriter, r *http.Request) {
	var evt shippingEvent
	if err := json.NewDecoder(r.Body).Decode(&evt); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	log.Printf("shipment %s is %s (%s)", evt.Tracking, evt.Status, evt.At.Format(time.RFC3339))
	w.WriteHeader(http.StatusNoContent)
}
