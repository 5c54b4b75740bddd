// Command streamd mounts OrderStreams behind interceptors that treat
// unary calls and streams differently: each RPC has the interceptors
// that intercept its kind of call.
package main

import (
	"net/http"

	"connectrpc.com/connect"
	"gorm.io/gorm"

	"example.com/connectbola/interceptors"
	"example.com/connectbola/simplestreams"
	"example.com/connectbola/simplestreamv1/simplestreamv1connect"
	"example.com/connectbola/streamsvc"
	"example.com/connectbola/streamv1/streamv1connect"
)

func main() {
	var db *gorm.DB
	mux := http.NewServeMux()

	// Authentication only, of calls and streams.
	mux.Handle(streamv1connect.NewOrderStreamsHandler(&streamsvc.Service{DB: db}, connect.WithInterceptors(interceptors.NewStreamAuthInterceptor()))) // want `RPC /streams.v1.OrderStreams/GetOrder: handler \(\*streamsvc.Service\).GetOrder selects store.Order by request field "OrderId"` `RPC /streams.v1.OrderStreams/ListOrders: handler \(\*streamsvc.Service\).ListOrders selects store.Order by request field "UserId"` `RPC /streams.v1.OrderStreams/UpdateOrders: handler \(\*streamsvc.Service\).UpdateOrders selects store.Order by request field "OrderId"` `RPC /streams.v1.OrderStreams/WatchOrders: handler \(\*streamsvc.Service\).WatchOrders selects store.Order by request field "OrderId"`
	mux.Handle(streamv1connect.NewOrderStreamsHandler(&streamsvc.Scoped{DB: db}, connect.WithInterceptors(interceptors.NewStreamAuthInterceptor())))  // scoped by the caller, or the owner compared

	// A connect.UnaryInterceptorFunc policy does not see streams.
	staff := http.NewServeMux()
	staff.Handle(streamv1connect.NewOrderStreamsHandler(&streamsvc.Service{DB: db}, connect.WithInterceptors(interceptors.NewStreamAuthInterceptor(), interceptors.NewPolicyInterceptor()))) // want `RPC /streams.v1.OrderStreams/ListOrders: handler \(\*streamsvc.Service\).ListOrders` `RPC /streams.v1.OrderStreams/UpdateOrders: handler \(\*streamsvc.Service\).UpdateOrders` `RPC /streams.v1.OrderStreams/WatchOrders: handler \(\*streamsvc.Service\).WatchOrders`

	// A policy on streams only: the unary RPC is open.
	partners := http.NewServeMux()
	partners.Handle(streamv1connect.NewOrderStreamsHandler(&streamsvc.Service{DB: db}, connect.WithInterceptors(interceptors.NewStreamGuard()))) // want `RPC /streams.v1.OrderStreams/GetOrder: handler \(\*streamsvc.Service\).GetOrder selects store.Order`

	// The simple form.
	mux.Handle(simplestreamv1connect.NewSimpleOrderStreamsHandler(&simplestreams.Service{DB: db}, connect.WithInterceptors(interceptors.NewStreamAuthInterceptor()))) // want `RPC /simplestreams.v1.SimpleOrderStreams/ListOrders: handler \(\*simplestreams.Service\).ListOrders selects store.Order by request field "UserId"`

	go http.ListenAndServe(":8083", staff)
	go http.ListenAndServe(":8084", partners)
	http.ListenAndServe(":8082", mux)
}
