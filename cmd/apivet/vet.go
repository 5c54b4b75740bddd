package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"golang.org/x/tools/go/analysis"

	"github.com/apivet/apivet/analyzers"
	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/config"
	"github.com/apivet/apivet/internal/vettool"
)

// vetMain runs apivet as a go vet tool (internal/vettool, the
// unitchecker protocol on the compiler's export data). go vet runs it
// once per package, in the package's directory; .apivet.yml is found
// upward from there unless -config names it.
func vetMain() {
	configFile := flag.String("config", "", "apivet configuration file, an absolute path (default: .apivet.yml found upward from each package's directory)")
	flag.BoolVar(&check.Options.Tests, "tests", false, "also report findings in _test.go files, test-support directories (test, testutil, e2e, mocks, …) and functions taking a *testing.T or testing.TB")
	severityFlag := flag.String("severity", "", "report findings of this severity or more: error, warning or note (default: the config's severity, else warning)")
	all := analyzers.All()
	byAnalyzer := map[*analysis.Analyzer]*check.Check{}
	for _, c := range all {
		byAnalyzer[c.Analyzer] = c
	}
	threshold := check.DefaultThreshold
	vettool.Keep = func(a *analysis.Analyzer, d analysis.Diagnostic) bool {
		c := byAnalyzer[a]
		return c == nil || check.SeverityOf(c, d).AtLeast(threshold)
	}
	// The configuration: settings, and its list of checks unless -NAME
	// flags select them.
	vettool.Setup = func() ([]*analysis.Analyzer, error) {
		if *severityFlag != "" {
			var err error
			if threshold, err = check.ParseSeverity(*severityFlag); err != nil {
				return nil, fmt.Errorf("-severity: %w", err)
			}
		}
		path := *configFile
		if path == "" {
			wd, _ := os.Getwd()
			path = config.Find(wd)
		} else if _, err := os.Stat(path); err != nil && !filepath.IsAbs(path) {
			wd, _ := os.Getwd()
			return nil, fmt.Errorf("-config %s: not found in %s: go vet runs apivet in each package's directory, so give -config an absolute path", path, wd)
		}
		if path == "" {
			return nil, nil
		}
		cf, err := config.Load(path)
		if err != nil {
			return nil, fmt.Errorf("config: %w", err)
		}
		if err := cf.Apply(all); err != nil {
			return nil, fmt.Errorf("config %s: %w", path, err)
		}
		if cf.Severity != "" && *severityFlag == "" {
			threshold = cf.Severity
		}
		if len(cf.Checks) == 0 {
			return nil, nil
		}
		enabled, err := config.Select(all, cf.Checks)
		if err != nil {
			return nil, fmt.Errorf("config %s: %w", path, err)
		}
		selected := []*analysis.Analyzer{}
		for _, c := range enabled {
			selected = append(selected, c.Analyzer)
		}
		return selected, nil
	}
	// go vet caches results by the tool's -V=full identity: fold in the
	// configuration found from go vet's working directory, so editing it
	// invalidates the cache. (-V=full sees no other flags; a changed file
	// named by -config needs go vet -a or go clean -cache.)
	vettool.VersionSalt = func() []byte {
		wd, _ := os.Getwd()
		if path := config.Find(wd); path != "" {
			data, _ := os.ReadFile(path)
			return append([]byte(path+"\x00"), data...)
		}
		return nil
	}
	var as []*analysis.Analyzer
	for _, c := range all {
		as = append(as, c.Analyzer)
	}
	vettool.Main(as)
}
