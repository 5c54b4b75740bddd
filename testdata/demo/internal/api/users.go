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
	r.Get("/me/account", getMyAccount(db))
	r.Put("/me", putMe(db))
	r.Put("/me/profile", putMyProfile(db))
	r.Post("/me/orders", postMyOrder(db))
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

type accountResponse struct {
	ID       uint   `json:"id"`
	Email    string `json:"email"`
	Password string `json:"password,omitempty"` // for the legacy desktop client's offline login
}

// Bad: a response DTO, but the handler copies the password hash into it.
func getMyAccount(db *gorm.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var u store.User
		if err := db.First(&u, auth.FromContext(r.Context()).UserID).Error; err != nil {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		render.JSON(w, r, accountResponse{ID: u.ID, Email: u.Email, Password: u.PasswordHash})
	}
}

// Bad: the body is decoded straight into the persistence model, so
// {"role": "admin"} in a profile update makes the caller an admin.
func putMe(db *gorm.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var u store.User
		if err := render.DecodeJSON(r.Body, &u); err != nil {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		u.ID = auth.FromContext(r.Context()).UserID
		if err := store.SaveUser(db, &u); err != nil {
			http.Error(w, "could not save", http.StatusInternalServerError)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}
}

type profileRequest struct {
	Name  string `json:"name"`
	Email string `json:"email"`
}

// Good: a request DTO with the fields a user may change.
func putMyProfile(db *gorm.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var req profileRequest
		if err := render.DecodeJSON(r.Body, &req); err != nil {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		if err := store.UpdateProfile(db, auth.FromContext(r.Context()).UserID, req.Name, req.Email); err != nil {
			http.Error(w, "could not save", http.StatusInternalServerError)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}
}

// Good: the body is bound into the persistence model, but the model's
// BeforeCreate hook stamps its owner from the caller, so a client-sent
// "user_id" does not stick.
func postMyOrder(db *gorm.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
		var o store.Order
		if err := render.DecodeJSON(r.Body, &o); err != nil {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		if err := db.WithContext(r.Context()).Create(&o).Error; err != nil {
			http.Error(w, "could not save", http.StatusInternalServerError)
			return
		}
		w.WriteHeader(http.StatusCreated)
	}
}
