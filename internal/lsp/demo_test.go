package lsp

import (
	"fmt"
	"os"
	"sort"
	"testing"

	"github.com/apivet/apivet/analyzers"
	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/driver"
	"github.com/apivet/apivet/internal/testutil"
)

// TestDemoMatchesCommandLine: each file of the demo, opened in the editor,
// shows the errors and warnings `apivet ./...` reports for it — findings
// decided in another package than the handler's (bola at a group's mount,
// a handler's routes elsewhere) included.
func TestDemoMatchesCommandLine(t *testing.T) {
	if testing.Short() {
		t.Skip("analyzes the demo once per file")
	}
	demo := testutil.Module(t, "../../testdata/demo")
	res, err := driver.Run(driver.Config{Dir: demo, Checks: analyzers.All()})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{}
	for _, f := range res.Findings {
		if f.Severity == check.Note {
			continue
		}
		want[f.Pos.Filename] = append(want[f.Pos.Filename], fmt.Sprintf("%d:%d %s: %s", f.Pos.Line, f.Pos.Column, f.Check.Name(), f.Message))
	}
	if len(want) < 3 {
		t.Fatalf("the demo has findings in %d files: too few to compare", len(want))
	}
	c := startServer(t, analyzers.All()...)
	c.initialize()
	files := make([]string, 0, len(want))
	for f := range want {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		uri := pathToURI(file)
		c.notify("textDocument/didOpen", didOpenParams{TextDocument: textDocumentItem{URI: uri, LanguageID: "go", Version: 1, Text: string(data)}})
		var got []string
		version := 1
		for _, d := range c.diagnosticsOf(uri, &version).Diagnostics {
			if d.Severity != severityError && d.Severity != severityWarning {
				continue
			}
			got = append(got, fmt.Sprintf("%d:%d %s: %s", d.Range.Start.Line+1, d.Range.Start.Character+1, d.Code, d.Message))
		}
		sort.Strings(got)
		sort.Strings(want[file])
		t.Logf("%s: %d findings", file, len(got))
		if fmt.Sprint(got) != fmt.Sprint(want[file]) {
			t.Errorf("%s in the editor:\n%s\nwant (apivet ./...):\n%s", file, join(got), join(want[file]))
		}
		c.notify("textDocument/didClose", didCloseParams{TextDocument: textDocumentIdentifier{URI: uri}})
	}
}

func join(ss []string) string {
	out := ""
	for _, s := range ss {
		out += "\t" + s + "\n"
	}
	return out
}
