package main // want package:"linksPprof\\(example.com/pproftest/direct\\)"

import (
	"log"
	"net"
	"net/http"
	_ "net/http/pprof"
	"os"
)

func orders(w http.ResponseWriter, r *http.Request) {}

func main() {
	http.HandleFunc("/orders", orders)
	go http.ListenAndServe(":8080", nil) // want `this serves http.DefaultServeMux, where net/http/pprof \(via example.com/pproftest/direct\) put /debug/pprof/: on ":8080" anyone can pull heap dumps`

	go http.ListenAndServe("0.0.0.0:6060", http.DefaultServeMux) // want `DefaultServeMux.* on "0.0.0.0:6060"`

	// Loopback only: fine.
	go http.ListenAndServe("127.0.0.1:6060", nil)
	go http.ListenAndServe("localhost:6060", nil)
	go http.ListenAndServe("[::1]:6060", nil)

	// Address only known at run time: not judged.
	go http.ListenAndServe(os.Getenv("PPROF_ADDR"), nil)

	// A server without Handler serves DefaultServeMux.
	srv := &http.Server{Addr: ":9000"}
	go srv.ListenAndServe() // want `DefaultServeMux.* on ":9000"`

	// A server with its own mux does not expose the profiler.
	api := http.NewServeMux()
	api.HandleFunc("/orders", orders)
	public := &http.Server{Addr: ":8081", Handler: api}
	go public.ListenAndServe()

	l, err := net.Listen("tcp", ":6061")
	if err != nil {
		log.Fatal(err)
	}
	go http.Serve(l, nil) // want `DefaultServeMux.* on ":6061"`

	lo, err := net.Listen("tcp", "127.0.0.1:6062")
	if err != nil {
		log.Fatal(err)
	}
	go http.Serve(lo, nil)

	var empty http.Server
	log.Fatal(empty.ListenAndServe()) // server literal not found: not judged
}
