// Package ssrf defines the ssrf check: client input that chooses where
// the server sends a request.
package ssrf

import (
	"golang.org/x/tools/go/analysis"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/taint"
)

const Doc = `ssrf: client input that chooses where the server sends a request

When a request's URL, host or address comes from the client, the client
makes the server call what it cannot reach itself: the cloud metadata
endpoint (169.254.169.254, with its credentials), admin ports on
localhost, services inside the network (OWASP API7:2023 Server Side
Request Forgery; CWE-918).

Sources are the request inputs of the shared HTTP model. Sinks: the URL
of http.Get, Head, Post, PostForm and the http.Client methods, of
http.NewRequest[WithContext] (the request it builds is sent), the
address of net.Dial*, tls.Dial* and net.Dialer, httputil
NewSingleHostReverseProxy and ProxyRequest.SetURL targets, assignments
to a request's URL, URL.Host or Host (a ReverseProxy Director), grpc
Dial/NewClient targets, websocket dials (gorilla, coder, nhooyr,
golang.org/x/net/websocket, gobwas/ws) and resty requests. The flow is followed through functions of the module,
across packages.

Not reported: input only in the path, query or fragment of a URL whose
scheme and host come before it ("https://api.example.com/users/" + id,
fmt.Sprintf("%s/users/%s", base, id), url.JoinPath(base, id), u.Path =
id); a host checked against an allowlist (a map lookup, a comparison
with a constant, slices.Contains, strings.HasPrefix with a fixed
"scheme://host/", an allow- or validate-named function) or an IP
rejected with IsPrivate/IsLoopback/IsLinkLocalUnicast, anywhere in the
function. (Resolving the name again when dialling can still be rebound
by DNS: dial the checked IP, or use a Dialer Control that checks it.)

Limits: flow-insensitive within a function; other packages' globals,
channels and calls through interfaces whose implementation is not
visible are not followed.

Suppress a finding with a reason: //apivet:ignore ssrf <reason>.`

// Analyzer is the ssrf check's analyzer.
var Analyzer = &analysis.Analyzer{
	Name:     "ssrf",
	Doc:      Doc,
	URL:      "https://github.com/apivet/apivet/blob/main/docs/checks.md#ssrf",
	Requires: []*analysis.Analyzer{taint.Analyzer},
	Run:      run,
}

// Check is the ssrf check's registry entry.
var Check = &check.Check{
	Analyzer:  Analyzer,
	Title:     "Client input that chooses where the server sends a request",
	OWASP:     "API7:2023",
	CWE:       []int{918},
	Severity:  check.Error,
	Precision: check.High,
	Since:     "v0.3.0",
	Bad: `target := r.URL.Query().Get("url")
resp, err := http.Get(target) // any host: 169.254.169.254, localhost:6379`,
	Good: `u, err := url.Parse(r.URL.Query().Get("url"))
if err != nil || !allowedHosts[u.Hostname()] {
	http.Error(w, "host not allowed", http.StatusBadRequest)
	return
}
resp, err := http.Get(u.String())`,
}

func run(pass *analysis.Pass) (any, error) {
	taint.Report(pass, taint.URL, check.Error,
		"%s chooses the target of %s (SSRF): check the host against an allowlist, or keep scheme and host constant and put input in the path (CWE-918)",
		"%s reaches the target of %s in %s (SSRF): check the host against an allowlist, or keep scheme and host constant (CWE-918)")
	return nil, nil
}
