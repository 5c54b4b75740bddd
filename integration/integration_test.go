// Package integration holds apivet's end-to-end tests: each drives a real
// program a user would use — a custom golangci-lint v2 built with the
// apivet module plugin, pre-commit, headless Neovim talking to `apivet lsp`
// — and checks that apivet's findings come out of it.
//
// They need tools beyond Go (pre-commit, nvim, git, network access to the
// Go module proxy for the first golangci-lint build). When a tool is
// missing the test is skipped with a message saying so, unless
// APIVET_INTEGRATION=require or CI is set: then it fails, so CI cannot
// silently skip them. .ci/install-integration-deps installs the tools.
// go test -short skips them all.
package integration

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/apivet/apivet/internal/testutil"
)

// root is the apivet checkout.
var root = func() string {
	dir, err := filepath.Abs("..")
	if err != nil {
		panic(err)
	}
	return dir
}()

var tmpRoot string

func TestMain(m *testing.M) {
	var err error
	tmpRoot, err = os.MkdirTemp("", "apivet-integration-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	code := m.Run()
	os.RemoveAll(tmpRoot)
	testutil.RemoveBuilt()
	os.Exit(code)
}

// required reports whether missing tools fail the tests instead of
// skipping them.
func required() bool {
	return os.Getenv("APIVET_INTEGRATION") == "require" || os.Getenv("CI") != ""
}

// integration skips the test under -short.
func integration(t *testing.T) {
	t.Helper()
	if testing.Short() && !required() {
		t.Skip("end-to-end test skipped with -short")
	}
}

// tool returns the path of an executable, skipping the test (or failing
// it, see required) when it is not installed.
func tool(t *testing.T, name, hint string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	msg := fmt.Sprintf("%s is not installed (%s); run .ci/install-integration-deps to install it", name, hint)
	if required() {
		t.Fatalf("%s, and APIVET_INTEGRATION=require or CI is set", msg)
	}
	t.Skipf("skipping the end-to-end test: %s", msg)
	return ""
}

// apivetBinary is cmd/apivet built from the checkout once per test run.
func apivetBinary(t *testing.T) string { return testutil.Apivet(t) }

// demoCopy copies testdata/demo to a fresh directory, so tests can add
// configuration and edit files without touching the checkout.
func demoCopy(t *testing.T) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "demo")
	testutil.CopyDir(t, filepath.Join(root, "testdata", "demo"), dst)
	return dst
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// finding is a finding as every integration reports it: check, position
// relative to the module root, message.
type finding struct {
	Check   string
	File    string
	Line    int
	Col     int
	Message string
}

func (f finding) String() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s", f.File, f.Line, f.Col, f.Check, f.Message)
}

func sortFindings(fs []finding) {
	sort.Slice(fs, func(i, j int) bool { return fs[i].String() < fs[j].String() })
}

// apivetJSON is one diagnostic of apivet -format json.
type apivetJSON struct {
	Posn           string `json:"posn"`
	Message        string `json:"message"`
	Severity       string `json:"severity"`
	SuggestedFixes []struct {
		Message string `json:"message"`
		Edits   []struct {
			Filename string `json:"filename"`
			Start    int    `json:"start"`
			End      int    `json:"end"`
			New      string `json:"new"`
		} `json:"edits"`
	} `json:"suggested_fixes"`
}

// apivetResult is a finding of apivet's own CLI, with its details.
type apivetResult struct {
	finding
	JSON apivetJSON
}

// runApivet runs apivet's CLI on ./... in dir and returns its findings;
// a load or configuration error fails the test.
func runApivet(t *testing.T, dir string, args ...string) []apivetResult {
	t.Helper()
	start := time.Now()
	cmd := exec.Command(apivetBinary(t), append(append([]string{"-format", "json"}, args...), "./...")...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if code := cmd.ProcessState.ExitCode(); code != 0 && code != 1 {
		t.Fatalf("apivet %s: %v\n%s%s", strings.Join(args, " "), err, stdout.Bytes(), stderr.Bytes())
	}
	t.Logf("apivet ./... in %s: %v", filepath.Base(dir), time.Since(start).Round(time.Millisecond))
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(stdout.Bytes(), &tree); err != nil {
		t.Fatalf("apivet -format json: %v\n%s", err, stdout.Bytes())
	}
	var out []apivetResult
	for pkg, checks := range tree {
		for name, raw := range checks {
			if name == "apivet" {
				t.Fatalf("apivet reported a problem in %s: %s", pkg, raw)
			}
			var diags []apivetJSON
			if err := json.Unmarshal(raw, &diags); err != nil {
				t.Fatalf("%s %s: %v", pkg, name, err)
			}
			for _, d := range diags {
				f := finding{Check: name, Message: d.Message}
				f.File, f.Line, f.Col = parsePosn(t, d.Posn)
				out = append(out, apivetResult{finding: f, JSON: d})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	return out
}

func findingsOf(rs []apivetResult) []finding {
	out := make([]finding, len(rs))
	for i, r := range rs {
		out[i] = r.finding
	}
	return out
}

func parsePosn(t *testing.T, posn string) (file string, line, col int) {
	t.Helper()
	i := strings.LastIndex(posn, ":")
	j := strings.LastIndex(posn[:max(i, 0)], ":")
	if i < 0 || j < 0 {
		t.Fatalf("bad position %q", posn)
	}
	if _, err := fmt.Sscanf(posn[j+1:], "%d:%d", &line, &col); err != nil {
		t.Fatalf("bad position %q: %v", posn, err)
	}
	return posn[:j], line, col
}

// diff describes how two sorted finding lists differ.
func diff(got, want []finding) string {
	in := func(list []finding) map[string]bool {
		m := map[string]bool{}
		for _, f := range list {
			m[f.String()] = true
		}
		return m
	}
	g, w := in(got), in(want)
	var b strings.Builder
	for _, f := range want {
		if !g[f.String()] {
			fmt.Fprintf(&b, "\n  missing: %s", f)
		}
	}
	for _, f := range got {
		if !w[f.String()] {
			fmt.Fprintf(&b, "\n  extra:   %s", f)
		}
	}
	if b.Len() == 0 && len(got) != len(want) {
		fmt.Fprintf(&b, "\n  %d findings, want %d (duplicates)", len(got), len(want))
	}
	return b.String()
}

func checkNames(fs []finding) []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range fs {
		if !seen[f.Check] {
			seen[f.Check] = true
			out = append(out, f.Check)
		}
	}
	sort.Strings(out)
	return out
}

// run runs a command in dir and returns its combined output and exit code;
// failing to start it fails the test.
func run(t *testing.T, dir string, env []string, timeout time.Duration, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(timeout):
		cmd.Process.Kill()
		<-done
		t.Fatalf("%s %s: still running after %v; killed\n%s", name, strings.Join(args, " "), timeout, out.Bytes())
	}
	return out.String(), cmd.ProcessState.ExitCode()
}
