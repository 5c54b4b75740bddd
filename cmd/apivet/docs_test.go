package main

import (
	"os"
	"strings"
	"testing"

	"github.com/apivet/apivet/analyzers"
)

const (
	readmeBegin = "<!-- checks:begin -->\n"
	readmeEnd   = "<!-- checks:end -->"
)

// TestDocs fails when docs/checks.md or the README's list of checks is
// stale; -update rewrites them from the registry.
func TestDocs(t *testing.T) {
	all := analyzers.All()
	syncFile(t, "../../docs/checks.md", func(string) string { return checksMarkdown(all) })
	syncFile(t, "../../README.md", func(old string) string {
		i := strings.Index(old, readmeBegin)
		j := strings.Index(old, readmeEnd)
		if i < 0 || j < i {
			t.Fatalf("README.md lacks the %q ... %q markers", readmeBegin, readmeEnd)
		}
		return old[:i+len(readmeBegin)] + readmeChecks(all) + old[j:]
	})
}

func syncFile(t *testing.T, path string, render func(old string) string) {
	t.Helper()
	old, err := os.ReadFile(path)
	if err != nil && !(*update && os.IsNotExist(err)) {
		t.Fatal(err)
	}
	want := render(string(old))
	if string(old) == want {
		return
	}
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s is stale: run go test ./cmd/apivet -run TestDocs -update", path)
}
