// Per-route limiters (With, and wrapping one handler) on every route.
package main

import (
	"net/http"
	"time"

	"github.com/didip/tollbooth/v7"
	"github.com/go-chi/chi/v5"
	"github.com/go-chi/httprate"
)

func main() {
	lmt := tollbooth.NewLimiter(5, nil)
	r := chi.NewRouter()
	r.With(httprate.LimitByIP(10, time.Minute)).Post("/login", login)
	r.Method(http.MethodGet, "/orders", tollbooth.LimitFuncHandler(lmt, listOrders))
	http.ListenAndServe(":8080", r)
}

func listOrders(w http.ResponseWriter, r *http.Request) {}
func login(w http.ResponseWriter, r *http.Request)      {}
