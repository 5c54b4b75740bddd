package check

import (
	"go/ast"
	"go/token"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// Options are the run-wide settings every driver (CLI, vet tool, plugin,
// language server) sets before analysis starts; read-only afterwards.
var Options struct {
	// Tests keeps findings in _test.go files (dropped by default).
	Tests bool
	// Generated keeps findings in generated files (dropped by default).
	Generated bool
	// Setup, if set, runs once before the first analyzer runs; the vet
	// tool uses it to load .apivet.yml once flags are parsed.
	Setup func() error
}

var (
	setupOnce sync.Once
	setupErr  error
)

// IgnoreDirective is the comment prefix that suppresses a finding.
const IgnoreDirective = "//apivet:ignore"

// Prepare readies a check's analyzer for any driver: Guard against
// panics, then filter what it reports — findings in generated files and
// (unless Options.Tests) test files are dropped, findings suppressed by
// an //apivet:ignore directive are dropped, and directives naming this
// check that lack a reason or suppress nothing are reported, so stale
// ones get cleaned up. Prepare is idempotent.
func Prepare(a *analysis.Analyzer) *analysis.Analyzer {
	preparedMu.Lock()
	done := prepared[a]
	prepared[a] = true
	preparedMu.Unlock()
	if done {
		return a
	}
	Guard(a)
	run := a.Run
	a.Run = func(pass *analysis.Pass) (any, error) {
		if Options.Setup != nil {
			setupOnce.Do(func() { setupErr = Options.Setup() })
			if setupErr != nil {
				return nil, setupErr
			}
		}
		f := newFilter(pass)
		report := pass.Report
		pass.Report = func(d analysis.Diagnostic) {
			if f.keep(d.Pos) {
				report(d)
			}
		}
		res, err := run(pass)
		pass.Report = report
		f.reportDirectives(report)
		return res, err
	}
	return a
}

var (
	preparedMu sync.Mutex
	prepared   = map[*analysis.Analyzer]bool{}
)

type directive struct {
	pos    token.Pos
	line   int  // line of the comment
	own    bool // the comment is alone on its line: it covers the next line
	checks []string
	reason string
	used   bool
}

type fileInfo struct {
	skip       bool // generated, or a test file without -tests
	directives []*directive
}

type filter struct {
	pass  *analysis.Pass
	files map[*token.File]*fileInfo
}

func newFilter(pass *analysis.Pass) *filter {
	f := &filter{pass: pass, files: map[*token.File]*fileInfo{}}
	for _, file := range pass.Files {
		tf := pass.Fset.File(file.FileStart)
		if tf == nil {
			continue
		}
		fi := &fileInfo{}
		fi.skip = (!Options.Generated && ast.IsGenerated(file) && !cgoOutput(file)) ||
			(!Options.Tests && strings.HasSuffix(tf.Name(), "_test.go"))
		if !fi.skip {
			fi.directives = parseDirectives(pass, tf, file, pass.Analyzer.Name)
		}
		f.files[tf] = fi
	}
	return f
}

// parseDirectives returns the //apivet:ignore directives in file that
// name the check.
func parseDirectives(pass *analysis.Pass, tf *token.File, file *ast.File, name string) []*directive {
	var out []*directive
	for _, cg := range file.Comments {
		for _, c := range cg.List {
			if !strings.HasPrefix(c.Text, IgnoreDirective) {
				continue
			}
			rest := strings.TrimPrefix(c.Text, IgnoreDirective)
			if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
				continue // e.g. //apivet:ignorefoo
			}
			fields := strings.Fields(rest)
			d := &directive{pos: c.Pos(), line: tf.Line(c.Pos())}
			if len(fields) > 0 {
				d.checks = strings.Split(fields[0], ",")
				d.reason = strings.Join(fields[1:], " ")
			}
			named := false
			for _, ch := range d.checks {
				named = named || ch == name
			}
			if !named {
				continue
			}
			d.own = ownLine(pass, tf, c.Pos())
			out = append(out, d)
		}
	}
	return out
}

// ownLine reports whether nothing but the comment is on its line.
func ownLine(pass *analysis.Pass, tf *token.File, pos token.Pos) bool {
	content, err := pass.ReadFile(tf.Name())
	if err != nil {
		return false
	}
	off := tf.Offset(pos)
	start := off
	for start > 0 && content[start-1] != '\n' {
		start--
	}
	return strings.TrimSpace(string(content[start:off])) == ""
}

// keep reports whether a finding at pos survives the filters, marking the
// directive that suppresses it as used.
func (f *filter) keep(pos token.Pos) bool {
	tf := f.pass.Fset.File(pos)
	fi := f.files[tf]
	if fi == nil {
		return true // a position outside the package's files: keep it
	}
	if fi.skip {
		return false
	}
	line := tf.Line(pos)
	for _, d := range fi.directives {
		covers := d.line == line || (d.own && d.line+1 == line)
		if covers && d.reason != "" {
			d.used = true
			return false
		}
	}
	return true
}

func (f *filter) reportDirectives(report func(analysis.Diagnostic)) {
	name := f.pass.Analyzer.Name
	for _, fi := range f.files {
		for _, d := range fi.directives {
			switch {
			case d.reason == "":
				report(analysis.Diagnostic{Pos: d.pos, Category: string(Warning),
					Message: IgnoreDirective + " " + name + " needs a reason after the check name (e.g. \"" + IgnoreDirective + " " + name + " rate limited at the gateway\"); without one it suppresses nothing"})
			case !d.used:
				report(analysis.Diagnostic{Pos: d.pos, Category: string(Warning),
					Message: "unused " + IgnoreDirective + " directive: " + name + " reports nothing on this line or the next; remove the directive"})
			}
		}
	}
}

// cgoOutput reports whether file is cmd/cgo's rewrite of a user's file:
// it carries a "Code generated by cmd/cgo" header but its positions map
// back to the user's source, whose findings must not be dropped.
func cgoOutput(file *ast.File) bool {
	for _, cg := range file.Comments {
		if cg.Pos() > file.Package {
			break
		}
		if strings.Contains(cg.Text(), "Code generated by cmd/cgo") {
			return true
		}
	}
	return false
}
