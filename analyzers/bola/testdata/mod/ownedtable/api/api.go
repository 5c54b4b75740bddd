// Package api serves the repository with chi behind authentication.
package api

import (
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"example.com/bolatest/auth"
	"example.com/bolatest/ownedtable/db"
)

type Handler struct{ Repo *db.Repo }

func (h *Handler) Routes() http.Handler {
	r := chi.NewRouter()
	r.Use(auth.Middleware)
	r.Get("/authors/{id}", h.getAuthor)
	r.Delete("/authors/{id}", h.deleteAuthor)
	r.Get("/genres/{id}", h.getGenre)
	r.Get("/books/{id}", h.getBook)
	r.Get("/reviews/{id}", h.getReview)
	r.Post("/authors/bulk-delete", h.bulkDelete)
	return r
}

func pathID(r *http.Request) int64 {
	id, _ := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	return id
}

// Bad: authors are per-user (listed by owner_user_id), read by any ID.
func (h *Handler) getAuthor(w http.ResponseWriter, r *http.Request) {
	a, err := h.Repo.GetAuthor(r.Context(), pathID(r)) // want `selects db.Author in \(\*db.Repo\).GetAuthor on GET /authors/\{id\}, so any caller can read others' objects`
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	json.NewEncoder(w).Encode(a)
}

// Bad: and deleted by any ID.
func (h *Handler) deleteAuthor(w http.ResponseWriter, r *http.Request) {
	if err := h.Repo.DeleteAuthor(r.Context(), pathID(r)); err != nil { // want `selects db.Author in \(\*db.Repo\).DeleteAuthor on DELETE /authors/\{id\}, so any caller can delete others' objects`
		http.Error(w, "failed", http.StatusInternalServerError)
	}
}

// Bad: a book's AuthorID names its writer, but books are listed by owner.
func (h *Handler) getBook(w http.ResponseWriter, r *http.Request) {
	b, _ := h.Repo.GetBook(r.Context(), pathID(r)) // want `selects db.Book in \(\*db.Repo\).GetBook on GET /books/\{id\}, so any caller can read`
	json.NewEncoder(w).Encode(b)
}

// Good: genres are shared reference data.
func (h *Handler) getGenre(w http.ResponseWriter, r *http.Request) {
	g, _ := h.Repo.GetGenre(r.Context(), pathID(r))
	json.NewEncoder(w).Encode(g)
}

// Good: reviews are authored content; anyone may read one.
func (h *Handler) getReview(w http.ResponseWriter, r *http.Request) {
	v, _ := h.Repo.GetReview(r.Context(), pathID(r))
	json.NewEncoder(w).Encode(v)
}

// Bad: every ID of the bound list deletes an author, whoever owns it.
func (h *Handler) bulkDelete(w http.ResponseWriter, r *http.Request) {
	var req struct {
		IDs []int64 `json:"ids"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	for _, id := range req.IDs {
		if err := h.Repo.DeleteAuthor(r.Context(), id); err != nil { // want `body field "IDs" selects db.Author in \(\*db.Repo\).DeleteAuthor on POST /authors/bulk-delete`
			continue
		}
	}
}
