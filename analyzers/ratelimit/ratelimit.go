// Package ratelimit defines the ratelimit check: HTTP servers whose
// handler chain has no rate limiting.
package ratelimit

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/httpmodel"
	"github.com/apivet/apivet/internal/serve"
)

const Doc = `ratelimit: an HTTP server whose handler chain has no rate limiting

Without a rate limit, one client can send as many requests as the network
allows: brute-force logins and tokens, scrape every object, or exhaust CPU,
memory, database connections and money (OWASP API4:2023 Unrestricted
Resource Consumption; CWE-770, CWE-400).

The check looks at every call that starts serving HTTP — http.ListenAndServe[TLS],
http.Serve[TLS], (*http.Server).ListenAndServe[TLS]/Serve[TLS], gin's Run,
RunTLS, RunListener, echo's Start, StartTLS, StartServer, fiber's Listen,
Listener (v2 and v3) — takes the handler it serves (the handler argument,
the server's Handler field, http.DefaultServeMux, the framework router;
for a function that serves its parameter, such as runner.Run(router),
the argument at each call, in any package),
and asks apivet's HTTP model for the routes that handler reaches and each
route's middleware chain, including routers built in helper functions and
other packages. A route is covered when its chain holds rate limiting:

  - library middleware: go-chi/httprate, chi's Throttle (a concurrency
    cap), didip/tollbooth and tollbooth_gin, ulule/limiter (stdlib, gin,
    fasthttp), sethvargo/go-limiter httplimit, throttled, echo's
    middleware.RateLimiter, fiber's middleware/limiter,
    JGLTechnologies/gin-rate-limit — router-wide (Use), on a group, on the
    route, or wrapping the router (limiter.Handler(mux));
  - project middleware that consults a limiter (golang.org/x/time/rate
    Allow/Wait/Reserve, tollbooth.LimitByRequest, ...), in this package or,
    through facts, in another one;
  - functions named in the httpmodel settings (ratelimit-middleware).

A limiter that is built but never put on the chain does not count.

Reported, at the serve call: a server none of whose routes is covered; a
server some of whose routes are covered. The message names the first
uncovered routes; all of them are its related information (routes
matching ignore-paths — health checks, metrics, /debug/ — and routes whose
whole path is computed at run time are left out). Serve calls of the same
routes (a dev and a prod branch serving one router) are one finding, at
the first call, with the others as related information. Not reported:
servers whose routes the model cannot see (a handler from a parameter or
an interface), and servers with no routes.

Many services rate-limit at an API gateway or service mesh instead. Say so
once in .apivet.yml, with where it happens:

	ratelimit:
	  upstream: "Kong gateway: 100 req/min per API key"   # no findings
	  ignore-paths: ["/healthz", "/metrics", "/internal/*"]

or on one server: //apivet:ignore ratelimit <reason>.`

// Settings are the check's settings.
type Settings struct {
	// Upstream, when not empty, says where rate limiting happens outside
	// the program (gateway, mesh); the check then reports nothing.
	Upstream string `yaml:"upstream"`
	// IgnorePaths are route path patterns (path.Match syntax, matched
	// against the full route path) that need no rate limit.
	IgnorePaths []string `yaml:"ignore-paths"`
}

var settings = &Settings{
	IgnorePaths: []string{"/health", "/healthz", "/health/*", "/livez", "/readyz", "/ready", "/live", "/ping", "/metrics", "/version", "/favicon.ico",
		// debug endpoints: the pprof check judges their exposure
		"/debug/*", "/debug/*/", "/debug/*/*"},
}

// Analyzer is the ratelimit check's analyzer.
var Analyzer = &analysis.Analyzer{
	Name:     "ratelimit",
	Doc:      Doc,
	URL:      "https://github.com/apivet/apivet/blob/main/docs/checks.md#ratelimit",
	Requires: []*analysis.Analyzer{serve.Analyzer, httpmodel.Analyzer},
	Run:      run,
}

// Check is the ratelimit check's registry entry.
var Check = &check.Check{
	Analyzer:  Analyzer,
	Title:     "HTTP server with no rate limiting in its handler chain",
	OWASP:     "API4:2023",
	CWE:       []int{770, 400},
	Severity:  check.Warning,
	Precision: check.Medium,
	Since:     "v0.1.0",
	Bad: `r := chi.NewRouter()
r.Post("/login", login)
r.Get("/orders/{id}", getOrder)
http.ListenAndServe(":8080", r)`,
	Good: `r := chi.NewRouter()
r.Use(httprate.LimitByIP(100, time.Minute))
r.Post("/login", login)
r.Get("/orders/{id}", getOrder)
http.ListenAndServe(":8080", r)`,
	Settings: settings,
}

// declareHint is the way out when limiting happens upstream; -explain
// ratelimit has the whole of it.
const declareHint = `or declare the gateway's in .apivet.yml (ratelimit: {upstream: …})`

// limiterExample names a router-wide limiter of each framework.
var limiterExample = map[httpmodel.Framework]string{
	httpmodel.NetHTTP:    "httprate.LimitByIP",
	httpmodel.Chi:        "httprate.LimitByIP",
	httpmodel.GorillaMux: "httprate.LimitByIP",
	httpmodel.HTTPRouter: "httprate.LimitByIP",
	httpmodel.Gin:        "tollbooth_gin.LimitHandler",
	httpmodel.Echo:       "middleware.RateLimiter",
	httpmodel.EchoV5:     "middleware.RateLimiter",
	httpmodel.Fiber:      "limiter.New",
	httpmodel.FiberV3:    "limiter.New",
}

// routesInMessage is how many route names a message carries; all of them
// are in its related information.
const routesInMessage = 2

func run(pass *analysis.Pass) (any, error) {
	if strings.TrimSpace(settings.Upstream) != "" {
		return nil, nil
	}
	sres := pass.ResultOf[serve.Analyzer].(*serve.Result)
	if len(sres.Calls) == 0 {
		return nil, nil
	}
	model := pass.ResultOf[httpmodel.Analyzer].(*httpmodel.Result)
	// One finding per server: two serve calls of the same routes (a dev
	// and a prod branch) report it once, at the first, naming the others.
	for _, srv := range serve.Servers(pass, model, sres.Calls, httpmodel.RateLimit) {
		var covered, uncovered []*httpmodel.Route
		for _, rt := range srv.Routes {
			if limited(model, rt) {
				covered = append(covered, rt)
			} else if !ignored(rt.Path) && rt.Path != "{?}" { // a path unknown as a whole says nothing
				uncovered = append(uncovered, rt)
			}
		}
		if len(uncovered) == 0 {
			continue
		}
		sc := srv.Calls[0]
		name := serve.CallName(sc)
		var msg string
		if len(covered) == 0 {
			example := limiterExample[uncovered[0].Framework]
			if example == "" {
				example = "httprate.LimitByIP"
			}
			msg = fmt.Sprintf("%s serves %s with no rate limiting in the handler chain: one client can brute-force or exhaust the service; add a limiter router-wide (%s) %s",
				name, countRoutes(uncovered), example, declareHint)
		} else {
			msg = fmt.Sprintf("%s rate-limits %d of its routes but not %s: put the limiter on these routes too (or router-wide) %s",
				name, len(covered), httpmodel.RouteList(uncovered, routesInMessage), declareHint)
		}
		d := analysis.Diagnostic{Pos: sc.Call.Pos(), End: sc.Call.End(), Message: msg}
		if len(uncovered) > 1 {
			d.Related = relatedRoutes(pass, sc, uncovered)
		}
		d.Related = append(d.Related, serve.AlsoServed(srv)...)
		pass.Report(d)
	}
	return nil, nil
}

// limited reports whether a route's chain, or its handler itself, rate-limits.
func limited(model *httpmodel.Result, rt *httpmodel.Route) bool {
	if rt.Kinds()&httpmodel.RateLimit != 0 {
		return true
	}
	return rt.HandlerFunc != nil && model.MiddlewareKindOf(rt.HandlerFunc)&httpmodel.RateLimit != 0
}

func ignored(p string) bool {
	for _, pat := range settings.IgnorePaths {
		if ok, _ := path.Match(pat, p); ok {
			return true
		}
	}
	return false
}

func countRoutes(rs []*httpmodel.Route) string {
	switch {
	case len(rs) == 1:
		return "1 route (" + rs[0].Name() + ")"
	case len(rs) <= routesInMessage:
		return fmt.Sprintf("%d routes (%s)", len(rs), httpmodel.RouteList(rs, routesInMessage))
	}
	return fmt.Sprintf("%d routes", len(rs)) // named in the related information
}

// maxRelated bounds the related locations of a finding.
const maxRelated = 100

// relatedRoutes lists the unlimited routes, at their registration in this
// package (the serve call for routes of another package's router).
func relatedRoutes(pass *analysis.Pass, sc *serve.Call, rs []*httpmodel.Route) []analysis.RelatedInformation {
	sorted := append([]*httpmodel.Route(nil), rs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Name() < sorted[j].Name() })
	var out []analysis.RelatedInformation
	for i, rt := range sorted {
		if i == maxRelated {
			out = append(out, analysis.RelatedInformation{Pos: sc.Call.Pos(), Message: fmt.Sprintf("and %d more routes", len(sorted)-maxRelated)})
			break
		}
		pos := sc.Call.Pos()
		if rt.Call != nil && pass.Fset.File(rt.Call.Pos()) != nil {
			pos = rt.Call.Pos()
		}
		msg := rt.Name() + " (no rate limiting)"
		if rt.HandlerName != "" {
			msg = rt.Name() + ": " + rt.HandlerName + ", no rate limiting"
		}
		out = append(out, analysis.RelatedInformation{Pos: pos, Message: msg})
	}
	return out
}
