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
