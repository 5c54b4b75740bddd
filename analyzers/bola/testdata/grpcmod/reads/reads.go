// Package reads serves OrderService behind go-grpc-middleware's auth
// interceptor: a service's AuthFuncOverride replaces the AuthFunc for its
// calls, so it decides whether they are authenticated or authorized.
package reads

import (
	"context"
	"fmt"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"gorm.io/gorm"

	"example.com/grpcbola/auth"
	"example.com/grpcbola/orderpb"
	"example.com/grpcbola/store"
)

// Service uses the server's AuthFunc.
type Service struct {
	orderpb.UnimplementedOrderServiceServer
	DB *gorm.DB
}

func (s *Service) GetOrder(ctx context.Context, req *orderpb.GetOrderRequest) (*orderpb.Order, error) { // want GetOrder:`unscoped: read store.Order by request field "OrderId"`
	var o store.Order
	err := s.DB.First(&o, "id = ?", req.GetOrderId()).Error
	return &orderpb.Order{Item: o.Item}, err
}

// GetMyOrder reads the caller: the service has users.
func (s *Service) GetMyOrder(ctx context.Context, req *orderpb.GetOrderRequest) (*orderpb.Order, error) {
	var o store.Order
	err := s.DB.Where("user_id = ?", auth.FromContext(ctx).ID).First(&o, "id = ?", req.GetOrderId()).Error
	return &orderpb.Order{Item: o.Item}, err
}

// Public lets every call through its AuthFuncOverride: its reads are public.
type Public struct {
	orderpb.UnimplementedOrderServiceServer
	DB *gorm.DB
}

func (s *Public) GetOrder(ctx context.Context, req *orderpb.GetOrderRequest) (*orderpb.Order, error) { // want GetOrder:`unscoped: read store.Order by request field "OrderId"`
	var o store.Order
	err := s.DB.First(&o, "id = ?", req.GetOrderId()).Error
	return &orderpb.Order{Item: o.Item}, err
}

// GetMyOrder reads the caller: the service has users.
func (s *Public) GetMyOrder(ctx context.Context, req *orderpb.GetOrderRequest) (*orderpb.Order, error) {
	var o store.Order
	err := s.DB.Where("user_id = ?", auth.FromContext(ctx).ID).First(&o, "id = ?", req.GetOrderId()).Error
	return &orderpb.Order{Item: o.Item}, err
}

func (s *Public) AuthFuncOverride(ctx context.Context, fullMethodName string) (context.Context, error) {
	return ctx, nil
}

// Guarded decides each call in its AuthFuncOverride.
type Guarded struct {
	orderpb.UnimplementedOrderServiceServer
	DB *gorm.DB
}

func (s *Guarded) GetOrder(ctx context.Context, req *orderpb.GetOrderRequest) (*orderpb.Order, error) { // want GetOrder:`unscoped: read store.Order by request field "OrderId"`
	var o store.Order
	err := s.DB.First(&o, "id = ?", req.GetOrderId()).Error
	return &orderpb.Order{Item: o.Item}, err
}

// GetMyOrder reads the caller: the service has users.
func (s *Guarded) GetMyOrder(ctx context.Context, req *orderpb.GetOrderRequest) (*orderpb.Order, error) {
	var o store.Order
	err := s.DB.Where("user_id = ?", auth.FromContext(ctx).ID).First(&o, "id = ?", req.GetOrderId()).Error
	return &orderpb.Order{Item: o.Item}, err
}

func (s *Guarded) AuthFuncOverride(ctx context.Context, fullMethodName string) (context.Context, error) {
	if auth.FromContext(ctx) == nil {
		return nil, status.Error(codes.PermissionDenied, "not allowed")
	}
	return ctx, nil
}

// Tenanted takes the tenant from the call's metadata.
type Tenanted struct {
	orderpb.UnimplementedOrderServiceServer
	DB *gorm.DB
}

// ListOrders trusts the tenant the client names.
func (s *Tenanted) ListOrders(ctx context.Context, req *orderpb.ListOrdersRequest) (*orderpb.ListOrdersResponse, error) { // want ListOrders:`unscoped: read store.Order by metadata "x-tenant-id"`
	md, _ := metadata.FromIncomingContext(ctx)
	var os []store.Order
	s.DB.Where("tenant_id = ?", md.Get("x-tenant-id")[0]).Find(&os)
	return &orderpb.ListOrdersResponse{}, nil
}

// GetMyOrder checks the tenant against the caller's.
func (s *Tenanted) GetMyOrder(ctx context.Context, req *orderpb.GetOrderRequest) (*orderpb.Order, error) {
	me := auth.FromContext(ctx)
	tenant := metadata.ValueFromIncomingContext(ctx, "x-tenant-id")
	if len(tenant) == 0 || tenant[0] != fmt.Sprint(me.TenantID) {
		return nil, status.Error(codes.PermissionDenied, "not your tenant")
	}
	var os []store.Order
	s.DB.Where("tenant_id = ?", tenant[0]).Find(&os)
	return &orderpb.Order{}, nil
}

// GetOrder keys a cache by the request ID: no owner's name, no object.
func (s *Tenanted) GetOrder(ctx context.Context, req *orderpb.GetOrderRequest) (*orderpb.Order, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	var o store.Order
	s.DB.Where("request_id = ?", md["x-request-id"]).Find(&o)
	return &orderpb.Order{}, nil
}
