// Package taint is apivet's shared taint engine: where client input and
// secrets go. One analysis per package finds every flow from a source to
// a sink of a known kind; the checks built on it (sqlinjection, ssrf,
// logleak) read its *Result and report the flows of their kind:
//
//	res := pass.ResultOf[taint.Analyzer].(*taint.Result)
//	for _, f := range res.Flows(taint.SQL) { ... }
//
// Sources:
//   - request input, from the HTTP model: the Inputs of every handler
//     (path, query, header, cookie, form and body parameters, bound
//     structs field by field, RPC request messages), calls of input
//     functions anywhere in the package (r.FormValue in a helper), and
//     reads of a *http.Request the model does not list (requests.go:
//     r.Referer(), r.UserAgent(), r.Form["q"], r.Header["X"], r.URL.Path,
//     r.URL.RawQuery, r.Body);
//   - secrets, for the Log kind: values whose name says they hold one
//     (internal/secretname: password, apiKey, accessToken), values read
//     under such a name (os.Getenv("DB_PASSWORD"), r.FormValue("password")),
//     the Authorization, Cookie and API-key request headers, request dumps
//     (httputil.DumpRequest), the incoming request's Header, and structs
//     with a secret field logged whole.
//
// Propagation (flow-insensitive, over the def-use index of
// httpmodel.Flow): assignments, string building (+, fmt.Sprint*,
// strings and bytes functions, strings.Builder and bytes.Buffer writes,
// strings.Join, net/url parsing and String), conversions, decoders into
// out-parameters (json.Unmarshal(body, &v)), struct fields
// (field-insensitive, but field by field for logs: cfg.note = password),
// slices and maps (coarse), closures' captured variables, the package's
// globals (their initializers and every assignment in the package, for
// sources), interface calls on a local whose definitions share one
// concrete type, and calls: every function of the module is summarized
// (which parameters reach its results, which reach a sink, what it
// writes through pointer parameters, which source it returns itself) and
// the summaries travel to importing packages as facts, so a repository
// method that builds SQL from its parameter is found where a handler
// passes it request input.
//
// Cleaning: constants and values built only from constants; values of a
// numeric or boolean type (strconv.Atoi's result cannot inject, len(pw)
// reveals nothing) and, for SQL and URLs, arguments of numeric fmt verbs
// (%d, %x), for logs arguments under %T and %p (a type or an address)
// and the keys of a range over http.Header, url.Values or metadata.MD (a
// header's or parameter's name); per kind, the sanitizers of sinks.go (quoting functions for
// SQL, hashes, encryption, masking helpers and url.URL.Redacted for
// logs; a helper named as a sanitizer that only trims or changes case is
// none), for logs names that say a value is hashed or encrypted,
// allowlist guards for SQL and URLs (a comparison with a constant,
// a map lookup, slices.Contains, a switch over constants, an allow- or
// validate-named function, an IP's IsPrivate/IsLoopback test) and, for
// URLs, input only in the path or query of a URL whose scheme and host
// come before it ("https://api.example.com/users/" + id).
//
// Limits: no control flow (a guard anywhere in the function counts), no
// flow through other packages' globals, function-valued variables,
// channels or interface method calls whose implementation is not
// static, and one level of field sensitivity for url.URL (Path and
// RawQuery assignments are safe parts) and for logs.
package taint

import (
	"fmt"
	"go/ast"
	"go/token"
	"reflect"
	"sort"

	"golang.org/x/tools/go/analysis"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/httpmodel"
)

// Analyzer finds the package's taint flows; its result is a *Result.
var Analyzer = &analysis.Analyzer{
	Name:       "taint",
	Doc:        "finds flows of client input and secrets into SQL text, outgoing request URLs and logs; reports nothing",
	Run:        run,
	Requires:   []*analysis.Analyzer{httpmodel.Analyzer, check.Inspect},
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{new(SummaryFact)},
}

// Kind is a kind of sink.
type Kind uint8

// The sink kinds.
const (
	SQL Kind = 1 << iota // the SQL text of a query
	URL                  // the URL, host or address of an outgoing request or connection
	Log                  // log output
)

var kinds = []Kind{SQL, URL, Log}

func (k Kind) String() string {
	switch k {
	case SQL:
		return "sql"
	case URL:
		return "url"
	case Log:
		return "log"
	}
	return "?"
}

// SourceClass says what a source is.
type SourceClass uint8

// Source classes.
const (
	Input  SourceClass = iota + 1 // client-controlled request input
	Secret                        // a credential or secret
)

// Source is where a tainted value starts.
type Source struct {
	Class SourceClass
	// Expr is the source expression (the input call, the secret's name).
	Expr ast.Expr
	// Input is the model's input, for Class Input (nil for a source the
	// engine found itself, such as an input call outside a handler).
	Input *httpmodel.Input
	// Desc describes the source for a message: `query parameter "q"`,
	// `password`, `the Authorization header`.
	Desc string
}

// Pos is the source's position.
func (s *Source) Pos() token.Pos { return s.Expr.Pos() }

// Flow is one sink argument that tainted values reach.
type Flow struct {
	Kind Kind
	// Call is the sink call, or the assignment for a sink that is an
	// assignment (req.URL.Host = h).
	Call ast.Node
	// Arg is the tainted argument or assigned value.
	Arg ast.Expr
	// Sink names the sink: "(*sql.DB).Query", "http.Get".
	Sink string
	// Via, when the sink is inside a function the call reaches (a
	// repository helper of this or another package), names that function
	// and where its sink is: "store.Search (store.go:42)".
	Via string
	// Sources are the sources reaching Arg, in source order.
	Sources []*Source
}

// Pos is the position of the tainted argument.
func (f *Flow) Pos() token.Pos { return f.Arg.Pos() }

// Result is the taint analysis of one package.
type Result struct {
	flows []*Flow
}

// Flows returns the package's flows into sinks of kind k, in source order.
func (r *Result) Flows(k Kind) []*Flow {
	if r == nil {
		return nil
	}
	var out []*Flow
	for _, f := range r.flows {
		if f.Kind == k {
			out = append(out, f)
		}
	}
	return out
}

// Release drops the result (see check.Release).
func (r *Result) Release() { *r = Result{} }

func run(pass *analysis.Pass) (any, error) {
	hm, _ := pass.ResultOf[httpmodel.Analyzer].(*httpmodel.Result)
	res := &Result{}
	if pass.TypesInfo == nil || hm == nil || check.IsDependency(pass) {
		// Libraries are known from the tables of sinks.go, not from
		// summaries of their code.
		return res, nil
	}
	e := newEngine(pass, hm)
	e.findFlows()
	e.exportSummaries()
	res.flows = e.flows
	sort.SliceStable(res.flows, func(i, j int) bool { return res.flows[i].Pos() < res.flows[j].Pos() })
	return res, nil
}

// SourceText describes the flow's sources for a message: the first one,
// and how many more there are.
func (f *Flow) SourceText() string {
	s := f.Sources[0].Desc
	if n := len(f.Sources) - 1; n > 0 {
		s += fmt.Sprintf(" (and %d more)", n)
	}
	return s
}

// Related returns the sources' positions as related information.
func (f *Flow) Related() []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	for _, s := range f.Sources {
		if s.Pos().IsValid() {
			out = append(out, analysis.RelatedInformation{Pos: s.Pos(), Message: "source: " + s.Desc})
		}
	}
	return out
}

// Report reports the package's flows of kind k with severity sev, the
// way the checks built on the engine share: at the tainted argument, with
// the sources as related information. direct formats a flow's message
// from its sources and sink; via, for a flow through a called function,
// from its sources, sink and that function.
func Report(pass *analysis.Pass, k Kind, sev check.Severity, direct, via string) {
	res, _ := pass.ResultOf[Analyzer].(*Result)
	for _, f := range res.Flows(k) {
		msg := fmt.Sprintf(direct, f.SourceText(), f.Sink)
		if f.Via != "" {
			msg = fmt.Sprintf(via, f.SourceText(), f.Sink, f.Via)
		}
		check.Report(pass, analysis.Diagnostic{Pos: f.Arg.Pos(), End: f.Arg.End(), Message: msg, Related: f.Related()}, sev)
	}
}
