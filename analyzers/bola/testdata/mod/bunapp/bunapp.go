// Package bunapp stores documents with bun's query builders.
package bunapp

import (
	"encoding/json"
	"net/http"

	"github.com/uptrace/bun"

	"example.com/bolatest/auth"
	"example.com/bolatest/store"
)

type Server struct{ DB *bun.DB }

func (s *Server) Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /documents/{id}", s.getDocument)
	mux.HandleFunc("GET /mine/documents/{id}", s.getMyDocument)
	mux.HandleFunc("DELETE /documents/{id}", s.deleteDocument)
	mux.HandleFunc("PUT /documents/{id}", s.renameDocument)
	mux.HandleFunc("POST /documents", s.createDocument)
	mux.HandleFunc("GET /products/{id}", s.getProduct)
	return auth.Middleware(mux)
}

func (s *Server) getDocument(w http.ResponseWriter, r *http.Request) {
	var d store.Document
	s.DB.NewSelect().Model(&d).Where("id = ?", r.PathValue("id")).Scan(r.Context()) // want `path parameter "id" selects store.Document in \(\*bun.SelectQuery\).Scan on GET /documents/{id}`
	json.NewEncoder(w).Encode(d)
}

func (s *Server) getMyDocument(w http.ResponseWriter, r *http.Request) {
	me := auth.FromContext(r.Context())
	var d store.Document
	s.DB.NewSelect().Model(&d).Where("id = ?", r.PathValue("id")).Where("owner_id = ?", me.Subject).Scan(r.Context())
	json.NewEncoder(w).Encode(d)
}

func (s *Server) deleteDocument(w http.ResponseWriter, r *http.Request) {
	s.DB.NewDelete().Model((*store.Document)(nil)).Where("id = ?", r.PathValue("id")).Exec(r.Context()) // want `path parameter "id" selects store.Document in \(\*bun.DeleteQuery\).Exec on DELETE /documents/{id}`
	w.WriteHeader(http.StatusNoContent)
}

// renameDocument updates by the primary key of a value holding the ID.
func (s *Server) renameDocument(w http.ResponseWriter, r *http.Request) {
	d := &store.Document{ID: r.PathValue("id"), Title: r.FormValue("title")}
	s.DB.NewUpdate().Model(d).Column("title").WherePK().Exec(r.Context()) // want `path parameter "id" selects store.Document in \(\*bun.UpdateQuery\).Exec on PUT /documents/{id}`
	w.WriteHeader(http.StatusNoContent)
}

// createDocument inserts a new row owned by the caller.
func (s *Server) createDocument(w http.ResponseWriter, r *http.Request) {
	me := auth.FromContext(r.Context())
	d := &store.Document{ID: r.FormValue("id"), OwnerID: me.Subject, Title: r.FormValue("title")}
	s.DB.NewInsert().Model(d).Exec(r.Context())
	w.WriteHeader(http.StatusCreated)
}

func (s *Server) getProduct(w http.ResponseWriter, r *http.Request) {
	var p store.Product
	s.DB.NewSelect().Model(&p).Where("id = ?", r.PathValue("id")).Scan(r.Context())
	json.NewEncoder(w).Encode(p)
}
