package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestSARIF(t *testing.T) {
	r := apivet(t, "testdata/cases", "-format", "sarif", "./...") // every check: all rules
	if r.code != 1 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID         string `json:"id"`
						Properties struct {
							Tags             []string `json:"tags"`
							SecuritySeverity string   `json:"security-severity"`
						} `json:"properties"`
						Help struct {
							Markdown string `json:"markdown"`
						} `json:"help"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			OriginalURIBaseIDs map[string]struct {
				URI string `json:"uri"`
			} `json:"originalUriBaseIds"`
			Results []struct {
				RuleID              string            `json:"ruleId"`
				Level               string            `json:"level"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
				Locations           []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("version %q, %d runs", log.Version, len(log.Runs))
	}
	run := log.Runs[0]
	if len(run.Tool.Driver.Rules) == 0 {
		t.Fatal("no rules")
	}
	rule := run.Tool.Driver.Rules[0]
	if rule.Properties.SecuritySeverity == "" || !contains(rule.Properties.Tags, "security") || rule.Help.Markdown == "" {
		t.Errorf("rule %s lacks security-severity, tags or help: %+v", rule.ID, rule)
	}
	if !strings.HasPrefix(run.OriginalURIBaseIDs["%SRCROOT%"].URI, "file:///") {
		t.Errorf("%%SRCROOT%% base: %+v", run.OriginalURIBaseIDs)
	}
	if len(run.Results) == 0 {
		t.Fatal("no results")
	}
	seen := map[string]bool{}
	for _, res := range run.Results {
		loc := res.Locations[0].PhysicalLocation.ArtifactLocation
		if loc.URIBaseID != "%SRCROOT%" || strings.HasPrefix(loc.URI, "/") {
			t.Errorf("location not relative to %%SRCROOT%%: %+v", loc)
		}
		fp := res.PartialFingerprints["apivetFindingHash/v1"]
		if fp == "" || seen[fp] {
			t.Errorf("missing or duplicate fingerprint %q", fp)
		}
		seen[fp] = true
	}

	validateSARIF(t, r.stdout)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// validateSARIF runs the official SARIF validator (@microsoft/sarif-multitool
// from npm) on the log. It is installed once into the user cache directory.
func validateSARIF(t *testing.T, log string) {
	t.Helper()
	if _, err := exec.LookPath("npm"); err != nil {
		t.Skip("npm not installed: cannot run the SARIF validator (CI installs it)")
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	dir := filepath.Join(cache, "apivet-test", "sarif-multitool")
	tool := filepath.Join(dir, "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool")
	if _, err := os.Stat(tool); err != nil {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("npm", "install", "--no-audit", "--no-fund", "--prefix", dir, "@microsoft/sarif-multitool@5.7.0")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("npm install @microsoft/sarif-multitool: %v\n%s", err, out)
		}
	}
	// npm may skip the package's postinstall chmod.
	if err := os.Chmod(tool, 0o755); err != nil {
		t.Skipf("SARIF validator not available on this platform: %v", err)
	}
	in := filepath.Join(t.TempDir(), "apivet.sarif")
	if err := os.WriteFile(in, []byte(log), 0o644); err != nil {
		t.Fatal(err)
	}
	outFile := filepath.Join(t.TempDir(), "validation.sarif")
	cmd := exec.Command(tool, "validate", in, "-o", outFile)
	cmd.Env = append(os.Environ(), "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("sarif-multitool validate failed: %v\n%s", err, out)
	}
	text := string(out)
	if strings.Contains(text, ": error ") || strings.Contains(text, ": warning ") {
		t.Errorf("the SARIF validator reports problems:\n%s", text)
	}
}
