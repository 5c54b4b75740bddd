// Command connectd serves OrderService to staff (authorized per call by
// an interceptor), to admins (authorized by HTTP middleware) and, by
// mistake, to every signed-in customer.
package main

import (
	"net/http"

	"connectrpc.com/connect"
	"gorm.io/gorm"

	"example.com/connectbola/api"
	"example.com/connectbola/interceptors"
	"example.com/connectbola/mount"
	"example.com/connectbola/orderv1/orderv1connect"
)

func main() {
	var db *gorm.DB

	staff := http.NewServeMux()
	staff.Handle(orderv1connect.NewOrderServiceHandler(api.NewService(db), // authorized per call: no finding
		connect.WithInterceptors(interceptors.NewAuthInterceptor(), interceptors.NewPolicyInterceptor())))

	admin := http.NewServeMux()
	path, h := orderv1connect.NewOrderServiceHandler(api.NewService(db), connect.WithInterceptors(interceptors.NewAuthInterceptor()))
	admin.Handle(path, interceptors.RequireRole("admin")(h)) // authorized by role: no finding

	customers := http.NewServeMux()
	opts := []connect.HandlerOption{connect.WithInterceptors(interceptors.NewAuthInterceptor())}
	cpath, ch := orderv1connect.NewOrderServiceHandler(api.New(db), opts...) // want `RPC /orders.v1.OrderService/DeleteOrder: handler \(\*api.service\).DeleteOrder selects store.Order by request field "Name"` `RPC /orders.v1.OrderService/GetOrder: handler \(\*api.service\).GetOrder selects store.Order by request field "OrderId"`
	customers.Handle(cpath, ch)

	// Mounted by mount.Orders with the options passed here.
	partners := http.NewServeMux()
	mount.Orders(partners, api.NewService(db), connect.WithInterceptors(interceptors.NewAuthInterceptor(), interceptors.NewPolicyInterceptor())) // authorized per call
	resellers := http.NewServeMux()
	mount.Orders(resellers, api.NewService(db), connect.WithInterceptors(interceptors.NewAuthInterceptor())) // want `RPC /orders.v1.OrderService/DeleteOrder: handler \(\*api.service\).DeleteOrder selects store.Order by request field "Name"` `RPC /orders.v1.OrderService/GetOrder: handler \(\*api.service\).GetOrder selects store.Order by request field "OrderId"`

	go http.ListenAndServe(":8081", staff)
	go http.ListenAndServe(":8082", admin)
	http.ListenAndServe(":8080", customers)
}
