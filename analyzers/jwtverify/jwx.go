package jwtverify

import (
	"go/ast"
	"go/types"
	"strings"
)

// jwxOpts evaluates the options of a jwx jwt parse call.
type jwxOptEffect struct{ hasKey, verifyOff, unknown bool }

func (c *checker) jwxOpts(call *ast.CallExpr, lib jwxJWT, argStart int) jwxOptEffect {
	var eff jwxOptEffect
	if call.Ellipsis.IsValid() {
		eff.unknown = true
	}
	for i := argStart; i < len(call.Args); i++ {
		oc, ok := ast.Unparen(call.Args[i]).(*ast.CallExpr)
		fn := (*types.Func)(nil)
		if ok {
			fn = c.callee(oc)
		}
		if fn == nil {
			eff.unknown = true
			continue
		}
		p := pkgPath(fn)
		_, isJWT := jwxJWTPkgs[p]
		if !isJWT && !strings.HasPrefix(p, "github.com/lestrrat-go/jwx") {
			eff.unknown = true
			continue
		}
		switch n := fn.Name(); {
		case n == "WithVerify" && lib.verifiesByDefault:
			if b, ok := c.constBool(oc.Args[0]); ok && !b {
				eff.verifyOff = true
			}
		case n == "WithVerifyAuto" && lib.boolVerifyAuto:
			if b, ok := c.constBool(oc.Args[0]); !ok || b {
				eff.hasKey = true
			}
		case jwxKeyOptions[n]:
			eff.hasKey = true
		}
	}
	return eff
}

func (c *checker) jwxVerifies(call *ast.CallExpr, lib jwxJWT, name string) bool {
	eff := c.jwxOpts(call, lib, jwxParseFuncs[name])
	if lib.verifiesByDefault {
		return !eff.verifyOff
	}
	return eff.hasKey || eff.unknown
}

func (c *checker) jwxParse(call *ast.CallExpr, lib jwxJWT, name string, argStart int) {
	if name == "ParseInsecure" {
		c.unverified(call, call.Args[0], "jwt.ParseInsecure returns claims whose signature nobody checked",
			"parse with jwt.WithKey / jwt.WithKeySet instead, or use ParseInsecure only to pick the key of a verified parse")
		return
	}
	eff := c.jwxOpts(call, lib, argStart)
	switch {
	case lib.verifiesByDefault && eff.verifyOff:
		c.unverified(call, call.Args[0], "jwt."+name+" with jwt.WithVerify(false) returns claims whose signature nobody checked",
			"pass jwt.WithKey(alg, key) or jwt.WithKeySet(set) instead")
	case !lib.verifiesByDefault && !eff.hasKey && !eff.unknown:
		c.unverified(call, call.Args[0], "jwx v1 jwt."+name+" without jwt.WithVerify or jwt.WithKeySet does not check the signature",
			"pass jwt.WithVerify(alg, key) or jwt.WithKeySet(set)")
	}
}

// fromTokenAlg reports whether e is (or is a variable assigned from) the
// token's own alg header: jws Headers.Algorithm().
func (c *checker) fromTokenAlg(e ast.Expr, depth int) bool {
	if depth > maxDepth || e == nil || e == zeroValue {
		return false
	}
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Algorithm" {
				if s, ok := c.pass.TypesInfo.Selections[sel]; ok && jwxJWSPkgs[pkgPath(s.Obj())] {
					found = true
				}
			}
		case *ast.Ident:
			if v, ok := c.pass.TypesInfo.Uses[n].(*types.Var); ok && !c.params[v] {
				for _, d := range c.defs[v] {
					if c.fromTokenAlg(d, depth+1) {
						found = true
					}
				}
			}
		}
		return true
	})
	return found
}

func isJWXPath(p string) bool { return strings.HasPrefix(p, "github.com/lestrrat-go/jwx") }

// jwsParse reports a jws Parse* whose message is not verified: its
// payload and headers are the attacker's until jws.Verify checks them.
func (c *checker) jwsParse(call *ast.CallExpr, name string) {
	if len(call.Args) == 0 {
		return
	}
	c.unverified(call, call.Args[0], "jws."+name+" returns a message whose signature nobody checked",
		"verify it with jws.Verify(buf, jws.WithKey(alg, key)), or use the parsed headers only to pick that key")
}
