package dataexposure

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apivet/apivet/internal/testutil"
)

// With report-whole-models off, only sensitive leaks are reported.
func TestWholeModelsOff(t *testing.T) {
	dir := testutil.Module(t, "testdata/wholeoff")
	old := settings.ReportWholeModels
	settings.ReportWholeModels = false
	defer func() { settings.ReportWholeModels = old }()
	analysistest.Run(t, dir, Analyzer, "./...")
}

// A long JSON path keeps its last segments.
func TestWhere(t *testing.T) {
	for in, want := range map[string]string{
		"":      "",
		"owner": ` (at "owner")`,
		"merge_response.default_reviewer_approvals[].principals[]": ` (at "…default_reviewer_approvals[].principals[]")`,
	} {
		if got := where(in); got != want {
			t.Errorf("where(%q) = %q, want %q", in, got, want)
		}
	}
}
