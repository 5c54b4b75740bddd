package lsp

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/apivet/apivet/analyzers"
	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/driver"
	"github.com/apivet/apivet/internal/modrefs"
	"github.com/apivet/apivet/internal/testutil"
)

// TestDependencyEdit: with a handler file and the repository it calls
// open, an edit saved in the repository (an ownership check added to
// Invoices.ByID, then removed again) gets the handler file new
// diagnostics, the command line's for the edited code, without the
// handler file being touched; the revert gives the first ones back.
func TestDependencyEdit(t *testing.T) {
	if testing.Short() {
		t.Skip("analyzes the demo")
	}
	mod := t.TempDir()
	testutil.CopyDir(t, testutil.Module(t, "../../testdata/demo"), mod)
	orders := filepath.Join(mod, "internal/api/orders.go")
	repo := filepath.Join(mod, "internal/billing/invoices.go")
	orig, err := os.ReadFile(repo)
	if err != nil {
		t.Fatal(err)
	}
	scoped := strings.Replace(string(orig), "First(&inv, id)", `Where("customer_id = ?", customerFrom(ctx)).First(&inv, id)`, 1) +
		"\nfunc customerFrom(ctx context.Context) uint { v, _ := ctx.Value(\"customer\").(uint); return v }\n"
	if scoped == string(orig)+"\n" {
		t.Fatal("the demo's Invoices.ByID changed: update the test")
	}

	c := startServer(t, analyzers.All()...)
	c.initialize()
	open := func(name string) {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		c.notify("textDocument/didOpen", didOpenParams{TextDocument: textDocumentItem{URI: pathToURI(name), LanguageID: "go", Version: 1, Text: string(data)}})
		v := 1
		c.diagnosticsOf(pathToURI(name), &v)
	}
	// saveRepo writes the repository file as an editor does: the buffer
	// changes, then it is saved.
	version := 1
	saveRepo := func(text string) {
		version++
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": pathToURI(repo), "version": version},
			"contentChanges": []map[string]any{{"text": text}},
		})
		if err := os.WriteFile(repo, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		c.notify("textDocument/didSave", didSaveParams{TextDocument: textDocumentIdentifier{URI: pathToURI(repo)}})
	}
	ordersNow := func() []string {
		var got []string
		for _, d := range c.diagnostics(pathToURI(orders)).Diagnostics {
			if d.Severity == severityError || d.Severity == severityWarning {
				got = append(got, fmt.Sprintf("%d:%d %s: %s", d.Range.Start.Line+1, d.Range.Start.Character+1, d.Code, d.Message))
			}
		}
		sort.Strings(got)
		return got
	}

	want := commandLineOf(t, mod, orders)
	data, _ := os.ReadFile(orders)
	c.notify("textDocument/didOpen", didOpenParams{TextDocument: textDocumentItem{URI: pathToURI(orders), LanguageID: "go", Version: 1, Text: string(data)}})
	if got := ordersNow(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("orders.go opened:\n%s\nwant:\n%s", join(got), join(want))
	}
	open(repo)

	saveRepo(scoped)
	wantScoped := commandLineOf(t, mod, orders)
	if fmt.Sprint(wantScoped) == fmt.Sprint(want) {
		t.Fatalf("scoping ByID changes nothing in orders.go on the command line:\n%s", join(want))
	}
	if got := ordersNow(); fmt.Sprint(got) != fmt.Sprint(wantScoped) {
		t.Errorf("orders.go after the repository's edit:\n%s\nwant (apivet ./...):\n%s", join(got), join(wantScoped))
	}

	saveRepo(string(orig))
	if got := ordersNow(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("orders.go after the revert:\n%s\nwant:\n%s", join(got), join(want))
	}
}

// commandLineOf is what `apivet ./...` reports in file (errors and
// warnings), as the editor shows it.
func commandLineOf(t *testing.T, mod, file string) []string {
	t.Helper()
	modrefs.Forget() // as in a fresh process
	res, err := driver.Run(driver.Config{Dir: mod, Checks: analyzers.All()})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range res.Findings {
		if f.Pos.Filename == file && f.Severity != check.Note {
			out = append(out, fmt.Sprintf("%d:%d %s: %s", f.Pos.Line, f.Pos.Column, f.Check.Name(), f.Message))
		}
	}
	sort.Strings(out)
	return out
}

// TestUnlistedPackage: a package go list leaves out of the module's
// listing (under testdata) is analyzed the other way, and the module's
// session, kept, still serves its packages.
func TestUnlistedPackage(t *testing.T) {
	dir := fixture(t)
	extra := filepath.Join(dir, "testdata", "extra", "extra.go")
	if err := os.MkdirAll(filepath.Dir(extra), 0o755); err != nil {
		t.Fatal(err)
	}
	src := "package extra\n\nfunc F() { println(\"x\") }\n"
	if err := os.WriteFile(extra, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	c := startServer(t)
	c.initialize()
	greet := filepath.Join(dir, "greet", "greet.go")
	data, _ := os.ReadFile(greet)
	c.notify("textDocument/didOpen", didOpenParams{TextDocument: textDocumentItem{URI: pathToURI(greet), LanguageID: "go", Version: 1, Text: string(data)}})
	c.diagnostics(pathToURI(greet))
	for range 2 {
		c.notify("textDocument/didOpen", didOpenParams{TextDocument: textDocumentItem{URI: pathToURI(extra), LanguageID: "go", Version: 1, Text: src}})
		if got := c.diagnostics(pathToURI(extra)); len(got.Diagnostics) != 1 {
			t.Fatalf("extra.go: %+v, want its println call", got.Diagnostics)
		}
		c.notify("textDocument/didClose", didCloseParams{TextDocument: textDocumentIdentifier{URI: pathToURI(extra)}})
		c.diagnostics(pathToURI(extra)) // cleared
	}
}
