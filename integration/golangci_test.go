package integration

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/apivet/apivet/analyzers"
)

// golangciVersion is the golangci-lint release the plugin is built into;
// plugin-module-register in go.mod is the version it requires.
const golangciVersion = "v2.15.0"

// golangciLint builds golangci-lint with the apivet plugin the way
// `golangci-lint custom` does, but from the Go module proxy alone (custom
// clones golangci-lint from GitHub): a module that requires
// golangci-lint, holds a copy of its cmd/golangci-lint main package plus
// a blank import of the plugin, and replaces github.com/apivet/apivet
// with this checkout. The binary is cached in the user cache directory,
// keyed by the sources it is built from, so warm runs skip the build.
func golangciLint(t *testing.T) string {
	t.Helper()
	goTool := tool(t, "go", "needed to build golangci-lint")
	key := pluginKey(t)
	cacheDir, err := os.UserCacheDir()
	if err != nil {
		cacheDir = os.TempDir()
	}
	cacheDir = filepath.Join(cacheDir, "apivet-integration")
	bin := filepath.Join(cacheDir, "golangci-lint-"+golangciVersion+"-apivet-"+key)
	if _, err := os.Stat(bin); err == nil {
		t.Logf("custom golangci-lint: cached %s", bin)
		return bin
	}

	start := time.Now()
	work := filepath.Join(tmpRoot, "custom-gcl")
	if err := os.MkdirAll(work, 0o755); err != nil {
		t.Fatal(err)
	}
	env := []string{"GOWORK=off", "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local"}
	out, code := run(t, work, env, 10*time.Minute, goTool, "mod", "download", "-json", "github.com/golangci/golangci-lint/v2@"+golangciVersion)
	if code != 0 {
		t.Fatalf("downloading golangci-lint %s from the module proxy: %s", golangciVersion, out)
	}
	var mod struct{ Dir string }
	if err := json.Unmarshal([]byte(out), &mod); err != nil || mod.Dir == "" {
		t.Fatalf("go mod download: %v\n%s", err, out)
	}
	main, err := os.ReadFile(filepath.Join(mod.Dir, "cmd", "golangci-lint", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(work, "main.go"), string(main))
	writeFile(t, filepath.Join(work, "plugins.go"), "package main\n\nimport _ \"github.com/apivet/apivet/plugin\"\n")
	writeFile(t, filepath.Join(work, "go.mod"), fmt.Sprintf(`module apivet.local/custom-gcl

go 1.26.0

require (
	github.com/golangci/golangci-lint/v2 %s
	github.com/apivet/apivet v0.0.0
)

replace github.com/apivet/apivet => %s
`, golangciVersion, root))
	if out, code := run(t, work, env, 15*time.Minute, goTool, "mod", "tidy"); code != 0 {
		t.Fatalf("go mod tidy in the golangci-lint wrapper module: %s", out)
	}
	tmp := filepath.Join(work, "golangci-lint")
	ldflags := fmt.Sprintf("-s -w -X main.version=%s-apivet -X main.date=%s", strings.TrimPrefix(golangciVersion, "v"), time.Now().UTC().Format(time.RFC3339))
	if out, code := run(t, work, env, 20*time.Minute, goTool, "build", "-ldflags", ldflags, "-o", tmp, "."); code != 0 {
		t.Fatalf("building golangci-lint with the apivet plugin: %s", out)
	}
	if err := os.MkdirAll(cacheDir, 0o755); err != nil {
		t.Fatal(err)
	}
	// Keep only the newest build.
	old, _ := filepath.Glob(filepath.Join(cacheDir, "golangci-lint-*"))
	for _, o := range old {
		os.Remove(o)
	}
	if err := os.Rename(tmp, bin); err != nil {
		t.Fatal(err)
	}
	t.Logf("custom golangci-lint: built in %v", time.Since(start).Round(time.Second))
	return bin
}

// pluginKey hashes what the custom golangci-lint is built from: the
// apivet sources the plugin compiles in, go.mod, go.sum and the Go version.
func pluginKey(t *testing.T) string {
	t.Helper()
	cmd := exec.Command("go", "list", "-deps", "-f",
		`{{with .Module}}{{.Path}}{{end}}|{{.Dir}}|{{join .GoFiles ","}},{{join .CgoFiles ","}},{{join .EmbedFiles ","}}`, "./plugin")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOWORK=off")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps ./plugin: %v", err)
	}
	h := sha256.New()
	fmt.Fprintln(h, golangciVersion, runtime.Version())
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		parts := strings.SplitN(line, "|", 3)
		if len(parts) != 3 || parts[0] != "github.com/apivet/apivet" {
			continue
		}
		for _, name := range strings.Split(parts[2], ",") {
			if name == "" {
				continue
			}
			data, err := os.ReadFile(filepath.Join(parts[1], name))
			if err != nil {
				t.Fatal(err)
			}
			rel, _ := filepath.Rel(root, filepath.Join(parts[1], name))
			fmt.Fprintf(h, "%s %d\n", filepath.ToSlash(rel), len(data))
			h.Write(data)
		}
	}
	for _, name := range []string{"go.mod", "go.sum"} {
		data, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(h, "%s %d\n", name, len(data))
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// golangciConfig is a .golangci.yml that runs apivet alone, with every
// issue shown (no per-linter, same-text or per-line limits), so the
// output can be compared with apivet's own.
func golangciConfig(t *testing.T, settings map[string]any, otherLinters ...string) string {
	t.Helper()
	apivet := map[string]any{
		"type":        "module",
		"description": "API security checks (OWASP API Security Top 10)",
	}
	if settings != nil {
		apivet["settings"] = settings
	}
	cfg := map[string]any{
		"version": "2",
		"linters": map[string]any{
			"default":  "none",
			"enable":   append([]string{"apivet"}, otherLinters...),
			"settings": map[string]any{"custom": map[string]any{"apivet": apivet}},
		},
		"issues": map[string]any{"max-issues-per-linter": 0, "max-same-issues": 0, "uniq-by-line": false},
	}
	data, err := yaml.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// runGolangci runs the custom golangci-lint in dir and returns apivet's
// findings, after checking that each message starts with its check name.
func runGolangci(t *testing.T, bin, dir string) []finding {
	t.Helper()
	start := time.Now()
	out, code := run(t, dir, []string{"GOLANGCI_LINT_CACHE=" + filepath.Join(tmpRoot, "golangci-cache")}, 10*time.Minute,
		bin, "run", "--output.json.path=stdout", "--show-stats=false", "./...")
	t.Logf("golangci-lint run ./... in %s: %v", filepath.Base(dir), time.Since(start).Round(time.Millisecond))
	if code != 0 && code != 1 {
		t.Fatalf("golangci-lint run: exit code %d\n%s", code, out)
	}
	// The JSON report is the line that starts with {"Issues".
	var report struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename     string
				Line, Column int
			}
		}
	}
	i := strings.Index(out, `{"Issues"`)
	if i < 0 {
		t.Fatalf("no JSON report in golangci-lint's output:\n%s", out)
	}
	if err := json.NewDecoder(strings.NewReader(out[i:])).Decode(&report); err != nil {
		t.Fatalf("golangci-lint JSON: %v\n%s", err, out)
	}
	var fs []finding
	for _, is := range report.Issues {
		if is.FromLinter != "apivet" {
			continue // another linter enabled beside apivet
		}
		name, msg, ok := strings.Cut(is.Text, ": ")
		if !ok || analyzers.ByName(name) == nil {
			t.Errorf("golangci-lint message does not start with an apivet check name: %q", is.Text)
			continue
		}
		fs = append(fs, finding{Check: name, File: filepath.ToSlash(is.Pos.Filename), Line: is.Pos.Line, Col: is.Pos.Column, Message: msg})
	}
	sortFindings(fs)
	return fs
}

func TestGolangciLintPlugin(t *testing.T) {
	integration(t)
	bin := golangciLint(t)
	demo := demoCopy(t)
	want := runApivet(t, demo)
	if len(want) == 0 {
		t.Fatal("apivet finds nothing in testdata/demo: nothing to compare")
	}
	t.Logf("apivet's own run: %d findings of %v", len(want), checkNames(findingsOf(want)))

	t.Run("findings match apivet's", func(t *testing.T) {
		writeFile(t, filepath.Join(demo, ".golangci.yml"), golangciConfig(t, nil))
		got := runGolangci(t, bin, demo)
		if d := diff(got, findingsOf(want)); d != "" {
			t.Errorf("golangci-lint's apivet findings differ from apivet's:%s", d)
		}
	})

	t.Run("beside govet", func(t *testing.T) {
		// apivet shares analyzers such as inspect with golangci-lint's other
		// linters: enabling it must not change how they run, nor theirs its.
		writeFile(t, filepath.Join(demo, ".golangci.yml"), golangciConfig(t, nil, "govet"))
		got := runGolangci(t, bin, demo)
		if d := diff(got, findingsOf(want)); d != "" {
			t.Errorf("with govet enabled too, golangci-lint's apivet findings differ from apivet's:%s", d)
		}
	})

	t.Run("settings", func(t *testing.T) {
		// Disable the check of the first finding; give every check that
		// has settings its defaults, written out as a user would.
		off := want[0].Check
		settings := map[string]any{"disable": []string{off}}
		var withSettings []string
		for _, c := range analyzers.All() {
			if c.Settings == nil {
				continue
			}
			data, err := yaml.Marshal(c.Settings)
			if err != nil {
				t.Fatal(err)
			}
			var section map[string]any
			if err := yaml.Unmarshal(data, &section); err != nil {
				t.Fatal(err)
			}
			settings[c.Name()] = section
			withSettings = append(withSettings, c.Name())
		}
		t.Logf("disable %s; settings sections for %v", off, withSettings)
		writeFile(t, filepath.Join(demo, ".golangci.yml"), golangciConfig(t, settings))
		got := runGolangci(t, bin, demo)
		wantOff := findingsOf(runApivet(t, demo, "-checks=-"+off))
		if d := diff(got, wantOff); d != "" {
			t.Errorf("with %s disabled, golangci-lint's findings differ from apivet -checks=-%s:%s", off, off, d)
		}
		for _, f := range got {
			if f.Check == off {
				t.Errorf("disabled check reported: %s", f)
			}
		}
	})

	t.Run("severity", func(t *testing.T) {
		// severity: note lets the notes through, as apivet -severity note;
		// the default (above) hides them, as apivet's does.
		writeFile(t, filepath.Join(demo, ".golangci.yml"), golangciConfig(t, map[string]any{"severity": "note"}))
		got := runGolangci(t, bin, demo)
		withNotes := findingsOf(runApivet(t, demo, "-severity", "note"))
		if len(withNotes) <= len(findingsOf(want)) {
			t.Fatalf("apivet -severity note finds %d, the default %d: the demo has no notes to compare", len(withNotes), len(findingsOf(want)))
		}
		if d := diff(got, withNotes); d != "" {
			t.Errorf("with severity: note, golangci-lint's findings differ from apivet -severity note:%s", d)
		}
	})

	t.Run("unknown settings are errors", func(t *testing.T) {
		var withSettings string
		for _, c := range analyzers.All() {
			if c.Settings != nil {
				withSettings = c.Name()
				break
			}
		}
		cases := []struct {
			settings map[string]any
			want     string
		}{
			{map[string]any{"no-such-setting": true}, `unknown setting "no-such-setting": expected enable, disable, tests, severity or a check name`},
			{map[string]any{"enable": []string{"no-such-check"}}, `enable: unknown check "no-such-check"`},
		}
		if withSettings != "" {
			cases = append(cases, struct {
				settings map[string]any
				want     string
			}{map[string]any{withSettings: map[string]any{"no-such-field": 1}}, "field no-such-field not found"})
		}
		for _, tc := range cases {
			writeFile(t, filepath.Join(demo, ".golangci.yml"), golangciConfig(t, tc.settings))
			out, code := run(t, demo, []string{"GOLANGCI_LINT_CACHE=" + filepath.Join(tmpRoot, "golangci-cache")}, 5*time.Minute,
				bin, "run", "./...")
			if code == 0 || code == 1 || !strings.Contains(out, tc.want) || !strings.Contains(out, "plugin(apivet)") {
				t.Errorf("settings %v: exit code %d, output:\n%s\nwant an error mentioning plugin(apivet) and %q", tc.settings, code, out, tc.want)
			} else {
				t.Logf("settings %v: %s", tc.settings, strings.TrimSpace(out))
			}
		}
	})

	t.Run("nolint", func(t *testing.T) {
		// //nolint:apivet on the line of the first finding silences it,
		// and only it.
		// (A finding on a line without a comment, so the directive is
		// the line's only comment.)
		dir := demoCopy(t)
		var target apivetResult
		var lines []string
		for _, f := range want {
			data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.File)))
			if err != nil {
				t.Fatal(err)
			}
			lines = strings.Split(string(data), "\n")
			if !strings.Contains(lines[f.Line-1], "//") {
				target = f
				break
			}
		}
		if target.File == "" {
			t.Fatal("every finding is on a line with a comment")
		}
		path := filepath.Join(dir, filepath.FromSlash(target.File))
		lines[target.Line-1] += " //nolint:apivet // reviewed: integration test"
		writeFile(t, path, strings.Join(lines, "\n"))
		writeFile(t, filepath.Join(dir, ".golangci.yml"), golangciConfig(t, nil))
		got := runGolangci(t, bin, dir)
		var rest []finding
		for _, f := range findingsOf(want) {
			if f.File != target.File || f.Line != target.Line {
				rest = append(rest, f)
			}
		}
		if d := diff(got, rest); d != "" {
			t.Errorf("with //nolint:apivet on %s:%d:%s", target.File, target.Line, d)
		}
	})
}
