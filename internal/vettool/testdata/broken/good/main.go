// Command good type-checks and has a finding.
package main

import (
	"net/http"
	_ "net/http/pprof"
)

func main() { http.ListenAndServe(":8080", nil) }
