// Package server implements OrderService with connect's generic
// signatures; nothing in the module mounts it.
package server

import (
	"context"
	"errors"
	"strings"

	"connectrpc.com/connect"
	"gorm.io/gorm"

	"example.com/connectbola/auth"
	"example.com/connectbola/orderv1"
	"example.com/connectbola/store"
)

type Server struct {
	DB *gorm.DB
}

func (s *Server) GetOrder(ctx context.Context, req *connect.Request[orderv1.GetOrderRequest]) (*connect.Response[orderv1.Order], error) {
	var o store.Order
	if err := s.DB.First(&o, "id = ?", req.Msg.GetOrderId()).Error; err != nil { // want `request field "OrderId" selects store.Order in \(\*gorm.DB\).First, and no route to \(\*server.Server\).GetOrder is visible`
		return nil, err
	}
	return connect.NewResponse(&orderv1.Order{Item: o.Item}), nil
}

// GetMyOrder scopes the query by the caller.
func (s *Server) GetMyOrder(ctx context.Context, req *connect.Request[orderv1.GetOrderRequest]) (*connect.Response[orderv1.Order], error) {
	me := auth.FromContext(ctx)
	var o store.Order
	if err := s.DB.Where("user_id = ?", me.ID).First(&o, "id = ?", req.Msg.OrderId).Error; err != nil {
		return nil, err
	}
	return connect.NewResponse(&orderv1.Order{Item: o.Item}), nil
}

// DeleteOrder takes a resource name, "orders/{id}".
func (s *Server) DeleteOrder(ctx context.Context, req *connect.Request[orderv1.DeleteOrderRequest]) (*connect.Response[orderv1.Empty], error) {
	id := strings.TrimPrefix(req.Msg.GetName(), "orders/")
	s.DB.Delete(&store.Order{}, "id = ?", id) // want `request field "Name" selects store.Order in \(\*gorm.DB\).Delete`
	return connect.NewResponse(&orderv1.Empty{}), nil
}

// UpdateOrder loads the order by the nested message's ID and checks its
// owner before changing it.
func (s *Server) UpdateOrder(ctx context.Context, req *connect.Request[orderv1.UpdateOrderRequest]) (*connect.Response[orderv1.Order], error) {
	me := auth.FromContext(ctx)
	var o store.Order
	if err := s.DB.First(&o, "id = ?", req.Msg.GetOrder().GetId()).Error; err != nil {
		return nil, err
	}
	if o.UserID != me.ID {
		return nil, connect.NewError(connect.CodePermissionDenied, errors.New("not yours"))
	}
	s.DB.Model(&o).Update("item", req.Msg.GetOrder().GetItem())
	return connect.NewResponse(&orderv1.Order{Item: o.Item}), nil
}

// ListOrders lists the caller's own orders in the tenant a header names.
func (s *Server) ListOrders(ctx context.Context, req *connect.Request[orderv1.ListOrdersRequest]) (*connect.Response[orderv1.ListOrdersResponse], error) {
	me := auth.FromContext(ctx)
	var os []store.Order
	tenant := req.Header().Get("X-Tenant-Id")
	s.DB.Where("user_id = ? AND tenant = ?", me.ID, tenant).Limit(int(req.Msg.GetPageSize())).Find(&os)
	return connect.NewResponse(&orderv1.ListOrdersResponse{}), nil
}

// LookupProduct reads catalog data, which has no owner.
func (s *Server) LookupProduct(ctx context.Context, req *connect.Request[orderv1.GetOrderRequest]) (*connect.Response[orderv1.Order], error) {
	var p store.Product
	s.DB.First(&p, "id = ?", req.Msg.GetOrderId())
	return connect.NewResponse(&orderv1.Order{Item: p.Name}), nil
}

// UpdateMine changes an order selected by the nested message's ID with
// no owner check.
func (s *Server) UpdateMine(ctx context.Context, req *connect.Request[orderv1.UpdateOrderRequest]) (*connect.Response[orderv1.Order], error) {
	s.DB.Model(&store.Order{}).Where("id = ?", req.Msg.GetOrder().GetId()).Update("item", req.Msg.GetOrder().GetItem()) // want `request field "Id" selects store.Order in \(\*gorm.DB\).Update`
	return connect.NewResponse(&orderv1.Order{}), nil
}
