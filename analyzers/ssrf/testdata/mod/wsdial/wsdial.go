// Package wsdial dials websockets and fetches URLs taken from request
// reads the HTTP model does not list (Referer, the request's path), with
// allowlisted or constant twins.
package wsdial

import (
	"context"
	"net/http"
	"strings"

	"github.com/gobwas/ws"
	"golang.org/x/net/websocket"
)

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("/ws/back", func(w http.ResponseWriter, r *http.Request) {
		back := r.Referer()
		websocket.Dial(back, "", "http://localhost/") // want `header "Referer" chooses the target of websocket.Dial \(SSRF\)`
	})
	mux.HandleFunc("/ws/back/checked", func(w http.ResponseWriter, r *http.Request) {
		// Guards count anywhere in the function: the twin has its own.
		back := r.Referer()
		if back == "ws://localhost:8080/ws" {
			websocket.Dial(back, "", "http://localhost/")
		}
	})
	mux.HandleFunc("/ws/config", func(w http.ResponseWriter, r *http.Request) {
		cfg, _ := websocket.NewConfig(r.Referer(), "http://localhost/") // want `header "Referer" chooses the target of websocket.NewConfig`
		websocket.DialConfig(cfg)
		fixed, _ := websocket.NewConfig("ws://localhost:8080/ws", "http://localhost/")
		websocket.DialConfig(fixed)
	})
	mux.HandleFunc("/ws/gobwas", func(w http.ResponseWriter, r *http.Request) {
		target := r.UserAgent()
		ws.Dial(context.Background(), target) // want `header "User-Agent" chooses the target of ws.Dial`
		var d ws.Dialer
		d.Dial(context.Background(), "ws://"+target) // want `header "User-Agent" chooses the target of \(ws.Dialer\).Dial`
		d.Dial(context.Background(), "ws://localhost:8080/ws")
	})
	mux.HandleFunc("/fetch/", func(w http.ResponseWriter, r *http.Request) {
		host := strings.TrimPrefix(r.URL.Path, "/fetch/")
		http.Get("http://" + host + "/status")                    // want `a path parameter chooses the target of http.Get`
		http.Get("http://status.internal/" + host)                // the path only
		http.Get("http://status.internal/?q=" + r.URL.RawQuery)   // the query only
		http.Get("http://status.internal" + r.Header["X-Sub"][0]) // want `header "X-Sub" chooses the target of http.Get`
	})
}
