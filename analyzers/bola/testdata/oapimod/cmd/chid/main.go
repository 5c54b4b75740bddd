// Command chid serves the chi server behind authentication.
package main

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"gorm.io/gorm"

	"example.com/oapibola/api/chi"
	"example.com/oapibola/auth"
	"example.com/oapibola/chisvc"
)

func main() {
	var db *gorm.DB
	r := chi.NewRouter()
	r.Use(auth.Middleware)
	chiapi.HandlerFromMux(&chisvc.Server{DB: db}, r) // want `GET /orders/{orderId}: handler \(\*chisvc.Server\).GetOrder selects store.Order by path parameter "orderId"` `DELETE /orders/{orderId}: handler \(\*chisvc.Server\).DeleteOrder selects store.Order by path parameter "orderId"`
	http.ListenAndServe(":8080", r)
}
