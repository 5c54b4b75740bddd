package driver

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/modrefs"
)

// metaMode lists the module's packages and their import graph, without
// types: `go list -deps` alone, no compilation.
const metaMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedModule

// depsMode loads dependencies of other modules from export data (the go
// build cache), as LoadMode does for them under `apivet ./...`.
const depsMode = packages.NeedName | packages.NeedImports | packages.NeedDeps | packages.NeedTypes |
	packages.NeedExportFile | packages.NeedModule | packages.NeedTypesSizes

// NewSession lists the packages of the module that contains cfg.Dir and
// loads their dependencies of other modules; packages of the module are
// type-checked from source when a run first needs them. cfg.Patterns,
// cfg.Overlay, cfg.Unsaved and cfg.Tests are not used (see Session).
func NewSession(cfg Config) (*Session, error) {
	if cfg.Tests {
		return nil, errors.New("a session does not analyze tests")
	}
	root := ModuleRoot(cfg.Dir)
	if root == "" {
		return nil, fmt.Errorf("%s is in no module", cfg.Dir)
	}
	s := &Session{
		root:       root,
		cfg:        cfg,
		byAnalyzer: map[*analysis.Analyzer]*check.Check{},
		fset:       token.NewFileSet(),
		byDir:      map[string]*packages.Package{},
		state:      map[*packages.Package]*pkgState{},
		importers:  map[*packages.Package][]*packages.Package{},
		extDone:    map[*packages.Package]bool{},
		hashes:     map[string]fileHash{},
	}
	s.modSig = s.modFilesSig()
	var analyzers []*analysis.Analyzer
	for _, c := range cfg.Checks {
		check.Prepare(c.Analyzer)
		s.byAnalyzer[c.Analyzer] = c
		analyzers = append(analyzers, c.Analyzer)
	}
	s.runner = newRunner(analyzers, os.ReadFile)

	env := append(os.Environ(), cfg.Env...)
	roots, err := packages.Load(&packages.Config{Mode: metaMode, Dir: s.root, Env: env}, "./...")
	if err != nil {
		return nil, err
	}
	// Dependencies outside the module, by ID, from export data.
	var extIDs []string
	extSeen := map[string]bool{}
	for _, p := range roots {
		s.state[p] = &pkgState{listErrors: p.Errors}
	}
	for _, p := range roots {
		for _, imp := range p.Imports {
			if s.state[imp] == nil && !extSeen[imp.ID] {
				extSeen[imp.ID] = true
				extIDs = append(extIDs, imp.ID)
			}
		}
	}
	ext := map[string]*packages.Package{}
	if len(extIDs) > 0 {
		deps, err := packages.Load(&packages.Config{Mode: depsMode, Dir: s.root, Env: env, Fset: s.fset}, extIDs...)
		if err != nil {
			return nil, err
		}
		packages.Visit(deps, nil, func(p *packages.Package) { ext[p.ID] = p })
		for _, p := range deps {
			if p.Types != nil && p.TypesSizes != nil {
				s.sizes = p.TypesSizes
				break
			}
		}
		completeGraph(deps)
	}
	if s.sizes == nil {
		s.sizes = types.SizesFor("gc", "amd64")
	}
	for _, p := range roots {
		p.Fset, p.TypesSizes = s.fset, s.sizes
		for path, imp := range p.Imports {
			if s.state[imp] != nil {
				s.importers[imp] = append(s.importers[imp], p)
			} else if e := ext[imp.ID]; e != nil {
				p.Imports[path] = e
			}
		}
		if f := firstFile(p); f != "" {
			s.byDir[filepath.Dir(f)] = p
		}
	}
	return s, nil
}

// ModuleRoot is the nearest directory at or above dir with a go.mod, or
// "" (modrefs.ModuleRoot).
func ModuleRoot(dir string) string { return modrefs.ModuleRoot(dir) }

// typeCheck parses p's files (unsaved contents first) and type-checks
// them against its imports' current types, as go/packages does for a
// package loaded from source.
func (s *Session) typeCheck(p *packages.Package, unsaved map[string][]byte) {
	defer func() {
		// On a runner's goroutine a panic would end the process (the
		// language server with it): the package is left out instead, and
		// the session, possibly inconsistent, is to be started again.
		if r := recover(); r != nil {
			p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: fmt.Sprintf("internal error type-checking %s: %v", p.PkgPath, r), Kind: packages.UnknownError})
			p.IllTyped = true
			s.reload.Store(true)
		}
	}()
	addErr := func(pos token.Position, msg string, kind packages.ErrorKind) {
		ps := "-"
		if pos.IsValid() {
			ps = pos.String()
		}
		p.Errors = append(p.Errors, packages.Error{Pos: ps, Msg: msg, Kind: kind})
	}
	files := make([]*ast.File, 0, len(p.CompiledGoFiles))
	for _, name := range p.CompiledGoFiles {
		src, ok := unsaved[name]
		var err error
		if !ok {
			src, err = os.ReadFile(name)
		}
		if err != nil {
			addErr(token.Position{Filename: name}, err.Error(), packages.ParseError)
			continue
		}
		f, err := parser.ParseFile(s.fset, name, src, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
		var list scanner.ErrorList
		if errors.As(err, &list) {
			for _, e := range list {
				addErr(e.Pos, e.Msg, packages.ParseError)
			}
		} else if err != nil {
			addErr(token.Position{Filename: name}, err.Error(), packages.ParseError)
		}
		if f != nil {
			files = append(files, f)
			// An import go list did not see, in a saved file: the
			// listing is out of date (in an unsaved buffer it resolves
			// on save, as with go/packages).
			if _, isUnsaved := unsaved[name]; !isUnsaved {
				for _, is := range f.Imports {
					if path := strings.Trim(is.Path.Value, `"`); path != "C" && path != "unsafe" && p.Imports[path] == nil {
						s.reload.Store(true)
					}
				}
			}
		}
	}
	info := check.NewTypesInfo()
	tc := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			imp := p.Imports[path]
			if imp == nil || imp.Types == nil {
				return nil, fmt.Errorf("no metadata for %s", path)
			}
			return imp.Types, nil
		}),
		Error: func(err error) {
			if te, ok := err.(types.Error); ok {
				p.TypeErrors = append(p.TypeErrors, te)
				addErr(te.Fset.Position(te.Pos), te.Msg, packages.TypeError)
				return
			}
			addErr(token.Position{}, err.Error(), packages.TypeError)
		},
		Sizes: s.sizes,
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	pkg := types.NewPackage(p.PkgPath, p.Name)
	_ = types.NewChecker(tc, s.fset, pkg, info).Files(files)
	p.Types, p.TypesInfo, p.Syntax = pkg, info, files
	p.IllTyped = len(p.Errors) > 0
	for _, imp := range p.Imports {
		if imp.IllTyped {
			p.IllTyped = true
		}
	}
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
