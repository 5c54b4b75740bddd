package main // want package:"linksPprof"

import (
	"net/http"
	_ "net/http/pprof"
)

func main() {
	http.ListenAndServe(":6060", nil) // want `DefaultServeMux`
}
