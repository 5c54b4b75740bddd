// Package simplestreams implements SimpleOrderStreams in the
// generator's "simple" form (plain messages, no connect.Request or
// connect.Response).
package simplestreams

import (
	"context"

	"connectrpc.com/connect"
	"gorm.io/gorm"

	"example.com/connectbola/auth"
	"example.com/connectbola/simplestreamv1"
	"example.com/connectbola/simplestreamv1/simplestreamv1connect"
	"example.com/connectbola/store"
)

type Service struct {
	DB *gorm.DB
}

var _ simplestreamv1connect.SimpleOrderStreamsHandler = (*Service)(nil)

// ListOrders streams the orders of the user the request names.
func (s *Service) ListOrders(ctx context.Context, req *simplestreamv1.ListOrdersRequest, stream *connect.ServerStream[simplestreamv1.Order]) error { // want ListOrders:`unscoped: read store.Order by request field "UserId"`
	var os []store.Order
	s.DB.Where("user_id = ?", req.GetUserId()).Find(&os)
	for _, o := range os {
		stream.Send(&simplestreamv1.Order{Item: o.Item})
	}
	return nil
}

// UpdateOrders scopes each change by the caller.
func (s *Service) UpdateOrders(ctx context.Context, stream *connect.ClientStream[simplestreamv1.UpdateOrderRequest]) (*simplestreamv1.UpdateSummary, error) {
	me := auth.FromContext(ctx)
	for stream.Receive() {
		s.DB.Model(&store.Order{}).Where("id = ? AND user_id = ?", stream.Msg().OrderId, me.ID).Update("item", stream.Msg().Item)
	}
	return &simplestreamv1.UpdateSummary{}, stream.Err()
}

// cache has methods of the simple streaming shape but implements no
// service: they are not handlers.
type cache struct{ db *gorm.DB }

func (c *cache) ListOrders(ctx context.Context, req *simplestreamv1.ListOrdersRequest, stream *connect.ServerStream[simplestreamv1.Order]) error {
	var os []store.Order
	c.db.Where("user_id = ?", req.GetUserId()).Find(&os)
	return nil
}
