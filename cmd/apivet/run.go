package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"strings"

	"github.com/apivet/apivet/analyzers"
	"github.com/apivet/apivet/internal/baseline"
	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/config"
	"github.com/apivet/apivet/internal/driver"
	"github.com/apivet/apivet/internal/fix"
	"github.com/apivet/apivet/internal/output"
)

// Exit codes.
const (
	exitClean    = 0
	exitFindings = 1
	exitUsage    = 2
	exitLoad     = 3
)

const usage = `apivet finds API security flaws in Go code (OWASP API Security Top 10).

Usage:
  apivet [flags] [packages]          analyze packages (default ./...)
  apivet routes [flags] [packages]   print the HTTP API inventory
  apivet lsp                         run the language server (stdio)
  go vet -vettool=$(command -v apivet) [packages]

Flags:
`

const exitCodes = `
Exit codes: 0 no findings, 1 findings, 2 usage or configuration error,
3 some packages failed to load, type-check or be analyzed (the findings
of the other packages are still reported).
`

// version is the apivet version; release builds set it with -ldflags.
var version = "v0.1.0-dev"

func fullVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return version
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "routes":
			return runRoutes(args[1:], stdout, stderr)
		case "lsp":
			return runLSP(args[1:], stdout, stderr)
		}
	}
	fs := flag.NewFlagSet("apivet", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		checksFlag    = fs.String("checks", "", "checks to run: comma list of names, `all`, and -name to disable (default: all, or the config's checks list)")
		format        = fs.String("format", "text", "output format: text, json or sarif")
		severityFlag  = fs.String("severity", "", "report findings of this `severity` or more: error, warning or note (default: the config's severity, else warning)")
		outFile       = fs.String("o", "", "write output to `file` instead of stdout")
		tests         = fs.Bool("tests", false, "also analyze _test.go files and report findings in test-support directories (test, testutil, e2e, mocks, …) and functions taking a *testing.T or testing.TB")
		configFile    = fs.String("config", "", "configuration `file` (default: .apivet.yml found upward from the working directory)")
		list          = fs.Bool("list", false, "list the checks and exit")
		explain       = fs.String("explain", "", "print the full documentation of check `name` and exit")
		applyFixes    = fs.Bool("fix", false, "apply suggested fixes")
		baselineFile  = fs.String("baseline", "", "report only findings not recorded in baseline `file`")
		writeBaseline = fs.String("write-baseline", "", "record the current findings in baseline `file` and exit 0")
		chdir         = fs.String("C", "", "change to `dir` before doing anything")
		showVersion   = fs.Bool("version", false, "print the version and exit")
		debugFlag     = fs.Bool("debug", false, "print stack traces of internal errors")
		cpuProfile    = fs.String("cpuprofile", "", "write a CPU profile of the run to `file` (for go tool pprof)")
		memProfile    = fs.String("memprofile", "", "write a heap profile, taken when half of the packages are analyzed, to `file` (for go tool pprof)")
		incremental   = fs.Bool("incremental", false, "analyze through go vet and its build cache: later runs re-analyze only changed packages and those importing them")
	)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
		fmt.Fprint(stderr, exitCodes)
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitClean
		}
		return exitUsage
	}
	all := analyzers.All()

	switch {
	case *showVersion:
		fmt.Fprintf(stdout, "apivet %s\n", fullVersion())
		return exitClean
	case *list:
		printList(stdout, all)
		return exitClean
	case *explain != "":
		c := findCheck(all, *explain)
		if c == nil {
			fmt.Fprintf(stderr, "apivet: unknown check %q; run apivet -list\n", *explain)
			return exitUsage
		}
		fmt.Fprint(stdout, explainText(c))
		return exitClean
	}
	switch *format {
	case "text", "json", "sarif":
	default:
		fmt.Fprintf(stderr, "apivet: unknown -format %q (want text, json or sarif)\n", *format)
		return exitUsage
	}

	dir := "."
	if *chdir != "" {
		dir = *chdir
	}
	root, err := filepath.Abs(dir)
	if err != nil {
		fmt.Fprintf(stderr, "apivet: %v\n", err)
		return exitUsage
	}
	if st, err := os.Stat(root); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "apivet: -C %s: not a directory\n", dir)
		return exitUsage
	}

	// Configuration: the file, then the -checks flag over its list.
	cfgPath := *configFile
	if cfgPath != "" && !filepath.IsAbs(cfgPath) {
		cfgPath = filepath.Join(root, cfgPath)
	}
	if cfgPath == "" {
		cfgPath = config.Find(root)
	}
	var enabledSpec []string
	var threshold check.Severity
	if cfgPath != "" {
		cf, err := config.Load(cfgPath)
		if err == nil {
			err = cf.Apply(all)
		}
		if err != nil {
			fmt.Fprintf(stderr, "apivet: %v\n", err)
			return exitUsage
		}
		enabledSpec = cf.Checks
		threshold = cf.Severity
	}
	if *severityFlag != "" {
		if threshold, err = check.ParseSeverity(*severityFlag); err != nil {
			fmt.Fprintf(stderr, "apivet: -severity: %v\n", err)
			return exitUsage
		}
	}
	if *checksFlag != "" {
		enabledSpec = strings.Split(*checksFlag, ",")
	}
	enabled, err := config.Select(all, enabledSpec)
	if err != nil {
		fmt.Fprintf(stderr, "apivet: %v\n", err)
		return exitUsage
	}

	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintf(stderr, "apivet: %v\n", err)
			return exitUsage
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(stderr, "apivet: %v\n", err)
			return exitUsage
		}
		defer pprof.StopCPUProfile()
	}

	patterns := fs.Args()
	dcfg := driver.Config{Dir: root, Patterns: patterns, Tests: *tests, Checks: enabled, Severity: threshold, MemProfile: *memProfile}
	var res *driver.Result
	if *incremental {
		var exe string
		if exe, err = os.Executable(); err == nil {
			res, err = driver.RunVet(driver.VetConfig{Config: dcfg, Tool: exe, ConfigFile: cfgPath})
		}
	} else {
		res, err = driver.Run(dcfg)
	}
	if err != nil {
		fmt.Fprintf(stderr, "apivet: %v\n", err)
		return exitLoad
	}

	if *writeBaseline != "" {
		path := *writeBaseline
		if !filepath.IsAbs(path) {
			path = filepath.Join(root, path)
		}
		if err := baseline.Write(path, res.Findings); err != nil {
			fmt.Fprintf(stderr, "apivet: %v\n", err)
			return exitUsage
		}
		fmt.Fprintf(stderr, "apivet: wrote %d findings to %s\n", len(res.Findings), *writeBaseline)
		return problemsExit(res, stderr, *debugFlag, exitClean)
	}
	if *baselineFile != "" {
		path := *baselineFile
		if !filepath.IsAbs(path) {
			path = filepath.Join(root, path)
		}
		b, err := baseline.Load(path)
		if err != nil {
			fmt.Fprintf(stderr, "apivet: %v\n", err)
			return exitUsage
		}
		var n int
		res.Findings, n = b.Filter(res.Findings)
		if n > 0 {
			fmt.Fprintf(stderr, "apivet: %d findings in the baseline not shown\n", n)
		}
	}

	if *applyFixes {
		changed, skipped, err := fix.Apply(res.Findings)
		for _, f := range changed {
			fmt.Fprintf(stderr, "apivet: fixed %s\n", output.Rel(root, f))
		}
		if skipped > 0 {
			fmt.Fprintf(stderr, "apivet: %d overlapping fixes skipped; run again to apply them\n", skipped)
		}
		if err != nil {
			fmt.Fprintf(stderr, "apivet: applying fixes: %v\n", err)
			return exitUsage
		}
	}

	w := stdout
	if *outFile != "" {
		f, err := os.Create(*outFile)
		if err != nil {
			fmt.Fprintf(stderr, "apivet: %v\n", err)
			return exitUsage
		}
		defer f.Close()
		w = f
	}
	switch *format {
	case "text":
		err = output.Text(w, root, res)
	case "json":
		err = output.JSON(w, root, res)
	case "sarif":
		err = output.SARIF(w, root, fullVersion(), enabled, res)
	}
	if err != nil {
		fmt.Fprintf(stderr, "apivet: %v\n", err)
		return exitUsage
	}
	code := exitClean
	if len(res.Findings) > 0 {
		code = exitFindings
	}
	return problemsExit(res, stderr, *debugFlag, code)
}

// problemsExit prints load and internal errors to stderr and returns
// exitLoad if there were any, else code.
func problemsExit(res *driver.Result, stderr io.Writer, debugStacks bool, code int) int {
	root, _ := os.Getwd()
	for _, p := range res.Problems {
		pos := ""
		if p.Pos.IsValid() || p.Pos.Filename != "" {
			pos = output.Rel(root, p.Pos.Filename)
			if p.Pos.Line > 0 {
				pos += fmt.Sprintf(":%d", p.Pos.Line)
				if p.Pos.Column > 0 {
					pos += fmt.Sprintf(":%d", p.Pos.Column)
				}
			}
			pos += ": "
		}
		kind := "error"
		if p.Kind == driver.InternalError {
			kind = "internal error"
		}
		msg := strings.TrimPrefix(p.Message, "internal error: ")
		fmt.Fprintf(stderr, "%s%s: %s\n", pos, kind, msg)
		if debugStacks && p.Stack != "" {
			fmt.Fprintln(stderr, p.Stack)
		}
	}
	if len(res.Problems) > 0 {
		if !debugStacks && hasStacks(res.Problems) {
			fmt.Fprintln(stderr, "apivet: run with -debug for stack traces, and please report internal errors")
		}
		return exitLoad
	}
	return code
}

func hasStacks(ps []driver.Problem) bool {
	for _, p := range ps {
		if p.Stack != "" {
			return true
		}
	}
	return false
}

func findCheck(all []*check.Check, name string) *check.Check {
	for _, c := range all {
		if c.Name() == name {
			return c
		}
	}
	return nil
}

func printList(w io.Writer, all []*check.Check) {
	width := 0
	for _, c := range all {
		width = max(width, len(c.Name()))
	}
	for _, c := range all {
		fmt.Fprintf(w, "%-*s  %-7s  %-9s  %s\n", width, c.Name(), c.Severity, c.OWASP, c.Title)
	}
}

func explainText(c *check.Check) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s — %s\n\n", c.Name(), c.Title)
	fmt.Fprintf(&b, "OWASP:     %s %s\n", c.OWASP, c.OWASPTitle())
	var cwes []string
	for _, id := range c.CWE {
		cwes = append(cwes, fmt.Sprintf("CWE-%d", id))
	}
	fmt.Fprintf(&b, "CWE:       %s\n", strings.Join(cwes, ", "))
	fmt.Fprintf(&b, "Severity:  %s    Precision: %s    Since: %s\n\n", c.Severity, c.Precision, c.Since)
	fmt.Fprintf(&b, "%s\n", strings.TrimSpace(c.Analyzer.Doc))
	if c.Bad != "" {
		fmt.Fprintf(&b, "\nFlagged:\n\n%s\n", indent(c.Bad))
	}
	if c.Good != "" {
		fmt.Fprintf(&b, "\nNot flagged:\n\n%s\n", indent(c.Good))
	}
	return b.String()
}

func indent(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = "\t" + l
		}
	}
	return strings.Join(lines, "\n")
}
