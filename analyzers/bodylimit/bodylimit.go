// Package bodylimit defines the bodylimit check: handlers that read a
// request body with no size limit.
package bodylimit

import (
	"go/ast"
	"go/types"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/httpmodel"
	"github.com/apivet/apivet/internal/serve"
	"github.com/apivet/apivet/internal/source"
)

const Doc = `bodylimit: request bodies read with no size limit

net/http, gin and echo read as much of a request body as the client sends.
A handler that decodes or reads the whole body with nothing bounding it
lets one request make the server buffer gigabytes (OWASP API4:2023
Unrestricted Resource Consumption; CWE-400, CWE-770).

The check reports a read of the whole request body:

  - io.ReadAll / ioutil.ReadAll of r.Body;
  - json/xml NewDecoder(r.Body).Decode;
  - go-chi/render Bind, Decode, DecodeJSON, DecodeXML;
  - gin's Bind, ShouldBind (not on GET-only routes), BindJSON,
    ShouldBindJSON and the other body bindings, ShouldBindBodyWith*,
    GetRawData; echo's Bind (v4 and v5) and DefaultBinder.BindBody;
  - a call of a project helper that does one of these on its request
    parameter (a decodeJSON(r, &v) helper), in this or, through facts,
    another package;

when nothing bounds it: no http.MaxBytesReader or io.LimitReader before
the read in the handler (or around the reader), and no body-limit
middleware on every route to the handler (http.MaxBytesHandler, chi's
middleware.RequestSize, echo's middleware.BodyLimit, project middleware
that calls http.MaxBytesReader).

One finding per root cause:

  - when no route of a served router limits bodies, one finding at the
    serve call (http.ListenAndServe, r.Run, e.Start, ...), with each route
    that reads a body, and where, as related information; a router that
    no visible serve call serves (kept in a field and served by the
    type's ServeHTTP) is that finding at its creation, when two or more
    of its routes read bodies;
  - when some routes are limited, one finding per read that the other
    routes reach (at the read when the handler is in the package, at the
    route registration when it is in another one), its routes as related
    information.

Routes registered on a router a caller passes in, or on a router the
function returns, are judged in the package that mounts or serves them,
where their whole path and middleware chain are known; routes that
nothing in the program serves (a registering function nobody calls, or
one called only through an interface) are not reported.

The advice and the suggested fix fit the framework: a handler gets
r.Body = http.MaxBytesReader(w, r.Body, 1<<20) (net/http, chi, gorilla),
c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, 1<<20)
(gin) or c.Request().Body = http.MaxBytesReader(c.Response(),
c.Request().Body, 1<<20) (echo) at its top, with the net/http import
added when missing; a router-wide finding names http.MaxBytesHandler,
chi's middleware.RequestSize, echo's middleware.BodyLimit, or for gin a
middleware setting c.Request.Body the same way.

It also reports a fiber.Config (v2, v3) whose BodyLimit is above
max-bytes: fiber buffers whole bodies up to that size in memory. Fiber
handlers are otherwise not reported (fiber limits bodies to 4 MiB by
default).

Not reported: handlers no served route is known to reach; form parsing
(ParseForm is capped at 10 MiB by net/http, multipart spills to disk);
streaming copies (io.Copy to a file or upstream); middleware.

Settings (.apivet.yml):

	bodylimit:
	  max-bytes: 33554432       # fiber BodyLimit above this is reported
	  limit-funcs: ["mylib.LimitBody"]   # project functions that bound r.Body

Suppress a finding with a reason: //apivet:ignore bodylimit <reason>.`

// Settings are the check's settings.
type Settings struct {
	// MaxBytes is the largest fiber Config.BodyLimit not reported.
	MaxBytes int64 `yaml:"max-bytes"`
	// LimitFuncs are project functions ("pkg/path.Func", "Func") whose call
	// bounds the request body, as http.MaxBytesReader does.
	LimitFuncs []string `yaml:"limit-funcs"`
}

var settings = &Settings{MaxBytes: 32 << 20}

// Analyzer is the bodylimit check's analyzer.
var Analyzer = &analysis.Analyzer{
	Name:      "bodylimit",
	Doc:       Doc,
	URL:       "https://github.com/apivet/apivet/blob/main/docs/checks.md#bodylimit",
	Requires:  []*analysis.Analyzer{serve.Analyzer, httpmodel.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{(*ReadsBodyFact)(nil), (*BodyReadsFact)(nil)},
}

// Check is the bodylimit check's registry entry.
var Check = &check.Check{
	Analyzer:  Analyzer,
	Title:     "Request body read with no size limit",
	OWASP:     "API4:2023",
	CWE:       []int{400, 770},
	Severity:  check.Warning,
	Precision: check.Medium,
	Since:     "v0.1.0",
	Bad: `func createOrder(w http.ResponseWriter, r *http.Request) {
	var req CreateOrderRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	// ...
}`,
	Good: `func createOrder(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	var req CreateOrderRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	// ...
}`,
	Settings: settings,
}

// ReadsBodyFact is exported for a function that reads the whole request
// body with no limit: a helper taking the request (decodeJSON(r, &v)), or
// a handler whose routes are registered in another package, or only on
// routers a caller in another package mounts or serves.
type ReadsBodyFact struct {
	What string // "json.Decoder.Decode at orders.go:42"
}

func (*ReadsBodyFact) AFact()           {}
func (f *ReadsBodyFact) String() string { return "readsBody(" + f.What + ")" }

// BodyReadsFact is a package's index of the handlers that ReadsBodyFact
// is exported for, by "file:line" of their declaration: routes spliced
// into another package from a route summary name their handler only by
// position, and package facts, unlike object facts about functions,
// reach every package that depends on this one.
type BodyReadsFact struct {
	Handlers []HandlerRead // sorted by At: gob encodes facts, and must do so deterministically
}

// HandlerRead is one handler of a BodyReadsFact.
type HandlerRead struct {
	At   string // "file:line" of its declaration
	What string // what it reads
}

func (*BodyReadsFact) AFact() {}
func (f *BodyReadsFact) String() string {
	var at []string
	for _, h := range f.Handlers {
		at = append(at, filepath.Base(h.At))
	}
	return "bodyReads(" + strings.Join(at, " ") + ")"
}

type checker struct {
	pass    *analysis.Pass
	model   *httpmodel.Result
	helpers map[*types.Func]string // this package's helpers that read a body
	// handlerReads memoizes reads of each handler's body.
	handlerReads map[*httpmodel.Handler][]read
	// remote maps "file:line" of other packages' handlers to what they
	// read (their BodyReadsFacts), for routes spliced from a route
	// summary, which name their handler only by position (see remoteRead).
	remote map[string]string
	// index is what this package's BodyReadsFact lists.
	index map[string]string
}

func run(pass *analysis.Pass) (any, error) {
	c := &checker{pass: pass, model: pass.ResultOf[httpmodel.Analyzer].(*httpmodel.Result), helpers: map[*types.Func]string{},
		handlerReads: map[*httpmodel.Handler][]read{}}
	c.fiberConfigs()

	decls := map[*types.Func]*ast.FuncDecl{}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					decls[fn] = fd
				}
			}
		}
	}
	// Helpers: functions that are not handlers, take a request or a
	// framework context, and read its body unbounded. Two rounds let a
	// helper call another.
	for range 2 {
		for fn, fd := range decls {
			// A routed handler is judged by its routes; an unrouted
			// handler-shaped function (func(c *gin.Context) error
			// validators) is a helper like any other.
			if h := c.model.HandlerAt(fd); c.helpers[fn] != "" || !takesRequest(fn) || (h != nil && len(c.model.RoutesTo(h)) > 0) {
				continue
			}
			if rs := c.reads(fd.Body); len(rs) > 0 {
				c.helpers[fn] = rs[0].what + " at " + source.ShortPos(c.pass.Fset, rs[0].call.Pos())
			}
		}
	}
	for fn, what := range c.helpers {
		pass.ExportObjectFact(fn, &ReadsBodyFact{What: what})
	}

	c.report()
	return nil, nil
}
