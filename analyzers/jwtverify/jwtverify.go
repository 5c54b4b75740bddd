// Package jwtverify defines the jwtverify check: JWTs parsed without
// pinning the signing algorithm, or not verified at all.
package jwtverify

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apivet/apivet/internal/check"
)

// Analyzer is the jwtverify analyzer.
var Analyzer = &analysis.Analyzer{
	Name:      "jwtverify",
	Doc:       doc,
	Requires:  []*analysis.Analyzer{check.Inspect},
	Run:       run,
	FactTypes: []analysis.Fact{(*keyFuncFact)(nil), (*optFact)(nil), (*verifiesFact)(nil), (*unverifiedFact)(nil)},
}

// Settings are jwtverify's settings (the jwtverify section of .apivet.yml).
type Settings struct {
	// ReportSkipClientIDCheck reports oidc.Config{SkipClientIDCheck: true}.
	// Off by default: every case met on real code was a resource server
	// accepting tokens of all its clients by design (dex's userinfo and
	// introspection endpoints) or checking audiences itself (oauth2-proxy).
	ReportSkipClientIDCheck bool `yaml:"report-skip-client-id-check"`
}

var settings = &Settings{}

// Check is the jwtverify check's metadata.
var Check = &check.Check{
	Analyzer:  Analyzer,
	Title:     "JWT parsed without algorithm pinning or without verification",
	OWASP:     "API2:2023",
	CWE:       []int{347, 327},
	Severity:  check.Warning,
	Precision: check.High,
	Since:     "v0.1.0",
	Bad: `claims := &Claims{}
_, err := jwt.ParseWithClaims(raw, claims, func(t *jwt.Token) (any, error) {
	return secret, nil // any algorithm the token names is tried
})`,
	Good: `claims := &Claims{}
_, err := jwt.ParseWithClaims(raw, claims, func(t *jwt.Token) (any, error) {
	return secret, nil
}, jwt.WithValidMethods([]string{"HS256"}))`,
	Settings: settings,
}

func run(pass *analysis.Pass) (any, error) {
	if isLibraryModule(pass.Pkg.Path()) || !importsJWTLibrary(pass.Pkg) && !importsWrapperFacts(pass) {
		return nil, nil
	}
	c := newChecker(pass)
	c.exportFacts()
	ins := pass.ResultOf[check.Inspect].(*inspector.Inspector)
	nodes := []ast.Node{(*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil)}
	// Calls of unverified wrappers are judged after the walk, when this
	// package's wrappers are known.
	var deferred []*ast.CallExpr
	ins.Preorder(nodes, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.CallExpr:
			c.call(n)
			deferred = append(deferred, n)
		case *ast.CompositeLit:
			c.compositeLit(n)
		case *ast.AssignStmt:
			c.assign(n)
		}
	})
	for _, call := range deferred {
		c.wrapperCall(call)
	}
	return nil, nil
}

func isLibraryPath(p string) bool {
	if isJWTPkg(p) || jwxJWSPkgs[p] || oidcPkgs[p] {
		return true
	}
	if _, ok := jwxJWTPkgs[p]; ok {
		return true
	}
	if _, ok := josePkgs[p]; ok {
		return true
	}
	if base, ok := strings.CutSuffix(p, "/request"); ok && isJWTPkg(base) {
		return true
	}
	return false
}

// libraryModules are the module paths of the libraries themselves: their
// own packages are not analyzed.
var libraryModules = []string{
	"github.com/golang-jwt/jwt", "github.com/dgrijalva/jwt-go", "github.com/form3tech-oss/jwt-go",
	"github.com/lestrrat-go/jwx", "gopkg.in/square/go-jose.v2", "github.com/square/go-jose",
	"github.com/go-jose/go-jose", "github.com/coreos/go-oidc",
}

func isLibraryModule(p string) bool {
	for _, m := range libraryModules {
		if p == m || strings.HasPrefix(p, m+"/") {
			return true
		}
	}
	return false
}

// importsJWTLibrary: a package that imports none of the libraries can
// neither parse a token nor define a key function or parser option.
func importsJWTLibrary(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if isLibraryPath(imp.Path()) {
			return true
		}
	}
	return false
}

// exportFacts summarizes this package's key functions, algorithm-check
// helpers, key function factories and parser-option helpers for the
// packages that import it.
func (c *checker) exportFacts() {
	for fn, decl := range c.decls {
		if decl.Body == nil {
			continue
		}
		sig := fn.Type().(*types.Signature)
		if fn.Exported() && (c.usesLibrary(decl.Body) || c.funcVerifies(fn, 0)) {
			c.pass.ExportObjectFact(fn, &verifiesFact{Verifies: c.funcVerifies(fn, 0)})
		}
		if isKeyFuncSig(sig) || returnsKeyFunc(sig) || takesToken(sig) {
			if s := c.funcSummary(fn, 0); s != nil {
				c.pass.ExportObjectFact(fn, s.fact())
			} else {
				c.pass.ExportObjectFact(fn, &keyFuncFact{Unknown: true})
			}
		}
		if sig.Results().Len() > 0 && isOptType(sig.Results().At(0).Type()) {
			e := c.funcOpts(fn, 0)
			c.pass.ExportObjectFact(fn, &optFact{Pins: e.pins, AllowsNone: e.allowsNone, SkipsClaims: e.skipsClaims, Unknown: e.unknown})
		}
	}
	scope := c.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		if v, ok := scope.Lookup(name).(*types.Var); ok && isOptType(v.Type()) {
			e := c.varOpts(v, 0)
			c.pass.ExportObjectFact(v, &optFact{Pins: e.pins, AllowsNone: e.allowsNone, SkipsClaims: e.skipsClaims, Unknown: e.unknown})
		}
	}
}

// isOptType: a golang-jwt ParserOption, Parser, request option, or a slice of one.
func isOptType(t types.Type) bool {
	if s, ok := types.Unalias(t).(*types.Slice); ok {
		t = s.Elem()
	}
	inReq := func(p string) bool {
		base, ok := strings.CutSuffix(p, "/request")
		return ok && isJWTPkg(base)
	}
	return isNamed(t, isJWTPkg, "ParserOption") || isNamed(t, isJWTPkg, "Parser") || isNamed(t, inReq, "ParseFromRequestOption")
}

func (c *checker) call(call *ast.CallExpr) {
	fn := c.callee(call)
	if fn == nil {
		return
	}
	p := pkgPath(fn)
	name := funcName(fn)
	if base, key, ok := jwtPkgOf(fn); ok {
		if pc, ok := golangJWTParse[key]; ok {
			c.golangJWTParse(call, base, pc)
			return
		}
		switch key {
		case "Parser.ParseUnverified":
			c.unverified(call, argOf(call, 0), "jwt ParseUnverified returns claims whose signature nobody checked",
				"parse with a key function (ParseWithClaims) instead, or use ParseUnverified only to pick the key of a verified parse")
		case "New", "NewWithClaims":
			if len(call.Args) > 0 && c.isSigningMethodNone(call.Args[0]) {
				check.Report(c.pass, analysis.Diagnostic{Pos: call.Args[0].Pos(), End: call.Args[0].End(),
					Message: "token signed with SigningMethodNone: it carries no signature, so whoever receives it cannot tell it from a forged one; sign with HS256/RS256/ES256/EdDSA"}, check.Error)
			}
		case "Token.SignedString", "Token.SigningString":
			if len(call.Args) > 0 && c.isUnsafeNone(call.Args[0]) {
				check.Report(c.pass, analysis.Diagnostic{Pos: call.Args[0].Pos(), End: call.Args[0].End(),
					Message: "token signed with UnsafeAllowNoneSignatureType (alg \"none\"): it carries no signature; sign with a real key"}, check.Error)
			}
		case "WithoutClaimsValidation":
			c.claimsOff(call, "jwt.WithoutClaimsValidation turns off the exp, nbf and iat checks: an expired token keeps working")
		}
		return
	}
	if lib, ok := jwxJWTPkgs[p]; ok {
		if argStart, ok := jwxParseFuncs[name]; ok {
			c.jwxParse(call, lib, name, argStart)
		}
		if name == "WithValidate" && lib.validatesByDefault && len(call.Args) == 1 {
			if b, ok := c.constBool(call.Args[0]); ok && !b {
				c.claimsOff(call, "jwt.WithValidate(false) turns off the exp, nbf and iat checks: an expired token keeps working")
			}
		}
		if name == "WithInsecureNoSignature" {
			check.Report(c.pass, analysis.Diagnostic{Pos: call.Pos(), End: call.End(),
				Message: "jwt.WithInsecureNoSignature signs with alg \"none\": the token carries no signature; sign with a real key"}, check.Error)
		}
	}
	if jwxJWSPkgs[p] && jwsParseFuncs[name] {
		c.jwsParse(call, name)
	}
	if idx, ok := jwxAlgArgs[p][name]; ok && idx < len(call.Args) {
		if c.fromTokenAlg(call.Args[idx], 0) {
			arg := call.Args[idx]
			c.pass.Report(analysis.Diagnostic{Pos: arg.Pos(), End: arg.End(),
				Message: fmt.Sprintf("the algorithm passed to %s comes from the token's own header, so the attacker chooses it; pass the algorithm you expect (or the key's alg)", name)})
		}
	}
	if v, ok := josePkgs[p]; ok {
		if joseUnverified[name] {
			c.unverified(call, receiverOf(call), "go-jose "+fn.Name()+" returns data whose signature nobody checked",
				"use Claims(key, &dest) / Verify(key), or use the unverified data only to pick the key of a verified call")
		}
		if joseParseSigned[name] && !v.algList {
			c.joseParseSigned(call, p)
		}
		if joseParseSigned[name] && v.algList {
			c.joseAlgList(call, fn)
		}
	}
}

// golangJWTParse checks a golang-jwt Parse, ParseWithClaims, Parser method
// or request.ParseFromRequest call.
func (c *checker) golangJWTParse(call *ast.CallExpr, base string, pc parseCall) {
	lib := golangJWTPkgs[base]
	if lib.unmaintained != "" {
		c.pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(),
			Message: fmt.Sprintf("tokens verified with unmaintained github.com/dgrijalva/jwt-go, whose audience check can be bypassed (CVE-2020-26160); move to %s", lib.unmaintained)})
	}
	if pc.keyFunc >= len(call.Args) {
		return
	}
	ks := c.keyFuncOf(call.Args[pc.keyFunc], 0)
	if ks == nil || ks.unknown {
		c.discardedError(call, calleeText(call))
		return // a key function this analyzer cannot see into
	}
	var eff optEffect
	if pc.onParser {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return
		}
		eff = c.optOf(sel.X, 0)
	}
	if pc.opts >= 0 && len(call.Args) > pc.opts {
		eff = eff.merge(c.optsOf(call.Args[pc.opts:], 0))
	}
	if pc.requestOpts >= 0 && len(call.Args) > pc.requestOpts {
		eff = eff.merge(c.optsOf(call.Args[pc.requestOpts:], 0))
	}
	fnName := calleeText(call)
	c.discardedError(call, fnName)
	// Unsigned tokens are an error whatever else pins the algorithm: a key
	// function that can return UnsafeAllowNoneSignatureType, or "none"
	// among the valid methods.
	if ks.allowsNone {
		check.Report(c.pass, analysis.Diagnostic{Pos: call.Pos(), End: call.End(),
			Message: fmt.Sprintf("the key function of %s can return UnsafeAllowNoneSignatureType: a token with alg \"none\" and no signature passes, so anyone can forge one; return a real key and pin the algorithm", fnName)}, check.Error)
		return
	}
	if eff.allowsNone {
		check.Report(c.pass, analysis.Diagnostic{Pos: call.Pos(), End: call.End(),
			Message: fmt.Sprintf("%s accepts alg \"none\" (it is in the valid methods): unsigned tokens are only refused while the key function never returns UnsafeAllowNoneSignatureType; list only the algorithms you sign with", fnName)}, check.Error)
		return
	}
	if eff.unknown || eff.pins {
		return
	}
	if ks.checksAlg {
		return
	}
	if fd := c.enclosingFunc(call.Pos()); fd != nil && c.checksHeaderAlg(fd.Body) {
		return // the alg header was decoded and checked by hand before the parse
	}
	keys := ks.sortedKeys()
	if len(keys) == 0 {
		return // the key function never returns a key
	}
	alg, single := "", len(keys) == 1
	if single {
		alg = keyAlgs[keys[0]]
	}
	if alg == "" {
		var names []string
		for _, k := range keys {
			names = append(names, shortType(k))
		}
		c.pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(),
			Message: fmt.Sprintf("%s does not pin the signing algorithm: its key function returns %s without checking token.Method, so the token's alg header picks the verifier (algorithm confusion); pin it (%s)",
				fnName, strings.Join(names, " or "), pinHint(lib, "…"))})
		return
	}
	// A warning although the library's key-type check already keeps the
	// token from switching algorithm family: RFC 8725 §3.1 requires
	// pinning, and the fix is one option.
	d := analysis.Diagnostic{Pos: call.Pos(), End: call.End(),
		Message: fmt.Sprintf("%s does not pin the signing algorithm; pin %s (%s), as RFC 8725 §3.1 requires: its key function returns %s, so only the library's key-type check stands against algorithm confusion",
			fnName, alg, pinHint(lib, alg), shortType(keys[0]))}
	if fix, ok := c.pinFix(call, lib, pc, alg); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	c.pass.Report(d)
}

// discardedError reports a verifying parse whose error is assigned to the
// blank identifier when the function never reads token.Valid: golang-jwt
// returns the token (claims filled in) even when the signature or the
// expiry check fails, so its claims are then used unverified.
func (c *checker) discardedError(call *ast.CallExpr, fnName string) {
	fd := c.enclosingFunc(call.Pos())
	if fd == nil {
		return
	}
	var as *ast.AssignStmt
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if a, ok := n.(*ast.AssignStmt); ok && len(a.Lhs) == 2 && len(a.Rhs) == 1 && ast.Unparen(a.Rhs[0]) == call {
			as = a
		}
		return as == nil
	})
	if as == nil {
		return
	}
	if id, ok := as.Lhs[1].(*ast.Ident); !ok || id.Name != "_" {
		return
	}
	readsValid := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name == "Valid" && isJWTToken(c.pass.TypesInfo.TypeOf(sel.X)) {
			readsValid = true
		}
		return !readsValid
	})
	if readsValid {
		return
	}
	check.Report(c.pass, analysis.Diagnostic{Pos: call.Pos(), End: call.End(),
		Message: fmt.Sprintf("the error of %s is discarded and token.Valid is never read: the token and its claims come back even when the signature or expiry check fails, so they are used unverified; check the error", fnName)}, check.Error)
}

func pinHint(lib golangJWT, alg string) string {
	if lib.options {
		return fmt.Sprintf("jwt.WithValidMethods([]string{%q})", alg)
	}
	return fmt.Sprintf("&jwt.Parser{ValidMethods: []string{%q}}", alg)
}

// pinFix appends jwt.WithValidMethods to a v4/v5 package-level Parse call.
func (c *checker) pinFix(call *ast.CallExpr, lib golangJWT, pc parseCall, alg string) (analysis.SuggestedFix, bool) {
	if !lib.options || pc.onParser || pc.opts < 0 || call.Ellipsis.IsValid() || len(call.Args) == 0 {
		return analysis.SuggestedFix{}, false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	qual, ok := sel.X.(*ast.Ident)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	if _, ok := c.pass.TypesInfo.Uses[qual].(*types.PkgName); !ok {
		return analysis.SuggestedFix{}, false
	}
	last := call.Args[len(call.Args)-1]
	text := fmt.Sprintf(", %s.WithValidMethods([]string{%q})", qual.Name, alg)
	return analysis.SuggestedFix{
		Message:   fmt.Sprintf("Pin the algorithm to %s", alg),
		TextEdits: []analysis.TextEdit{{Pos: last.End(), End: last.End(), NewText: []byte(text)}},
	}, true
}

// calleeText is how the call names its function: "jwt.ParseWithClaims", "p.Parse".
func calleeText(call *ast.CallExpr) string {
	s := types.ExprString(call.Fun)
	if len(s) > 60 {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return sel.Sel.Name
		}
	}
	return s
}

func (c *checker) isSigningMethodNone(e ast.Expr) bool {
	o := c.objOf(e)
	return o != nil && o.Name() == "SigningMethodNone" && isJWTPkg(pkgPath(o))
}

// joseParseSigned reports a go-jose v2/v3 ParseSigned whose token is then
// verified in the same function without checking the header's algorithm.
func (c *checker) joseParseSigned(call *ast.CallExpr, p string) {
	fd := c.enclosingFunc(call.Pos())
	if fd == nil {
		return
	}
	verifies := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if n, ok := n.(*ast.CallExpr); ok && n != call && c.isVerifyingCall(n) {
			if fn := c.callee(n); fn != nil {
				if _, ok := josePkgs[pkgPath(fn)]; ok {
					verifies = true
				}
			}
		}
		return true
	})
	// Headers[0].Algorithm or Signatures[i].Header.Algorithm compared, the
	// mismatch stopping (headeralg.go).
	if !verifies || c.checksHeaderAlg(fd.Body) {
		return
	}
	// A warning for the same reason as golang-jwt's single-key case: go-jose
	// refuses a key of the wrong type, but RFC 8725 §3.1 requires pinning.
	c.pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(),
		Message: fmt.Sprintf("%s of %s does not pin the signing algorithm (RFC 8725 §3.1); compare Headers[0].Algorithm with the one you expect before verifying, or move to go-jose/v4, whose ParseSigned takes the allowed algorithms", calleeText(call), p)})
}

// claimsOff reports a switch that turns claims validation off, unless the
// function validates the time claims itself.
func (c *checker) claimsOff(n ast.Node, msg string) {
	if fd := c.enclosingFunc(n.Pos()); fd != nil && (c.validatesTimes(fd.Body) || c.onlyUnverifiedParses(fd.Body)) {
		return
	}
	c.pass.Report(analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Message: msg + "; drop it, or validate exp yourself"})
}

// onlyUnverifiedParses reports whether body calls ParseUnverified and no
// verifying parse: claims validation never runs there anyway (portainer
// builds Parser{SkipClaimsValidation: true} just to call ParseUnverified on
// an ID token from the token endpoint).
func (c *checker) onlyUnverifiedParses(body *ast.BlockStmt) bool {
	unverified, verifying := false, false
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if fn := c.callee(call); fn != nil {
				if _, key, ok := jwtPkgOf(fn); ok {
					if key == "Parser.ParseUnverified" {
						unverified = true
					}
					if _, ok := golangJWTParse[key]; ok {
						verifying = true
					}
				}
			}
		}
		return true
	})
	return unverified && !verifying
}

// timeValidators: reading one of these after switching validation off is
// taken as validating the time claims by hand.
var timeValidators = map[string]bool{
	"Valid": true, "Validate": true, "VerifyExpiresAt": true, "GetExpirationTime": true, "ExpiresAt": true,
	"Expiration": true, "VerifyNotBefore": true, "NotBefore": true, "GetNotBefore": true,
	"IssuedAt": true, "GetIssuedAt": true, "VerifyIssuedAt": true,
}

func (c *checker) validatesTimes(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if timeValidators[n.Sel.Name] {
				found = true
			}
		case *ast.IndexExpr:
			if k, ok := c.constString(n.Index); ok && k == "exp" {
				found = true
			}
		}
		return !found
	})
	return found
}

func (c *checker) compositeLit(lit *ast.CompositeLit) {
	t := c.pass.TypesInfo.TypeOf(lit)
	if t == nil {
		return
	}
	switch {
	case isNamed(t, func(p string) bool { return oidcPkgs[p] }, "Config"):
		for _, el := range lit.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				c.oidcSkip(kv.Key.(*ast.Ident).Name, kv.Value, kv)
			}
		}
	case isNamed(t, isJWTPkg, "Parser"):
		for _, el := range lit.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok && kv.Key.(*ast.Ident).Name == "SkipClaimsValidation" {
				if b, ok := c.constBool(kv.Value); ok && b {
					c.claimsOff(kv, "Parser{SkipClaimsValidation: true} turns off the exp, nbf and iat checks: an expired token keeps working")
				}
			}
		}
	}
}

func (c *checker) assign(as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) || as.Tok != token.ASSIGN {
		return
	}
	for i, l := range as.Lhs {
		sel, ok := l.(*ast.SelectorExpr)
		if !ok {
			continue
		}
		t := c.pass.TypesInfo.TypeOf(sel.X)
		if t == nil {
			continue
		}
		switch {
		case isNamed(t, func(p string) bool { return oidcPkgs[p] }, "Config"):
			c.oidcSkip(sel.Sel.Name, as.Rhs[i], as)
		case isNamed(t, isJWTPkg, "Parser") && sel.Sel.Name == "SkipClaimsValidation":
			if b, ok := c.constBool(as.Rhs[i]); ok && b {
				c.claimsOff(as, "SkipClaimsValidation = true turns off the exp, nbf and iat checks: an expired token keeps working")
			}
		}
	}
}

func (c *checker) oidcSkip(field string, v ast.Expr, at ast.Node) {
	row, ok := oidcSkips[field]
	if !ok || (field == "SkipClientIDCheck" && !settings.ReportSkipClientIDCheck) {
		return
	}
	if b, ok := c.constBool(v); !ok || !b {
		return // configurable or false: not a decision made in code
	}
	if fd := c.enclosingFunc(at.Pos()); fd != nil && c.oidcProbeOnly(fd.Body) {
		return
	}
	check.Report(c.pass, analysis.Diagnostic{Pos: at.Pos(), End: at.End(),
		Message: fmt.Sprintf("oidc.Config %s: true %s", field, row.what)}, check.Severity(row.sev))
}

// oidcProbeOnly reports whether every IDTokenVerifier.Verify call in body
// discards the ID token (if _, err := v.Verify(...)): the relaxed verifier
// only tells whether a string looks like a JWT (dex's introspection
// endpoint guesses a token's type this way) and authenticates nobody.
func (c *checker) oidcProbeOnly(body *ast.BlockStmt) bool {
	verifies, kept := 0, false
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok {
			if call, ok := n.(*ast.CallExpr); ok && c.isOIDCVerify(call) {
				verifies++ // counted again below when assigned
			}
			return true
		}
		if len(as.Rhs) == 1 {
			if call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr); ok && c.isOIDCVerify(call) {
				if id, ok := as.Lhs[0].(*ast.Ident); !ok || id.Name != "_" {
					kept = true
				}
			}
		}
		return true
	})
	return verifies > 0 && !kept
}

func (c *checker) isOIDCVerify(call *ast.CallExpr) bool {
	fn := c.callee(call)
	return fn != nil && oidcPkgs[pkgPath(fn)] && funcName(fn) == "IDTokenVerifier.Verify"
}
