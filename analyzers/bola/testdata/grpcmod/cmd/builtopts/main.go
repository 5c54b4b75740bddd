// Command builtopts builds its server options in steps, the way large
// services do: a slice appended to under conditions, interceptor slices
// spread into ChainUnaryInterceptor, and a helper returning the options.
package main

import (
	"net"
	"os"

	"google.golang.org/grpc"
	"gorm.io/gorm"

	"example.com/grpcbola/api"
	"example.com/grpcbola/authz"
	"example.com/grpcbola/orderpb"
)

func buildOpts(verbose bool) ([]grpc.ServerOption, int, error) {
	opts := []grpc.ServerOption{
		grpc.MaxRecvMsgSize(1 << 20),
	}
	if verbose {
		opts = append(opts, grpc.ChainUnaryInterceptor([]grpc.UnaryServerInterceptor{authz.LogCalls}...))
	}
	var ics []grpc.UnaryServerInterceptor
	ics = append(ics, authz.Authenticate)
	ics = append(ics, authz.UnaryServerInterceptor())
	opts = append(opts, grpc.ChainUnaryInterceptor(ics...))
	return opts, len(ics), nil
}

func main() {
	var db *gorm.DB
	opts, _, err := buildOpts(os.Getenv("VERBOSE") != "")
	if err != nil {
		return
	}
	staff := grpc.NewServer(opts...)
	orderpb.RegisterOrderServiceServer(staff, api.NewService(db)) // authorized per call: no finding

	// base is not the options above, and the interceptor appended to it
	// goes to another slice: the bare server has no interceptors.
	base := []grpc.ServerOption{grpc.MaxRecvMsgSize(1 << 10)}
	withAuth := append(base, grpc.ChainUnaryInterceptor(authz.Authenticate))
	bare := grpc.NewServer(base...)
	orderpb.RegisterOrderServiceServer(bare, api.NewService(db)) // want `RPC /OrderService/DeleteOrder: handler \(\*api.service\).DeleteOrder selects store.Order by request field "Name"`
	authed := grpc.NewServer(withAuth...)
	_ = authed

	lis, _ := net.Listen("tcp", ":9091")
	go staff.Serve(lis)
	bare.Serve(lis)
}
