package jwtverify

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// unverified reports a parse that skips the signature check of the token
// val (nil when unknown), unless the same function also verifies that
// token (the unverified parse picked the key), every caller in this
// package verifies it, or the function is a wrapper named and documented as
// unverified — then its callers answer for it (unverifiedFact).
func (c *checker) unverified(call *ast.CallExpr, val ast.Expr, what, fix string) {
	fd := c.enclosingFunc(call.Pos())
	if fd != nil && (c.verifiesValue(fd.Body, call, val) || c.callersVerify(fd, val)) {
		return
	}
	if fd != nil && c.unverifiedWrapper(fd, val) {
		return
	}
	if c.fromTokenEndpoint(call, 0) {
		return
	}
	if fd != nil && c.rawHandedOn(fd.Body, call) {
		return
	}
	c.pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(),
		Message: fmt.Sprintf("%s: nothing in this function verifies the token, so anyone can forge what it says; %s", what, fix)})
}

// rawHandedOn reports whether the raw token the unverified parse read (its
// first argument, a variable) is passed on after it — as a call argument or
// in a composite literal — to code this analyzer does not model, which may
// verify it (ardanlabs/service hands it to an OPA policy that runs
// io.jwt.verify). Logging calls do not count.
func (c *checker) rawHandedOn(body *ast.BlockStmt, call *ast.CallExpr) bool {
	if len(call.Args) == 0 {
		return false
	}
	raw, ok := c.objOf(call.Args[0]).(*types.Var)
	if !ok || raw.IsField() {
		return false
	}
	found := false
	var visit func(n ast.Node, inArg bool)
	visit = func(n ast.Node, inArg bool) {
		ast.Inspect(n, func(n ast.Node) bool {
			if found || n == nil {
				return false
			}
			switch n := n.(type) {
			case *ast.CallExpr:
				if n == call || n.Pos() < call.End() {
					return true
				}
				fn := c.callee(n)
				if fn != nil && (isLibraryPath(pkgPath(fn)) || loggingPkgs[pkgPath(fn)] || c.knownNonVerifier(fn)) {
					return true
				}
				if tv, ok := c.pass.TypesInfo.Types[n.Fun]; ok && tv.IsType() {
					return true // a conversion
				}
				for _, a := range n.Args {
					visit(a, true)
				}
				return false
			case *ast.CompositeLit:
				if n.Pos() > call.End() {
					for _, el := range n.Elts {
						visit(el, true)
					}
					return false
				}
			case *ast.Ident:
				if inArg && n.Pos() > call.End() && c.pass.TypesInfo.Uses[n] == raw {
					found = true
				}
			}
			return true
		})
	}
	visit(body, false)
	return found
}

// knownNonVerifier: fn uses a JWT library and does not verify (its body is
// in this package, or its package exported a verifiesFact for it).
func (c *checker) knownNonVerifier(fn *types.Func) bool {
	if decl := c.decls[fn]; decl != nil && decl.Body != nil {
		return c.usesLibrary(decl.Body) && !c.funcVerifies(fn, 0)
	}
	var f verifiesFact
	return fn.Pkg() != c.pass.Pkg && c.pass.ImportObjectFact(fn, &f) && !f.Verifies
}

var callTypes = []ast.Node{(*ast.CallExpr)(nil)}

// usesLibrary reports whether body parses or verifies a token with one of
// the libraries (a call of a library function named Parse*, Unsafe*,
// Verify* or Claims).
func (c *checker) usesLibrary(body *ast.BlockStmt) bool {
	found := false
	c.walk.Inspect(body, callTypes, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !found {
			if fn := c.callee(call); fn != nil {
				p := pkgPath(fn)
				if isLibraryPath(p) || strings.HasPrefix(p, "github.com/lestrrat-go/jwx") {
					for _, pre := range []string{"Parse", "Unsafe", "Verify", "Claims"} {
						if strings.HasPrefix(fn.Name(), pre) {
							found = true
						}
					}
				}
			}
		}
		return !found
	})
	return found
}

var loggingPkgs = map[string]bool{
	"fmt": true, "log": true, "log/slog": true, "errors": true, "strings": true,
	"github.com/sirupsen/logrus": true, "go.uber.org/zap": true, "github.com/rs/zerolog": true,
}

// callersVerify reports whether fd is called in this package, and every
// caller verifies a token: fd reads an unverified claim (a scope, an
// issuer) that its caller uses to pick the key of the verified parse.
//
// Per value: when the token comes from fd's parameter i, the caller must
// verify its own argument i, not just some token.
func (c *checker) callersVerify(fd *ast.FuncDecl, val ast.Expr) bool {
	fn, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func)
	if !ok {
		return false
	}
	calls, all := 0, true
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || !all || c.callee(call) != fn {
				return all
			}
			calls++
			caller := c.enclosingFunc(call.Pos())
			var arg ast.Expr
			if i := c.paramIndex(fd, val); i >= 0 && i < len(call.Args) {
				arg = call.Args[i]
			}
			if caller == nil || caller == fd || !c.verifiesValue(caller.Body, call, arg) {
				all = false
			}
			return all
		})
	}
	return calls > 0 && all
}

// fromTokenEndpoint reports whether the token an unverified parse reads
// came from an OAuth2 token endpoint response ((*oauth2.Token).Extra,
// typically "id_token"): OpenID Connect Core 3.1.3.7 lets a client that got
// the ID token straight from the token endpoint over TLS skip its signature.
func (c *checker) fromTokenEndpoint(e ast.Expr, depth int) bool {
	if depth > maxDepth || e == nil || e == zeroValue {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.TypeAssertExpr:
		return c.fromTokenEndpoint(e.X, depth+1)
	case *ast.CallExpr:
		if tv, ok := c.pass.TypesInfo.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return c.fromTokenEndpoint(e.Args[0], depth+1)
		}
		fn := c.callee(e)
		if fn == nil {
			return false
		}
		if funcName(fn) == "Token.Extra" && pkgPath(fn) == "golang.org/x/oauth2" {
			return true
		}
		if isLibraryPath(pkgPath(fn)) || strings.HasPrefix(pkgPath(fn), "github.com/lestrrat-go/jwx") {
			// a parse, or a method on its result: follow the token source
			if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok {
				if _, isPkg := c.pass.TypesInfo.Uses[identOf(sel.X)].(*types.PkgName); !isPkg && c.fromTokenEndpoint(sel.X, depth+1) {
					return true
				}
			}
			if len(e.Args) > 0 {
				return c.fromTokenEndpoint(e.Args[0], depth+1)
			}
		}
	case *ast.Ident:
		if v, ok := c.pass.TypesInfo.Uses[e].(*types.Var); ok && !c.params[v] {
			for _, d := range c.defs[v] {
				if c.fromTokenEndpoint(d, depth+1) {
					return true
				}
			}
		}
	}
	return false
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

func (c *checker) isVerifyingCall(call *ast.CallExpr) bool {
	var name, p string
	if fn := c.callee(call); fn != nil {
		if base, key, ok := jwtPkgOf(fn); ok {
			_, verifying := golangJWTParse[key]
			_ = base
			return verifying
		}
		name, p = funcName(fn), pkgPath(fn)
		if _, ok := josePkgs[p]; ok {
			switch name {
			case "JSONWebToken.Claims", "JSONWebSignature.Verify", "JSONWebSignature.VerifyMulti",
				"JSONWebSignature.DetachedVerify", "JSONWebSignature.DetachedVerifyMulti":
				return true
			}
			return false
		}
		if lib, ok := jwxJWTPkgs[p]; ok {
			if _, parse := jwxParseFuncs[name]; parse && name != "ParseInsecure" {
				return c.jwxVerifies(call, lib, name)
			}
			return false
		}
		if c.funcVerifies(fn, 0) {
			return true
		}
		name = fn.Name()
	} else if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		name = sel.Sel.Name // a method of an interface, a func field
		if c.interfaceVerifies(sel) {
			return true
		}
	}
	for _, pre := range verifyingPrefixes {
		if strings.HasPrefix(name, pre) {
			return true
		}
	}
	return false
}

// funcVerifies reports whether fn (a project function) verifies a token:
// its body, or a function of this package it calls, makes a verifying
// call. Across packages this is the verifiesFact.
func (c *checker) funcVerifies(fn *types.Func, depth int) bool {
	if v, ok := c.verifiesMemo[fn]; ok {
		return v
	}
	decl := c.decls[fn]
	if decl == nil || decl.Body == nil {
		var f verifiesFact
		if fn.Pkg() != nil && fn.Pkg() != c.pass.Pkg && c.pass.ImportObjectFact(fn, &f) {
			return f.Verifies
		}
		return false
	}
	c.verifiesMemo[fn] = false // recursion: not (yet) known to verify
	v := false
	if depth < maxDepth {
		c.walk.Inspect(decl.Body, callTypes, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && !v {
				if cf := c.callee(call); cf != nil && c.decls[cf] != nil {
					v = c.funcVerifies(cf, depth+1)
				} else {
					v = c.isVerifyingCall(call)
				}
			}
			return !v
		})
	}
	c.verifiesMemo[fn] = v
	return v
}

// argOf returns call's i-th argument, or nil.
func argOf(call *ast.CallExpr, i int) ast.Expr {
	if i < len(call.Args) {
		return call.Args[i]
	}
	return nil
}

// receiverOf returns the receiver of a method call, or nil.
func receiverOf(call *ast.CallExpr) ast.Expr {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		return sel.X
	}
	return nil
}
