// Package pgxapp queries PostgreSQL through pgx v5's pool.
package pgxapp

import (
	"encoding/json"
	"net/http"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/bolatest/auth"
	"example.com/bolatest/store"
)

type Server struct{ Pool *pgxpool.Pool }

func (s *Server) Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /documents/{id}", s.getDocument)
	mux.HandleFunc("GET /mine/documents/{id}", s.getMyDocument)
	mux.HandleFunc("DELETE /documents/{id}", s.deleteDocument)
	mux.HandleFunc("DELETE /tx/documents/{id}", s.deleteInTx)
	return auth.Middleware(mux)
}

func (s *Server) getDocument(w http.ResponseWriter, r *http.Request) {
	var d store.Document
	err := s.Pool.QueryRow(r.Context(), `SELECT id, owner_id, title FROM documents WHERE id = $1`, r.PathValue("id")). // want `path parameter "id" selects store.Document in \(\*pgxpool.Pool\).QueryRow on GET /documents/{id}`
																Scan(&d.ID, &d.OwnerID, &d.Title)
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	json.NewEncoder(w).Encode(d)
}

func (s *Server) getMyDocument(w http.ResponseWriter, r *http.Request) {
	me := auth.FromContext(r.Context())
	var d store.Document
	s.Pool.QueryRow(r.Context(), `SELECT id, title FROM documents WHERE id = $1 AND owner_id = $2`, r.PathValue("id"), me.Subject).Scan(&d.ID, &d.Title)
	json.NewEncoder(w).Encode(d)
}

func (s *Server) deleteDocument(w http.ResponseWriter, r *http.Request) {
	s.Pool.Exec(r.Context(), `DELETE FROM documents WHERE id = $1`, r.PathValue("id")) // want `path parameter "id" selects documents in \(\*pgxpool.Pool\).Exec on DELETE /documents/{id}`
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) deleteInTx(w http.ResponseWriter, r *http.Request) {
	me := auth.FromContext(r.Context())
	tx, err := s.Pool.Begin(r.Context())
	if err != nil {
		return
	}
	defer tx.Rollback(r.Context())
	del(r, tx, me)
	tx.Commit(r.Context())
}

// del scopes the delete by the caller, through the Tx interface.
func del(r *http.Request, tx pgx.Tx, me *auth.User) {
	tx.Exec(r.Context(), `DELETE FROM documents WHERE id = $1 AND owner_id = $2`, r.PathValue("id"), me.Subject)
}
