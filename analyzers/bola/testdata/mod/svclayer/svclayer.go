// Package svclayer reaches storage through a service interface whose
// implementation learns the caller from the context itself (the service
// layer scopes every query), next to one that does not.
package svclayer

import (
	"context"
	"encoding/json"
	"net/http"

	"gorm.io/gorm"

	"example.com/bolatest/auth"
	"example.com/bolatest/store"
)

// Orders is the service the handlers hold.
type Orders interface {
	GetOrder(ctx context.Context, id string) (*store.Order, error)
	FindOrder(ctx context.Context, id string) (*store.Order, error)
}

type orders struct{ db *gorm.DB }

// GetOrder scopes the read by the caller the context carries.
func (s *orders) GetOrder(ctx context.Context, id string) (*store.Order, error) {
	me := auth.FromContext(ctx)
	var o store.Order
	err := s.db.Where("user_id = ?", me.ID).First(&o, "id = ?", id).Error
	return &o, err
}

// FindOrder reads any order.
func (s *orders) FindOrder(ctx context.Context, id string) (*store.Order, error) {
	var o store.Order
	err := s.db.First(&o, "id = ?", id).Error
	return &o, err
}

type API struct{ Orders Orders }

func (a *API) Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /orders/{id}", a.getOrder)
	mux.HandleFunc("GET /any/orders/{id}", a.findOrder)
	return auth.Middleware(mux)
}

func (a *API) getOrder(w http.ResponseWriter, r *http.Request) {
	o, _ := a.Orders.GetOrder(r.Context(), r.PathValue("id"))
	json.NewEncoder(w).Encode(o)
}

func (a *API) findOrder(w http.ResponseWriter, r *http.Request) {
	o, _ := a.Orders.FindOrder(r.Context(), r.PathValue("id")) // want `path parameter "id" selects store.Order in \(svclayer.Orders\).FindOrder on GET /any/orders/{id}`
	json.NewEncoder(w).Encode(o)
}
