package check

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/apivet/apivet/internal/modrefs"
)

// Options are the run-wide settings every driver (CLI, vet tool, plugin,
// language server) sets before analysis starts; read-only afterwards.
var Options struct {
	// Tests keeps findings in test code (TestCode: _test.go files and
	// test-support directories), dropped by default.
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
	pos  token.Pos
	line int  // line of the comment
	own  bool // the comment is alone on its line: it covers the next line
	// endLine, for a trailing comment on the first line of a multi-line
	// statement or composite literal, is that node's last line: the
	// directive covers line..endLine. Otherwise endLine == line.
	endLine int
	checks  []string
	reason  string
	// nolint: a golangci-lint //nolint:apivet, covering every check; it
	// needs no reason and golangci-lint's nolintlint judges its use.
	nolint bool
	used   bool
	// decl is set for a directive on its own line directly above a
	// declaration, which it covers whole: line..endLine (decl.go).
	decl bool
	// except are line ranges inside the covered ones that it does not
	// cover: the bodies of HTTP handler function literals.
	except [][2]int
}

// NolintDirective is golangci-lint's suppression comment; naming apivet
// in its list silences every apivet check.
const NolintDirective = "//nolint:"

type fileInfo struct {
	skip       bool // generated, or a test file without -tests
	directives []*directive
	testFuncs  []ast.Node // test helpers (testHelpers), without -tests
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
		fi := &fileInfo{skip: skipped(tf, file)}
		if !fi.skip {
			fi.directives = parseDirectives(pass, tf, file, pass.Analyzer.Name)
			if !Options.Tests {
				fi.testFuncs = testHelpers(pass, file)
			}
		}
		f.files[tf] = fi
	}
	return f
}

// Skipped reports whether findings in file are dropped (a generated file,
// or a test file without -tests): a check whose findings stay in the file
// they are found in need not look at it.
func Skipped(pass *analysis.Pass, file *ast.File) bool {
	tf := pass.Fset.File(file.FileStart)
	return tf != nil && skipped(tf, file)
}

func skipped(tf *token.File, file *ast.File) bool {
	return (!Options.Generated && ast.IsGenerated(file) && !cgoOutput(file)) ||
		(!Options.Tests && TestCode(tf.Name()))
}

// testSupportDirs are directories whose code exists for tests only: test
// helpers, end-to-end suites and mocks, compiled into no service.
var testSupportDirs = map[string]bool{
	"test": true, "tests": true, "testing": true, "testutil": true, "testutils": true,
	"testhelper": true, "testhelpers": true, "e2e": true, "mocks": true, "mock": true,
}

// TestCode reports whether the file at path is test code: a _test.go
// file, or a file in a test-support directory (testSupportDirs) of its
// module. Only the directories below the module's root count (a checkout
// under ~/test/ is not test code); with no go.mod above the file, only
// the file name does.
func TestCode(path string) bool {
	if strings.HasSuffix(path, "_test.go") {
		return true
	}
	dir := filepath.Dir(path)
	root := moduleRoot(dir)
	if root == "" {
		return false
	}
	rel, err := filepath.Rel(root, dir)
	if err != nil || rel == "." {
		return false
	}
	for _, d := range strings.Split(filepath.ToSlash(rel), "/") {
		if testSupportDirs[d] {
			return true
		}
	}
	return false
}

// testHelpers returns the functions of file that take a *testing.T, B,
// F or M, or a testing.TB: only tests can call them (lakeFS's
// esti.StartWebhookServer(t) serves a mock webhook receiver), so they
// are test code wherever their file is.
func testHelpers(pass *analysis.Pass, file *ast.File) []ast.Node {
	if pass.TypesInfo == nil || !importsTesting(file) {
		return nil
	}
	var out []ast.Node
	for _, d := range file.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Body == nil {
			continue
		}
		for _, f := range fd.Type.Params.List {
			if testingType(pass.TypesInfo.TypeOf(f.Type)) {
				out = append(out, fd)
				break
			}
		}
	}
	return out
}

func importsTesting(file *ast.File) bool {
	for _, is := range file.Imports {
		if is.Path.Value == `"testing"` {
			return true
		}
	}
	return false
}

// testingType: *testing.T, *testing.B, *testing.F, *testing.M or
// testing.TB.
func testingType(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "testing" {
		return false
	}
	switch n.Obj().Name() {
	case "T", "B", "F", "M", "TB":
		return true
	}
	return false
}

// moduleRoots caches modrefs.ModuleRoot by directory: the filter asks
// for every file of every package, once per check.
var moduleRoots sync.Map

func moduleRoot(dir string) string {
	if r, ok := moduleRoots.Load(dir); ok {
		return r.(string)
	}
	root := modrefs.ModuleRoot(dir)
	moduleRoots.Store(dir, root)
	return root
}

// parseDirectives returns the //apivet:ignore directives in file that
// name the check.
func parseDirectives(pass *analysis.Pass, tf *token.File, file *ast.File, name string) []*directive {
	var out []*directive
	for _, cg := range file.Comments {
		for _, c := range cg.List {
			if d := parseNolint(tf, c); d != nil {
				d.own = ownLine(pass, tf, c.Pos())
				d.endLine = d.line
				if d.own {
					d.coverNextNode(tf, file, c.Pos())
				} else {
					d.endLine = coveredEnd(tf, file, d.line)
				}
				out = append(out, d)
				continue
			}
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
			d.endLine = d.line
			if d.own {
				d.coverDecl(pass, tf, file)
			} else {
				d.endLine = coveredEnd(tf, file, d.line)
			}
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
	for _, fd := range fi.testFuncs {
		if fd.Pos() <= pos && pos < fd.End() {
			return false
		}
	}
	line := tf.Line(pos)
	for _, d := range fi.directives {
		covers := (d.line <= line && line <= d.endLine && !d.excepts(line)) || (d.own && d.line+1 == line)
		if covers && (d.reason != "" || d.nolint) {
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
			case d.reason == "" && !d.nolint:
				report(analysis.Diagnostic{Pos: d.pos, Category: string(Warning),
					Message: IgnoreDirective + " " + name + " needs a reason after the check name (e.g. \"" + IgnoreDirective + " " + name + " rate limited at the gateway\"); without one it suppresses nothing"})
			case d.nolint:
			case !d.used:
				report(analysis.Diagnostic{Pos: d.pos, Category: string(Warning),
					Message: "unused " + IgnoreDirective + " directive: " + name + " reports nothing " + d.coverage() + "; remove the directive"})
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

// coverage says which lines the directive covers, for the unused message.
func (d *directive) coverage() string {
	switch {
	case d.decl && len(d.except) > 0:
		return fmt.Sprintf("in the declaration below it (lines %d-%d, the bodies of HTTP handler function literals excepted)", d.line+1, d.endLine)
	case d.decl && d.endLine == d.line+1:
		return fmt.Sprintf("in the declaration below it (line %d)", d.endLine)
	case d.decl:
		return fmt.Sprintf("in the declaration below it (lines %d-%d)", d.line+1, d.endLine)
	case d.own:
		return "on the next line, which is all a directive on its own line covers"
	case d.endLine > d.line:
		return fmt.Sprintf("in the statement or literal whose first line it ends (lines %d-%d)", d.line, d.endLine)
	}
	return "on this line, which is all a trailing directive covers here"
}

// parseNolint returns the directive for a //nolint:a,apivet,b comment, or
// nil.
func parseNolint(tf *token.File, c *ast.Comment) *directive {
	rest, ok := strings.CutPrefix(c.Text, NolintDirective)
	if !ok {
		return nil
	}
	list, _, _ := strings.Cut(rest, " ")
	for _, l := range strings.Split(list, ",") {
		if l == "apivet" {
			return &directive{pos: c.Pos(), line: tf.Line(c.Pos()), nolint: true}
		}
	}
	return nil
}

// coveredEnd returns the last line of the outermost multi-line statement,
// declaration or composite literal that starts on line, or line. Nodes
// holding a function literal are left out: a directive at the top of a
// handler registration must not silence the handler's whole body.
func coveredEnd(tf *token.File, file *ast.File, line int) int {
	end := line
	ast.Inspect(file, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		if tf.Line(n.End()) < line || tf.Line(n.Pos()) > line {
			return false
		}
		if tf.Line(n.Pos()) != line || !coverable(n) {
			return true
		}
		if l := tf.Line(n.End()); l > end && !holdsFuncLit(n) {
			end = l
		}
		return true
	})
	return end
}

// coverable: the nodes a first-line directive covers whole.
func coverable(n ast.Node) bool {
	switch n.(type) {
	case *ast.AssignStmt, *ast.ExprStmt, *ast.ReturnStmt, *ast.DeclStmt, *ast.GoStmt, *ast.DeferStmt,
		*ast.SendStmt, *ast.GenDecl, *ast.ValueSpec, *ast.CompositeLit, *ast.CallExpr, *ast.KeyValueExpr:
		return true
	}
	return false
}

func holdsFuncLit(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if _, ok := m.(*ast.FuncLit); ok {
			found = true
		}
		return !found
	})
	return found
}
