// Package streams implements OrderStreams, an RPC of each kind: Service
// acts on the orders the client names, Scoped on the caller's own.
package streams

import (
	"context"
	"errors"
	"io"
	"log"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"gorm.io/gorm"

	"example.com/grpcbola/auth"
	"example.com/grpcbola/store"
	"example.com/grpcbola/streampb"
)

type Service struct {
	streampb.UnimplementedOrderStreamsServer
	DB *gorm.DB
}

// GetOrder (unary) reads any order.
func (s *Service) GetOrder(ctx context.Context, req *streampb.GetOrderRequest) (*streampb.Order, error) { // want GetOrder:`unscoped: read store.Order by request field "OrderId"`
	var o store.Order
	err := s.DB.First(&o, "id = ?", req.GetOrderId()).Error
	return &streampb.Order{Item: o.Item}, err
}

// ListOrders (server streaming) streams the orders of the user the
// request names.
func (s *Service) ListOrders(req *streampb.ListOrdersRequest, stream streampb.OrderStreams_ListOrdersServer) error { // want ListOrders:`unscoped: read store.Order by request field "UserId"`
	var os []store.Order
	if err := s.DB.Where("user_id = ?", req.GetUserId()).Find(&os).Error; err != nil {
		return err
	}
	for _, o := range os {
		if err := stream.Send(&streampb.Order{Item: o.Item}); err != nil {
			return err
		}
	}
	return nil
}

// UpdateOrders (client streaming) changes every order a received
// message names.
func (s *Service) UpdateOrders(stream streampb.OrderStreams_UpdateOrdersServer) error { // want UpdateOrders:`unscoped: write store.Order by request field "OrderId"`
	n := 0
	for {
		msg, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return stream.SendAndClose(&streampb.UpdateSummary{Updated: int32(n)})
		}
		if err != nil {
			return err
		}
		s.DB.Model(&store.Order{}).Where("id = ?", msg.GetOrderId()).Update("item", msg.GetItem())
		n++
	}
}

// WatchOrders (bidi) answers each order ID received with the order. It
// knows the caller, and only logs it.
func (s *Service) WatchOrders(stream streampb.OrderStreams_WatchOrdersServer) error { // want WatchOrders:`unscoped: read store.Order by request field "OrderId"`
	me := auth.FromContext(stream.Context())
	for {
		req, err := stream.Recv()
		if err != nil {
			return err
		}
		log.Printf("user %d watches %s", me.ID, req.OrderId)
		var o store.Order
		s.DB.First(&o, "id = ?", req.OrderId)
		if err := stream.Send(&streampb.Order{Item: o.Item}); err != nil {
			return err
		}
	}
}

// ListProducts (server streaming) streams a catalog category: products
// have no owner.
func (s *Service) ListProducts(req *streampb.ListProductsRequest, stream streampb.OrderStreams_ListProductsServer) error {
	var ps []store.Product
	s.DB.Where("category_id = ?", req.GetCategoryId()).Find(&ps)
	for _, p := range ps {
		stream.Send(&streampb.Product{Name: p.Name})
	}
	return nil
}

// Scoped learns the caller from the stream's context and acts on its
// own orders only.
type Scoped struct {
	streampb.UnimplementedOrderStreamsServer
	DB *gorm.DB
}

func (s *Scoped) GetOrder(ctx context.Context, req *streampb.GetOrderRequest) (*streampb.Order, error) {
	var o store.Order
	err := s.DB.Where("user_id = ?", auth.FromContext(ctx).ID).First(&o, "id = ?", req.GetOrderId()).Error
	return &streampb.Order{Item: o.Item}, err
}

// ListOrders ignores the user the request names.
func (s *Scoped) ListOrders(req *streampb.ListOrdersRequest, stream streampb.OrderStreams_ListOrdersServer) error {
	me := auth.FromContext(stream.Context())
	var os []store.Order
	s.DB.Where("user_id = ?", me.ID).Find(&os)
	for _, o := range os {
		stream.Send(&streampb.Order{Item: o.Item})
	}
	return nil
}

// UpdateOrders loads each received order and compares its owner with
// the caller before the change.
func (s *Scoped) UpdateOrders(stream streampb.OrderStreams_UpdateOrdersServer) error {
	me := auth.FromContext(stream.Context())
	n := 0
	for {
		msg, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return stream.SendAndClose(&streampb.UpdateSummary{Updated: int32(n)})
		}
		if err != nil {
			return err
		}
		var o store.Order
		if err := s.DB.First(&o, "id = ?", msg.GetOrderId()).Error; err != nil {
			return err
		}
		if o.UserID != me.ID {
			return status.Error(codes.PermissionDenied, "not yours")
		}
		s.DB.Model(&o).Update("item", msg.GetItem())
		n++
	}
}

// WatchOrders scopes each lookup by the caller.
func (s *Scoped) WatchOrders(stream streampb.OrderStreams_WatchOrdersServer) error {
	me := auth.FromContext(stream.Context())
	for {
		req, err := stream.Recv()
		if err != nil {
			return err
		}
		var o store.Order
		s.DB.Where("user_id = ?", me.ID).First(&o, "id = ?", req.GetOrderId())
		stream.Send(&streampb.Order{Item: o.Item})
	}
}
