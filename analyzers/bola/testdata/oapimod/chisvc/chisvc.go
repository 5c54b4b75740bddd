// Package chisvc implements the chi ServerInterface.
package chisvc

import (
	"encoding/json"
	"net/http"

	openapi_types "github.com/oapi-codegen/runtime/types"
	"gorm.io/gorm"

	"example.com/oapibola/api/chi"
	"example.com/oapibola/auth"
	"example.com/oapibola/store"
)

type Server struct {
	chiapi.Unimplemented
	DB *gorm.DB
}

var _ chiapi.ServerInterface = (*Server)(nil)

func (s *Server) GetOrder(w http.ResponseWriter, r *http.Request, orderId string) { // want GetOrder:`unscoped: read store.Order by path parameter "orderId"`
	var o store.Order
	s.DB.First(&o, "id = ?", orderId)
	json.NewEncoder(w).Encode(o)
}

func (s *Server) GetMyOrder(w http.ResponseWriter, r *http.Request, orderId string) {
	me := auth.FromContext(r.Context())
	var o store.Order
	s.DB.Where("user_id = ?", me.ID).First(&o, "id = ?", orderId)
	json.NewEncoder(w).Encode(o)
}

func (s *Server) DeleteOrder(w http.ResponseWriter, r *http.Request, orderId openapi_types.UUID) { // want DeleteOrder:`unscoped: delete store.Order by path parameter "orderId"`
	s.DB.Delete(&store.Order{}, "id = ?", orderId.String())
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) ListOrders(w http.ResponseWriter, r *http.Request, params chiapi.ListOrdersParams) {
	var os []store.Order
	s.DB.Where("user_id = ?", auth.FromContext(r.Context()).ID).Limit(*params.Limit).Find(&os)
	json.NewEncoder(w).Encode(os)
}

func (s *Server) GetProduct(w http.ResponseWriter, r *http.Request, productId string) {
	var p store.Product
	s.DB.First(&p, "id = ?", productId)
	json.NewEncoder(w).Encode(p)
}
