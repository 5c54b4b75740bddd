// Command strictd serves the strict server to signed-in users, and to
// staff through a policy-checking strict middleware.
package main

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"gorm.io/gorm"

	"example.com/oapibola/api/strict"
	"example.com/oapibola/auth"
	"example.com/oapibola/strictsvc"
)

func main() {
	var db *gorm.DB
	r := chi.NewRouter()
	r.Use(auth.Middleware)
	ssi := strictapi.NewStrictHandler(&strictsvc.Server{DB: db}, nil)
	strictapi.HandlerFromMux(ssi, r) // want `GET /orders/{orderId}: handler \(\*strictsvc.Server\).GetOrder selects store.Order by path parameter "orderId"` `DELETE /orders/{orderId}: handler \(\*strictsvc.Server\).DeleteOrder` `PUT /orders/{orderId}: handler \(\*strictsvc.Server\).UpdateOrder selects store.Order by body field "Id"`

	staff := chi.NewRouter()
	staff.Use(auth.Middleware)
	strictapi.HandlerWithOptions(strictapi.NewStrictHandler(&strictsvc.Server{DB: db}, []strictapi.StrictMiddlewareFunc{auth.Authorize}),
		strictapi.ChiServerOptions{BaseRouter: staff, BaseURL: "/staff"}) // authorized by the strict middleware: no finding

	go http.ListenAndServe(":8081", staff)
	http.ListenAndServe(":8080", r)
}
