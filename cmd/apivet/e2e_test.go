package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apivet/apivet/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite golden files and generated docs")

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	testutil.RemoveBuilt()
	os.Exit(code)
}

type result struct {
	stdout, stderr string
	code           int
}

// apivet runs the binary in dir.
func apivet(t *testing.T, dir string, args ...string) result {
	t.Helper()
	cmd := exec.Command(testutil.Apivet(t), args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{stdout.String(), stderr.String(), code}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/apivet -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the output (run go test ./cmd/apivet -update to accept):\n--- got ---\n%s\n--- want ---\n%s", path, got, want)
	}
}

// copyModule copies a testdata module into a temporary directory so a
// test can change it.
func copyModule(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	testutil.CopyDir(t, src, dst)
	return dst
}

func TestDemo(t *testing.T) {
	demo := testutil.Module(t, "../../testdata/demo")
	r := apivet(t, demo, "./...")
	if r.code != 1 {
		t.Fatalf("exit code %d, want 1 (findings); stderr:\n%s", r.code, r.stderr)
	}
	golden(t, "demo.txt", r.stdout)
	js := apivet(t, demo, "-format", "json", "./...")
	golden(t, "demo.json", js.stdout)
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(js.stdout), &tree); err != nil {
		t.Fatalf("JSON output does not parse: %v", err)
	}
	// Each check the README promises shows up in the demo.
	for _, name := range demoChecks {
		if !strings.Contains(r.stdout, ": "+name+": ") {
			t.Errorf("the demo shows no %s finding", name)
		}
	}
}

// demoChecks are the checks whose bad patterns the demo service carries.
var demoChecks = []string{"bodylimit", "bola", "cors", "dataexposure", "errorleak", "hardcodedsecret", "insecuretls", "jwtverify", "massassign", "pprof", "ratelimit", "servertimeout"}

func TestCasesText(t *testing.T) {
	r := apivet(t, "testdata/cases", "-checks", "pprof", "./...")
	if r.code != 1 {
		t.Fatalf("exit code %d, want 1; stderr:\n%s", r.code, r.stderr)
	}
	golden(t, "cases.txt", r.stdout)

	// Suppressions: with a reason they suppress, without one they are
	// reported and suppress nothing, unused ones are reported, and a
	// directive for another check does not suppress.
	for _, want := range []string{
		"suppress/main.go:14:2: pprof: //apivet:ignore pprof needs a reason",
		"suppress/main.go:15:5: pprof: this serves http.DefaultServeMux",
		"suppress/main.go:17:2: pprof: unused //apivet:ignore directive",
		"suppress/main.go:21:2: pprof: this serves http.DefaultServeMux",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("missing %q", want)
		}
	}
	for _, unwanted := range []string{"suppress/main.go:10:", "suppress/main.go:12:", "generated/", "main_test.go"} {
		if strings.Contains(r.stdout, unwanted) {
			t.Errorf("unexpected finding at %s", unwanted)
		}
	}
}

func TestTestsFlag(t *testing.T) {
	r := apivet(t, "testdata/cases", "-checks", "pprof", "-tests", "./fixme")
	if !strings.Contains(r.stdout, "fixme/main_test.go:9:5: pprof:") {
		t.Errorf("-tests: finding in main_test.go missing:\n%s", r.stdout)
	}
	if strings.Count(r.stdout, "fixme/main.go:10:14: pprof:") != 1 {
		t.Errorf("-tests: finding in main.go should appear once (package and test variant):\n%s", r.stdout)
	}
}

// TestPartOfModule: naming one package gives its findings as ./... does,
// including those decided from facts of the module's packages it imports
// (the demo's api package mounts support.Routes on a customer group), and
// no other package's.
func TestPartOfModule(t *testing.T) {
	demo := testutil.Module(t, "../../testdata/demo")
	all := apivet(t, demo, "-checks", "bola", "./...")
	one := apivet(t, demo, "-checks", "bola", "./internal/api")
	var want []string
	for _, l := range strings.Split(all.stdout, "\n") {
		if strings.HasPrefix(l, "internal/api/") {
			want = append(want, l)
		}
	}
	if got := strings.TrimSpace(one.stdout); got != strings.Join(want, "\n") || !strings.Contains(got, "routes.go:32:52: bola:") {
		t.Errorf("./internal/api:\n%s\nwant the api lines of ./...:\n%s", got, strings.Join(want, "\n"))
	}
	// A pattern that matches nothing is still an error next to one that
	// matches.
	if r := apivet(t, demo, "-checks", "bola", "./internal/api", "./nonexistent/..."); r.code != 3 || !strings.Contains(r.stderr, "nonexistent") {
		t.Errorf("a pattern matching nothing: exit %d, stderr %q; want 3 and the pattern named", r.code, r.stderr)
	}
}

// TestTestHelpers: a function taking a testing.TB is test code even in a
// file that is not a _test.go file.
func TestTestHelpers(t *testing.T) {
	r := apivet(t, "testdata/cases", "-checks", "pprof", "./helpers")
	if !strings.Contains(r.stdout, "helpers/helpers.go:21:14: pprof:") || strings.Contains(r.stdout, "helpers/helpers.go:15:") {
		t.Errorf("want only Serve's finding without -tests:\n%s", r.stdout)
	}
	r = apivet(t, "testdata/cases", "-checks", "pprof", "-tests", "./helpers")
	if !strings.Contains(r.stdout, "helpers/helpers.go:15:9: pprof:") {
		t.Errorf("-tests: the test helper's finding is missing:\n%s", r.stdout)
	}
}

func TestExitCodes(t *testing.T) {
	cases := []struct {
		name string
		dir  string
		args []string
		code int
		err  string
	}{
		{"clean", "testdata/clean", []string{"./..."}, 0, ""},
		{"findings", "testdata/cases", []string{"-checks", "pprof", "./suppress"}, 1, ""},
		{"unknown flag", "testdata/clean", []string{"-nope"}, 2, "flag provided but not defined"},
		{"unknown check", "testdata/clean", []string{"-checks", "pprof,nosuchcheck"}, 2, `unknown check "nosuchcheck"`},
		{"unknown format", "testdata/clean", []string{"-format", "xml"}, 2, `unknown -format "xml"`},
		{"bad -C", "testdata/clean", []string{"-C", "does-not-exist"}, 2, "not a directory"},
		{"no packages", "testdata/clean", []string{"./nothing/..."}, 3, ""},
		{"type error", "testdata/broken", []string{"./..."}, 3, "bad/bad.go:4:9: error: cannot use"},
		{"disabled", "testdata/cases", []string{"-checks", "-pprof,-servertimeout,-ratelimit", "./suppress"}, 0, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := apivet(t, c.dir, c.args...)
			if r.code != c.code {
				t.Errorf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, c.code, r.stdout, r.stderr)
			}
			if c.err != "" && !strings.Contains(r.stderr, c.err) {
				t.Errorf("stderr lacks %q:\n%s", c.err, r.stderr)
			}
		})
	}
}

func TestBrokenPackageKeepsOthers(t *testing.T) {
	r := apivet(t, "testdata/broken", "-checks", "pprof", "./...")
	if !strings.Contains(r.stdout, "good/main.go:9:2: pprof:") {
		t.Errorf("the package that type-checks was not analyzed:\n%s\n%s", r.stdout, r.stderr)
	}
}

func TestConfig(t *testing.T) {
	dir := copyModule(t, "testdata/cases")
	write := func(s string) {
		if err := os.WriteFile(filepath.Join(dir, ".apivet.yml"), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("checks: [jwtverify]\n")
	if r := apivet(t, dir, "./..."); r.code != 0 {
		t.Errorf("checks: [jwtverify] in .apivet.yml: exit %d, want 0\n%s%s", r.code, r.stdout, r.stderr)
	}
	// The flag overrides the file.
	if r := apivet(t, dir, "-checks", "pprof", "./..."); r.code != 1 {
		t.Errorf("-checks pprof over the config: exit %d, want 1", r.code)
	}
	write("nosuchcheck:\n  x: 1\n")
	if r := apivet(t, dir, "./..."); r.code != 2 || !strings.Contains(r.stderr, `unknown check "nosuchcheck"`) {
		t.Errorf("unknown check section: exit %d, stderr %q", r.code, r.stderr)
	}
	write("checks: [pprof\n")
	if r := apivet(t, dir, "./..."); r.code != 2 || !strings.Contains(r.stderr, ".apivet.yml") {
		t.Errorf("malformed YAML: exit %d, stderr %q", r.code, r.stderr)
	}
	// -config names another file.
	if err := os.WriteFile(filepath.Join(dir, "other.yml"), []byte("checks: [jwtverify]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := apivet(t, dir, "-config", "other.yml", "./..."); r.code != 0 {
		t.Errorf("-config other.yml: exit %d\n%s", r.code, r.stderr)
	}
}

func TestBaselineRoundTrip(t *testing.T) {
	dir := copyModule(t, "testdata/cases")
	r := apivet(t, dir, "-checks", "pprof", "-write-baseline", "baseline.json", "./...")
	if r.code != 0 {
		t.Fatalf("-write-baseline: exit %d\n%s", r.code, r.stderr)
	}
	// Shift every line of a flagged file down: the baseline still matches.
	path := filepath.Join(dir, "suppress", "main.go")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	shifted := strings.Replace(string(src), "package main\n", "package main\n\n// A comment added later.\n\n", 1)
	if err := os.WriteFile(path, []byte(shifted), 0o644); err != nil {
		t.Fatal(err)
	}
	r = apivet(t, dir, "-checks", "pprof", "-baseline", "baseline.json", "./...")
	if r.code != 0 || r.stdout != "" {
		t.Fatalf("after a line shift, baselined findings came back (exit %d):\n%s", r.code, r.stdout)
	}
	// A new finding is still reported.
	added := strings.Replace(shifted, "func main() {\n", "func main() {\n\tgo http.ListenAndServe(\":9999\", nil)\n", 1)
	if err := os.WriteFile(path, []byte(added), 0o644); err != nil {
		t.Fatal(err)
	}
	r = apivet(t, dir, "-checks", "pprof", "-baseline", "baseline.json", "./...")
	if r.code != 1 || !strings.Contains(r.stdout, `":9999"`) || strings.Count(r.stdout, "\n") != 1 {
		t.Fatalf("want exactly the new finding, got exit %d:\n%s", r.code, r.stdout)
	}
}

func TestFix(t *testing.T) {
	dir := copyModule(t, "testdata/cases")
	r := apivet(t, dir, "-checks", "pprof", "-fix", "./fixme")
	if !strings.Contains(r.stderr, "fixed fixme/main.go") {
		t.Fatalf("-fix did not report the fixed file:\n%s", r.stderr)
	}
	src, err := os.ReadFile(filepath.Join(dir, "fixme", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), `http.ListenAndServe("127.0.0.1:6060", nil)`) {
		t.Errorf("fix not applied:\n%s", src)
	}
	if r := apivet(t, dir, "-checks", "pprof", "./fixme"); r.code != 0 {
		t.Errorf("after -fix, still findings:\n%s", r.stdout)
	}
}

func TestListAndExplain(t *testing.T) {
	r := apivet(t, ".", "-list")
	if r.code != 0 || !strings.Contains(r.stdout, "pprof") || !strings.Contains(r.stdout, "API8:2023") {
		t.Errorf("-list: exit %d\n%s", r.code, r.stdout)
	}
	r = apivet(t, ".", "-explain", "pprof")
	for _, want := range []string{"pprof — ", "CWE-200", "Flagged:", "Not flagged:", "Suppress"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("-explain pprof lacks %q", want)
		}
	}
	if r := apivet(t, ".", "-explain", "nope"); r.code != 2 {
		t.Errorf("-explain nope: exit %d, want 2", r.code)
	}
}

func TestOutputFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.json")
	r := apivet(t, "testdata/cases", "-checks", "pprof", "-format", "json", "-o", out, "./suppress")
	if r.code != 1 || r.stdout != "" {
		t.Fatalf("-o: exit %d, stdout %q", r.code, r.stdout)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var tree map[string]map[string][]map[string]any
	if err := json.Unmarshal(data, &tree); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, data)
	}
	diags := tree["example.com/cases/suppress"]["pprof"]
	if len(diags) != 4 {
		t.Fatalf("want 4 pprof diagnostics in example.com/cases/suppress, got %d", len(diags))
	}
	if posn, _ := diags[0]["posn"].(string); !strings.HasPrefix(posn, "suppress/main.go:") {
		t.Errorf("posn not relative: %q", posn)
	}
}

// TestIncremental checks that -incremental (go vet with the build cache)
// reports exactly what the standalone mode reports, keeps a broken
// package's errors and the other packages' findings, and notices edits.
func TestIncremental(t *testing.T) {
	demo := testutil.Module(t, "../../testdata/demo")
	r := apivet(t, demo, "-incremental", "./...")
	if r.code != 1 {
		t.Fatalf("exit code %d, want 1 (findings); stderr:\n%s", r.code, r.stderr)
	}
	golden(t, "demo.txt", r.stdout)
	golden(t, "demo.json", apivet(t, demo, "-incremental", "-format", "json", "./...").stdout)
	golden(t, "cases.txt", apivet(t, "testdata/cases", "-incremental", "-checks", "pprof", "./...").stdout)

	broken := apivet(t, "testdata/broken", "-incremental", "-checks", "pprof", "./...")
	if broken.code != 3 || !strings.Contains(broken.stdout, "good/main.go:9:2: pprof:") ||
		strings.Count(broken.stderr, "bad/bad.go:4:9: error: cannot use") != 1 {
		t.Errorf("broken module: exit code %d (want 3), stdout:\n%s\nstderr (want the type error once):\n%s", broken.code, broken.stdout, broken.stderr)
	}

	// An edit is seen: go vet's cache is keyed by the package's inputs.
	dir := copyModule(t, "testdata/clean")
	if r := apivet(t, dir, "-incremental", "-checks", "pprof", "./..."); r.code != 0 {
		t.Fatalf("clean module: exit code %d, want 0\n%s%s", r.code, r.stdout, r.stderr)
	}
	src := "package main\n\nimport (\n\t\"net/http\"\n\t_ \"net/http/pprof\"\n)\n\nfunc serveDebug() { http.ListenAndServe(\":6060\", nil) }\n"
	if err := os.WriteFile(filepath.Join(dir, "svc", "debug.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	r = apivet(t, dir, "-incremental", "-checks", "pprof", "./...")
	if r.code != 1 || !strings.Contains(r.stdout, "svc/debug.go:8:21: pprof:") {
		t.Errorf("after adding debug.go: exit code %d, want 1 and its finding:\n%s%s", r.code, r.stdout, r.stderr)
	}
}
