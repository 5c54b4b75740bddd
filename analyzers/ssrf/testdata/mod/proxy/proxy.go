package proxy

import (
	"net/http"
	"net/http/httputil"
	"net/url"
)

func Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		target, err := url.Parse(r.Header.Get("X-Upstream"))
		if err != nil {
			return
		}
		httputil.NewSingleHostReverseProxy(target).ServeHTTP(w, r) // want `header "X-Upstream" chooses the target of httputil.NewSingleHostReverseProxy`
	})
}

func Director() *httputil.ReverseProxy {
	return &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.Out.URL.Scheme = "http"
			pr.Out.URL.Host = "backend.internal:8080" // a fixed upstream
		},
	}
}

// Fixed upstream: fine.
func Fixed() http.Handler {
	u, _ := url.Parse("http://localhost:8081")
	return httputil.NewSingleHostReverseProxy(u)
}

// Chosen by a header: the Director sets the outgoing request's host.
func Chosen() *httputil.ReverseProxy {
	return &httputil.ReverseProxy{
		Director: func(req *http.Request) {
			req.URL.Scheme = "http"
			req.URL.Host = req.Header.Get("X-Backend") // want `header "X-Backend" chooses the target of the request's URL.Host`
		},
	}
}

// Resolve records on the request a server received where it was sent
// (harness's address middleware): nothing is sent, no SSRF.
func Resolve(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Host == "" {
			r.URL.Host = r.Header.Get("X-Forwarded-Host")
		}
		next.ServeHTTP(w, r)
	})
}

// ResolveHandler is the same in a handler declaration.
func ResolveHandler(w http.ResponseWriter, r *http.Request) {
	r.URL.Scheme = r.Header.Get("X-Forwarded-Proto")
	r.Host = r.Header.Get("X-Forwarded-Host")
}

// Forward builds an outgoing request inside a handler: its host is a
// target.
func Forward(w http.ResponseWriter, r *http.Request) {
	out, _ := http.NewRequest(http.MethodGet, "http://backend.internal/", nil)
	out.URL.Host = r.Header.Get("X-Backend") // want `header "X-Backend" chooses the target of the request's URL.Host`
	_, _ = http.DefaultClient.Do(out)
}
