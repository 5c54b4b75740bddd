package main

import (
	"net/http"
	_ "net/http/pprof"
)

func main() {
	//apivet:ignore pprof the container only publishes 8080 on the cluster-internal network
	go http.ListenAndServe(":6060", nil)

	go http.ListenAndServe(":6061", nil) //apivet:ignore pprof same-line directive with a reason

	//apivet:ignore pprof
	go http.ListenAndServe(":6062", nil)

	//apivet:ignore pprof nothing on the next line to suppress
	go http.ListenAndServe("127.0.0.1:6063", nil)

	//apivet:ignore ratelimit directive for another check does not suppress pprof
	http.ListenAndServe(":6064", nil)
}
