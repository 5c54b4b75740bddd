// Package check holds what every apivet check declares about itself
// (name, title, OWASP category, CWE ids, severity, precision, examples,
// settings) and the small helpers checks share for reporting.
//
// The registry of all checks lives in package analyzers; this package has
// no dependency on any check, so every check can import it.
package check

import (
	"fmt"
	"go/build"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// Severity is the level of a finding, as in SARIF.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Note    Severity = "note"
)

// Precision says how often a finding of the check is a true positive,
// as measured on real code (see each check's doc).
type Precision string

const (
	High   Precision = "high"
	Medium Precision = "medium"
	Low    Precision = "low"
)

// Check is one apivet check: a go/analysis analyzer plus the metadata the
// CLI, SARIF output, docs and integrations need.
type Check struct {
	Analyzer  *analysis.Analyzer
	Title     string    // one line, sentence case, no period
	OWASP     string    // OWASP API Security Top 10 2023 id, e.g. "API1:2023"
	CWE       []int     // CWE ids, most specific first
	Severity  Severity  // default severity of a finding
	Precision Precision // measured precision
	Since     string    // apivet version that introduced the check
	Bad       string    // Go code that the check flags
	Good      string    // the fixed twin of Bad
	// Settings, if non-nil, is a pointer to the check's settings struct
	// (with yaml tags and its defaults already set). The config loader
	// decodes the check's section of .apivet.yml into it.
	Settings any
}

// Name is the check's name: its analyzer's name.
func (c *Check) Name() string { return c.Analyzer.Name }

// OWASPTitle is the full title of the check's OWASP API category.
func (c *Check) OWASPTitle() string { return owaspTitles[c.OWASP] }

// Tags are the SARIF/property tags of the check.
func (c *Check) Tags() []string {
	tags := []string{"security"}
	for _, id := range c.CWE {
		tags = append(tags, fmt.Sprintf("CWE-%d", id))
	}
	if c.OWASP != "" {
		tags = append(tags, "OWASP-"+strings.ReplaceAll(c.OWASP, ":", "-"))
	}
	return tags
}

var owaspTitles = map[string]string{
	"API1:2023":  "Broken Object Level Authorization",
	"API2:2023":  "Broken Authentication",
	"API3:2023":  "Broken Object Property Level Authorization",
	"API4:2023":  "Unrestricted Resource Consumption",
	"API5:2023":  "Broken Function Level Authorization",
	"API6:2023":  "Unrestricted Access to Sensitive Business Flows",
	"API7:2023":  "Server Side Request Forgery",
	"API8:2023":  "Security Misconfiguration",
	"API9:2023":  "Improper Inventory Management",
	"API10:2023": "Unsafe Consumption of APIs",
}

// Report reports a finding with a severity other than the check's default.
// The severity travels in Diagnostic.Category, which the apivet drivers
// read back with SeverityOf.
func Report(pass *analysis.Pass, d analysis.Diagnostic, sev Severity) {
	d.Category = string(sev)
	pass.Report(d)
}

// SeverityOf is the severity of a diagnostic reported by check c.
func SeverityOf(c *Check, d analysis.Diagnostic) Severity {
	switch Severity(d.Category) {
	case Error, Warning, Note:
		return Severity(d.Category)
	}
	return c.Severity
}

// Redact returns a secret with all but a short prefix hidden, for messages.
func Redact(secret string) string {
	const keep = 4
	r := []rune(secret)
	if len(r) <= keep*2 {
		return "…"
	}
	return string(r[:keep]) + "…"
}

// InternalError is returned by an analyzer whose Run panicked.
type InternalError struct {
	Analyzer string
	Package  string
	Panic    any
	Stack    []byte
}

func (e *InternalError) Error() string {
	return fmt.Sprintf("internal error: analyzer %s panicked on package %s: %v", e.Analyzer, e.Package, e.Panic)
}

// Guard wraps a's Run so that a panic becomes an *InternalError for that
// package only: the other analyzers, and this analyzer on other packages,
// keep their results. Analyzers that depend on a guarded analyzer see it
// as a failed prerequisite, as for any error.
// Guard is idempotent.
func Guard(a *analysis.Analyzer) *analysis.Analyzer {
	guardedMu.Lock()
	defer guardedMu.Unlock()
	if guarded[a] {
		return a
	}
	guarded[a] = true
	if !ours(a) {
		// Analyzers of other modules (x/tools' inspect, buildssa…) are
		// shared with other tools in the same process, golangci-lint's
		// linters among them: leave them as they are.
		return a
	}
	for _, req := range a.Requires {
		if !guarded[req] {
			guardedMu.Unlock()
			Guard(req)
			guardedMu.Lock()
		}
	}
	run := a.Run
	a.Run = func(pass *analysis.Pass) (res any, err error) {
		if !importGraphOnly[a] && isDependency(pass) {
			// A dependency: loaded without syntax (standalone driver),
			// or the standard library or a versioned module (vet tool,
			// analysistest), which apivet does not report on and whose
			// facts are not worth their cost.
			if a.ResultType == nil {
				return nil, nil
			}
			return reflect.Zero(a.ResultType).Interface(), nil
		}
		defer func() {
			if p := recover(); p != nil {
				res, err = nil, &InternalError{Analyzer: pass.Analyzer.Name, Package: pass.Pkg.Path(), Panic: p, Stack: debug.Stack()}
			}
		}()
		return run(pass)
	}
	return a
}

var (
	guardedMu       sync.Mutex
	guarded         = map[*analysis.Analyzer]bool{}
	importGraphOnly = map[*analysis.Analyzer]bool{}
)

// ours reports whether a's Run is apivet code.
func ours(a *analysis.Analyzer) bool {
	fn := runtime.FuncForPC(reflect.ValueOf(a.Run).Pointer())
	return fn != nil && strings.HasPrefix(fn.Name(), "github.com/apivet/apivet/")
}

// IsDependency is isDependency, for analyzers that must skip dependencies
// even when run without Guard (analysistest runs them on the standard
// library and downloaded modules from source).
func IsDependency(pass *analysis.Pass) bool { return isDependency(pass) }

// isDependency reports whether the pass is over a package apivet
// analyzes only for the facts the import graph gives: one without syntax,
// one of the standard library, or one of a versioned (downloaded) module.
func isDependency(pass *analysis.Pass) bool {
	if pass.TypesInfo == nil {
		return true
	}
	if pass.Module != nil && pass.Module.Version != "" {
		return true
	}
	return IsStd(pass.Pkg.Path())
}

var stdCache sync.Map // import path -> bool

// IsStd reports whether path is a standard library package: no dot in its
// first element and a directory under GOROOT/src.
func IsStd(path string) bool {
	if v, ok := stdCache.Load(path); ok {
		return v.(bool)
	}
	first, _, _ := strings.Cut(path, "/")
	std := false
	if !strings.Contains(first, ".") {
		if st, err := os.Stat(filepath.Join(build.Default.GOROOT, "src", path)); err == nil && st.IsDir() {
			std = true
		}
	}
	stdCache.Store(path, std)
	return std
}

// RunsOnImportGraph declares that a runs, and exports facts, on packages
// that have types and an import graph but no syntax (dependencies the
// standalone driver loads from export data). Other analyzers are skipped
// there. Call it before Guard, from the analyzer's package init.
func RunsOnImportGraph(a *analysis.Analyzer) {
	guardedMu.Lock()
	defer guardedMu.Unlock()
	importGraphOnly[a] = true
}

// OnImportGraph reports whether a was declared with RunsOnImportGraph.
func OnImportGraph(a *analysis.Analyzer) bool {
	guardedMu.Lock()
	defer guardedMu.Unlock()
	return importGraphOnly[a]
}
