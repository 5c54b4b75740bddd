// Package plugin is apivet's golangci-lint v2 module plugin.
//
// Build a custom golangci-lint with it (see docs/integrations.md):
//
//	# .custom-gcl.yml
//	version: v2.15.0
//	plugins:
//	  - module: github.com/apivet/apivet
//	    import: github.com/apivet/apivet/plugin
//	    version: v0.1.0
//
// and enable it in .golangci.yml:
//
//	linters:
//	  enable: [apivet]
//	  settings:
//	    custom:
//	      apivet:
//	        type: module
//	        description: API security checks (OWASP API Security Top 10)
//	        settings:
//	          disable: [ratelimit]     # or enable: [bola, jwtverify]
//	          tests: false             # findings in _test.go files (default false)
//	          severity: warning        # least severity reported: error, warning (default) or note
//	          hardcodedsecret:         # per-check settings, as in .apivet.yml
//	            allow-values: ['^test-']
//
// golangci-lint reports every finding under the linter name "apivet" and
// starts its message with the check's name ("bola: …"), so a finding is
// silenced with //nolint:apivet (or apivet's own //apivet:ignore <check>
// <reason>, which works the same in every apivet driver).
package plugin

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/apivet/apivet/analyzers"
	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/config"
)

// Name is the plugin's name: the key under linters.settings.custom and the
// linter name golangci-lint shows.
const Name = "apivet"

func init() {
	register.Plugin(Name, New)
}

// shared are analyzers of x/tools that apivet's checks require and that
// golangci-lint's other linters (govet, staticcheck…) use too: the same
// *analysis.Analyzer values. check.Guard must leave them alone (it wraps
// only apivet's own analyzers); TestSharedAnalyzersUntouched holds it to
// that, since a changed Run broke govet inside golangci-lint once.
var shared = []*analysis.Analyzer{inspect.Analyzer, buildssa.Analyzer, ctrlflow.Analyzer}

// Settings are the plugin's settings: which checks run, whether test files
// are analyzed, and each check's settings under a key named after it, in
// the same schema as .apivet.yml.
type Settings struct {
	// Enable lists the checks to run ("all" for every check); empty means all.
	Enable []string `json:"enable"`
	// Disable lists checks not to run.
	Disable []string `json:"disable"`
	// Tests keeps findings in _test.go files (dropped by default, as in
	// the apivet CLI).
	Tests bool `json:"tests"`
	// Severity is the least severity reported: error, warning or note;
	// empty is warning (check.DefaultThreshold), as in every apivet driver.
	Severity string `json:"severity"`
	// Checks holds each check's settings section, keyed by check name.
	Checks map[string]any `json:"-"`
}

// UnmarshalJSON decodes the fixed keys strictly and keeps every other key
// as a check's settings section; New validates those against the checks.
func (s *Settings) UnmarshalJSON(data []byte) error {
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		return nil
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return fmt.Errorf("settings must be a mapping: %w", err)
	}
	fields := map[string]any{"enable": &s.Enable, "disable": &s.Disable, "tests": &s.Tests, "severity": &s.Severity}
	for key, val := range raw {
		if dst, ok := fields[key]; ok {
			if err := json.Unmarshal(val, dst); err != nil {
				return fmt.Errorf("%s: %w", key, err)
			}
			continue
		}
		var section any
		if err := json.Unmarshal(val, &section); err != nil {
			return fmt.Errorf("%s: %w", key, err)
		}
		if s.Checks == nil {
			s.Checks = map[string]any{}
		}
		s.Checks[key] = section
	}
	return nil
}

type apivetPlugin struct {
	analyzers []*analysis.Analyzer
}

// New is the plugin's constructor, called by golangci-lint with the raw
// settings of linters.settings.custom.apivet.settings.
func New(rawSettings any) (register.LinterPlugin, error) {
	return newPlugin(rawSettings, analyzers.All())
}

func newPlugin(rawSettings any, all []*check.Check) (*apivetPlugin, error) {
	settings, err := register.DecodeSettings[Settings](rawSettings)
	if err != nil {
		return nil, fmt.Errorf("apivet settings: %w", err)
	}
	if err := checkSectionNames(settings.Checks, all); err != nil {
		return nil, err
	}
	if len(settings.Checks) > 0 {
		if err := config.ApplyMap(settings.Checks, all); err != nil {
			return nil, fmt.Errorf("apivet settings: %w", err)
		}
	}
	selected, err := Select(all, settings.Enable, settings.Disable)
	if err != nil {
		return nil, err
	}
	threshold, err := check.ParseSeverity(settings.Severity)
	if err != nil {
		return nil, fmt.Errorf("apivet settings: severity: %w", err)
	}
	check.Options.Tests = settings.Tests
	p := &apivetPlugin{}
	for _, c := range selected {
		p.analyzers = append(p.analyzers, survive(atLeast(c, threshold)))
	}
	return p, nil
}

// atLeast returns a copy of a check's analyzer that reports only the
// findings of the threshold's severity or more, without their related
// information: golangci-lint prints each related location as an issue of
// its own ("bodylimit(related information): …"), which would turn one
// finding per root cause back into one per route. (survive's
// internal-error diagnostic is reported around it, so it is never
// dropped.)
func atLeast(c *check.Check, threshold check.Severity) *analysis.Analyzer {
	w := *c.Analyzer
	run := c.Analyzer.Run
	w.Run = func(pass *analysis.Pass) (any, error) {
		report := pass.Report
		defer func() { pass.Report = report }()
		pass.Report = func(d analysis.Diagnostic) {
			if check.SeverityOf(c, d).AtLeast(threshold) {
				d.Related = nil
				report(d)
			}
		}
		return run(pass)
	}
	return &w
}

// survive returns a copy of a check's analyzer whose internal errors (a
// panic, turned into a *check.InternalError by check.Guard) become a
// diagnostic at the package clause instead of an error: golangci-lint
// aborts the whole run, every linter's findings included, when an
// analyzer returns an error.
func survive(a *analysis.Analyzer) *analysis.Analyzer {
	w := *a
	run := a.Run
	w.Run = func(pass *analysis.Pass) (any, error) {
		res, err := run(pass)
		var ie *check.InternalError
		if err == nil || !errors.As(err, &ie) {
			return res, err
		}
		msg := fmt.Sprintf("internal error, this package was not fully analyzed: %v; please report it at https://github.com/apivet/apivet/issues", ie.Panic)
		if len(pass.Files) > 0 {
			pass.Report(analysis.Diagnostic{Pos: pass.Files[0].Package, Message: msg})
		}
		fmt.Fprintf(os.Stderr, "apivet: %v\n", ie)
		if a.ResultType != nil {
			return reflect.Zero(a.ResultType).Interface(), nil
		}
		return nil, nil
	}
	return &w
}

// BuildAnalyzers returns the analyzers of the enabled checks (copies that
// survive internal errors, see survive). golangci-lint
// shows each finding as "<check>: <message>" because the analyzer's name
// (the check's) differs from the linter's (apivet).
func (p *apivetPlugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return p.analyzers, nil
}

// GetLoadMode is types-info: every check needs type information.
func (p *apivetPlugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// checkSectionNames rejects a settings key that is neither a fixed setting
// nor a check's name, with a message that lists what is allowed.
func checkSectionNames(sections map[string]any, all []*check.Check) error {
	known := map[string]bool{}
	var names []string
	for _, c := range all {
		known[c.Name()] = true
		names = append(names, c.Name())
	}
	var unknown []string
	for key := range sections {
		if !known[key] {
			unknown = append(unknown, key)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	sort.Strings(unknown)
	return fmt.Errorf("apivet settings: unknown setting %q: expected enable, disable, tests, severity or a check name (checks: %s)",
		unknown[0], strings.Join(names, ", "))
}

// Select returns the checks named by enable (all of them if enable is
// empty or contains "all") minus those named by disable. An unknown name
// is an error.
func Select(all []*check.Check, enable, disable []string) ([]*check.Check, error) {
	byName := map[string]*check.Check{}
	var names []string
	for _, c := range all {
		byName[c.Name()] = c
		names = append(names, c.Name())
	}
	unknown := func(list string, name string) error {
		return fmt.Errorf("apivet settings: %s: unknown check %q (checks: %s)", list, name, strings.Join(names, ", "))
	}
	on := map[string]bool{}
	if len(enable) == 0 {
		enable = []string{"all"}
	}
	for _, name := range enable {
		switch {
		case name == "all":
			for n := range byName {
				on[n] = true
			}
		case byName[name] != nil:
			on[name] = true
		default:
			return nil, unknown("enable", name)
		}
	}
	for _, name := range disable {
		if byName[name] == nil {
			return nil, unknown("disable", name)
		}
		delete(on, name)
	}
	var out []*check.Check
	for _, c := range all {
		if on[c.Name()] {
			out = append(out, c)
		}
	}
	return out, nil
}
