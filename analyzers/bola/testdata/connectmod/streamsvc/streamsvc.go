// Package streamsvc implements OrderStreams with connect's generic
// signatures, an RPC of each kind: Service acts on the orders the client
// names, Scoped on the caller's own.
package streamsvc

import (
	"context"
	"errors"
	"log"

	"connectrpc.com/connect"
	"gorm.io/gorm"

	"example.com/connectbola/auth"
	"example.com/connectbola/store"
	"example.com/connectbola/streamv1"
)

type Service struct {
	DB *gorm.DB
}

// GetOrder (unary) reads any order.
func (s *Service) GetOrder(ctx context.Context, req *connect.Request[streamv1.GetOrderRequest]) (*connect.Response[streamv1.Order], error) { // want GetOrder:`unscoped: read store.Order by request field "OrderId"`
	var o store.Order
	err := s.DB.First(&o, "id = ?", req.Msg.GetOrderId()).Error
	return connect.NewResponse(&streamv1.Order{Item: o.Item}), err
}

// ListOrders (server streaming) streams the orders of the user the
// request names.
func (s *Service) ListOrders(ctx context.Context, req *connect.Request[streamv1.ListOrdersRequest], stream *connect.ServerStream[streamv1.Order]) error { // want ListOrders:`unscoped: read store.Order by request field "UserId"`
	var os []store.Order
	s.DB.Where("user_id = ?", req.Msg.GetUserId()).Find(&os)
	for _, o := range os {
		if err := stream.Send(&streamv1.Order{Item: o.Item}); err != nil {
			return err
		}
	}
	return nil
}

// UpdateOrders (client streaming) changes every order a received
// message names.
func (s *Service) UpdateOrders(ctx context.Context, stream *connect.ClientStream[streamv1.UpdateOrderRequest]) (*connect.Response[streamv1.UpdateSummary], error) { // want UpdateOrders:`unscoped: write store.Order by request field "OrderId"`
	n := 0
	for stream.Receive() {
		s.DB.Model(&store.Order{}).Where("id = ?", stream.Msg().GetOrderId()).Update("item", stream.Msg().GetItem())
		n++
	}
	return connect.NewResponse(&streamv1.UpdateSummary{Updated: int32(n)}), stream.Err()
}

// WatchOrders (bidi) answers each order ID received with the order. It
// knows the caller, and only logs it.
func (s *Service) WatchOrders(ctx context.Context, stream *connect.BidiStream[streamv1.WatchRequest, streamv1.Order]) error { // want WatchOrders:`unscoped: read store.Order by request field "OrderId"`
	me := auth.FromContext(ctx)
	for {
		req, err := stream.Receive()
		if err != nil {
			return err
		}
		log.Printf("user %d watches %s", me.ID, req.OrderId)
		var o store.Order
		s.DB.First(&o, "id = ?", req.OrderId)
		if err := stream.Send(&streamv1.Order{Item: o.Item}); err != nil {
			return err
		}
	}
}

// ListProducts (server streaming) streams the catalog: products have no
// owner.
func (s *Service) ListProducts(ctx context.Context, req *connect.Request[streamv1.ListProductsRequest], stream *connect.ServerStream[streamv1.Product]) error {
	var ps []store.Product
	s.DB.Where("category_id = ?", req.Msg.GetCategoryId()).Find(&ps)
	for _, p := range ps {
		stream.Send(&streamv1.Product{Name: p.Name})
	}
	return nil
}

// Scoped acts on the caller's own orders only.
type Scoped struct {
	DB *gorm.DB
}

func (s *Scoped) GetOrder(ctx context.Context, req *connect.Request[streamv1.GetOrderRequest]) (*connect.Response[streamv1.Order], error) {
	var o store.Order
	err := s.DB.Where("user_id = ?", auth.FromContext(ctx).ID).First(&o, "id = ?", req.Msg.GetOrderId()).Error
	return connect.NewResponse(&streamv1.Order{Item: o.Item}), err
}

// ListOrders ignores the user the request names.
func (s *Scoped) ListOrders(ctx context.Context, req *connect.Request[streamv1.ListOrdersRequest], stream *connect.ServerStream[streamv1.Order]) error {
	var os []store.Order
	s.DB.Where("user_id = ?", auth.FromContext(ctx).ID).Find(&os)
	for _, o := range os {
		stream.Send(&streamv1.Order{Item: o.Item})
	}
	return nil
}

// UpdateOrders loads each received order and compares its owner with
// the caller before the change.
func (s *Scoped) UpdateOrders(ctx context.Context, stream *connect.ClientStream[streamv1.UpdateOrderRequest]) (*connect.Response[streamv1.UpdateSummary], error) {
	me := auth.FromContext(ctx)
	n := 0
	for stream.Receive() {
		msg := stream.Msg()
		var o store.Order
		if err := s.DB.First(&o, "id = ?", msg.GetOrderId()).Error; err != nil {
			return nil, err
		}
		if o.UserID != me.ID {
			return nil, connect.NewError(connect.CodePermissionDenied, errors.New("not yours"))
		}
		s.DB.Model(&o).Update("item", msg.GetItem())
		n++
	}
	return connect.NewResponse(&streamv1.UpdateSummary{Updated: int32(n)}), stream.Err()
}

// WatchOrders scopes each lookup by the caller.
func (s *Scoped) WatchOrders(ctx context.Context, stream *connect.BidiStream[streamv1.WatchRequest, streamv1.Order]) error {
	me := auth.FromContext(ctx)
	for {
		req, err := stream.Receive()
		if err != nil {
			return err
		}
		var o store.Order
		tenant := stream.RequestHeader().Get("X-Tenant-Id")
		s.DB.Where("user_id = ? AND tenant = ?", me.ID, tenant).First(&o, "id = ?", req.GetOrderId())
		stream.Send(&streamv1.Order{Item: o.Item})
	}
}

func (s *Scoped) ListProducts(ctx context.Context, req *connect.Request[streamv1.ListProductsRequest], stream *connect.ServerStream[streamv1.Product]) error {
	return nil
}
