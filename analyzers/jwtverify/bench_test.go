package jwtverify_test

import (
	"os"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/apivet/apivet/analyzers/jwtverify"
	"github.com/apivet/apivet/internal/testutil"
)

// load loads and type-checks the test module (every library version, the
// fact helpers), the baseline cost the analysis is measured against.
func load(b *testing.B) []*packages.Package {
	dir := testutil.Module(b, "testdata/mod")
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  dir,
		Env:  append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		b.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		b.Fatal("load errors")
	}
	return pkgs
}

// BenchmarkLoad is the cost of loading and type-checking the test module
// with all its dependencies from source.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		load(b)
	}
}

// BenchmarkAnalyze is the cost of jwtverify (and inspect) on every package
// of the test module and its dependencies, facts included, once loaded.
func BenchmarkAnalyze(b *testing.B) {
	pkgs := load(b)
	b.ResetTimer()
	for b.Loop() {
		if _, err := checker.Analyze([]*analysis.Analyzer{jwtverify.Analyzer}, pkgs, nil); err != nil {
			b.Fatal(err)
		}
	}
}
