// Command grpcd serves OrderService to staff (authorized per call) and,
// by mistake, to every signed-in customer.
package main

import (
	"net"

	grpcauth "github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/auth"
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/selector"

	"google.golang.org/grpc"
	"gorm.io/gorm"

	"example.com/grpcbola/api"
	"example.com/grpcbola/authz"
	"example.com/grpcbola/mwauth"
	"example.com/grpcbola/notes"
	"example.com/grpcbola/orderpb"
	"example.com/grpcbola/reads"
	"example.com/grpcbola/registry"
)

func main() {
	var db *gorm.DB

	staff := grpc.NewServer(grpc.ChainUnaryInterceptor(authz.Authenticate, authz.UnaryServerInterceptor()))
	orderpb.RegisterOrderServiceServer(staff, api.NewService(db)) // authorized per call: no finding

	opts := []grpc.ServerOption{grpc.UnaryInterceptor(authz.Authenticate)}
	customers := grpc.NewServer(opts...)
	orderpb.RegisterOrderServiceServer(customers, api.New(db)) // registered as the interface New returns // want `RPC /OrderService/DeleteOrder: handler \(\*api.service\).DeleteOrder selects store.Order by request field "Name"` `RPC /OrderService/GetOrder: handler \(\*api.service\).GetOrder selects store.Order by request field "OrderId"`

	// The filter-struct store's services, behind authentication only.
	signedIn := grpc.NewServer(grpc.UnaryInterceptor(authz.Authenticate))
	orderpb.RegisterOrderServiceServer(signedIn, &notes.Service{})   // want `RPC /OrderService/DeleteOrder: handler \(\*notes.Service\).DeleteOrder selects filterstore.Post by request field "Name" in \(\*filterstore.Store\).DeletePostComments` `RPC /OrderService/GetOrder: handler \(\*notes.Service\).GetOrder selects filterstore.Order by request field "OrderId" in \(\*filterstore.Store\).GetOrder`
	orderpb.RegisterOrderServiceServer(signedIn, &notes.Checked{})   // owner compared, or loaded scoped by the caller
	orderpb.RegisterOrderServiceServer(signedIn, &notes.Commenter{}) // a new part upserted to a post anyone reads

	// Registered by registry.Register on the server passed: decided here,
	// with that server's interceptors. A logging interceptor that switches
	// on denial codes authorizes nothing.
	logged := grpc.NewServer(grpc.ChainUnaryInterceptor(authz.LogCalls, authz.Authenticate))
	registry.Register(logged, &notes.Service{}) // want `RPC /OrderService/DeleteOrder: handler \(\*notes.Service\).DeleteOrder selects filterstore.Post` `RPC /OrderService/GetOrder: handler \(\*notes.Service\).GetOrder selects filterstore.Order`
	audited := grpc.NewServer(grpc.ChainUnaryInterceptor(authz.Authenticate, authz.UnaryServerInterceptor()))
	registry.Register(audited, &notes.Service{}) // authorized per call: no finding

	// go-grpc-middleware's auth interceptor: it authenticates with its
	// AuthFunc, and a service's AuthFuncOverride replaces it.
	authed := grpc.NewServer(grpc.ChainUnaryInterceptor(grpcauth.UnaryServerInterceptor(mwauth.Authenticate)))
	orderpb.RegisterOrderServiceServer(authed, &reads.Service{})  // want `RPC /OrderService/GetOrder: handler \(\*reads.Service\).GetOrder selects store.Order by request field "OrderId"`
	orderpb.RegisterOrderServiceServer(authed, &reads.Public{})   // its override lets every call through: public reads
	orderpb.RegisterOrderServiceServer(authed, &reads.Guarded{})  // its override denies per call
	orderpb.RegisterOrderServiceServer(authed, &reads.Tenanted{}) // want `RPC /OrderService/ListOrders: handler \(\*reads.Tenanted\).ListOrders selects store.Order by metadata "x-tenant-id"`
	policy := grpc.NewServer(grpc.ChainUnaryInterceptor(
		selector.UnaryServerInterceptor(grpcauth.UnaryServerInterceptor(mwauth.Authorize), selector.MatchFunc(mwauth.NotHealth))))
	orderpb.RegisterOrderServiceServer(policy, &reads.Service{}) // the AuthFunc authorizes each call

	lis, _ := net.Listen("tcp", ":9090")
	go staff.Serve(lis)
	go signedIn.Serve(lis)
	customers.Serve(lis)
}
