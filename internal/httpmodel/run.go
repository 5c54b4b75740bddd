package httpmodel

import (
	"go/ast"
	"go/build"
	"go/types"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/source"
	"github.com/apivet/apivet/internal/words"
)

func wordsContains(name, phrase string) bool { return words.Contains(name, phrase) }

func newResult() *Result {
	return &Result{
		byNode:     map[ast.Node]*Handler{},
		byFunc:     map[*types.Func]*Handler{},
		routerOf:   map[ast.Expr]*Router{},
		principals: map[*types.Func]*PrincipalFact{},
	}
}

// relevant reports whether the package imports a known framework or
// library, or a package that exported facts of this analyzer (a
// repository package, an auth package), directly.
func relevant(pass *analysis.Pass) bool {
	for _, imp := range pass.Pkg.Imports() {
		if knownImports[imp.Path()] || pass.ImportPackageFact(imp, new(ModelFact)) {
			return true
		}
	}
	return false
}

// ModelFact marks a package the model analyzed (it imports a known
// library or such a package), so that packages importing it are
// analyzed too (a service layer over a repository package).
type ModelFact struct{}

func (*ModelFact) AFact()         {}
func (*ModelFact) String() string { return "httpmodel" }

func run(pass *analysis.Pass) (any, error) {
	res := newResult()
	if !relevant(pass) {
		return res, nil
	}
	m := &modeler{
		pass:             pass,
		info:             pass.TypesInfo,
		res:              res,
		access:           map[*types.Func]*DataAccessFact{},
		mwKinds:          map[*types.Func]MiddlewareKind{},
		inputs:           map[*types.Func]*InputFact{},
		responses:        map[*types.Func]*ResponseFact{},
		bodyKindCache:    map[*ast.FuncDecl]*bodyKindSummary{},
		ins:              pass.ResultOf[check.Inspect].(*inspector.Inspector),
		summaries:        map[*types.Func]*summary{},
		routeFree:        map[*types.Func]bool{},
		declOf:           map[*types.Func]*ast.FuncDecl{},
		globals:          map[types.Object]value{},
		consumedLocal:    map[*types.Func]bool{},
		consumedReturned: map[*types.Func]bool{},
	}
	res.m = m
	m.library = dependencyPackage(pass)
	m.walker = source.NewWalker(m.ins)
	pass.ExportPackageFact(&ModelFact{})
	decls := m.funcDecls()
	m.computeFacts(decls)
	m.findHandlers()
	for _, h := range res.Handlers {
		m.scanHandler(h)
		if !h.Middleware && (h.Framework == Gin || h.Framework == Fiber || h.Framework == FiberV3) && callsNext(m, h) {
			h.Middleware = true
		}
	}
	m.oapiOps() // before the routes: exports OpenAPIOperationFacts
	m.buildRoutes(decls)
	m.oapiDropTemplates()
	m.rpcRoutes()
	m.connectRoutes()
	m.spliceServerRoutes() // both register on servers and options callers pass
	m.gqlFields()          // exports GraphQLFieldFacts
	m.gqlRoutes()
	return res, nil
}

// callsNext reports whether a gin/fiber handler calls c.Next() (it is
// middleware).
func callsNext(m *modeler, h *Handler) bool {
	found := false
	m.inspect(h.Body, callTypes, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			if fn := m.callee(c); fn != nil && fn.Name() == "Next" && fn.Pkg() != nil &&
				(fn.Pkg().Path() == pkgGin || fn.Pkg().Path() == pkgFiber || fn.Pkg().Path() == pkgFiber3) {
				found = true
			}
		}
		return !found
	})
	return found
}

// dependencyPackage: the package's files are in the module cache, GOROOT or
// a vendor directory — a dependency, not the project. Its interfaces'
// methods are not guessed to be repositories (fiber's and echo's own code
// calls interfaces with Get/Set methods).
func dependencyPackage(pass *analysis.Pass) bool {
	for _, f := range pass.Files {
		name := filepath.ToSlash(pass.Fset.File(f.Pos()).Name())
		if (strings.Contains(name, "/pkg/mod/") && strings.Contains(name, "@")) || strings.Contains(name, "/vendor/") {
			return true
		}
		if root := filepath.ToSlash(build.Default.GOROOT); root != "" && strings.HasPrefix(name, root+"/") {
			return true
		}
		return false
	}
	return false
}
