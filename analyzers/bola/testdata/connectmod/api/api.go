// Package api implements OrderService; cmd/connectd mounts it three
// times: behind an authorizing interceptor, behind authorizing HTTP
// middleware, and behind an interceptor that only authenticates.
package api

import (
	"context"

	"connectrpc.com/connect"
	"gorm.io/gorm"

	"example.com/connectbola/auth"
	"example.com/connectbola/orderv1"
	"example.com/connectbola/orderv1/orderv1connect"
	"example.com/connectbola/store"
)

type service struct {
	orderv1connect.UnimplementedOrderServiceHandler
	db *gorm.DB
}

// New returns the service as the generated interface.
func New(db *gorm.DB) orderv1connect.OrderServiceHandler { return &service{db: db} }

// NewService returns the concrete type.
func NewService(db *gorm.DB) *service { return &service{db: db} }

func (s *service) GetOrder(ctx context.Context, req *connect.Request[orderv1.GetOrderRequest]) (*connect.Response[orderv1.Order], error) { // want GetOrder:`unscoped: read store.Order by request field "OrderId"`
	var o store.Order
	err := s.db.First(&o, "id = ?", req.Msg.GetOrderId()).Error
	return connect.NewResponse(&orderv1.Order{Item: o.Item}), err
}

func (s *service) DeleteOrder(ctx context.Context, req *connect.Request[orderv1.DeleteOrderRequest]) (*connect.Response[orderv1.Empty], error) { // want DeleteOrder:`unscoped: delete store.Order by request field "Name"`
	s.db.Delete(&store.Order{}, "id = ?", req.Msg.GetName())
	return connect.NewResponse(&orderv1.Empty{}), nil
}

// GetMyOrder scopes by the caller: the service has users.
func (s *service) GetMyOrder(ctx context.Context, req *connect.Request[orderv1.GetOrderRequest]) (*connect.Response[orderv1.Order], error) {
	var o store.Order
	err := s.db.Where("user_id = ?", auth.FromContext(ctx).ID).First(&o, "id = ?", req.Msg.GetOrderId()).Error
	return connect.NewResponse(&orderv1.Order{Item: o.Item}), err
}
