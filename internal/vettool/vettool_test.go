package vettool_test

// End-to-end tests: build the apivet binary once, then run
// `go vet -vettool=<apivet>` on the small modules under testdata (and on
// the demo service, against the standalone mode).

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/apivet/apivet/internal/testutil"
	"github.com/apivet/apivet/internal/vettool"
)

func apivet(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds apivet and runs go vet")
	}
	return testutil.Apivet(t)
}

func TestMain(m *testing.M) {
	code := m.Run()
	testutil.RemoveBuilt()
	os.Exit(code)
}

// goVet runs go vet -vettool=apivet in dir and returns stdout, stderr
// and the exit status.
func goVet(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command("go", append([]string{"vet", "-vettool=" + apivet(t)}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		code = ee.ExitCode()
	default:
		t.Fatalf("go vet: %v", err)
	}
	return out.String(), errb.String(), code
}

func absTestdata(t *testing.T, rel string) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("testdata", rel))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// The "Known pitfall" of issue 2: under unitchecker, b.Use(a.New()) is a
// false type error because unitchecker's export data makes b.J's method
// apply a method of b. It must vet clean.
func TestInterfaceWithUnexportedMethodAcrossPackages(t *testing.T) {
	dir := absTestdata(t, "vetmod")
	stdout, stderr, code := goVet(t, dir, "./iface/...")
	if code != 0 || stderr != "" || stdout != "" {
		t.Fatalf("go vet ./iface/...: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	// The same unit with -json (what go vet passes the tool by itself
	// since Go 1.26) must not carry an error either.
	stdout, stderr, code = goVet(t, dir, "-json", "./iface/...")
	if code != 0 || strings.Contains(stdout, "error") || stderr != "" {
		t.Fatalf("go vet -json ./iface/...: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}

	// Control: x/tools' unitchecker (testdata/unitchecker) still reports
	// the false error on the same packages. If this starts failing, the
	// x/tools bug is fixed and the comment in vettool.go needs updating.
	uc := filepath.Join(t.TempDir(), "unitchecker")
	if out, err := exec.Command("go", "build", "-o", uc, "./testdata/unitchecker").CombinedOutput(); err != nil {
		t.Fatalf("go build ./testdata/unitchecker: %v\n%s", err, out)
	}
	cmd := exec.Command("go", "vet", "-vettool="+uc, "./iface/...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	out, _ := cmd.CombinedOutput()
	if !strings.Contains(string(out), "a.I does not implement b.J (missing method apply)") {
		t.Errorf("control: unitchecker no longer reports the false type error; go vet output:\n%s", out)
	}
}

// jsonDiag is the go/analysis JSON diagnostic.
type jsonDiag = vettool.JSONDiagnostic

func decodeTrees(t *testing.T, stdout string) (diags map[string]map[string][]jsonDiag, errs map[string]map[string]string) {
	t.Helper()
	diags = map[string]map[string][]jsonDiag{}
	errs = map[string]map[string]string{}
	dec := json.NewDecoder(strings.NewReader(stdout))
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("decoding go vet -json output: %v\n%s", err, stdout)
		}
		for pkg, byAnalyzer := range tree {
			for name, raw := range byAnalyzer {
				if bytes.HasPrefix(bytes.TrimSpace(raw), []byte("[")) {
					var ds []jsonDiag
					if err := json.Unmarshal(raw, &ds); err != nil {
						t.Fatalf("%s/%s: %v", pkg, name, err)
					}
					if diags[pkg] == nil {
						diags[pkg] = map[string][]jsonDiag{}
					}
					diags[pkg][name] = append(diags[pkg][name], ds...)
					continue
				}
				var e struct {
					Err string `json:"error"`
				}
				if err := json.Unmarshal(raw, &e); err != nil || e.Err == "" {
					t.Fatalf("%s/%s: neither diagnostics nor an error: %s", pkg, name, raw)
				}
				if errs[pkg] == nil {
					errs[pkg] = map[string]string{}
				}
				errs[pkg][name] = e.Err
			}
		}
	}
	return diags, errs
}

// A package fact crosses two packages: cmd/exposed imports
// internal/debugsrv, which imports net/http/pprof, and serves
// DefaultServeMux on all interfaces. The suppressed twin reports only its
// unused directive; loopback and nopprof report nothing. Also checks the
// -json shape go vet and existing tooling read.
func TestFactsSuppressionsAndJSON(t *testing.T) {
	dir := absTestdata(t, "vetmod")
	// -pprof: only that check, whatever other checks say about these
	// programs.
	stdout, stderr, code := goVet(t, dir, "-json", "-pprof", "./cmd/...")
	if code != 0 {
		t.Fatalf("go vet -json: exit %d (want 0: findings are in the JSON)\n%s", code, stderr)
	}
	diags, errs := decodeTrees(t, stdout)
	if len(errs) > 0 {
		t.Errorf("analyzer errors: %v", errs)
	}

	exposed := diags["example.com/vetmod/cmd/exposed"]["pprof"]
	if len(exposed) != 1 {
		t.Fatalf("cmd/exposed: want 1 pprof finding, got %+v\nstdout:\n%s", exposed, stdout)
	}
	d := exposed[0]
	if want := filepath.Join(dir, "cmd/exposed/main.go") + ":16:12"; d.Posn != want {
		t.Errorf("posn = %q, want %q", d.Posn, want)
	}
	if !strings.HasPrefix(d.End, filepath.Join(dir, "cmd/exposed/main.go")+":16:") || d.End == d.Posn {
		t.Errorf("end = %q, want the end of the call on line 16", d.End)
	}
	if !strings.Contains(d.Message, "via example.com/vetmod/internal/debugsrv") {
		t.Errorf("message does not name the package that links net/http/pprof in (the fact from a dependency): %q", d.Message)
	}
	if d.Category != "" {
		t.Errorf("category = %q, want none (the check's default severity)", d.Category)
	}
	if len(d.SuggestedFixes) != 1 || len(d.SuggestedFixes[0].Edits) != 1 {
		t.Fatalf("want one suggested fix with one edit, got %+v", d.SuggestedFixes)
	}
	e := d.SuggestedFixes[0].Edits[0]
	src, err := os.ReadFile(e.Filename)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(src[e.Start:e.End]); got != `":8080"` || e.New != `"127.0.0.1:8080"` {
		t.Errorf("fix edit replaces %q with %q, want \":8080\" with \"127.0.0.1:8080\"", got, e.New)
	}

	suppressed := diags["example.com/vetmod/cmd/suppressed"]["pprof"]
	if len(suppressed) != 1 || !strings.HasSuffix(suppressed[0].Posn, "cmd/suppressed/main.go:18:1") ||
		!strings.Contains(suppressed[0].Message, "unused //apivet:ignore directive") || suppressed[0].Category != "warning" {
		t.Errorf("cmd/suppressed: want only the unused directive at line 18 (a warning), got %+v", suppressed)
	}
	for _, pkg := range []string{"example.com/vetmod/cmd/loopback", "example.com/vetmod/cmd/nopprof"} {
		if len(diags[pkg]) > 0 {
			t.Errorf("%s: want no findings, got %+v", pkg, diags[pkg])
		}
	}

	// Without -json, go vet prints file:line:col: message on stderr and
	// exits 1.
	_, stderr, code = goVet(t, dir, "-pprof", "./cmd/...")
	if code != 1 {
		t.Errorf("go vet: exit %d, want 1", code)
	}
	for _, want := range []string{
		"cmd/exposed/main.go:16:12: pprof: this serves http.DefaultServeMux, where net/http/pprof (via example.com/vetmod/internal/debugsrv)",
		"cmd/suppressed/main.go:18:1: pprof: unused //apivet:ignore directive",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("go vet stderr lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "cmd/suppressed/main.go:15") {
		t.Errorf("the suppressed finding (cmd/suppressed/main.go:15) was reported:\n%s", stderr)
	}
	// (The -NAME flags are tested in-process, TestParseFlags: each new
	// set of flags means a cold go vet cache for the whole standard
	// library.)
}

// A section for an unknown check in the configuration is an error, said
// once per package go vet reports on, and not as "exit status 1" for
// every dependency.
func TestConfigError(t *testing.T) {
	dir := absTestdata(t, "vetmod")
	cfg := absTestdata(t, "config/unknown.yml")
	_, stderr, code := goVet(t, dir, "-config="+cfg, "./cmd/exposed", "./cmd/nopprof")
	if code == 0 {
		t.Fatalf("go vet -config=%s: exit 0, want an error", cfg)
	}
	if n := strings.Count(stderr, `unknown check "nosuchcheck"`); n != 2 {
		t.Errorf("want the unknown-check error once for each of the 2 packages, got %d:\n%s", n, stderr)
	}
	if strings.Contains(stderr, "exit status") {
		t.Errorf("dependencies failed with a bare exit status:\n%s", stderr)
	}

	// A relative -config is resolved in each package's directory; say so.
	_, stderr, code = goVet(t, dir, "-config=../config/unknown.yml", "./cmd/exposed")
	if code == 0 || !strings.Contains(stderr, "give -config an absolute path") {
		t.Errorf("relative -config: exit %d, stderr:\n%s", code, stderr)
	}
}

// A package that does not type-check is reported as such (file:line:col:
// message, like go vet's own analyzers), and the other packages of the
// module are still analyzed.
func TestTypeError(t *testing.T) {
	dir := absTestdata(t, "broken")
	_, stderr, code := goVet(t, dir, "./...")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{
		"# example.com/broken/bad\n",
		`bad/bad.go:4:27: cannot use "three" (untyped string constant) as int value in return statement`,
		"good/main.go:9:15: pprof: this serves http.DefaultServeMux",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "panic") || strings.Contains(stderr, "internal error") {
		t.Errorf("stderr:\n%s", stderr)
	}
}

// The protocol handshake: -flags lists the enable flag of each check, the
// common flags and apivet's own; -V=full prints a build ID that changes
// with the configuration found from the working directory.
func TestHandshake(t *testing.T) {
	bin := apivet(t)
	out, err := exec.Command(bin, "-flags").Output()
	if err != nil {
		t.Fatal(err)
	}
	var flags []struct {
		Name string
		Bool bool
	}
	if err := json.Unmarshal(out, &flags); err != nil {
		t.Fatalf("-flags: %v\n%s", err, out)
	}
	got := map[string]bool{}
	for _, f := range flags {
		got[f.Name] = f.Bool
	}
	for name, isBool := range map[string]bool{"pprof": true, "json": true, "c": false, "config": false, "tests": true, "V": true} {
		if b, ok := got[name]; !ok || b != isBool {
			t.Errorf("-flags: flag %s missing or Bool=%v (want %v)", name, b, isBool)
		}
	}
	if _, ok := got["fix"]; ok {
		t.Errorf("-flags lists -fix (go vet handles it)")
	}

	version := func(dir string) string {
		cmd := exec.Command(bin, "-V=full")
		cmd.Dir = dir
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		if !regexp.MustCompile(`^\S+ version devel .* buildID=[0-9a-f]{64}\n$`).Match(out) {
			t.Fatalf("-V=full: %q", out)
		}
		return string(out)
	}
	plain, withConfig := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(withConfig, ".apivet.yml"), []byte("pprof: {}\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	if a, b := version(plain), version(withConfig); a == b {
		t.Errorf("-V=full is the same with and without a .apivet.yml: %s", a)
	}
}

// The vet mode reports what the standalone mode does, at the default
// severity threshold (warning: no notes) and with -severity=note.
func TestSameFindingsAsStandalone(t *testing.T) {
	bin := apivet(t)
	dir := testutil.Module(t, "../../testdata/demo")

	standaloneRun := func(args ...string) map[string]map[string][]jsonDiag {
		cmd := exec.Command(bin, append(append([]string{"-format", "json"}, args...), "./...")...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOWORK=off")
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil {
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 1 {
				t.Fatalf("apivet ./...: %v\n%s", err, errb.String())
			}
		}
		trees, errs := decodeTrees(t, out.String())
		if len(errs) > 0 {
			t.Errorf("standalone errors: %v", errs)
		}
		return trees
	}
	vetRun := func(args ...string) map[string]map[string][]jsonDiag {
		// The JSON tree names the check; -names=false leaves messages bare.
		stdout, stderr, code := goVet(t, dir, append(append([]string{"-json", "-names=false"}, args...), "./...")...)
		if code != 0 {
			t.Fatalf("go vet -json: exit %d\n%s", code, stderr)
		}
		trees, errs := decodeTrees(t, stdout)
		if len(errs) > 0 {
			t.Errorf("vet errors: %v", errs)
		}
		return trees
	}
	flatten := func(trees map[string]map[string][]jsonDiag) []string {
		var out []string
		for _, byAnalyzer := range trees {
			for name, ds := range byAnalyzer {
				for _, d := range ds {
					posn := d.Posn
					if rel, err := filepath.Rel(dir, posn); err == nil && filepath.IsAbs(posn) {
						posn = rel
					}
					out = append(out, posn+": "+name+": "+d.Message)
				}
			}
		}
		sort.Strings(out)
		return out
	}
	notes := func(trees map[string]map[string][]jsonDiag) int {
		n := 0
		for _, byAnalyzer := range trees {
			for _, ds := range byAnalyzer {
				for _, d := range ds {
					if d.Category == "note" {
						n++
					}
				}
			}
		}
		return n
	}
	for _, threshold := range []string{"", "note"} {
		var flags []string
		if threshold != "" {
			flags = []string{"-severity=" + threshold}
		}
		vet := vetRun(flags...)
		s, v := flatten(standaloneRun(flags...)), flatten(vet)
		if len(s) == 0 {
			t.Fatalf("the standalone mode found nothing on the demo service")
		}
		if strings.Join(s, "\n") != strings.Join(v, "\n") {
			t.Errorf("-severity=%q: findings differ\nstandalone:\n%s\n\ngo vet -vettool:\n%s", threshold, strings.Join(s, "\n"), strings.Join(v, "\n"))
		}
		if n := notes(vet); (n > 0) != (threshold == "note") {
			t.Errorf("-severity=%q: go vet reported %d notes", threshold, n)
		}
	}
}
