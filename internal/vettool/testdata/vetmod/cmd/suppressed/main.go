// Command suppressed is exposed too, but its finding is suppressed with
// a reason; a second directive suppresses nothing and is reported.
package main

import (
	"log"
	"net/http"

	"example.com/vetmod/internal/debugsrv"
)

func main() {
	debugsrv.Enabled()
	//apivet:ignore pprof the port is only reachable from the ops VPN
	log.Fatal(http.ListenAndServe(":8081", nil))
}

//apivet:ignore pprof left over from an older version
func helper() {}
