// Package chirender: chi with go-chi/render and a project response helper.
package chirender

import (
	"database/sql"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/render"
)

type API struct{ db *sql.DB }

type ErrResponse struct {
	Status int    `json:"status"`
	Error  string `json:"error"`
}

func respondError(w http.ResponseWriter, r *http.Request, status int, msg string) {
	render.Status(r, status)
	render.JSON(w, r, ErrResponse{Status: status, Error: msg})
}

func (a *API) count(w http.ResponseWriter, r *http.Request) {
	var n int
	if err := a.db.QueryRow("SELECT count(*) FROM items").Scan(&n); err != nil {
		render.Status(r, http.StatusInternalServerError)
		render.JSON(w, r, map[string]string{"error": err.Error()}) // want `err.Error\(\) of a database error is sent to the client by render.JSON`
		return
	}
	render.JSON(w, r, map[string]int{"count": n})
}

func (a *API) item(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(chi.URLParam(r, "id"))
	if err != nil {
		respondError(w, r, http.StatusBadRequest, err.Error()) // client input
		return
	}
	if _, err := a.db.Exec("UPDATE items SET seen = true WHERE id = $1", id); err != nil {
		respondError(w, r, http.StatusInternalServerError, err.Error()) // want `err.Error\(\) of a database error is sent to the client by respondError`
		return
	}
	render.NoContent(w, r)
}

// internalError answers 500 with msg: the status is decided inside.
func internalError(w http.ResponseWriter, r *http.Request, msg string) {
	render.Status(r, http.StatusInternalServerError)
	render.PlainText(w, r, msg)
}

type Cache interface{ Flush() error }

func flush(cache Cache) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := cache.Flush(); err != nil {
			internalError(w, r, err.Error()) // want `err.Error\(\) is sent to the client by internalError with a status computed at run time`
		}
	}
}

func Routes(a *API) http.Handler {
	r := chi.NewRouter()
	r.Get("/items/count", a.count)
	r.Put("/items/{id}", a.item)
	return r
}
