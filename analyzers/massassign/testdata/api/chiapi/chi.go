package chiapi

import (
	"net/http"

	"github.com/go-chi/render"
	"gorm.io/gorm"

	"example.com/api/models"
)

func createUser(db *gorm.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var u models.User
		if err := render.DecodeJSON(r.Body, &u); err != nil { // want `DecodeJSON binds client input into persistence model models.User, which \(\*gorm.DB\).Create writes`
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		db.Create(&u)
	}
}

func createNote(db *gorm.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var n models.Note
		if err := render.DecodeJSON(r.Body, &n); err != nil {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		db.Create(&n)
	}
}
