// Package notes serves OrderService over the filter-struct store: the
// caller is the user record loaded by the ID an interceptor put in the
// context (memos' GetCurrentUser).
package notes

import (
	"context"
	"strings"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"example.com/grpcbola/filterstore"
	"example.com/grpcbola/orderpb"
)

type ctxKey int

const userIDContextKey ctxKey = iota

type base struct {
	Store *filterstore.Store
}

// currentUser loads the caller's record: a principal, as the context
// value it is selected by.
func (b *base) currentUser(ctx context.Context) (*filterstore.User, error) {
	userID, ok := ctx.Value(userIDContextKey).(int32)
	if !ok {
		return nil, nil
	}
	return b.Store.GetUser(ctx, &filterstore.FindUser{ID: &userID})
}

// Service forgets the owner (memos before #5217).
type Service struct {
	orderpb.UnimplementedOrderServiceServer
	base
}

func (s *Service) GetOrder(ctx context.Context, req *orderpb.GetOrderRequest) (*orderpb.Order, error) { // want GetOrder:`unscoped: read filterstore.Order by request field "OrderId"`
	uid := req.GetOrderId()
	order, err := s.Store.GetOrder(ctx, &filterstore.FindOrder{UID: &uid})
	if err != nil {
		return nil, err
	}
	return &orderpb.Order{Item: order.Item}, nil
}

// DeleteOrder clears the comments of any author's post: a change to the
// parts of a loaded object is judged by that object's model (memos'
// SetMemoRelations before #5217).
func (s *Service) DeleteOrder(ctx context.Context, req *orderpb.DeleteOrderRequest) (*orderpb.Empty, error) { // want DeleteOrder:`unscoped: delete filterstore.Post by request field "Name"`
	uid := strings.TrimPrefix(req.GetName(), "posts/")
	post, err := s.Store.GetPost(ctx, &filterstore.FindPost{UID: &uid})
	if err != nil {
		return nil, err
	}
	if err := s.Store.DeletePostComments(ctx, &filterstore.DeletePostComment{PostID: &post.ID}); err != nil {
		return nil, err
	}
	return &orderpb.Empty{}, nil
}

// GetMyOrder scopes the filter by the caller: the owner field of the
// literal derives from the loaded user.
func (s *Service) GetMyOrder(ctx context.Context, req *orderpb.GetOrderRequest) (*orderpb.Order, error) {
	me, err := s.currentUser(ctx)
	if err != nil || me == nil {
		return nil, status.Error(codes.Unauthenticated, "sign in")
	}
	uid := req.GetOrderId()
	order, err := s.Store.GetOrder(ctx, &filterstore.FindOrder{UID: &uid, OwnerID: &me.ID})
	if err != nil {
		return nil, err
	}
	return &orderpb.Order{Item: order.Item}, nil
}

// Checked is the same service after the fix.
type Checked struct {
	orderpb.UnimplementedOrderServiceServer
	base
}

func (s *Checked) GetOrder(ctx context.Context, req *orderpb.GetOrderRequest) (*orderpb.Order, error) {
	me, err := s.currentUser(ctx)
	if err != nil || me == nil {
		return nil, status.Error(codes.Unauthenticated, "sign in")
	}
	uid := req.GetOrderId()
	order, err := s.Store.GetOrder(ctx, &filterstore.FindOrder{UID: &uid})
	if err != nil {
		return nil, err
	}
	if order.OwnerID != me.ID && me.Role != "admin" {
		return nil, status.Error(codes.PermissionDenied, "not yours")
	}
	return &orderpb.Order{Item: order.Item}, nil
}

func (s *Checked) DeleteOrder(ctx context.Context, req *orderpb.DeleteOrderRequest) (*orderpb.Empty, error) {
	me, err := s.currentUser(ctx)
	if err != nil || me == nil {
		return nil, status.Error(codes.Unauthenticated, "sign in")
	}
	uid := strings.TrimPrefix(req.GetName(), "orders/")
	order, err := s.Store.GetOrder(ctx, &filterstore.FindOrder{UID: &uid})
	if err != nil {
		return nil, err
	}
	if order.OwnerID != me.ID {
		return nil, status.Error(codes.PermissionDenied, "not yours")
	}
	if err := s.Store.DeleteOrderItems(ctx, &filterstore.DeleteOrderItem{OrderID: &order.ID}); err != nil {
		return nil, err
	}
	return &orderpb.Empty{}, nil
}

// GetMyOrder loads the order scoped by the caller, then clears its
// items: the change is scoped by the read it came from.
func (s *Checked) GetMyOrder(ctx context.Context, req *orderpb.GetOrderRequest) (*orderpb.Order, error) {
	me, err := s.currentUser(ctx)
	if err != nil || me == nil {
		return nil, status.Error(codes.Unauthenticated, "sign in")
	}
	uid := req.GetOrderId()
	order, err := s.Store.GetOrder(ctx, &filterstore.FindOrder{UID: &uid, OwnerID: &me.ID})
	if err != nil {
		return nil, err
	}
	if err := s.Store.DeleteOrderItems(ctx, &filterstore.DeleteOrderItem{OrderID: &order.ID}); err != nil {
		return nil, err
	}
	return &orderpb.Order{}, nil
}

// Commenter adds comments to posts anyone may read.
type Commenter struct {
	orderpb.UnimplementedOrderServiceServer
	base
}

// GetOrder upserts a new part of a post it loaded: like a comment on
// another user's memo, that adds to the post, it does not change it.
func (s *Commenter) GetOrder(ctx context.Context, req *orderpb.GetOrderRequest) (*orderpb.Order, error) {
	if _, err := s.currentUser(ctx); err != nil {
		return nil, err
	}
	uid := req.GetOrderId()
	post, err := s.Store.GetPost(ctx, &filterstore.FindPost{UID: &uid})
	if err != nil {
		return nil, err
	}
	if _, err := s.Store.UpsertPostComment(ctx, &filterstore.PostComment{PostID: post.ID, Text: "+1"}); err != nil {
		return nil, err
	}
	return &orderpb.Order{}, nil
}

// Archive has an RPC's signature but is no method of OrderService (one
// type often implements every service of an API): it is not served as
// /OrderService/Archive.
func (s *Service) Archive(ctx context.Context, req *orderpb.GetOrderRequest) (*orderpb.Order, error) {
	return &orderpb.Order{}, nil
}
