package main

import (
	"flag"
	"os"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/apivet/apivet/analyzers"
	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/config"
)

// vetMain runs apivet as a go vet tool (the unitchecker protocol). go vet
// runs it once per package, in the package's directory; .apivet.yml is
// found upward from there unless -config names it.
func vetMain() {
	configFile := flag.String("config", "", "apivet configuration file (default: .apivet.yml found upward)")
	flag.BoolVar(&check.Options.Tests, "tests", false, "also report findings in _test.go files")
	all := analyzers.All()
	check.Options.Setup = func() error {
		path := *configFile
		if path == "" {
			wd, _ := os.Getwd()
			path = config.Find(wd)
		}
		if path == "" {
			return nil
		}
		cf, err := config.Load(path)
		if err != nil {
			return err
		}
		return cf.Apply(all)
	}
	var as []*analysis.Analyzer
	for _, c := range all {
		as = append(as, c.Analyzer)
	}
	unitchecker.Main(as...)
}
