package api

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/render"
	"gorm.io/gorm"

	"example.com/demo/internal/auth"
	"example.com/demo/internal/store"
)

func mountUsers(r chi.Router, db *gorm.DB) {
	r.Get("/me", getMe(db))
	r.Get("/me/raw", getMeRaw(db))
}

type userResponse struct {
	ID    uint   `json:"id"`
	Email string `json:"email"`
	Name  string `json:"name"`
}

// Bad: the persistence model, password hash included, goes to the client.
func getMeRaw(db *gorm.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var u store.User
		if err := db.First(&u, auth.FromContext(r.Context()).UserID).Error; err != nil {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		render.JSON(w, r, u)
	}
}

// Good: a response DTO with only the fields the client needs.
func getMe(db *gorm.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var u store.User
		if err := db.First(&u, auth.FromContext(r.Context()).UserID).Error; err != nil {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		render.JSON(w, r, userResponse{ID: u.ID, Email: u.Email, Name: u.Name})
	}
}
