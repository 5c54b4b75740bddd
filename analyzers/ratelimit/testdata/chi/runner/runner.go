// Package runner serves whatever handler it is given (a ServesParamFact
// lets callers' routers be checked).
package runner

import (
	"net/http"
	"time"
)

// Run serves h.
func Run(addr string, h http.Handler) error {
	srv := &http.Server{Addr: addr, Handler: h, ReadHeaderTimeout: 5 * time.Second}
	return srv.ListenAndServe()
}
