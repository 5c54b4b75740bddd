// Package api implements OrderService; cmd/grpcd registers it on two
// servers, one of which authorizes every call.
package api

import (
	"context"

	"gorm.io/gorm"

	"example.com/grpcbola/auth"
	"example.com/grpcbola/orderpb"
	"example.com/grpcbola/store"
)

type service struct {
	orderpb.UnimplementedOrderServiceServer
	db *gorm.DB
}

// New returns the service.
func New(db *gorm.DB) orderpb.OrderServiceServer { return &service{db: db} }

// NewService returns the concrete type.
func NewService(db *gorm.DB) *service { return &service{db: db} }

func (s *service) GetOrder(ctx context.Context, req *orderpb.GetOrderRequest) (*orderpb.Order, error) { // want GetOrder:`unscoped: read store.Order by request field "OrderId"`
	var o store.Order
	err := s.db.First(&o, "id = ?", req.GetOrderId()).Error
	return &orderpb.Order{Item: o.Item}, err
}

func (s *service) DeleteOrder(ctx context.Context, req *orderpb.DeleteOrderRequest) (*orderpb.Empty, error) { // want DeleteOrder:`unscoped: delete store.Order by request field "Name"`
	s.db.Delete(&store.Order{}, "id = ?", req.GetName())
	return &orderpb.Empty{}, nil
}

// GetMyOrder scopes by the caller: the service has users.
func (s *service) GetMyOrder(ctx context.Context, req *orderpb.GetOrderRequest) (*orderpb.Order, error) {
	var o store.Order
	err := s.db.Where("user_id = ?", auth.FromContext(ctx).ID).First(&o, "id = ?", req.GetOrderId()).Error
	return &orderpb.Order{Item: o.Item}, err
}
