// Package server implements the generated OrderService: its methods are
// handlers whose request messages are client-chosen.
package server

import (
	"context"
	"strings"

	"gorm.io/gorm"

	"example.com/grpcbola/auth"
	"example.com/grpcbola/orderpb"
	"example.com/grpcbola/store"
)

type Server struct {
	orderpb.UnimplementedOrderServiceServer
	DB *gorm.DB
}

func (s *Server) GetOrder(ctx context.Context, req *orderpb.GetOrderRequest) (*orderpb.Order, error) {
	var o store.Order
	if err := s.DB.First(&o, "id = ?", req.GetOrderId()).Error; err != nil { // want `request field "OrderId" selects store.Order in \(\*gorm.DB\).First, and no route to \(\*server.Server\).GetOrder is visible`
		return nil, err
	}
	return &orderpb.Order{Item: o.Item}, nil
}

func (s *Server) GetMyOrder(ctx context.Context, req *orderpb.GetOrderRequest) (*orderpb.Order, error) {
	me := auth.FromContext(ctx)
	var o store.Order
	if err := s.DB.Where("user_id = ?", me.ID).First(&o, "id = ?", req.OrderId).Error; err != nil {
		return nil, err
	}
	return &orderpb.Order{Item: o.Item}, nil
}

// DeleteOrder takes a resource name, "orders/{id}".
func (s *Server) DeleteOrder(ctx context.Context, req *orderpb.DeleteOrderRequest) (*orderpb.Empty, error) {
	id := strings.TrimPrefix(req.GetName(), "orders/")
	s.DB.Delete(&store.Order{}, "id = ?", id) // want `request field "Name" selects store.Order in \(\*gorm.DB\).Delete`
	return &orderpb.Empty{}, nil
}

func (s *Server) ListOrders(ctx context.Context, req *orderpb.ListOrdersRequest) (*orderpb.ListOrdersResponse, error) {
	me := auth.FromContext(ctx)
	var os []store.Order
	s.DB.Where("user_id = ?", me.ID).Limit(int(req.GetPageSize())).Find(&os)
	return &orderpb.ListOrdersResponse{}, nil
}

// helper is not an RPC: its second parameter is no request message.
func (s *Server) helper(ctx context.Context, id string) (*orderpb.Order, error) {
	var o store.Order
	s.DB.First(&o, "id = ?", id)
	return &orderpb.Order{}, nil
}
