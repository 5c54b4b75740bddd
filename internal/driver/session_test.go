package driver_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/apivet/apivet/analyzers"
	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/driver"
	"github.com/apivet/apivet/internal/modrefs"
	"github.com/apivet/apivet/internal/testutil"
)

// byDir is the findings of a run, as "file:line:col check: message" by
// directory.
func byDir(fs []driver.Finding) map[string][]string {
	out := map[string][]string{}
	for _, f := range fs {
		d := filepath.Dir(f.Pos.Filename)
		out[d] = append(out[d], fmt.Sprintf("%s:%d:%d %s: %s", filepath.Base(f.Pos.Filename), f.Pos.Line, f.Pos.Column, f.Check.Name(), f.Message))
	}
	for _, l := range out {
		sort.Strings(l)
	}
	return out
}

func sessionFindings(t *testing.T, s *driver.Session, dir string) ([]string, *driver.DirResult) {
	t.Helper()
	res, err := s.Analyze(dir, nil, check.Note)
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	return byDir(res.Findings)[dir], res
}

func commandLine(t *testing.T, dir string) map[string][]string {
	t.Helper()
	modrefs.Forget() // a session's index may predate the last edit
	res, err := driver.Run(driver.Config{Dir: dir, Checks: analyzers.All(), Severity: check.Note})
	if err != nil {
		t.Fatal(err)
	}
	return byDir(res.Findings)
}

// writeFile writes and moves the modification time on, so a stat-based
// cache sees the change even within the file system's time granularity.
func writeFile(t *testing.T, name, text string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Duration(len(text)%7+1) * time.Second)
	if err := os.Chtimes(name, later, later); err != nil {
		t.Fatal(err)
	}
}

// TestSessionMatchesRun: a Session gives each package of the demo the
// findings `apivet ./...` gives it; after a dependency's edit the
// importer's findings are those of the command line on the edited code,
// re-analyzing only the edited package and its importers; the revert
// brings the first findings back.
func TestSessionMatchesRun(t *testing.T) {
	if testing.Short() {
		t.Skip("analyzes the demo several times")
	}
	demo := testutil.Module(t, "../../testdata/demo")
	mod := t.TempDir()
	testutil.CopyDir(t, demo, mod)
	want := commandLine(t, mod)

	s, err := driver.NewSession(driver.Config{Dir: mod, Checks: analyzers.All()})
	if err != nil {
		t.Fatal(err)
	}
	dirs := make([]string, 0, len(want))
	for d := range want {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	for _, d := range dirs {
		got, _ := sessionFindings(t, s, d)
		if fmt.Sprint(got) != fmt.Sprint(want[d]) {
			t.Errorf("%s in a session:\n%s\nwant (apivet ./...):\n%s", d, strings.Join(got, "\n"), strings.Join(want[d], "\n"))
		}
	}
	api := filepath.Join(mod, "internal/api")
	if _, res := sessionFindings(t, s, api); res.Analyzed != 0 {
		t.Errorf("nothing changed, yet %d packages were analyzed again", res.Analyzed)
	}

	// The repository's ByID scopes its query by the caller: the handler's
	// bola finding goes; the revert (the check removed) brings it back.
	repo := filepath.Join(mod, "internal/billing/invoices.go")
	orig, err := os.ReadFile(repo)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, repo, ScopeByID(t, string(orig)))
	wantEdited := commandLine(t, mod)
	got, res := sessionFindings(t, s, api)
	if fmt.Sprint(got) != fmt.Sprint(wantEdited[api]) {
		t.Errorf("after the edit:\n%s\nwant (apivet ./...):\n%s", strings.Join(got, "\n"), strings.Join(wantEdited[api], "\n"))
	}
	if fmt.Sprint(got) == fmt.Sprint(want[api]) {
		t.Errorf("the edit changed nothing in %s:\n%s", api, strings.Join(got, "\n"))
	}
	// billing and api; not store, auth or config.
	if res.Analyzed != 2 {
		t.Errorf("the edit had %d packages analyzed again, want 2 (billing, api)", res.Analyzed)
	}
	if !contains(res.Stale, mod) {
		t.Errorf("main imports api, yet it is not among the stale: %v", res.Stale)
	}

	writeFile(t, repo, string(orig))
	got, _ = sessionFindings(t, s, api)
	if fmt.Sprint(got) != fmt.Sprint(want[api]) {
		t.Errorf("after the revert:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want[api], "\n"))
	}
	// main, stale since the edit, is analyzed again when asked for.
	if got, _ := sessionFindings(t, s, mod); fmt.Sprint(got) != fmt.Sprint(want[mod]) {
		t.Errorf("main after the revert:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want[mod], "\n"))
	}
}

// TestSessionUnsaved: an unsaved buffer is analyzed in place of the file,
// and a file added on disk asks for a new session.
func TestSessionUnsaved(t *testing.T) {
	if testing.Short() {
		t.Skip("analyzes the demo")
	}
	demo := testutil.Module(t, "../../testdata/demo")
	mod := t.TempDir()
	testutil.CopyDir(t, demo, mod)
	s, err := driver.NewSession(driver.Config{Dir: mod, Checks: analyzers.All()})
	if err != nil {
		t.Fatal(err)
	}
	billing := filepath.Join(mod, "internal/billing")
	gw := filepath.Join(billing, "gateway.go")
	orig, _ := os.ReadFile(gw)
	before, _ := sessionFindings(t, s, billing)
	fixed := strings.Replace(string(orig), "InsecureSkipVerify: true", "InsecureSkipVerify: false", 1)
	res, err := s.Analyze(billing, map[string][]byte{gw: []byte(fixed)}, check.Note)
	if err != nil {
		t.Fatal(err)
	}
	if after := byDir(res.Findings)[billing]; len(after) != len(before)-1 {
		t.Errorf("unsaved fix: %d findings, want %d:\n%s", len(after), len(before)-1, strings.Join(after, "\n"))
	}
	writeFile(t, filepath.Join(billing, "extra.go"), "package billing\n")
	if _, err := s.Analyze(billing, nil, check.Note); err != driver.ErrReload {
		t.Errorf("a new file: %v, want ErrReload", err)
	}
}

// ScopeByID makes the demo's Invoices.ByID check the caller.
func ScopeByID(t *testing.T, src string) string {
	t.Helper()
	edited := strings.Replace(src, "First(&inv, id)", `Where("customer_id = ?", customerFrom(ctx)).First(&inv, id)`, 1)
	if edited == src {
		t.Fatal("the demo's Invoices.ByID changed: update the test")
	}
	return edited + "\nfunc customerFrom(ctx context.Context) uint { v, _ := ctx.Value(\"customer\").(uint); return v }\n"
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestSessionModrefs: a handler's package defers to the package mounting
// it (modrefs); when that package stops naming it, the handler's package,
// which imports nothing that changed, has its own findings again.
func TestSessionModrefs(t *testing.T) {
	if testing.Short() {
		t.Skip("analyzes the demo")
	}
	demo := testutil.Module(t, "../../testdata/demo")
	mod := t.TempDir()
	testutil.CopyDir(t, demo, mod)
	s, err := driver.NewSession(driver.Config{Dir: mod, Checks: analyzers.All()})
	if err != nil {
		t.Fatal(err)
	}
	support := filepath.Join(mod, "internal/support")
	before, _ := sessionFindings(t, s, support)
	routes := filepath.Join(mod, "internal/api/routes.go")
	orig, _ := os.ReadFile(routes)
	var kept []string
	for _, line := range strings.Split(string(orig), "\n") {
		if !strings.Contains(line, "support") {
			kept = append(kept, line)
		}
	}
	writeFile(t, routes, strings.Join(kept, "\n"))
	want := commandLine(t, mod)[support]
	got, _ := sessionFindings(t, s, support)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("support, unmounted:\n%s\nwant (apivet ./...):\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if fmt.Sprint(got) == fmt.Sprint(before) {
		t.Errorf("unmounting support changed nothing there:\n%s", strings.Join(got, "\n"))
	}
}

// TestSessionBrokenDependency: a dependency that stops compiling makes
// its importer ill-typed, without a panic; once fixed, the findings are
// the first ones again.
func TestSessionBrokenDependency(t *testing.T) {
	if testing.Short() {
		t.Skip("analyzes the demo")
	}
	demo := testutil.Module(t, "../../testdata/demo")
	mod := t.TempDir()
	testutil.CopyDir(t, demo, mod)
	s, err := driver.NewSession(driver.Config{Dir: mod, Checks: analyzers.All()})
	if err != nil {
		t.Fatal(err)
	}
	api := filepath.Join(mod, "internal/api")
	want, _ := sessionFindings(t, s, api)
	repo := filepath.Join(mod, "internal/billing/invoices.go")
	orig, _ := os.ReadFile(repo)
	writeFile(t, repo, strings.Replace(string(orig), "func (r *Invoices) ByID(", "func (r *Invoices) ByID(}", 1))
	_, res := sessionFindings(t, s, api)
	if !res.Package.IllTyped {
		t.Error("api imports a package with a syntax error, yet it is not ill-typed")
	}
	writeFile(t, repo, string(orig))
	if got, _ := sessionFindings(t, s, api); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("after the fix:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
