package jwtverify

import (
	"fmt"
	"go/ast"
	"go/types"
	"regexp"

	"golang.org/x/tools/go/analysis"
)

// A project function that wraps an unverified parse and says so — in its
// name and its doc comment (pocketbase's security.ParseUnverifiedJWT,
// "DOES NOT verify the signature") — is not itself the flaw: its callers
// peek at a token they verify. It is silent, and each call of it is
// judged as an unverified parse of the argument it forwards: silent where
// the caller verifies that same token, reported where it does not.

// unverifiedName matches a function name that owns up to not verifying.
var unverifiedName = regexp.MustCompile(`(?i)unverified|insecure|unsafe|noverify|withoutverif`)

// unverifiedDoc matches a doc comment that says the function does not verify.
var unverifiedDoc = regexp.MustCompile(`(?i)\b(does not|doesn't|do not|don't|without|never|no)\s+(\w+\s+){0,2}verif`)

// unverifiedFact marks such a wrapper: Arg is the index of the parameter
// holding the token it parses unverified.
type unverifiedFact struct{ Arg int }

func (*unverifiedFact) AFact()           {}
func (f *unverifiedFact) String() string { return fmt.Sprintf("unverified(arg %d)", f.Arg) }

// unverifiedWrapper reports whether fd is such a wrapper of the token val,
// and records it.
func (c *checker) unverifiedWrapper(fd *ast.FuncDecl, val ast.Expr) bool {
	fn, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func)
	if !ok || !fn.Exported() || !unverifiedName.MatchString(fd.Name.Name) || fd.Doc == nil ||
		!unverifiedDoc.MatchString(fd.Doc.Text()) {
		return false
	}
	i := c.paramIndex(fd, val)
	if i < 0 {
		return false
	}
	if c.wrappers == nil {
		c.wrappers = map[*types.Func]int{}
	}
	c.wrappers[fn] = i
	c.pass.ExportObjectFact(fn, &unverifiedFact{Arg: i})
	return true
}

// wrapperArg returns the token parameter of fn when fn is a wrapper of
// this package (found during the walk) or of an imported one.
func (c *checker) wrapperArg(fn *types.Func) (int, bool) {
	if i, ok := c.wrappers[fn]; ok {
		return i, true
	}
	var f unverifiedFact
	if fn.Pkg() != nil && fn.Pkg() != c.pass.Pkg && c.pass.ImportObjectFact(fn, &f) {
		return f.Arg, true
	}
	return 0, false
}

// wrapperCall judges a call of an unverified wrapper.
func (c *checker) wrapperCall(call *ast.CallExpr) {
	fn := c.callee(call)
	if fn == nil {
		return
	}
	i, ok := c.wrapperArg(fn)
	if !ok || i >= len(call.Args) {
		return
	}
	if c.adapterLit(call, call.Args[i]) {
		return
	}
	c.unverified(call, call.Args[i], calleeText(call)+" returns claims whose signature nobody checked",
		"verify this same token (a verifying parse of it) in this function before trusting what it says")
}

// importsWrapperFacts: a package that imports no JWT library may still
// call a wrapper, or a function that verifies, of a package that does.
func importsWrapperFacts(pass *analysis.Pass) bool {
	direct := map[*types.Package]bool{}
	for _, p := range pass.Pkg.Imports() {
		direct[p] = true
	}
	for _, f := range pass.AllObjectFacts() {
		if _, ok := f.Fact.(*unverifiedFact); ok && direct[f.Object.Pkg()] {
			return true
		}
	}
	return false
}

// adapterLit reports whether call is the whole body of a function literal
// that forwards its own parameter — func(token string) (…) { return
// security.ParseUnverifiedJWT(token) }, as pocketbase binds the wrapper for
// its JavaScript hooks: the literal is the wrapper again, under the same
// name, and whoever calls it answers for the token.
func (c *checker) adapterLit(call *ast.CallExpr, arg ast.Expr) bool {
	fd := c.enclosingFunc(call.Pos())
	if fd == nil {
		return false
	}
	found := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		lit, ok := n.(*ast.FuncLit)
		if !ok || found || len(lit.Body.List) != 1 {
			return !found
		}
		ret, ok := lit.Body.List[0].(*ast.ReturnStmt)
		if !ok || len(ret.Results) != 1 || ast.Unparen(ret.Results[0]) != call {
			return true
		}
		id, ok := ast.Unparen(arg).(*ast.Ident)
		if !ok {
			return true
		}
		for _, f := range lit.Type.Params.List {
			for _, n := range f.Names {
				if c.pass.TypesInfo.Defs[n] != nil && c.pass.TypesInfo.Defs[n] == c.pass.TypesInfo.Uses[id] {
					found = true
				}
			}
		}
		return !found
	})
	return found
}
