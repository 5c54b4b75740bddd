package cors

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/apivet/apivet/internal/check"
)

// patternStyle is how a library matches an allowed origin that contains
// "*", as read in its source.
type patternStyle int

const (
	noPatterns   patternStyle = iota // "*" only as the whole entry
	prefixSuffix                     // one "*": HasPrefix(before) && HasSuffix(after) (rs/cors, go-chi/cors, gin-contrib/cors)
	glob                             // "*" is .* and "?" is ., anchored (echo v4)
)

// library describes a CORS middleware's configuration struct.
type library struct {
	pkg, config string // import path, configuration struct
	short       string // for messages
	origins     string // field listing the allowed origins
	originsCSV  bool   // that field is one comma-separated string (fiber v2)
	originFuncs []string
	// funcResult is the result of the origin functions that says
	// "allowed" (echo v5's UnsafeAllowOriginFunc returns (origin, ok, err)).
	funcResult  int
	credentials string
	allowAll    string // a bool field that allows every origin (gin-contrib)
	// unsafeWildcard, when true, makes "*" reflect the request's origin
	// with credentials (echo v4).
	unsafeWildcard string
	patterns       patternStyle
	patternsNeed   string // a bool field that turns patterns on (gin-contrib: AllowWildcard)
	regexOrigins   bool   // entries written /re/ are unanchored regexps (gin-contrib)
	// starRefused: "*" (or no origins) together with credentials panics or
	// fails at start-up, so it never serves (fiber, echo v5).
	starRefused bool
	emptyIsAll  bool // no origins and no function means every origin
}

// libraries are the CORS middlewares whose configuration the check reads.
// With "*" and credentials, rs/cors, go-chi/cors, gin-contrib/cors and echo
// v4 (without UnsafeWildcardOriginWithAllowCredentials) send
// Access-Control-Allow-Origin: *, which browsers refuse for credentialed
// requests; every library reflects the request's origin when an origin
// function accepts it or a pattern matches.
var libraries = []library{
	{pkg: "github.com/rs/cors", config: "Options", short: "rs/cors", origins: "AllowedOrigins",
		originFuncs: []string{"AllowOriginFunc", "AllowOriginRequestFunc", "AllowOriginVaryRequestFunc"},
		credentials: "AllowCredentials", patterns: prefixSuffix, emptyIsAll: true},
	{pkg: "github.com/go-chi/cors", config: "Options", short: "go-chi/cors", origins: "AllowedOrigins",
		originFuncs: []string{"AllowOriginFunc"}, credentials: "AllowCredentials", patterns: prefixSuffix, emptyIsAll: true},
	{pkg: "github.com/gin-contrib/cors", config: "Config", short: "gin-contrib/cors", origins: "AllowOrigins",
		originFuncs: []string{"AllowOriginFunc", "AllowOriginWithContextFunc"}, credentials: "AllowCredentials",
		allowAll: "AllowAllOrigins", patterns: prefixSuffix, patternsNeed: "AllowWildcard", regexOrigins: true},
	{pkg: "github.com/labstack/echo/v4/middleware", config: "CORSConfig", short: "echo's CORS middleware", origins: "AllowOrigins",
		originFuncs: []string{"AllowOriginFunc"}, credentials: "AllowCredentials",
		unsafeWildcard: "UnsafeWildcardOriginWithAllowCredentials", patterns: glob, emptyIsAll: true},
	{pkg: "github.com/labstack/echo/v5/middleware", config: "CORSConfig", short: "echo's CORS middleware", origins: "AllowOrigins",
		originFuncs: []string{"UnsafeAllowOriginFunc"}, funcResult: 1, credentials: "AllowCredentials", starRefused: true},
	{pkg: "github.com/gofiber/fiber/v2/middleware/cors", config: "Config", short: "fiber's CORS middleware", origins: "AllowOrigins",
		originsCSV: true, originFuncs: []string{"AllowOriginsFunc"}, credentials: "AllowCredentials", starRefused: true, emptyIsAll: true},
	{pkg: "github.com/gofiber/fiber/v3/middleware/cors", config: "Config", short: "fiber's CORS middleware", origins: "AllowOrigins",
		originFuncs: []string{"AllowOriginsFunc"}, credentials: "AllowCredentials", starRefused: true, emptyIsAll: true},
}

func libraryOf(t types.Type) *library {
	if t == nil {
		return nil
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return nil
	}
	for i := range libraries {
		l := &libraries[i]
		if n.Obj().Pkg().Path() == l.pkg && n.Obj().Name() == l.config {
			return l
		}
	}
	return nil
}

// credentials is what the check knows about a credentials switch.
type credentials int

const (
	credNo    credentials = iota // absent or false
	credMaybe                    // set from configuration
	credYes                      // constant true
)

func (c *checker) boolField(e ast.Expr) credentials {
	if e == nil {
		return credNo
	}
	tv := c.pass.TypesInfo.Types[e]
	if tv.Value != nil && tv.Value.Kind() == constant.Bool {
		if constant.BoolVal(tv.Value) {
			return credYes
		}
		return credNo
	}
	return credMaybe
}

// configFields gathers a configuration's fields: those of the literal and,
// when the literal initializes a variable, the fields assigned to that
// variable in the same function (cfg.AllowCredentials = true).
func (c *checker) configFields(cur inspector.Cursor, lit *ast.CompositeLit) map[string]ast.Expr {
	fields := map[string]ast.Expr{}
	keys := map[string]ast.Node{}
	var elts []ast.Expr
	if lit != nil {
		elts = lit.Elts
	}
	for _, e := range elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				fields[id.Name] = kv.Value
				keys[id.Name] = kv
			}
		}
	}
	c.keys = keys
	v := assignedVar(c.pass.TypesInfo, cur)
	body := enclosingFunc(cur)
	if v == nil || body == nil {
		return fields
	}
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != len(as.Rhs) {
			return true
		}
		for i, lhs := range as.Lhs {
			sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
			if !ok {
				continue
			}
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && c.pass.TypesInfo.ObjectOf(id) == v {
				fields[sel.Sel.Name] = as.Rhs[i]
				keys[sel.Sel.Name] = as
			}
		}
		return true
	})
	return fields
}

// assignedVar is the variable a literal (or &literal) initializes, or nil.
func assignedVar(info *types.Info, cur inspector.Cursor) types.Object {
	node := cur.Node()
	p := cur.Parent()
	if u, ok := p.Node().(*ast.UnaryExpr); ok {
		node, p = u, p.Parent()
	}
	switch s := p.Node().(type) {
	case *ast.AssignStmt:
		for i, rhs := range s.Rhs {
			if rhs == node && i < len(s.Lhs) {
				if id, ok := s.Lhs[i].(*ast.Ident); ok {
					return info.ObjectOf(id)
				}
			}
		}
	case *ast.ValueSpec:
		for i, v := range s.Values {
			if v == node && i < len(s.Names) {
				return info.ObjectOf(s.Names[i])
			}
		}
	}
	return nil
}

func enclosingFunc(cur inspector.Cursor) ast.Node {
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return f.Node()
	}
	return nil
}

// configLit judges a CORS middleware's configuration: a literal, or a
// call such as gin-contrib's cors.DefaultConfig() (lit nil) whose result
// is stored in a variable and then changed field by field.
func (c *checker) configLit(cur inspector.Cursor, lit *ast.CompositeLit, l *library) {
	fields := c.configFields(cur, lit)
	keys := c.keys
	at := func(name string) ast.Node {
		if n := keys[name]; n != nil {
			return n
		}
		return cur.Node()
	}
	cred := c.boolField(fields[l.credentials])
	credText := l.credentials + " is on"
	if cred == credMaybe {
		credText = l.credentials + " is set from configuration"
	}
	sevFor := func(cr credentials) check.Severity {
		if cr == credYes {
			return check.Error
		}
		return check.Warning
	}

	// Origin functions: one that accepts every origin reflects it.
	hasFunc := false
	for _, name := range l.originFuncs {
		fn := fields[name]
		if fn == nil || c.pass.TypesInfo.Types[fn].IsNil() {
			continue
		}
		hasFunc = true
		body := c.funcBody(fn)
		if body == nil {
			continue
		}
		c.credFuncs[body] = cred
		if cred != credNo && alwaysTrue(c.pass.TypesInfo, body, l.funcResult) {
			c.report(at(name), sevFor(cred), fmt.Sprintf(
				"%s accepts every origin while %s: %s then reflects any website's Origin with credentials, so that site can read logged-in users' responses; check the origin against an allowlist",
				name, credText, l.short))
		}
	}

	// The origins list.
	origins, listed := c.stringList(fields[l.origins], l.originsCSV)
	star := false
	for _, o := range origins {
		star = star || o.value == "*"
	}
	if l.emptyIsAll && fields[l.origins] == nil && !hasFunc {
		star = true
	}
	if l.allowAll != "" && c.boolField(fields[l.allowAll]) == credYes {
		star = true
	}
	if star && cred != credNo && !l.starRefused {
		if l.unsafeWildcard != "" && c.boolField(fields[l.unsafeWildcard]) != credNo {
			c.report(at(l.unsafeWildcard), sevFor(cred), fmt.Sprintf(
				"%s makes the \"*\" origin reflect any website's Origin with credentials: that site can read logged-in users' responses; list the allowed origins instead",
				l.unsafeWildcard))
		} else if cred == credYes {
			what := l.origins + ` "*"`
			if l.allowAll != "" && c.boolField(fields[l.allowAll]) == credYes {
				what = l.allowAll
			}
			c.report(at(l.credentials), check.Note, fmt.Sprintf(
				"%s with %s: %s then sends Access-Control-Allow-Origin: *, which browsers refuse for credentialed requests; list the origins that need cookies (reflecting any origin would be a hole)",
				what, l.credentials, l.short))
		}
	}
	if cred == credNo || !listed {
		return
	}
	patternsOn := l.patterns != noPatterns && (l.patternsNeed == "" || c.boolField(fields[l.patternsNeed]) != credNo)
	for _, o := range origins {
		switch {
		case o.value == "null":
			c.report(o.node, sevFor(cred), fmt.Sprintf(
				"the \"null\" origin is allowed while %s: sandboxed iframes and data: pages of any website send Origin: null, so they can read logged-in users' responses; remove it",
				credText))
		case l.regexOrigins && len(o.value) > 2 && strings.HasPrefix(o.value, "/") && strings.HasSuffix(o.value, "/"):
			if why := weakRegexp(o.value[1 : len(o.value)-1]); why != "" {
				c.report(o.node, sevFor(cred), fmt.Sprintf(
					"origin regexp %s %s while %s: an attacker's site passes it and reads logged-in users' responses; anchor it with ^…$ and escape dots",
					shorten(o.value), why, credText))
			}
		case patternsOn && strings.Contains(o.value, "*") && o.value != "*":
			if why := broadPattern(o.value); why != "" {
				c.report(o.node, sevFor(cred), fmt.Sprintf(
					"origin pattern %q is too broad while %s: it %s; an attacker's site then reads logged-in users' responses; use \"https://*.example.com\"",
					o.value, credText, why))
			}
		}
	}
}

// origin is an allowed origin written in the source.
type origin struct {
	value string
	node  ast.Node
}

// stringList reads a literal list of constant strings (or, for fiber v2,
// one comma-separated constant). listed is false when the list is
// computed at run time.
func (c *checker) stringList(e ast.Expr, csv bool) (out []origin, listed bool) {
	if e == nil {
		return nil, true
	}
	info := c.pass.TypesInfo
	if csv {
		tv := info.Types[e]
		if tv.Value == nil || tv.Value.Kind() != constant.String {
			return nil, false
		}
		for _, s := range strings.Split(constant.StringVal(tv.Value), ",") {
			out = append(out, origin{strings.TrimSpace(s), e})
		}
		return out, true
	}
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok {
		return nil, false
	}
	for _, elt := range lit.Elts {
		tv := info.Types[elt]
		if tv.Value != nil && tv.Value.Kind() == constant.String {
			out = append(out, origin{constant.StringVal(tv.Value), elt})
		}
	}
	return out, true
}

// funcBody is the body of a function literal or of a function of this
// package named by an identifier.
func (c *checker) funcBody(e ast.Expr) *ast.BlockStmt {
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return e.Body
	case *ast.Ident, *ast.SelectorExpr:
		var id *ast.Ident
		if s, ok := e.(*ast.SelectorExpr); ok {
			id = s.Sel
		} else {
			id = e.(*ast.Ident)
		}
		fn, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Func)
		if !ok {
			return nil
		}
		return c.decls()[fn]
	}
	return nil
}

func (c *checker) decls() map[*types.Func]*ast.BlockStmt {
	if c.funcDecls == nil {
		c.funcDecls = map[*types.Func]*ast.BlockStmt{}
		for _, f := range c.pass.Files {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
					if fn, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
						c.funcDecls[fn] = fd.Body
					}
				}
			}
		}
	}
	return c.funcDecls
}

// alwaysTrue reports whether every return statement of a function body
// (not of nested function literals) returns constant true as its result
// number idx, and there is at least one.
func alwaysTrue(info *types.Info, body *ast.BlockStmt, idx int) bool {
	n := 0
	ok := true
	ast.Inspect(body, func(node ast.Node) bool {
		switch node := node.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			n++
			if len(node.Results) <= idx {
				ok = false
				return false
			}
			tv := info.Types[node.Results[idx]]
			if tv.Value == nil || tv.Value.Kind() != constant.Bool || !constant.BoolVal(tv.Value) {
				ok = false
			}
		}
		return ok
	})
	return ok && n > 0
}
