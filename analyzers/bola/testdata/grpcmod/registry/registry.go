// Package registry registers the services on a server its caller builds
// (memos' NewAPIV1Service): their interceptors are the caller's.
package registry

import (
	"google.golang.org/grpc"

	"example.com/grpcbola/notes"
	"example.com/grpcbola/orderpb"
)

// Register serves the filter-store service on s.
func Register(s *grpc.Server, svc *notes.Service) { // want Register:`partial routes: RPC /OrderService/DeleteOrder \(\*notes.Service\).DeleteOrder, RPC /OrderService/GetOrder \(\*notes.Service\).GetOrder`
	orderpb.RegisterOrderServiceServer(s, svc)
}
