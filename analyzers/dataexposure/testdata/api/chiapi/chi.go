package chiapi

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/render"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"example.com/api/models"
)

func getUser(db *gorm.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var u models.User
		db.First(&u, chi.URLParam(r, "id"))
		render.JSON(w, r, u) // want `JSON sends persistence model models.User with its sensitive field PasswordHash`
	}
}

func getOrders(db *gorm.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var os []models.Order
		db.Preload("Buyer").Find(&os)
		render.JSON(w, r, os) // want `JSON sends persistence model models.User \(at "\[\].buyer"\) with its sensitive field PasswordHash`
	}
}

// The buyers are not preloaded: gorm leaves Buyer nil.
func getOrdersNoBuyers(db *gorm.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var os []models.Order
		db.Find(&os)
		render.JSON(w, r, os) // want `render.JSON sends models.Order whole.*a persistence model: it embeds gorm.Model`
	}
}

// Every first-level association is preloaded.
func getOrdersAll(db *gorm.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var os []models.Order
		db.Preload(clause.Associations).Find(&os)
		render.JSON(w, r, os) // want `sensitive field PasswordHash`
	}
}

type userView struct {
	ID    uint   `json:"id"`
	Email string `json:"email"`
}

func getOrdersNoBuyer(db *gorm.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var os []*models.Order
		db.Find(&os)
		for _, o := range os {
			o.Buyer = nil
		}
		render.JSON(w, r, os) // want `JSON sends models.Order whole.*a persistence model: it embeds gorm.Model`
	}
}

func getUserResponded(db *gorm.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var u models.User
		db.First(&u, chi.URLParam(r, "id"))
		render.Respond(w, r, &u) // want `render.Respond sends persistence model models.User with its sensitive field PasswordHash`
	}
}

func getUserViewResponded(db *gorm.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var u models.User
		db.First(&u, chi.URLParam(r, "id"))
		render.Respond(w, r, userView{ID: u.ID, Email: u.Email})
	}
}

func getUserView(db *gorm.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var u models.User
		db.First(&u, chi.URLParam(r, "id"))
		render.JSON(w, r, userView{ID: u.ID, Email: u.Email})
	}
}
