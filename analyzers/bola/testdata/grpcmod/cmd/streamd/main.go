// Command streamd serves OrderStreams behind unary and stream
// interceptors that differ: each RPC has the chain of its kind.
package main

import (
	"net"

	grpcauth "github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/auth"
	"google.golang.org/grpc"
	"gorm.io/gorm"

	"example.com/grpcbola/authz"
	"example.com/grpcbola/mwauth"
	"example.com/grpcbola/registry"
	"example.com/grpcbola/streampb"
	"example.com/grpcbola/streams"
)

func main() {
	var db *gorm.DB

	// Authentication only, for both kinds.
	signedIn := grpc.NewServer(grpc.UnaryInterceptor(authz.Authenticate), grpc.StreamInterceptor(authz.AuthenticateStream))
	streampb.RegisterOrderStreamsServer(signedIn, &streams.Service{DB: db}) // want `RPC /OrderStreams/GetOrder: handler \(\*streams.Service\).GetOrder selects store.Order by request field "OrderId"` `RPC /OrderStreams/ListOrders: handler \(\*streams.Service\).ListOrders selects store.Order by request field "UserId"` `RPC /OrderStreams/UpdateOrders: handler \(\*streams.Service\).UpdateOrders selects store.Order by request field "OrderId"` `RPC /OrderStreams/WatchOrders: handler \(\*streams.Service\).WatchOrders selects store.Order by request field "OrderId"`
	streampb.RegisterOrderStreamsServer(signedIn, &streams.Scoped{DB: db})  // scoped by the caller, or the owner compared

	// The stream interceptors authorize, the unary ones do not: only the
	// unary RPC is open.
	streamPolicy := grpc.NewServer(grpc.UnaryInterceptor(authz.Authenticate),
		grpc.ChainStreamInterceptor(authz.AuthenticateStream, authz.StreamServerInterceptor()))
	streampb.RegisterOrderStreamsServer(streamPolicy, &streams.Service{DB: db}) // want `RPC /OrderStreams/GetOrder: handler \(\*streams.Service\).GetOrder selects store.Order`

	// The other way round: the streams are open.
	unaryPolicy := grpc.NewServer(grpc.ChainUnaryInterceptor(authz.Authenticate, authz.UnaryServerInterceptor()),
		grpc.StreamInterceptor(authz.AuthenticateStream))
	streampb.RegisterOrderStreamsServer(unaryPolicy, &streams.Service{DB: db}) // want `RPC /OrderStreams/ListOrders: handler \(\*streams.Service\).ListOrders` `RPC /OrderStreams/UpdateOrders: handler \(\*streams.Service\).UpdateOrders` `RPC /OrderStreams/WatchOrders: handler \(\*streams.Service\).WatchOrders`

	// Registered by registry.RegisterStreams on the server passed: each
	// RPC has that server's interceptors of its kind.
	registry.RegisterStreams(streamPolicy, &streams.Service{DB: db}) // want `RPC /OrderStreams/GetOrder: handler \(\*streams.Service\).GetOrder selects store.Order`
	registry.RegisterStreams(unaryPolicy, &streams.Service{DB: db})  // want `RPC /OrderStreams/ListOrders: handler \(\*streams.Service\).ListOrders` `RPC /OrderStreams/UpdateOrders: handler \(\*streams.Service\).UpdateOrders` `RPC /OrderStreams/WatchOrders: handler \(\*streams.Service\).WatchOrders`

	// go-grpc-middleware's auth interceptors, whose AuthFunc authorizes.
	policy := grpc.NewServer(grpc.ChainUnaryInterceptor(grpcauth.UnaryServerInterceptor(mwauth.Authorize)),
		grpc.ChainStreamInterceptor(grpcauth.StreamServerInterceptor(mwauth.Authorize)))
	streampb.RegisterOrderStreamsServer(policy, &streams.Service{DB: db}) // authorized per call and per stream

	lis, _ := net.Listen("tcp", ":9090")
	go signedIn.Serve(lis)
	go streamPolicy.Serve(lis)
	go unaryPolicy.Serve(lis)
	policy.Serve(lis)
}
