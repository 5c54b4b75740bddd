// Package apiserver keeps its router in a field and serves it from
// ServeHTTP (gophish's controllers/api): no serve call here serves it, so
// its unbounded routes are one finding at the router, not one per read.
package apiserver

import (
	"encoding/json"
	"net/http"

	"github.com/go-chi/chi/v5"
)

// Server is the API's http.Handler.
type Server struct {
	handler http.Handler
}

// New registers the routes.
func New() *Server {
	s := &Server{}
	r := chi.NewRouter() // want `2 routes of this router read the whole request body, and no route limits its size`
	r.Post("/campaigns", s.createCampaign)
	r.Put("/campaigns/{id}", s.updateCampaign)
	r.Get("/campaigns", s.listCampaigns)
	s.handler = r
	return s
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

type campaign struct{ Name string }

func (s *Server) createCampaign(w http.ResponseWriter, r *http.Request) {
	var c campaign
	_ = json.NewDecoder(r.Body).Decode(&c)
}

func (s *Server) updateCampaign(w http.ResponseWriter, r *http.Request) {
	var c campaign
	_ = json.NewDecoder(r.Body).Decode(&c)
}

func (s *Server) listCampaigns(w http.ResponseWriter, r *http.Request) {}

// Limited is the twin: one route bounds its body, so the other's read is
// reported where it happens.
type Limited struct {
	handler http.Handler
}

// NewLimited registers the routes.
func NewLimited() *Limited {
	s := &Limited{}
	r := chi.NewRouter()
	r.Post("/pages", s.createPage)
	r.Put("/pages/{id}", s.updatePage)
	s.handler = r
	return s
}

func (s *Limited) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

func (s *Limited) createPage(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	var c campaign
	_ = json.NewDecoder(r.Body).Decode(&c)
}

func (s *Limited) updatePage(w http.ResponseWriter, r *http.Request) {
	var c campaign
	_ = json.NewDecoder(r.Body).Decode(&c) // want `json.Decoder.Decode reads the whole request body of PUT /pages/\{id\} with no size limit`
}
