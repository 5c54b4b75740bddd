package chiapp

import (
	"encoding/json"
	"io"
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"gorm.io/gorm"
)

type user struct {
	ID   string
	Name string
}

func mountUsers(r chi.Router, db *gorm.DB) {
	r.Group(func(r chi.Router) {
		r.Use(middleware.RequestSize(1 << 20))
		r.Get("/users/{uid}", getUser(db))
		r.Post("/users", createUser(db))
	})
}

func getUser(db *gorm.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { // want `handler getUser\$1 net/http`
		var u user
		uid := r.PathValue("uid")                                // want `input path uid`
		db.Raw("SELECT * FROM users WHERE id = ?", uid).Scan(&u) // want `access gorm read Scan \[uid<path:uid\] conds=1`
		b, _ := json.Marshal(u)
		w.Write(b) // want `response json u`
	}
}

func createUser(db *gorm.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { // want `handler createUser\$1 net/http`
		body, _ := io.ReadAll(r.Body) // want `input body `
		var u user
		json.Unmarshal(body, &u) // want `input body `
		db.Create(&u)            // want `access gorm write Create \[\] conds=0`
		q := r.URL.Query()       // want `input query `
		_ = q.Get("dry")         // want `input query dry`
	}
}
