package dataexposure_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apivet/apivet/analyzers/dataexposure"
	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/testutil"
)

func TestDataExposure(t *testing.T) {
	dir := testutil.Module(t, "testdata/api")
	results := analysistest.RunWithSuggestedFixes(t, dir, dataexposure.Analyzer, "./...")
	testutil.CheckSeverities(t, results, []testutil.Severity{
		{Contains: "schema declares", Sev: check.Note},
		{Contains: "or clear them first", Sev: check.Warning},
		{Contains: "whole", Sev: check.Note},
		{Contains: "it is copied into the response here", Sev: check.Error},
	})
}
