// Command loopback links the profiler in but serves it on loopback only.
package main

import (
	"log"
	"net/http"

	"example.com/vetmod/internal/debugsrv"
)

func main() {
	debugsrv.Enabled()
	log.Fatal(http.ListenAndServe("127.0.0.1:6060", nil))
}
