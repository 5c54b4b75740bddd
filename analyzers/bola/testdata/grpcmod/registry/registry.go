// Package registry registers the services on a server its caller builds
// (memos' NewAPIV1Service): their interceptors are the caller's.
package registry

import (
	"google.golang.org/grpc"

	"example.com/grpcbola/notes"
	"example.com/grpcbola/orderpb"
	"example.com/grpcbola/streampb"
	"example.com/grpcbola/streams"
)

// Register serves the filter-store service on s.
func Register(s *grpc.Server, svc *notes.Service) { // want Register:`partial routes: RPC /OrderService/DeleteOrder \(\*notes.Service\).DeleteOrder, RPC /OrderService/GetOrder \(\*notes.Service\).GetOrder`
	orderpb.RegisterOrderServiceServer(s, svc)
}

// RegisterStreams serves OrderStreams on s: each RPC gets the caller's
// interceptors of its kind.
func RegisterStreams(s *grpc.Server, svc *streams.Service) { // want RegisterStreams:`partial routes`
	streampb.RegisterOrderStreamsServer(s, svc)
}
