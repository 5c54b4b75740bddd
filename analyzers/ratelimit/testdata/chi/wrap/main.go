// The whole mux wrapped in a limiter, in the three libraries that wrap.
package main

import (
	"net/http"
	"time"

	"github.com/sethvargo/go-limiter/httplimit"
	"github.com/sethvargo/go-limiter/memorystore"
	"github.com/throttled/throttled/v2"
	"github.com/throttled/throttled/v2/store/memstore"
	"github.com/ulule/limiter/v3"
	"github.com/ulule/limiter/v3/drivers/middleware/stdlib"
	"github.com/ulule/limiter/v3/drivers/store/memory"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /orders", listOrders)

	// ulule/limiter stdlib middleware.
	rate, _ := limiter.NewRateFromFormatted("100-M")
	lm := stdlib.NewMiddleware(limiter.New(memory.NewStore(), rate))
	go http.ListenAndServe(":8080", lm.Handler(mux))

	// sethvargo/go-limiter.
	store, _ := memorystore.New(&memorystore.Config{Tokens: 100, Interval: time.Minute})
	hl, _ := httplimit.NewMiddleware(store, httplimit.IPKeyFunc())
	go http.ListenAndServe(":8081", hl.Handle(mux))

	// throttled.
	st, _ := memstore.NewCtx(65536)
	gcra, _ := throttled.NewGCRARateLimiterCtx(st, throttled.RateQuota{MaxRate: throttled.PerMin(100), MaxBurst: 10})
	tl := throttled.HTTPRateLimiterCtx{RateLimiter: gcra, VaryBy: &throttled.VaryBy{RemoteAddr: true}}
	srv := &http.Server{Addr: ":8082", Handler: tl.RateLimit(mux)}
	srv.ListenAndServe()
}

func listOrders(w http.ResponseWriter, r *http.Request) {}
