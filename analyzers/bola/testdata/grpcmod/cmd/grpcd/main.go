// Command grpcd serves OrderService to staff (authorized per call) and,
// by mistake, to every signed-in customer.
package main

import (
	"net"

	"google.golang.org/grpc"
	"gorm.io/gorm"

	"example.com/grpcbola/api"
	"example.com/grpcbola/authz"
	"example.com/grpcbola/orderpb"
)

func main() {
	var db *gorm.DB

	staff := grpc.NewServer(grpc.ChainUnaryInterceptor(authz.Authenticate, authz.UnaryServerInterceptor()))
	orderpb.RegisterOrderServiceServer(staff, api.NewService(db)) // authorized per call: no finding

	opts := []grpc.ServerOption{grpc.UnaryInterceptor(authz.Authenticate)}
	customers := grpc.NewServer(opts...)
	orderpb.RegisterOrderServiceServer(customers, api.New(db)) // registered as the interface New returns // want `RPC /OrderService/DeleteOrder: handler \(\*api.service\).DeleteOrder selects store.Order by request field "Name"` `RPC /OrderService/GetOrder: handler \(\*api.service\).GetOrder selects store.Order by request field "OrderId"`

	lis, _ := net.Listen("tcp", ":9090")
	go staff.Serve(lis)
	customers.Serve(lis)
}
