package stdapp

import (
	"fmt"
	"net/http"
	"strconv"

	"example.com/hm/auth"
	"example.com/hm/store"
)

type Orders interface {
	GetOrder(ctx interface{ Done() <-chan struct{} }, id string) (*store.Order, error)
}

type app struct {
	svc *store.Service
}

func Main(s *store.Service) {
	a := &app{svc: s}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /orders/{id}", a.order)             // want `route GET /orders/\{id\} -> \(\*app\).order@std.go:\d+ \[Limit\(ratelimit\) Middleware\(auth\)\]`
	mux.Handle("POST /orders", auth.Middleware(a.create())) // want `route POST /orders -> \(\*app\).create@std.go:\d+ \[Limit\(ratelimit\) Middleware\(auth\) Middleware\(auth\)\]`
	http.HandleFunc("/debug", debug)                        // want `route \* /debug -> debug@std.go:\d+ \[\]`
	http.ListenAndServe(":8080", auth.Limit(auth.Middleware(mux)))
}

func (a *app) order(w http.ResponseWriter, r *http.Request) { // want `handler \(\*app\).order net/http`
	id := r.PathValue("id") // want `input path id`
	n, err := strconv.Atoi(id)
	key := fmt.Sprintf("order-%d", n)
	o, err := a.svc.Order(r.Context(), key) // want `access repo read Order \[key<path:id\] conds=0`
	if err != nil {
		w.WriteHeader(500)
		return
	}
	fmt.Fprintf(w, "%v", o)
	_ = r.URL.Query().Get("verbose") // want `input query verbose` `input query `
	_ = r.FormValue("x")             // want `input form x`
	c, _ := r.Cookie("session")      // want `input cookie session`
	_ = c
}

func (a *app) create() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { // want `handler \(\*app\).create\$1 net/http`
		// negative: the value written is not a request input
		w.Write([]byte(auth.RequestID(r.Context()))) // want `response bytes \[\]byte\(auth.RequestID\(r.Context\(\)\)\)`
	}
}

func debug(w http.ResponseWriter, r *http.Request) {} // want `handler debug net/http`
