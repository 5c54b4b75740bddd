package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/apivet/apivet/internal/testutil"
)

// jsonFinding is what the severity tests read of the JSON output.
type jsonFinding struct {
	Posn        string `json:"posn"`
	Message     string `json:"message"`
	Severity    string `json:"severity"`
	Fingerprint string `json:"fingerprint"`
}

func demoFindings(t *testing.T, dir string, args ...string) []jsonFinding {
	t.Helper()
	r := apivet(t, dir, append(append([]string{"-format", "json"}, args...), "./...")...)
	if r.code != 0 && r.code != 1 {
		t.Fatalf("apivet %v: exit %d\n%s", args, r.code, r.stderr)
	}
	var tree map[string]map[string][]jsonFinding
	if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil {
		t.Fatalf("JSON output does not parse: %v", err)
	}
	var out []jsonFinding
	for _, byCheck := range tree {
		for _, fs := range byCheck {
			out = append(out, fs...)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Posn+out[i].Message < out[j].Posn+out[j].Message })
	return out
}

func severities(fs []jsonFinding) map[string]int {
	n := map[string]int{}
	for _, f := range fs {
		n[f.Severity]++
	}
	return n
}

// The threshold: notes only when asked for (-severity note or severity:
// note in .apivet.yml, the flag over the file), the same fingerprints
// whatever the threshold, and SARIF results at each finding's level.
func TestSeverity(t *testing.T) {
	demo := testutil.Module(t, "../../testdata/demo")
	def := demoFindings(t, demo)
	all := demoFindings(t, demo, "-severity", "note")
	errs := demoFindings(t, demo, "-severity", "error")
	if n := severities(def); n["note"] != 0 || n["warning"] == 0 || n["error"] == 0 {
		t.Errorf("default threshold: %v, want warnings and errors, no notes", n)
	}
	if n := severities(all); n["note"] == 0 || len(all) != len(def)+n["note"] {
		t.Errorf("-severity note: %v (%d findings), want the default's %d and some notes", n, len(all), len(def))
	}
	if n := severities(errs); len(n) != 1 || n["error"] != severities(def)["error"] {
		t.Errorf("-severity error: %v, want only the %d errors", n, severities(def)["error"])
	}
	// A finding keeps its fingerprint whatever the threshold.
	byKey := map[string]string{}
	for _, f := range all {
		byKey[f.Posn+f.Message] = f.Fingerprint
	}
	for _, f := range def {
		if byKey[f.Posn+f.Message] != f.Fingerprint {
			t.Errorf("%s: fingerprint %s by default, %s with -severity note", f.Posn, f.Fingerprint, byKey[f.Posn+f.Message])
		}
	}

	// -incremental (go vet underneath) applies the same threshold.
	if inc := demoFindings(t, demo, "-incremental", "-severity", "note"); len(inc) != len(all) {
		t.Errorf("-incremental -severity note: %d findings, want the standalone mode's %d", len(inc), len(all))
	}

	// SARIF reports each result at its own level.
	r := apivet(t, demo, "-format", "sarif", "-severity", "note", "./...")
	var log struct {
		Runs []struct {
			Results []struct {
				Level string `json:"level"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("SARIF: %v", err)
	}
	levels := map[string]int{}
	for _, res := range log.Runs[0].Results {
		levels[res.Level]++
	}
	if want := severities(all); levels["note"] != want["note"] || levels["warning"] != want["warning"] || levels["error"] != want["error"] {
		t.Errorf("SARIF levels %v, want %v", levels, want)
	}

	if r := apivet(t, demo, "-severity", "info", "./..."); r.code != 2 || !strings.Contains(r.stderr, `unknown severity "info"`) {
		t.Errorf("-severity info: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestSeverityConfigAndBaseline(t *testing.T) {
	dir := copyModule(t, "../../testdata/demo")
	testutil.Module(t, dir)
	def := demoFindings(t, dir)
	if err := os.WriteFile(filepath.Join(dir, ".apivet.yml"), []byte("severity: note\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	withNotes := demoFindings(t, dir)
	if severities(withNotes)["note"] == 0 {
		t.Errorf("severity: note in .apivet.yml: no notes (%v)", severities(withNotes))
	}
	if got := demoFindings(t, dir, "-severity", "warning"); len(got) != len(def) {
		t.Errorf("-severity warning over the file's note: %d findings, want the default's %d", len(got), len(def))
	}
	// A baseline written with the notes covers the default run too.
	if r := apivet(t, dir, "-write-baseline", "baseline.json", "./..."); r.code != 0 {
		t.Fatalf("-write-baseline: exit %d\n%s", r.code, r.stderr)
	}
	if err := os.Remove(filepath.Join(dir, ".apivet.yml")); err != nil {
		t.Fatal(err)
	}
	if r := apivet(t, dir, "-baseline", "baseline.json", "./..."); r.code != 0 || r.stdout != "" {
		t.Errorf("default run against a baseline written with notes: exit %d\n%s", r.code, r.stdout)
	}
	if err := os.WriteFile(filepath.Join(dir, ".apivet.yml"), []byte("severity: loud\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := apivet(t, dir, "./..."); r.code != 2 || !strings.Contains(r.stderr, "severity") {
		t.Errorf("severity: loud: exit %d, stderr %q", r.code, r.stderr)
	}
}
