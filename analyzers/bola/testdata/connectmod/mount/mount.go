// Package mount serves OrderService with the options its caller passes
// (memos' RegisterConnectHandlers(mux, opts...)): the interceptors, and
// so the decision, are the caller's.
package mount

import (
	"net/http"

	"connectrpc.com/connect"

	"example.com/connectbola/orderv1/orderv1connect"
)

// Orders mounts svc on mux with opts.
func Orders(mux *http.ServeMux, svc orderv1connect.OrderServiceHandler, opts ...connect.HandlerOption) {
	mux.Handle(orderv1connect.NewOrderServiceHandler(svc, opts...))
}
