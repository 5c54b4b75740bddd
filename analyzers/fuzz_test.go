package analyzers_test

import (
	"errors"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/apivet/apivet/analyzers"
	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/testutil"
)

// FuzzAnalyzers feeds Go source — seeded from the demo and the checks'
// test modules, then mutated — through parse, type-check (errors
// allowed: the frameworks' imports do not resolve here, so every library
// call is ill-typed) and every registered check with the shared
// analyzers they require. It fails on a panic (which Guard would turn
// into an internal error and a lost package) or a run over the time
// bound. Under `go test` it runs the seeds; `go test -fuzz FuzzAnalyzers
// ./analyzers` explores.
func FuzzAnalyzers(f *testing.F) {
	for _, pattern := range []string{
		"../testdata/demo/*.go", "../testdata/demo/internal/*/*.go",
		"sqlinjection/testdata/mod/*/*.go", "ssrf/testdata/mod/*/*.go", "logleak/testdata/mod/*/*.go",
		"bola/testdata/mod/*/*.go", "errorleak/testdata/api/*/*.go", "cors/testdata/*/*/*.go",
		"testdata/fuzz-seeds/*.go",
	} {
		files, _ := filepath.Glob(pattern)
		for _, name := range files {
			if data, err := os.ReadFile(name); err == nil && len(data) < 64<<10 {
				f.Add(data)
			}
		}
	}
	checks := analyzers.All()
	var as []*analysis.Analyzer
	for _, c := range checks {
		as = append(as, c.Analyzer)
	}
	imp := importer.Default()
	f.Fuzz(func(t *testing.T, src []byte) {
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, "fuzz.go", src, parser.ParseComments|parser.SkipObjectResolution)
		if file == nil || err != nil && len(file.Decls) == 0 {
			return // nothing a driver would analyze
		}
		info := check.NewTypesInfo()
		conf := types.Config{Importer: imp, Error: func(error) {}}
		pkg, _ := conf.Check("example.com/fuzz", fset, []*ast.File{file}, info)
		if pkg == nil {
			return
		}
		start := time.Now()
		_, err = testutil.RunAll(fset, []*ast.File{file}, pkg, info, as)
		if err != nil {
			var ie *check.InternalError
			if errors.As(err, &ie) {
				t.Fatalf("%v\n%s", err, ie.Stack)
			}
			t.Fatal(err)
		}
		if d := time.Since(start); d > 20*time.Second {
			t.Fatalf("the checks took %v on %d bytes", d, len(src))
		}
	})
}
