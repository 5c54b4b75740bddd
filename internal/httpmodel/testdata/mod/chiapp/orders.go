package chiapp

import (
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/render"

	"example.com/hm/auth"
	"example.com/hm/store"
)

func (s *Server) getOrder(w http.ResponseWriter, r *http.Request) { // want `handler \(\*Server\).getOrder net/http`
	id := chi.URLParam(r, "id")                // want `input path id`
	o, err := s.repo.GetOrder(r.Context(), id) // want `access repo read GetOrder \[id<path:id\] conds=0`
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound) // want `response text error err.Error\(\)`
		return
	}
	json.NewEncoder(w).Encode(o) // want `response json o`
}

func (s *Server) delOrder(w http.ResponseWriter, r *http.Request) { // want `handler \(\*Server\).delOrder net/http`
	me := auth.FromContext(r.Context())                      // want `principal example.com/hm/auth.FromContext`
	n, _ := strconv.ParseUint(chi.URLParam(r, "id"), 10, 64) // want `input path id`
	var o store.Order
	s.db.Where("user_id = ?", me.ID).First(&o, uint(n)) // want `access gorm read First \[uint\(n\)<path:id, me.ID<principal\] conds=1`
	if err := s.repo.DeleteOrder(uint(n)); err != nil { // want `access repo delete DeleteOrder \[uint\(n\)<path:id\] conds=0`
		return
	}
	render.Respond(w, r, map[string]string{"status": "deleted"}) // want `response json map\[string\]string\{…\}`
}

// Not a handler: wrong signature.
func helper(w http.ResponseWriter) {}
