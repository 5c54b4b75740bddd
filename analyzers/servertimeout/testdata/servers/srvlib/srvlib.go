// Package srvlib builds servers for other packages (facts).
package srvlib

import (
	"net/http"
	"time"
)

// Hardened returns a server with timeouts.
func Hardened(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       time.Minute,
	}
}

// Plain returns a server without timeouts.
func Plain(addr string, h http.Handler) *http.Server {
	srv := &http.Server{Addr: addr} // reported where it is served (package nethttp)
	srv.Handler = h
	return srv
}

// Tuned sets its timeouts after the literal.
func Tuned(addr string) *http.Server {
	srv := new(http.Server)
	srv.Addr = addr
	srv.ReadTimeout = 10 * time.Second
	srv.WriteTimeout = 10 * time.Second
	return srv
}
