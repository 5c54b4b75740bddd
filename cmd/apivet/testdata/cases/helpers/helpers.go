// Package helpers holds a test helper outside a _test.go file: a
// function that takes a testing.TB is test code, whatever its file.
package helpers

import (
	"log"
	"net/http"
	_ "net/http/pprof"
	"testing"
)

// StartMock serves for a test only.
func StartMock(t testing.TB) {
	go func() {
		t.Log(http.ListenAndServe(":6060", nil))
	}()
}

// Serve is the service's own listener.
func Serve() {
	log.Println(http.ListenAndServe(":6061", nil))
}
