package httpmodel_test

import (
	"os"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/httpmodel"
	"github.com/apivet/apivet/internal/testutil"
)

// benchmarkAnalyze loads the test module once (all frameworks, from
// source) and times checker.Analyze of the given analyzers over it and
// all its dependencies (gin, echo, fiber, gorm, ... included: most of
// them import none of the known libraries and take the fast path).
func benchmarkAnalyze(b *testing.B, as ...*analysis.Analyzer) {
	dir := testutil.Module(b, "testdata/mod")
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax, Dir: dir, Env: append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "CGO_ENABLED=0")}, "./...")
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := checker.Analyze(as, pkgs, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkModel is the cost of the model (plus inspect) on the module.
func BenchmarkModel(b *testing.B) { benchmarkAnalyze(b, httpmodel.Analyzer) }

// BenchmarkInspectOnly is the baseline: inspect alone on the same graph.
func BenchmarkInspectOnly(b *testing.B) { benchmarkAnalyze(b, check.Inspect) }

// BenchmarkModelGuarded is the model as apivet runs it: check.Guard
// skips the standard library and versioned dependency modules, so only
// the test module's own packages are modelled. (Declared last: Guard
// also wraps inspect.Analyzer for the rest of the process.)
func BenchmarkModelGuarded(b *testing.B) {
	a := *httpmodel.Analyzer
	check.Guard(&a)
	benchmarkAnalyze(b, &a)
}
