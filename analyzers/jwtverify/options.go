package jwtverify

import (
	"go/ast"
	"go/types"
	"strings"
)

var unknownEffect = optEffect{unknown: true}

// optsOf evaluates the golang-jwt parser options, parsers and request
// options in es (the ...ParserOption arguments of a call).
func (c *checker) optsOf(es []ast.Expr, depth int) optEffect {
	var eff optEffect
	for _, e := range es {
		eff = eff.merge(c.optOf(e, depth))
	}
	return eff
}

// optOf evaluates one value that configures a golang-jwt parse: a
// ParserOption, a []ParserOption, a Parser or *Parser, or a request
// ParseFromRequestOption. It follows local and package variables, struct
// fields assigned in this package, helper functions (through facts across
// packages), append, NewParser and composite literals.
func (c *checker) optOf(e ast.Expr, depth int) optEffect {
	if depth > maxDepth || e == nil {
		return unknownEffect
	}
	e = ast.Unparen(e)
	if e == zeroValue || c.isNil(e) {
		return optEffect{}
	}
	switch e := e.(type) {
	case *ast.UnaryExpr:
		return c.optOf(e.X, depth+1)
	case *ast.StarExpr:
		return c.optOf(e.X, depth+1)
	case *ast.CompositeLit:
		return c.litOpts(e, depth)
	case *ast.CallExpr:
		return c.callOpts(e, depth)
	case *ast.Ident, *ast.SelectorExpr:
		switch o := c.objOf(e).(type) {
		case *types.Var:
			return c.varOpts(o, depth)
		case *types.Func: // a function value used as an option
			if isJWTPkg(pkgPath(o)) {
				return golangJWTOptions[o.Name()]
			}
		}
	}
	return unknownEffect
}

func (c *checker) litOpts(lit *ast.CompositeLit, depth int) optEffect {
	t := c.pass.TypesInfo.TypeOf(lit)
	if t == nil {
		return unknownEffect
	}
	if isNamed(t, isJWTPkg, "Parser") {
		var eff optEffect
		for _, el := range lit.Elts {
			kv, ok := el.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			eff = eff.merge(c.parserField(kv.Key.(*ast.Ident).Name, kv.Value))
		}
		return eff
	}
	if _, ok := t.Underlying().(*types.Slice); ok {
		var eff optEffect
		for _, el := range lit.Elts {
			eff = eff.merge(c.optOf(el, depth+1))
		}
		return eff
	}
	return unknownEffect
}

// parserField is the effect of setting an exported Parser field (v3, v4).
func (c *checker) parserField(name string, v ast.Expr) optEffect {
	switch name {
	case "ValidMethods":
		if v != nil && !c.isNil(v) {
			return optEffect{pins: true, allowsNone: c.listsNone(v, 0)}
		}
	case "SkipClaimsValidation":
		if b, ok := c.constBool(v); ok {
			return optEffect{skipsClaims: b}
		}
		return optEffect{skipsClaims: true}
	}
	return optEffect{}
}

func (c *checker) callOpts(call *ast.CallExpr, depth int) optEffect {
	info := c.pass.TypesInfo
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "append" {
			return c.optsOf(call.Args, depth+1)
		}
	}
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
		return c.optOf(call.Args[0], depth+1)
	}
	fn := c.callee(call)
	if fn == nil {
		return unknownEffect
	}
	if base, name, ok := jwtPkgOf(fn); ok {
		_ = base
		switch {
		case name == "NewParser":
			return c.optsOf(call.Args, depth+1)
		case name == "request.WithParser":
			return c.optOf(call.Args[0], depth+1)
		case strings.HasPrefix(name, "request."):
			return optEffect{}
		}
		if name == "WithValidMethods" && len(call.Args) == 1 {
			return optEffect{pins: true, allowsNone: c.listsNone(call.Args[0], depth+1)}
		}
		return golangJWTOptions[name] // any other option: no effect on algorithms
	}
	return c.funcOpts(fn, depth+1)
}

// funcOpts is the effect of the options a helper function returns.
func (c *checker) funcOpts(fn *types.Func, depth int) optEffect {
	if e, ok := c.optMemo[fn]; ok {
		if e == nil {
			return unknownEffect
		}
		return *e
	}
	decl := c.decls[fn]
	if decl == nil || decl.Body == nil {
		var f optFact
		if fn.Pkg() != c.pass.Pkg && c.pass.ImportObjectFact(fn, &f) {
			return optEffect{pins: f.Pins, allowsNone: f.AllowsNone, skipsClaims: f.SkipsClaims, unknown: f.Unknown}
		}
		return unknownEffect
	}
	c.optMemo[fn] = nil
	var eff optEffect
	found := false
	forEachReturn(decl.Body, func(r *ast.ReturnStmt) {
		if len(r.Results) == 0 {
			eff = eff.merge(unknownEffect) // named results
			return
		}
		found = true
		eff = eff.merge(c.optOf(r.Results[0], depth+1))
	})
	if !found {
		eff = unknownEffect
	}
	c.optMemo[fn] = &eff
	return eff
}

// varOpts merges the effects of every value assigned to v, and of the
// Parser fields set on it.
func (c *checker) varOpts(v *types.Var, depth int) optEffect {
	if c.params[v] {
		return unknownEffect
	}
	if e, ok := c.optMemo[v]; ok {
		if e == nil {
			return optEffect{} // v = append(v, ...): the other definitions decide
		}
		return *e
	}
	if v.Pkg() != nil && v.Pkg() != c.pass.Pkg {
		var f optFact
		if c.pass.ImportObjectFact(v, &f) {
			return optEffect{pins: f.Pins, allowsNone: f.AllowsNone, skipsClaims: f.SkipsClaims, unknown: f.Unknown}
		}
		return unknownEffect
	}
	c.optMemo[v] = nil
	var eff optEffect
	defs, ok := c.defs[v]
	switch {
	case ok:
		for _, d := range defs {
			if d == nil {
				eff = eff.merge(unknownEffect)
				continue
			}
			eff = eff.merge(c.optOf(d, depth+1))
		}
	case v.IsField():
		eff = unknownEffect // a field never assigned in this package
	}
	// var p jwt.Parser with no value: the zero parser.
	for _, fs := range c.fieldSets[v] {
		eff = eff.merge(c.parserField(fs.name, fs.value))
	}
	c.optMemo[v] = &eff
	return eff
}

// listsNone reports whether a list of valid methods ([]string{"RS256",
// "none"}, a variable holding one) contains "none", the algorithm of
// unsigned tokens, or jwt.SigningMethodNone.Alg().
func (c *checker) listsNone(e ast.Expr, depth int) bool {
	if depth > maxDepth || e == nil {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		for _, el := range e.Elts {
			if c.isNoneAlg(el) {
				return true
			}
		}
	case *ast.Ident:
		if v, ok := c.objOf(e).(*types.Var); ok {
			for _, d := range c.defs[v] {
				if c.listsNone(d, depth+1) {
					return true
				}
			}
		}
	case *ast.CallExpr:
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok && id.Name == "append" {
			for i, a := range e.Args {
				if i == 0 && c.listsNone(a, depth+1) || i > 0 && c.isNoneAlg(a) {
					return true
				}
			}
		}
	}
	return false
}

// isNoneAlg: "none" (in any case), or SigningMethodNone.Alg().
func (c *checker) isNoneAlg(e ast.Expr) bool {
	if s, ok := c.constString(e); ok {
		return strings.EqualFold(s, "none")
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Alg" {
			if inner, ok := ast.Unparen(sel.X).(*ast.SelectorExpr); ok {
				o := c.objOf(inner)
				return o != nil && o.Name() == "SigningMethodNone" && isJWTPkg(pkgPath(o))
			}
		}
	}
	return false
}
