package httpmodel

// Library tables of routing: middleware classification, router methods
// and constructors of each framework, transparent handler wrappers.

import (
	"strings"
)

// ---- middleware classification ----

type middlewareRow struct {
	pkg, recv, name string
	kind            MiddlewareKind
}

// middlewareRows classify library middleware: constructors and wrappers
// (called or referenced on a chain) and, for "inside" calls, functions
// whose call inside a project's middleware body makes that middleware of
// the kind (recorded as a MiddlewareFact on the project function).
// Rows verified against the module cache by the ratelimit/bodylimit
// engineer (see /work/mail/httpmodel.md) and the httpmodel engineer.
var middlewareRows = []middlewareRow{
	// rate limit
	{pkgHttprate, "", "Limit", RateLimit},
	{pkgHttprate, "", "LimitAll", RateLimit},
	{pkgHttprate, "", "LimitByIP", RateLimit},
	{pkgHttprate, "", "LimitByRealIP", RateLimit},
	{pkgHttprate, "", "LimitBy", RateLimit},
	{pkgHttprate, "", "NewRateLimiter", RateLimit},
	{pkgHttprate, "RateLimiter", "Handler", RateLimit},
	{pkgHttprate, "RateLimiter", "OnLimit", RateLimit},
	{pkgHttprate, "RateLimiter", "RespondOnLimit", RateLimit},
	{pkgChiMW, "", "Throttle", RateLimit},
	{pkgChiMW, "", "ThrottleBacklog", RateLimit},
	{pkgChiMW, "", "ThrottleWithOpts", RateLimit},
	{"github.com/didip/tollbooth/v7", "", "LimitHandler", RateLimit},
	{"github.com/didip/tollbooth/v7", "", "LimitFuncHandler", RateLimit},
	{"github.com/didip/tollbooth/v7", "", "LimitByRequest", RateLimit},
	{"github.com/didip/tollbooth/v7", "", "LimitByKeys", RateLimit},
	{"github.com/didip/tollbooth/v7", "", "LimitByKeysAndReturn", RateLimit},
	{"github.com/didip/tollbooth_gin", "", "LimitHandler", RateLimit},
	{"github.com/ulule/limiter/v3/drivers/middleware/stdlib", "", "NewMiddleware", RateLimit},
	{"github.com/ulule/limiter/v3/drivers/middleware/stdlib", "Middleware", "Handler", RateLimit},
	{"github.com/ulule/limiter/v3/drivers/middleware/gin", "", "NewMiddleware", RateLimit},
	{"github.com/ulule/limiter/v3/drivers/middleware/fasthttp", "", "NewMiddleware", RateLimit},
	{"github.com/ulule/limiter/v3/drivers/middleware/fasthttp", "Middleware", "Handle", RateLimit},
	{"github.com/sethvargo/go-limiter/httplimit", "", "NewMiddleware", RateLimit},
	{"github.com/sethvargo/go-limiter/httplimit", "Middleware", "Handle", RateLimit},
	{"github.com/throttled/throttled/v2", "HTTPRateLimiterCtx", "RateLimit", RateLimit},
	{"github.com/throttled/throttled/v2", "HTTPRateLimiter", "RateLimit", RateLimit},
	{"github.com/throttled/throttled/v2", "Throttler", "Throttle", RateLimit},
	{"github.com/throttled/throttled/v2", "GCRARateLimiterCtx", "RateLimitCtx", RateLimit},
	{pkgEchoMW, "", "RateLimiter", RateLimit},
	{pkgEchoMW, "", "RateLimiterWithConfig", RateLimit},
	{pkgEchoMW, "RateLimiterMemoryStore", "Allow", RateLimit},
	{pkgEcho5MW, "", "RateLimiter", RateLimit},
	{pkgEcho5MW, "", "RateLimiterWithConfig", RateLimit},
	{"github.com/gofiber/fiber/v2/middleware/limiter", "", "New", RateLimit},
	{"github.com/gofiber/fiber/v3/middleware/limiter", "", "New", RateLimit},
	{"github.com/JGLTechnologies/gin-rate-limit", "", "RateLimiter", RateLimit},
	{pkgRate, "Limiter", "Allow", RateLimit},
	{pkgRate, "Limiter", "AllowN", RateLimit},
	{pkgRate, "Limiter", "Wait", RateLimit},
	{pkgRate, "Limiter", "WaitN", RateLimit},
	{pkgRate, "Limiter", "Reserve", RateLimit},
	{pkgRate, "Limiter", "ReserveN", RateLimit},
	// body limit
	{"net/http", "", "MaxBytesHandler", BodyLimit},
	{"net/http", "", "MaxBytesReader", BodyLimit},
	{pkgEchoMW, "", "BodyLimit", BodyLimit},
	{pkgEchoMW, "", "BodyLimitWithConfig", BodyLimit},
	{pkgEcho5MW, "", "BodyLimit", BodyLimit},
	{pkgEcho5MW, "", "BodyLimitWithConfig", BodyLimit},
	{pkgChiMW, "", "RequestSize", BodyLimit},
	// CORS
	{"github.com/go-chi/cors", "", "Handler", CORS},
	{"github.com/go-chi/cors", "", "AllowAll", CORS},
	{"github.com/go-chi/cors", "", "New", CORS},
	{"github.com/go-chi/cors", "Cors", "Handler", CORS},
	{"github.com/rs/cors", "", "New", CORS},
	{"github.com/rs/cors", "", "Default", CORS},
	{"github.com/rs/cors", "", "AllowAll", CORS},
	{"github.com/rs/cors", "Cors", "Handler", CORS},
	{"github.com/rs/cors", "Cors", "HandlerFunc", CORS},
	{"github.com/gin-contrib/cors", "", "New", CORS},
	{"github.com/gin-contrib/cors", "", "Default", CORS},
	{pkgEchoMW, "", "CORS", CORS},
	{pkgEchoMW, "", "CORSWithConfig", CORS},
	{pkgEcho5MW, "", "CORS", CORS},
	{pkgEcho5MW, "", "CORSWithConfig", CORS},
	{"github.com/gofiber/fiber/v2/middleware/cors", "", "New", CORS},
	{"github.com/gofiber/fiber/v3/middleware/cors", "", "New", CORS},
	{"github.com/gorilla/handlers", "", "CORS", CORS},
	// authentication
	{pkgChiMW, "", "BasicAuth", Auth},
	{"github.com/go-chi/jwtauth/v5", "", "Verifier", Auth},
	{"github.com/go-chi/jwtauth/v5", "", "Authenticator", Auth},
	{"github.com/go-chi/jwtauth/v5", "", "Verify", Auth},
	{pkgGin, "", "BasicAuth", Auth},
	{pkgGin, "", "BasicAuthForRealm", Auth},
	{pkgGin, "", "BasicAuthForProxy", Auth},
	{pkgEchoMW, "", "BasicAuth", Auth},
	{pkgEchoMW, "", "BasicAuthWithConfig", Auth},
	{pkgEchoMW, "", "KeyAuth", Auth},
	{pkgEchoMW, "", "KeyAuthWithConfig", Auth},
	{pkgEchoMW, "", "JWT", Auth},
	{pkgEchoMW, "", "JWTWithConfig", Auth},
	{"github.com/labstack/echo-jwt/v4", "", "JWT", Auth},
	{"github.com/labstack/echo-jwt/v4", "", "WithConfig", Auth},
	{"github.com/gofiber/fiber/v2/middleware/basicauth", "", "New", Auth},
	{"github.com/gofiber/fiber/v2/middleware/keyauth", "", "New", Auth},
	{"github.com/gofiber/contrib/jwt", "", "New", Auth},
	{"github.com/appleboy/gin-jwt/v2", "GinJWTMiddleware", "MiddlewareFunc", Auth},
	{"github.com/golang-jwt/jwt/v5", "", "Parse", Auth},
	{"github.com/golang-jwt/jwt/v5", "", "ParseWithClaims", Auth},
	{"github.com/golang-jwt/jwt/v5", "Parser", "Parse", Auth},
	{"github.com/golang-jwt/jwt/v5", "Parser", "ParseWithClaims", Auth},
	{"github.com/golang-jwt/jwt/v4", "", "Parse", Auth},
	{"github.com/golang-jwt/jwt/v4", "", "ParseWithClaims", Auth},
	{"github.com/lestrrat-go/jwx/v2/jwt", "", "Parse", Auth},
	{"github.com/lestrrat-go/jwx/v2/jwt", "", "ParseRequest", Auth},
	{"github.com/coreos/go-oidc/v3/oidc", "IDTokenVerifier", "Verify", Auth},
	{"net/http", "Request", "BasicAuth", Auth},
}

// ---- routers ----

type routerOp int

const (
	opNew          routerOp = iota + 1 // constructor: a new root router
	opRegister                         // a route registration
	opUse                              // adds middleware to the receiver
	opPre                              // echo Pre: global middleware before routing
	opWith                             // chi With: a child router with more middleware
	opGroup                            // gin/echo/fiber Group(prefix, mws...): a child router
	opGroupFn                          // chi Group(fn), Route(prefix, fn), fiber Route(prefix, fn)
	opMount                            // chi Mount(prefix, h), fiber Mount(prefix, app)
	opMuxRoute                         // gorilla: Router.{Path,PathPrefix,Methods,NewRoute,Host,...}: a pending route
	opMuxRouteSet                      // gorilla: Route.{Path,PathPrefix,Methods,...}: refines the pending route
	opMuxHandler                       // gorilla: Route.Handler/HandlerFunc: registers the pending route
	opMuxSubrouter                     // gorilla: Route.Subrouter
	opSame                             // returns the receiver (fiber Name, gin Use result...)
)

type routerRow struct {
	k  key
	op routerOp
	fw Framework
	// method: fixed HTTP method ("GET"), "*" any, "" from methodArg or
	// the pattern (net/http "GET /x").
	method    string
	methodArg int // -1
	pathArg   int // -1
	// handlerArg is the handler argument; -2 means the last of a variadic
	// handler list whose earlier elements are middleware (gin, fiber).
	handlerArg int
	// mwFrom is the first middleware argument (variadic), -1 if none.
	mwFrom int
	// fnArg is the func(Router) argument of opGroupFn.
	fnArg int
	// dynamic: middleware added with Use applies to routes registered
	// before it too (gorilla, echo root).
	dynamic bool
}

func initRouterRows() {
	methods := []string{"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "CONNECT", "TRACE"}
	title := func(m string) string { return m[:1] + strings.ToLower(m[1:]) }
	add := func(r routerRow) { routerRows = append(routerRows, r) }
	// net/http
	add(routerRow{k: key{"net/http", "", "NewServeMux"}, op: opNew, fw: NetHTTP})
	for _, recv := range []string{"ServeMux", ""} {
		add(routerRow{k: key{"net/http", recv, "Handle"}, op: opRegister, fw: NetHTTP, methodArg: -1, pathArg: 0, handlerArg: 1, mwFrom: -1})
		add(routerRow{k: key{"net/http", recv, "HandleFunc"}, op: opRegister, fw: NetHTTP, methodArg: -1, pathArg: 0, handlerArg: 1, mwFrom: -1})
	}
	// chi (chi.go Router interface, mux.go *Mux)
	for _, recv := range []string{"Router", "Mux"} {
		for _, m := range methods {
			add(routerRow{k: key{pkgChi, recv, title(m)}, op: opRegister, fw: Chi, method: m, methodArg: -1, pathArg: 0, handlerArg: 1, mwFrom: -1})
		}
		add(routerRow{k: key{pkgChi, recv, "Handle"}, op: opRegister, fw: Chi, method: "", methodArg: -1, pathArg: 0, handlerArg: 1, mwFrom: -1})
		add(routerRow{k: key{pkgChi, recv, "HandleFunc"}, op: opRegister, fw: Chi, method: "", methodArg: -1, pathArg: 0, handlerArg: 1, mwFrom: -1})
		add(routerRow{k: key{pkgChi, recv, "Method"}, op: opRegister, fw: Chi, methodArg: 0, pathArg: 1, handlerArg: 2, mwFrom: -1})
		add(routerRow{k: key{pkgChi, recv, "MethodFunc"}, op: opRegister, fw: Chi, methodArg: 0, pathArg: 1, handlerArg: 2, mwFrom: -1})
		add(routerRow{k: key{pkgChi, recv, "Use"}, op: opUse, fw: Chi, mwFrom: 0})
		add(routerRow{k: key{pkgChi, recv, "With"}, op: opWith, fw: Chi, mwFrom: 0})
		add(routerRow{k: key{pkgChi, recv, "Group"}, op: opGroupFn, fw: Chi, pathArg: -1, fnArg: 0, mwFrom: -1})
		add(routerRow{k: key{pkgChi, recv, "Route"}, op: opGroupFn, fw: Chi, pathArg: 0, fnArg: 1, mwFrom: -1})
		add(routerRow{k: key{pkgChi, recv, "Mount"}, op: opMount, fw: Chi, pathArg: 0, handlerArg: 1, mwFrom: -1})
	}
	add(routerRow{k: key{pkgChi, "", "NewRouter"}, op: opNew, fw: Chi})
	add(routerRow{k: key{pkgChi, "", "NewMux"}, op: opNew, fw: Chi})
	// gin (gin.go, routergroup.go): *Engine embeds RouterGroup.
	add(routerRow{k: key{pkgGin, "", "New"}, op: opNew, fw: Gin})
	add(routerRow{k: key{pkgGin, "", "Default"}, op: opNew, fw: Gin})
	for _, recv := range []string{"RouterGroup", "IRoutes", "IRouter"} {
		for _, m := range []string{"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"} {
			add(routerRow{k: key{pkgGin, recv, m}, op: opRegister, fw: Gin, method: m, methodArg: -1, pathArg: 0, handlerArg: -2, mwFrom: 1})
		}
		add(routerRow{k: key{pkgGin, recv, "Any"}, op: opRegister, fw: Gin, method: "*", methodArg: -1, pathArg: 0, handlerArg: -2, mwFrom: 1})
		add(routerRow{k: key{pkgGin, recv, "Handle"}, op: opRegister, fw: Gin, methodArg: 0, pathArg: 1, handlerArg: -2, mwFrom: 2})
		add(routerRow{k: key{pkgGin, recv, "Match"}, op: opRegister, fw: Gin, methodArg: 0, pathArg: 1, handlerArg: -2, mwFrom: 2})
		add(routerRow{k: key{pkgGin, recv, "Use"}, op: opUse, fw: Gin, mwFrom: 0})
		add(routerRow{k: key{pkgGin, recv, "Group"}, op: opGroup, fw: Gin, pathArg: 0, mwFrom: 1})
	}
	add(routerRow{k: key{pkgGin, "Engine", "Use"}, op: opUse, fw: Gin, mwFrom: 0})
	// echo v4 (echo.go, group.go) and v5
	for _, p := range []struct {
		pkg string
		fw  Framework
	}{{pkgEcho, Echo}, {pkgEcho5, EchoV5}} {
		add(routerRow{k: key{p.pkg, "", "New"}, op: opNew, fw: p.fw, dynamic: true})
		for _, recv := range []string{"Echo", "Group"} {
			for _, m := range methods {
				add(routerRow{k: key{p.pkg, recv, m}, op: opRegister, fw: p.fw, method: m, methodArg: -1, pathArg: 0, handlerArg: 1, mwFrom: 2})
			}
			add(routerRow{k: key{p.pkg, recv, "Any"}, op: opRegister, fw: p.fw, method: "*", methodArg: -1, pathArg: 0, handlerArg: 1, mwFrom: 2})
			add(routerRow{k: key{p.pkg, recv, "Match"}, op: opRegister, fw: p.fw, methodArg: 0, pathArg: 1, handlerArg: 2, mwFrom: 3})
			add(routerRow{k: key{p.pkg, recv, "Add"}, op: opRegister, fw: p.fw, methodArg: 0, pathArg: 1, handlerArg: 2, mwFrom: 3})
			add(routerRow{k: key{p.pkg, recv, "Use"}, op: opUse, fw: p.fw, mwFrom: 0})
			add(routerRow{k: key{p.pkg, recv, "Group"}, op: opGroup, fw: p.fw, pathArg: 0, mwFrom: 1})
		}
		add(routerRow{k: key{p.pkg, "Echo", "Pre"}, op: opPre, fw: p.fw, mwFrom: 0})
	}
	// fiber v2 (app.go, group.go, router.go Router interface) and v3
	for _, p := range []struct {
		pkg string
		fw  Framework
	}{{pkgFiber, Fiber}, {pkgFiber3, FiberV3}} {
		add(routerRow{k: key{p.pkg, "", "New"}, op: opNew, fw: p.fw})
		for _, recv := range []string{"App", "Group", "Router"} {
			for _, m := range methods {
				add(routerRow{k: key{p.pkg, recv, title(m)}, op: opRegister, fw: p.fw, method: m, methodArg: -1, pathArg: 0, handlerArg: -2, mwFrom: 1})
			}
			add(routerRow{k: key{p.pkg, recv, "All"}, op: opRegister, fw: p.fw, method: "*", methodArg: -1, pathArg: 0, handlerArg: -2, mwFrom: 1})
			add(routerRow{k: key{p.pkg, recv, "Add"}, op: opRegister, fw: p.fw, methodArg: 0, pathArg: 1, handlerArg: -2, mwFrom: 2})
			add(routerRow{k: key{p.pkg, recv, "Use"}, op: opUse, fw: p.fw, mwFrom: 0})
			add(routerRow{k: key{p.pkg, recv, "Group"}, op: opGroup, fw: p.fw, pathArg: 0, mwFrom: 1})
			add(routerRow{k: key{p.pkg, recv, "Route"}, op: opGroupFn, fw: p.fw, pathArg: 0, fnArg: 1, mwFrom: -1})
			add(routerRow{k: key{p.pkg, recv, "Mount"}, op: opMount, fw: p.fw, pathArg: 0, handlerArg: 1, mwFrom: -1})
			add(routerRow{k: key{p.pkg, recv, "Name"}, op: opSame, fw: p.fw})
		}
	}
	// gorilla/mux (mux.go, route.go, middleware.go)
	add(routerRow{k: key{pkgMux, "", "NewRouter"}, op: opNew, fw: GorillaMux, dynamic: true})
	add(routerRow{k: key{pkgMux, "Router", "Handle"}, op: opRegister, fw: GorillaMux, method: "*", methodArg: -1, pathArg: 0, handlerArg: 1, mwFrom: -1})
	add(routerRow{k: key{pkgMux, "Router", "HandleFunc"}, op: opRegister, fw: GorillaMux, method: "*", methodArg: -1, pathArg: 0, handlerArg: 1, mwFrom: -1})
	add(routerRow{k: key{pkgMux, "Router", "Use"}, op: opUse, fw: GorillaMux, mwFrom: 0})
	for _, m := range []string{"UseEncodedPath", "StrictSlash", "SkipClean"} {
		add(routerRow{k: key{pkgMux, "Router", m}, op: opSame, fw: GorillaMux}) // options that return the router
	}
	for _, m := range []string{"NewRoute", "Path", "PathPrefix", "Methods", "Host", "Headers", "HeadersRegexp", "Queries", "Schemes", "MatcherFunc", "Name"} {
		add(routerRow{k: key{pkgMux, "Router", m}, op: opMuxRoute, fw: GorillaMux})
		add(routerRow{k: key{pkgMux, "Route", m}, op: opMuxRouteSet, fw: GorillaMux})
	}
	add(routerRow{k: key{pkgMux, "Route", "Handler"}, op: opMuxHandler, fw: GorillaMux, handlerArg: 0})
	add(routerRow{k: key{pkgMux, "Route", "HandlerFunc"}, op: opMuxHandler, fw: GorillaMux, handlerArg: 0})
	add(routerRow{k: key{pkgMux, "Route", "Subrouter"}, op: opMuxSubrouter, fw: GorillaMux})
	// julienschmidt/httprouter v1.3.0 (router.go)
	add(routerRow{k: key{pkgHttprouter, "", "New"}, op: opNew, fw: HTTPRouter})
	for _, m := range []string{"GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"} {
		add(routerRow{k: key{pkgHttprouter, "Router", m}, op: opRegister, fw: HTTPRouter, method: m, methodArg: -1, pathArg: 0, handlerArg: 1, mwFrom: -1})
	}
	for _, m := range []string{"Handle", "Handler", "HandlerFunc"} {
		add(routerRow{k: key{pkgHttprouter, "Router", m}, op: opRegister, fw: HTTPRouter, methodArg: 0, pathArg: 1, handlerArg: 2, mwFrom: -1})
	}
}

var routerRows []routerRow

// transparentWrappers are handler wrappers that are not middleware the
// checks care about and do not change the route: the handler is their
// argument at the given index.
var transparentWrappers = map[key]int{
	{"net/http", "", "StripPrefix"}: 1,
	{pkgGin, "", "WrapH"}:           0,
	{pkgGin, "", "WrapF"}:           0,
	{pkgEcho, "", "WrapHandler"}:    0,
	{pkgEcho5, "", "WrapHandler"}:   0,
	{"github.com/gofiber/fiber/v2/middleware/adaptor", "", "HTTPHandler"}:     0,
	{"github.com/gofiber/fiber/v2/middleware/adaptor", "", "HTTPHandlerFunc"}: 0,
}
