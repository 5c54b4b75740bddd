// Package cors defines the cors check: CORS policies that let any website
// read authenticated responses.
package cors

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/source"
)

const Doc = `cors: CORS policies that let any website read authenticated responses

A browser sends cookies (and, for fetch with credentials: "include",
client certificates and HTTP auth) on cross-origin requests, but lets the
calling page read the response only if the API answers with
Access-Control-Allow-Origin naming that page's origin and
Access-Control-Allow-Credentials: true. An API that echoes whatever Origin
it receives, or accepts origins by a test an attacker's domain passes,
lets any website a logged-in user visits read that user's data and act
as them (OWASP API8:2023 Security Misconfiguration; CWE-942, CWE-346).

The check reports, as errors when credentials are allowed by a constant
and as warnings when they are set from configuration:

  - CORS middleware configuration, read from the libraries' source:
    rs/cors and go-chi/cors Options, gin-contrib/cors Config, echo v4/v5
    middleware.CORSConfig, fiber v2/v3 cors.Config, and the options given
    to gorilla/handlers CORS(...) and go-pkgz/rest CORS(...), with
    credentials on and
      - an origin function that accepts every origin (AllowOriginFunc,
        AllowOriginRequestFunc, AllowOriginVaryRequestFunc,
        AllowOriginWithContextFunc, AllowOriginsFunc,
        UnsafeAllowOriginFunc, AllowedOriginValidator returning true):
        every library then reflects the request's origin;
      - echo's UnsafeWildcardOriginWithAllowCredentials or go-pkgz/rest's
        CorsUnsafeAnyOriginWithCredentials with "*";
      - the "null" origin in the allowed list;
      - a wildcard pattern attackers can match ("https://*" ,
        "https://*example.com", "https://example.com*"; rs/cors,
        go-chi/cors, gin-contrib/cors with AllowWildcard, echo v4), or a
        gin-contrib "/regexp/" origin that is unanchored or has an
        unescaped dot;
    fields are read from the literal and from assignments to the variable
    it initializes in the same function (cfg.AllowCredentials = true);
  - raw header writes (net/http w.Header().Set, w.Header()[k] = …, gin
    c.Header, echo c.Response().Header().Set, fiber c.Set, fasthttp) that
    put the request's Origin into Access-Control-Allow-Origin, in a
    function that also sets Access-Control-Allow-Credentials: true and
    does not test the origin before (a comparison, a map or allowlist
    lookup, a call given the origin); and Access-Control-Allow-Origin:
    null with credentials;
  - origin tests an attacker's origin passes, wherever the tested value
    is the Origin header or a variable named origin:
    strings.HasSuffix(origin, "example.com") (no leading dot),
    strings.HasPrefix(origin, "https://example.com") (passes
    https://example.com.evil.io), strings.Contains(origin, "example.com"),
    regexp.MatchString and (*regexp.Regexp).MatchString with a constant
    pattern that is not anchored with ^ and $ or has an unescaped dot;
    errors inside an origin function of a configuration that allows
    credentials or in a function that writes
    Access-Control-Allow-Credentials: true, warnings elsewhere;
  - http.CrossOriginProtection.AddInsecureBypassPattern with a pattern
    that covers every path ("/", "/{path...}", "POST /"), as a warning:
    it turns Go's CSRF protection off for the whole API.

As a note: AllowedOrigins "*" (or gin's AllowAllOrigins) with
AllowCredentials in rs/cors, go-chi/cors, gin-contrib/cors, echo v4 and
gorilla/handlers.
These libraries then send Access-Control-Allow-Origin: *, which browsers
refuse for credentialed requests, so it is broken rather than open; do
not "fix" it by reflecting the origin.

Not reported: fixed allowlists; "*" or a reflected origin without
credentials (any site may read what it could fetch anonymously);
subdomain patterns ("https://*.example.com") and port wildcards
("http://localhost:*"); preflight-only handlers that set no credentials;
fiber, echo v5 and go-pkgz/rest with "*" and credentials (they panic or
fail at start-up); origin functions that do more than return true (their tests are
judged as above).

Limits: credentials set in another function than the one reflecting the
origin are not connected; an Authorization header sent by JavaScript
(not cookies) is not considered a credential; origins computed at run
time (from configuration) are not judged.

Suppress a finding with a reason: //apivet:ignore cors <reason>.`

// Analyzer is the cors check's analyzer.
var Analyzer = &analysis.Analyzer{
	Name:     "cors",
	Doc:      Doc,
	URL:      "https://github.com/apivet/apivet/blob/main/docs/checks.md#cors",
	Requires: []*analysis.Analyzer{check.Inspect},
	Run:      run,
}

// Check is the cors check's registry entry. Precision is medium until more
// real services are triaged: two findings on the first fifteen, both true,
// are too few to claim more.
var Check = &check.Check{
	Analyzer:  Analyzer,
	Title:     "CORS policy lets any website read authenticated responses",
	OWASP:     "API8:2023",
	CWE:       []int{942, 346},
	Severity:  check.Error,
	Precision: check.Medium,
	Since:     "v0.2.0",
	Bad: `r.Use(cors.Handler(cors.Options{
	AllowOriginFunc:  func(r *http.Request, origin string) bool { return true },
	AllowCredentials: true, // any website reads logged-in users' data
}))`,
	Good: `r.Use(cors.Handler(cors.Options{
	AllowedOrigins:   []string{"https://app.example.com"},
	AllowCredentials: true,
}))`,
}

type checker struct {
	pass       *analysis.Pass
	keys       map[string]ast.Node            // configFields: where each field is set
	credFuncs  map[ast.Node]credentials       // origin function bodies → their config's credentials
	originVars map[*types.Var]bool            // variables holding the Origin header
	funcDecls  map[*types.Func]*ast.BlockStmt // built on first use
	inits      map[*types.Var]*ast.CallExpr   // built on first use
	reported   map[ast.Node]bool
}

func run(pass *analysis.Pass) (any, error) {
	if pass.TypesInfo == nil {
		return nil, nil
	}
	c := &checker{
		pass:       pass,
		credFuncs:  map[ast.Node]credentials{},
		originVars: map[*types.Var]bool{},
		reported:   map[ast.Node]bool{},
	}
	ins := pass.ResultOf[check.Inspect].(*inspector.Inspector)
	writes := map[ast.Node]*funcWrites{}
	var order []*funcWrites
	nodeTypes := []ast.Node{(*ast.CompositeLit)(nil), (*ast.CallExpr)(nil), (*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)}

	// First the configurations (they say which functions are origin
	// functions with credentials), the Origin variables and the header
	// writes, grouped by function.
	for cur := range ins.Root().Preorder(nodeTypes...) {
		n := cur.Node()
		switch n := n.(type) {
		case *ast.CompositeLit:
			if l := libraryOf(pass.TypesInfo.TypeOf(n)); l != nil {
				c.configLit(cur, n, l)
			}
			continue
		case *ast.CallExpr:
			fn := calleeFunc(pass.TypesInfo, n)
			if l := libraryOf(pass.TypesInfo.TypeOf(n)); l != nil && assignedVar(pass.TypesInfo, cur) != nil {
				c.configLit(cur, nil, l) // cfg := cors.DefaultConfig()
			}
			if l := optionLibraryOf(fn); l != nil {
				c.options(n, l)
			}
			if fn != nil && fn.Name() == "AddInsecureBypassPattern" && fn.Pkg() != nil && fn.Pkg().Path() == "net/http" {
				c.bypassPattern(n)
			}
		case *ast.AssignStmt, *ast.ValueSpec:
			c.collectOriginVars(n)
		}
		w := c.headerWriteOf(n)
		if w == nil || (w.name != headerAllowOrigin && w.name != headerAllowCredentials) {
			continue
		}
		body := enclosingFunc(cur)
		if body == nil {
			continue
		}
		fw := writes[body]
		if fw == nil {
			fw = &funcWrites{body: body}
			writes[body] = fw
			order = append(order, fw)
		}
		if w.name == headerAllowOrigin {
			fw.allowOrigin = append(fw.allowOrigin, w)
		} else if s, ok := c.constString(w.value); ok && strings.EqualFold(strings.TrimSpace(s), "true") {
			fw.credentials = true
		}
	}
	for _, fw := range order {
		c.judgeWrites(fw)
	}

	// Then the origin tests, knowing their function's credentials.
	for cur := range ins.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		fn := calleeFunc(pass.TypesInfo, call)
		if fn == nil || fn.Pkg() == nil || (fn.Pkg().Path() != "strings" && fn.Pkg().Path() != "regexp") {
			continue
		}
		cred, credWrites := credNo, false
		for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			var body ast.Node
			switch f := f.Node().(type) {
			case *ast.FuncDecl:
				body = f.Body
			case *ast.FuncLit:
				body = f.Body
			}
			if cr, ok := c.credFuncs[body]; ok && cr > cred {
				cred = cr
			}
			if fw := writes[f.Node()]; fw != nil && fw.credentials {
				credWrites = true
			}
			break
		}
		c.originValidation(call, fn, cred, credWrites)
	}
	return nil, nil
}

// optionLibrary describes a CORS middleware configured by option
// functions, as read in its source.
type optionLibrary struct {
	pkg, ctor, short string
	origins          string // option taking the allowed origins ([]string or variadic)
	validator        string // option taking an origin function
	credentials      string // option that allows credentials
	credArg          bool   // that option takes a bool (else it takes nothing)
	// unsafeWildcard is the option (with a bool) that makes a lone "*"
	// reflect the request's origin with credentials; without it, "*" with
	// credentials panics (go-pkgz/rest) or sends "*" (gorilla/handlers).
	unsafeWildcard string
	starPanics     bool
	starNotes      bool // "*" with credentials sends "*": a note
}

// optionLibraries: gorilla/handlers sends "*" when "*" is listed (or
// nothing is) and reflects the origin a validator accepts; go-pkgz/rest
// defaults to "*", panics on "*" with credentials unless
// CorsUnsafeAnyOriginWithCredentials, and then reflects every origin.
var optionLibraries = []optionLibrary{
	{pkg: "github.com/gorilla/handlers", ctor: "CORS", short: "gorilla/handlers", origins: "AllowedOrigins",
		validator: "AllowedOriginValidator", credentials: "AllowCredentials", starNotes: true},
	{pkg: "github.com/go-pkgz/rest", ctor: "CORS", short: "go-pkgz/rest", origins: "CorsAllowedOrigins",
		credentials: "CorsAllowCredentials", credArg: true, unsafeWildcard: "CorsUnsafeAnyOriginWithCredentials", starPanics: true},
}

func optionLibraryOf(fn *types.Func) *optionLibrary {
	for i := range optionLibraries {
		if l := &optionLibraries[i]; funcIs(fn, l.pkg, l.ctor) {
			return l
		}
	}
	return nil
}

// options judges a CORS(option...) call: the options are calls written
// among its arguments.
func (c *checker) options(call *ast.CallExpr, l *optionLibrary) {
	var validator, unsafe *ast.CallExpr
	var origins []origin
	originsSet := false
	cred := credNo
	var credAt ast.Node
	for _, a := range call.Args {
		opt, ok := ast.Unparen(a).(*ast.CallExpr)
		if !ok {
			continue
		}
		fn := calleeFunc(c.pass.TypesInfo, opt)
		switch {
		case funcIs(fn, l.pkg, l.credentials):
			cred, credAt = credYes, opt
			if l.credArg {
				cred = credNo
				if len(opt.Args) == 1 {
					cred = c.boolField(opt.Args[0])
				}
			}
		case l.validator != "" && funcIs(fn, l.pkg, l.validator) && len(opt.Args) == 1:
			validator = opt
		case l.unsafeWildcard != "" && funcIs(fn, l.pkg, l.unsafeWildcard) && len(opt.Args) == 1:
			unsafe = opt
		case funcIs(fn, l.pkg, l.origins):
			originsSet = true
			if len(opt.Args) == 1 && opt.Ellipsis == 0 {
				if list, listed := c.stringList(opt.Args[0], false); listed && list != nil {
					origins = list
					break
				}
			}
			for _, arg := range opt.Args {
				if s, ok := c.constString(arg); ok {
					origins = append(origins, origin{s, arg})
				}
			}
		}
	}
	if cred == credNo {
		return
	}
	credText := map[credentials]string{credYes: "credentials are allowed", credMaybe: "credentials are set from configuration"}[cred]
	sev := check.Warning
	if cred == credYes {
		sev = check.Error
	}
	if validator != nil {
		if body := c.funcBody(validator.Args[0]); body != nil {
			c.credFuncs[body] = cred
			if alwaysTrue(c.pass.TypesInfo, body, 0) {
				c.report(validator, sev, fmt.Sprintf("%s accepts every origin while %s: %s then reflects any website's Origin with credentials, so that site can read logged-in users' responses; check it against an allowlist", l.validator, credText, l.short))
			}
		}
	}
	star := !originsSet && validator == nil || len(origins) == 1 && origins[0].value == "*"
	if star && unsafe != nil && c.boolField(unsafe.Args[0]) != credNo {
		c.report(unsafe, sev, fmt.Sprintf(`%s makes the "*" origin reflect any website's Origin with credentials: that site can read logged-in users' responses; list the allowed origins instead`, l.unsafeWildcard))
	} else if star && l.starNotes && cred == credYes && credAt != nil {
		c.report(credAt, check.Note, fmt.Sprintf(`origin "*" with %s: %s then sends Access-Control-Allow-Origin: *, which browsers refuse for credentialed requests; list the origins that need cookies`, l.credentials, l.short))
	}
	for _, o := range origins {
		if o.value == "null" {
			c.report(o.node, sev, fmt.Sprintf(`the "null" origin is allowed while %s: sandboxed iframes and data: pages of any website send Origin: null, so they can read logged-in users' responses; remove it`, credText))
		}
	}
}

// bypassPattern judges http.CrossOriginProtection.AddInsecureBypassPattern.
func (c *checker) bypassPattern(call *ast.CallExpr) {
	if len(call.Args) != 1 {
		return
	}
	p, ok := c.constString(call.Args[0])
	if !ok {
		return
	}
	path := p
	if i := strings.IndexAny(path, " \t"); i >= 0 { // "POST /": a method first
		path = strings.TrimSpace(path[i:])
	}
	if i := strings.Index(path, "/"); i > 0 { // "example.com/": a host first
		path = path[i:]
	}
	if path != "/" && !(strings.HasPrefix(path, "/{") && strings.HasSuffix(path, "...}") && strings.Count(path, "/") == 1) {
		return
	}
	c.report(call, check.Warning, fmt.Sprintf("AddInsecureBypassPattern(%q) turns cross-origin (CSRF) protection off for every path: any website can make users' browsers send state-changing requests; bypass only the exact endpoints that need it, such as webhooks", p))
}

func (c *checker) report(n ast.Node, sev check.Severity, msg string) {
	if c.reported[n] {
		return
	}
	c.reported[n] = true
	check.Report(c.pass, analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Message: msg}, sev)
}

func calleeOf(info *types.Info, call *ast.CallExpr) types.Object {
	return typeutil.Callee(info, call)
}

func calleeFunc(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn
}

func funcIs(fn *types.Func, pkg, name string) bool {
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == pkg && fn.Name() == name
}

func sourceText(c *checker, n ast.Node) string {
	if s := source.Text(c.pass, n); s != "" {
		return s
	}
	if e, ok := n.(ast.Expr); ok {
		return types.ExprString(e)
	}
	return ""
}

func shorten(s string) string { return shortenTo(s, 60) }

func shortenTo(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > n {
		return s[:n-3] + "..."
	}
	return s
}
