package main

import (
	"log"
	"net"
	"net/http"
	"time"

	"example.com/servers/srvlib"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {})

	go http.ListenAndServe(":8080", mux)                           // want `http.ListenAndServe serves with no timeouts and cannot be given any`
	go http.ListenAndServeTLS(":8443", "cert.pem", "key.pem", nil) // want `http.ListenAndServeTLS serves with no timeouts`
	l, _ := net.Listen("tcp", ":8081")
	go http.Serve(l, mux)                           // want `http.Serve serves with no timeouts`
	go http.ServeTLS(l, mux, "cert.pem", "key.pem") // want `http.ServeTLS serves with no timeouts`

	// A literal without timeouts, multi-line.
	srv := &http.Server{ // want `http.Server, served by srv.ListenAndServe at main.go:\d+, has no ReadHeaderTimeout or ReadTimeout`
		Addr:    ":9000",
		Handler: mux,
	}
	go srv.ListenAndServe()

	// One line.
	one := http.Server{Addr: ":9001", Handler: mux} // want `has no ReadHeaderTimeout or ReadTimeout`
	go one.ListenAndServe()

	// ReadHeaderTimeout: 0 is no timeout.
	zero := &http.Server{Addr: ":9002", ReadHeaderTimeout: 0} // want `has no ReadHeaderTimeout or ReadTimeout`
	go zero.ListenAndServe()

	// Good: every timeout.
	good := &http.Server{
		Addr:              ":9003",
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
		WriteTimeout:      10 * time.Second,
		IdleTimeout:       time.Minute,
	}
	go good.ListenAndServe()

	// Good: ReadTimeout covers headers and idle connections.
	rt := &http.Server{Addr: ":9004", Handler: mux, ReadTimeout: 5 * time.Second, WriteTimeout: 5 * time.Second}
	go rt.ListenAndServe()

	// Good: timeouts assigned after the literal.
	later := &http.Server{Addr: ":9005"}
	later.Handler = mux
	later.ReadHeaderTimeout = 3 * time.Second
	later.WriteTimeout = 3 * time.Second
	later.IdleTimeout = 3 * time.Second
	go later.ListenAndServe()

	// Note only: a read timeout, but no write or idle timeout.
	noWrite := &http.Server{Addr: ":9006", Handler: mux, ReadHeaderTimeout: 5 * time.Second} // want `has a read timeout but no WriteTimeout or IdleTimeout`
	go noWrite.ListenAndServe()

	// Built by a helper in this package.
	go newServer(":9007", mux).ListenAndServe()
	go newHardServer(":9008", mux).ListenAndServe()

	// Built in another package: facts.
	go srvlib.Hardened(":9009", mux).ListenAndServe()
	go srvlib.Plain(":9010", mux).ListenAndServe() // want `http.Server \(built by srvlib.Plain\) has no ReadHeaderTimeout or ReadTimeout`
	tuned := srvlib.Tuned(":9011")
	go tuned.ListenAndServe()

	// Zero server from new: reported at the call.
	bare := new(http.Server)
	go bare.ListenAndServe() // want `http.Server has no ReadHeaderTimeout or ReadTimeout`

	// A server kept in a struct field.
	a := newApp(mux)
	go a.srv.ListenAndServe()

	// A struct embedding *http.Server.
	emb := newWrapped(mux)
	go emb.ListenAndServe()

	// Served from a parameter: its construction is out of sight.
	serveIt(good)

	// Good: the same literal served twice is reported once.
	twice := &http.Server{Addr: ":9012", Handler: mux} // want `has no ReadHeaderTimeout`
	go twice.ListenAndServe()
	go twice.ListenAndServeTLS("c", "k")

	log.Fatal(http.ListenAndServe("127.0.0.1:6060", nil)) // want `http.ListenAndServe serves with no timeouts`
}

func newServer(addr string, h http.Handler) *http.Server {
	return &http.Server{Addr: addr, Handler: h} // want `http.Server, served by ListenAndServe at main.go:\d+, has no ReadHeaderTimeout`
}

func newHardServer(addr string, h http.Handler) *http.Server {
	s := &http.Server{Addr: addr, Handler: h}
	s.ReadHeaderTimeout = time.Second
	s.WriteTimeout = time.Second
	s.IdleTimeout = time.Second
	return s
}

type app struct {
	srv *http.Server
}

func newApp(h http.Handler) *app {
	return &app{srv: &http.Server{Handler: h, ReadTimeout: time.Second, WriteTimeout: time.Second}}
}

func serveIt(s *http.Server) { s.ListenAndServe() }

type wrapped struct{ *http.Server }

func newWrapped(h http.Handler) *wrapped {
	srv := http.Server{Addr: ":9013", Handler: h} // want `http.Server, served by emb.ListenAndServe at main.go:\d+, has no ReadHeaderTimeout`
	return &wrapped{&srv}
}
