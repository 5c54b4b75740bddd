package fetch

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"slices"

	"github.com/gin-gonic/gin"
	"github.com/gorilla/websocket"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"example.com/ssrf/client"
)

var allowedHosts = map[string]bool{"api.example.com": true}

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /preview", preview)
	mux.HandleFunc("GET /webhook/test", webhookTest)
	mux.HandleFunc("GET /users/{id}", user)
	mux.HandleFunc("GET /checked", checked)
	mux.HandleFunc("GET /dial", dial)
	mux.HandleFunc("GET /import", importSite)
}

func preview(w http.ResponseWriter, r *http.Request) {
	target := r.URL.Query().Get("url")
	resp, err := http.Get(target) // want `query parameter "url" chooses the target of http.Get`
	if err == nil {
		resp.Body.Close()
	}
	resp, err = client.Fetch(r.URL.Query().Get("u")) // want `query parameter "u" reaches the target of http.Get in client.Fetch \(client.go:\d+\)`
	if err == nil {
		resp.Body.Close()
	}
	// Input only in the path of a fixed host: fine.
	resp, err = client.User(r.URL.Query().Get("id"))
	if err == nil {
		resp.Body.Close()
	}
	resp, err = client.Join("https://users.example.com", r.URL.Query().Get("id"))
	if err == nil {
		resp.Body.Close()
	}
}

func webhookTest(w http.ResponseWriter, r *http.Request) {
	host := r.FormValue("host")
	req, err := http.NewRequestWithContext(r.Context(), http.MethodPost, "https://"+host+"/hook", nil) // want `form field "host" chooses the target of http.NewRequestWithContext`
	if err != nil {
		return
	}
	resp, err := http.DefaultClient.Do(req)
	if err == nil {
		resp.Body.Close()
	}
	// Sprintf with input after the host: only the path.
	req, _ = http.NewRequest("GET", fmt.Sprintf("https://hooks.example.com/%s/ping", r.FormValue("name")), nil)
	_ = req
	// Sprintf choosing the host.
	req, _ = http.NewRequest("GET", fmt.Sprintf("http://%s:8080/ping", r.FormValue("name")), nil) // want `form field "name" chooses the target of http.NewRequest`
	_ = req
	// A url.URL with a fixed host and input in Path and RawQuery.
	u := url.URL{Scheme: "https", Host: "api.example.com", Path: "/v1/" + r.FormValue("p")}
	q := u.Query()
	q.Set("q", r.FormValue("q"))
	u.RawQuery = q.Encode()
	resp, err = http.Get(u.String())
	if err == nil {
		resp.Body.Close()
	}
	// u.Host from input.
	v := url.URL{Scheme: "https", Path: "/v1"}
	v.Host = r.FormValue("h")
	resp, err = http.Get(v.String()) // want `form field "h" chooses the target of http.Get`
	if err == nil {
		resp.Body.Close()
	}
}

func user(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	resp, err := http.Get("https://api.example.com/users/" + id)
	if err == nil {
		resp.Body.Close()
	}
	// "https://api.example.com" + id: the input can add "@evil.com".
	resp, err = http.Get("https://api.example.com" + id) // want `path parameter "id" chooses the target of http.Get`
	if err == nil {
		resp.Body.Close()
	}
}

func checked(w http.ResponseWriter, r *http.Request) {
	u, err := url.Parse(r.URL.Query().Get("url"))
	if err != nil || !allowedHosts[u.Hostname()] {
		http.Error(w, "host not allowed", http.StatusBadRequest)
		return
	}
	resp, err := http.Get(u.String())
	if err == nil {
		resp.Body.Close()
	}
	host := r.URL.Query().Get("host")
	if !slices.Contains([]string{"a.example.com", "b.example.com"}, host) {
		return
	}
	resp, err = http.Get("https://" + host + "/status")
	if err == nil {
		resp.Body.Close()
	}
	addr := r.URL.Query().Get("ip")
	ip := net.ParseIP(addr)
	if ip == nil || ip.IsPrivate() || ip.IsLoopback() || ip.IsLinkLocalUnicast() {
		return
	}
	conn, err := net.Dial("tcp", addr+":443")
	if err == nil {
		conn.Close()
	}
}

func dial(w http.ResponseWriter, r *http.Request) {
	addr := r.Header.Get("X-Backend")
	conn, err := net.Dial("tcp", addr) // want `header "X-Backend" chooses the target of net.Dial`
	if err == nil {
		conn.Close()
	}
	cc, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials())) // want `header "X-Backend" chooses the target of grpc.NewClient`
	if err == nil {
		cc.Close()
	}
	ws, _, err := websocket.DefaultDialer.DialContext(context.Background(), "wss://"+addr+"/ws", nil) // want `header "X-Backend" chooses the target of \(\*websocket.Dialer\).DialContext`
	if err == nil {
		ws.Close()
	}
	// A constant target.
	conn, err = net.Dial("tcp", "localhost:6379")
	if err == nil {
		conn.Close()
	}
}

func GinRoutes(r *gin.Engine) {
	r.GET("/avatar", func(c *gin.Context) {
		resp, err := http.Get(c.Query("src")) // want `query parameter "src" chooses the target of http.Get`
		if err == nil {
			resp.Body.Close()
		}
	})
}

// restrictedDial refuses internal addresses at connect time (after DNS).
func restrictedDial(ctx context.Context, network, addr string) (net.Conn, error) {
	return (&net.Dialer{}).DialContext(ctx, network, addr)
}

// A client whose transport dials through the program's own dialer: the
// place to refuse internal addresses, so not reported.
func importSite(w http.ResponseWriter, r *http.Request) {
	client := &http.Client{Transport: &http.Transport{DialContext: restrictedDial}}
	resp, err := client.Get(r.FormValue("site"))
	if err == nil {
		resp.Body.Close()
	}
	// The default client is reported.
	resp, err = http.DefaultClient.Get(r.FormValue("site")) // want `form field "site" chooses the target of \(\*http.Client\).Get`
	if err == nil {
		resp.Body.Close()
	}
}

// sign writes to the request it is given: a request being built to send,
// so what it reads back of it is the program's own, not the client's.
func sign(req *http.Request, key string) {
	req.Header.Set("X-Signature", key)
	resp, err := http.Get(req.Header.Get("X-Forward-To"))
	if err == nil {
		resp.Body.Close()
	}
}
