package lsp

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/testutil"
)

// printlnCheck flags the last argument of println calls, with a fix that
// replaces it: enough to exercise positions, severities and quick fixes
// without depending on which real checks are registered.
var printlnCheck = &check.Check{
	Analyzer: &analysis.Analyzer{
		Name: "printleak",
		Doc:  "flags println arguments",
		Run: func(pass *analysis.Pass) (any, error) {
			for _, f := range pass.Files {
				ast.Inspect(f, func(n ast.Node) bool {
					call, ok := n.(*ast.CallExpr)
					if !ok || len(call.Args) == 0 {
						return true
					}
					if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "println" {
						return true
					}
					arg := call.Args[len(call.Args)-1]
					pass.Report(analysis.Diagnostic{Pos: arg.Pos(), End: arg.End(),
						Message: "println prints its argument to stderr",
						SuggestedFixes: []analysis.SuggestedFix{{Message: "print a placeholder",
							TextEdits: []analysis.TextEdit{{Pos: arg.Pos(), End: arg.End(), NewText: []byte(`"redacted"`)}}}}})
					return true
				})
			}
			return nil, nil
		},
	},
	Severity: check.Warning,
}

// notedCheck flags each println call with a note (its default severity),
// hidden unless the severity threshold is note.
var notedCheck = &check.Check{
	Analyzer: &analysis.Analyzer{
		Name: "printnote",
		Doc:  "notes println calls",
		Run: func(pass *analysis.Pass) (any, error) {
			for _, f := range pass.Files {
				ast.Inspect(f, func(n ast.Node) bool {
					if call, ok := n.(*ast.CallExpr); ok {
						if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "println" {
							pass.Reportf(call.Pos(), "println call")
						}
					}
					return true
				})
			}
			return nil, nil
		},
	},
	Severity: check.Note,
}

// printsFact marks functions that call println.
type printsFact struct{}

func (*printsFact) AFact()         {}
func (*printsFact) String() string { return "prints" }

// callsPrinterCheck flags calls of functions that call println, which it
// learns through facts, also from other packages.
var callsPrinterCheck = &check.Check{
	Analyzer: &analysis.Analyzer{
		Name:      "callsprinter",
		Doc:       "flags calls of functions that print",
		FactTypes: []analysis.Fact{new(printsFact)},
		Run: func(pass *analysis.Pass) (any, error) {
			for _, f := range pass.Files {
				for _, d := range f.Decls {
					fd, ok := d.(*ast.FuncDecl)
					if !ok || fd.Body == nil {
						continue
					}
					ast.Inspect(fd.Body, func(n ast.Node) bool {
						if call, ok := n.(*ast.CallExpr); ok {
							if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "println" {
								pass.ExportObjectFact(pass.TypesInfo.Defs[fd.Name], new(printsFact))
							}
						}
						return true
					})
				}
				ast.Inspect(f, func(n ast.Node) bool {
					if sel, ok := n.(*ast.SelectorExpr); ok {
						if obj := pass.TypesInfo.Uses[sel.Sel]; obj != nil && obj.Pkg() != pass.Pkg && pass.ImportObjectFact(obj, new(printsFact)) {
							pass.Reportf(sel.Pos(), "%s prints to stderr", sel.Sel.Name)
						}
					}
					return true
				})
			}
			return nil, nil
		},
	},
	Severity: check.Warning,
}

// client drives a server in-process over pipes, as an editor would.
type client struct {
	t      *testing.T
	conn   *conn
	nextID int
	resps  chan *message
	notes  chan *message
	exit   chan int
}

func startServer(t *testing.T, checks ...*check.Check) *client {
	t.Helper()
	if len(checks) == 0 {
		checks = []*check.Check{printlnCheck}
	}
	cr, sw := io.Pipe() // server -> client
	sr, cw := io.Pipe() // client -> server
	s := newServer(sr, sw, io.Discard, func() []*check.Check { return checks })
	s.openDelay, s.changeDelay = 10*time.Millisecond, 50*time.Millisecond
	c := &client{t: t, conn: newConn(cr, cw), resps: make(chan *message, 10), notes: make(chan *message, 100), exit: make(chan int, 1)}
	go func() {
		code := s.serve()
		sw.Close()
		c.exit <- code
	}()
	go func() {
		for {
			m, err := c.conn.read()
			if err != nil {
				close(c.notes)
				return
			}
			if m.Method != "" {
				c.notes <- m
			} else {
				c.resps <- m
			}
		}
	}()
	t.Cleanup(func() { cw.Close() })
	return c
}

func (c *client) call(method string, params any) *message {
	c.t.Helper()
	c.nextID++
	id := json.RawMessage(fmt.Sprint(c.nextID))
	data, _ := json.Marshal(params)
	if err := c.conn.write(&message{ID: &id, Method: method, Params: data}); err != nil {
		c.t.Fatal(err)
	}
	select {
	case m := <-c.resps:
		if string(*m.ID) != string(id) {
			c.t.Fatalf("response id %s, want %s", *m.ID, id)
		}
		return m
	case <-time.After(60 * time.Second):
		c.t.Fatalf("no response to %s", method)
	}
	return nil
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.notify(method, params); err != nil {
		c.t.Fatal(err)
	}
}

// diagnostics waits for the next publishDiagnostics for uri.
func (c *client) diagnostics(uri string) publishDiagnosticsParams {
	c.t.Helper()
	return c.diagnosticsOf(uri, nil)
}

// diagnosticsOf waits for the diagnostics of uri published for the given
// version of the document (any publication when version is nil): a
// package's files are published together, and an earlier analysis or
// clearing may still be queued for the file just opened.
func (c *client) diagnosticsOf(uri string, version *int) publishDiagnosticsParams {
	c.t.Helper()
	timeout := time.After(60 * time.Second)
	for {
		select {
		case m, ok := <-c.notes:
			if !ok {
				c.t.Fatal("server closed the connection")
			}
			if m.Method != "textDocument/publishDiagnostics" {
				continue
			}
			var p publishDiagnosticsParams
			if err := json.Unmarshal(m.Params, &p); err != nil {
				c.t.Fatal(err)
			}
			if p.URI == uri && (version == nil || p.Version != nil && *p.Version == *version) {
				return p
			}
		case <-timeout:
			c.t.Fatalf("no diagnostics for %s", uri)
		}
	}
}

func (c *client) initialize() { c.initializeWith(nil) }

func (c *client) initializeWith(options any) {
	c.t.Helper()
	m := c.call("initialize", map[string]any{"processId": os.Getpid(), "rootUri": nil, "capabilities": map[string]any{}, "initializationOptions": options})
	if m.Error != nil {
		c.t.Fatal(m.Error)
	}
	var res initializeResult
	if err := json.Unmarshal(m.Result, &res); err != nil {
		c.t.Fatal(err)
	}
	if res.ServerInfo.Name != "apivet" || res.Capabilities.TextDocumentSync.Change != 1 || !res.Capabilities.TextDocumentSync.OpenClose {
		c.t.Fatalf("initialize result %+v", res)
	}
	c.notify("initialized", map[string]any{})
}

func (c *client) shutdown() int {
	c.t.Helper()
	if m := c.call("shutdown", nil); m.Error != nil || string(m.Result) != "null" {
		c.t.Fatalf("shutdown: %+v %s", m.Error, m.Result)
	}
	c.notify("exit", nil)
	select {
	case code := <-c.exit:
		return code
	case <-time.After(10 * time.Second):
		c.t.Fatal("server did not exit")
	}
	return -1
}

func fixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	testutil.CopyDir(t, "testdata/mod", dir)
	return dir
}

func applyEdits(t *testing.T, text string, edits []textEdit) string {
	t.Helper()
	sort.Slice(edits, func(i, j int) bool { return less(edits[j].Range.Start, edits[i].Range.Start) })
	b := []byte(text)
	for _, e := range edits {
		b = applyChange(b, e.Range, e.NewText)
	}
	return string(b)
}

func TestDiagnosticsQuickFixAndEdit(t *testing.T) {
	dir := fixture(t)
	greet := filepath.Join(dir, "greet", "greet.go")
	other := filepath.Join(dir, "greet", "other.go")
	data, _ := os.ReadFile(greet)
	text := string(data)
	uri := pathToURI(greet)

	c := startServer(t)
	c.initialize()
	c.notify("textDocument/didOpen", didOpenParams{TextDocument: textDocumentItem{URI: uri, LanguageID: "go", Version: 1, Text: text}})

	got := c.diagnostics(uri)
	if len(got.Diagnostics) != 1 {
		t.Fatalf("diagnostics = %+v, want 1", got.Diagnostics)
	}
	if got.Version == nil || *got.Version != 1 {
		t.Errorf("version = %v, want 1", got.Version)
	}
	d := got.Diagnostics[0]
	// The flagged argument follows non-ASCII text: LSP columns count
	// UTF-16 code units (é and 世界 one each, 😀 two), not bytes.
	line := strings.Split(text, "\n")[5]
	col := len([]rune(line[:strings.Index(line, `"secret"`)])) + 1 // + 1 for 😀's second UTF-16 unit
	want := lspRange{Start: position{5, col}, End: position{5, col + len(`"secret"`)}}
	if col != 25 || d.Range != want {
		t.Errorf("range = %+v, want %+v (col %d)", d.Range, want, col)
	}
	if d.Severity != severityWarning || d.Code != "printleak" || d.Source != "apivet" ||
		d.CodeDescription == nil || d.CodeDescription.Href != DocsURL+"#printleak" ||
		d.Message != "println prints its argument to stderr" {
		t.Errorf("diagnostic = %+v", d)
	}
	// The package's other file is analyzed too; it is not open, so its
	// findings come with no version.
	if od := c.diagnostics(pathToURI(other)); len(od.Diagnostics) != 1 || od.Version != nil {
		t.Errorf("other.go diagnostics = %+v", od)
	}

	// Quick fix: a code action for a range inside the diagnostic.
	m := c.call("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"range":        lspRange{Start: position{5, col + 2}, End: position{5, col + 2}},
		"context":      map[string]any{"diagnostics": []diagnostic{d}},
	})
	var actions []codeAction
	if err := json.Unmarshal(m.Result, &actions); err != nil || m.Error != nil {
		t.Fatalf("codeAction: %v %v", err, m.Error)
	}
	if len(actions) != 1 || actions[0].Kind != "quickfix" || actions[0].Edit == nil || !actions[0].IsPreferred {
		t.Fatalf("actions = %+v", actions)
	}
	fixed := applyEdits(t, text, actions[0].Edit.Changes[uri])
	if !strings.Contains(fixed, `println("héllo, 世界 😀", "redacted")`) {
		t.Fatalf("fixed text:\n%s", fixed)
	}
	// No action on a line without a finding.
	m = c.call("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"range":        lspRange{Start: position{9, 0}, End: position{9, 5}},
		"context":      map[string]any{"diagnostics": []diagnostic{}},
	})
	if string(m.Result) != "[]" {
		t.Errorf("codeAction elsewhere = %s, want []", m.Result)
	}

	// Unsaved edits are analyzed: after the fix is typed in, the finding
	// moves (the fixed argument is still println's last one) to the new text.
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": 2},
		"contentChanges": []map[string]any{{"text": strings.Replace(fixed, `println("héllo, 世界 😀", "redacted")`, `_ = "héllo"`, 1)}},
	})
	got = c.diagnostics(uri)
	if len(got.Diagnostics) != 0 || got.Version == nil || *got.Version != 2 {
		t.Errorf("after the edit: %+v, want no diagnostics at version 2", got)
	}
	if disk, _ := os.ReadFile(greet); string(disk) != text {
		t.Error("the server wrote to the file")
	}

	// Closing the package's last open file clears its diagnostics.
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
	// (other.go's diagnostics are republished after the edit, unless the
	// close overtakes that.)
	od := c.diagnostics(pathToURI(other))
	if len(od.Diagnostics) != 0 {
		od = c.diagnostics(pathToURI(other))
	}
	if len(od.Diagnostics) != 0 {
		t.Errorf("other.go after close = %+v", od)
	}
	if code := c.shutdown(); code != 0 {
		t.Errorf("exit code %d, want 0", code)
	}
}

// TestFactsFromModulePackages: the package being edited is analyzed with
// the packages of its module that it imports loaded from source, so their
// facts reach it as on the command line.
func TestFactsFromModulePackages(t *testing.T) {
	dir := fixture(t)
	loud := filepath.Join(dir, "greet", "loud.go")
	data, _ := os.ReadFile(loud)
	uri := pathToURI(loud)
	c := startServer(t, callsPrinterCheck)
	c.initialize()
	c.notify("textDocument/didOpen", didOpenParams{TextDocument: textDocumentItem{URI: uri, LanguageID: "go", Version: 1, Text: string(data)}})
	got := c.diagnostics(uri)
	if len(got.Diagnostics) != 1 || got.Diagnostics[0].Message != "Shout prints to stderr" {
		t.Fatalf("diagnostics = %+v, want the call of shout.Shout (a fact from package shout)", got.Diagnostics)
	}
}

func TestConfigDisablesCheck(t *testing.T) {
	dir := fixture(t)
	if err := os.WriteFile(filepath.Join(dir, ".apivet.yml"), []byte("checks: [-printleak]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	greet := filepath.Join(dir, "greet", "greet.go")
	data, _ := os.ReadFile(greet)
	c := startServer(t)
	c.initialize()
	uri := pathToURI(greet)
	c.notify("textDocument/didOpen", didOpenParams{TextDocument: textDocumentItem{URI: uri, LanguageID: "go", Version: 1, Text: string(data)}})
	if got := c.diagnostics(uri); len(got.Diagnostics) != 0 {
		t.Errorf("diagnostics with the check disabled: %+v", got.Diagnostics)
	}
	c.shutdown()
}

func TestBadConfigIsShown(t *testing.T) {
	dir := fixture(t)
	if err := os.WriteFile(filepath.Join(dir, ".apivet.yml"), []byte("checks: [nosuchcheck]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	greet := filepath.Join(dir, "greet", "greet.go")
	c := startServer(t)
	c.initialize()
	c.notify("textDocument/didOpen", didOpenParams{TextDocument: textDocumentItem{URI: pathToURI(greet), LanguageID: "go", Version: 1, Text: "package greet\n"}})
	timeout := time.After(30 * time.Second)
	for {
		select {
		case m := <-c.notes:
			if m.Method != "window/showMessage" {
				continue
			}
			var p logMessageParams
			json.Unmarshal(m.Params, &p)
			if p.Type != 1 || !strings.Contains(p.Message, `unknown check "nosuchcheck"`) {
				t.Errorf("showMessage %+v", p)
			}
			c.shutdown()
			return
		case <-timeout:
			t.Fatal("no window/showMessage for a bad .apivet.yml")
		}
	}
}

func TestLifecycle(t *testing.T) {
	c := startServer(t)
	if m := c.call("textDocument/codeAction", map[string]any{}); m.Error == nil || m.Error.Code != codeServerNotInitialized {
		t.Errorf("request before initialize: %+v", m.Error)
	}
	c.initialize()
	if m := c.call("textDocument/hover", map[string]any{}); m.Error == nil || m.Error.Code != codeMethodNotFound {
		t.Errorf("unsupported request: %+v", m.Error)
	}
	if m := c.call("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": "untitled:1"}}); m.Error == nil || m.Error.Code != codeInvalidParams {
		t.Errorf("non-file URI: %+v", m.Error)
	}
	c.notify("$/cancelRequest", map[string]any{"id": 1}) // ignored
	c.notify("exit", nil)
	if code := <-c.exit; code != 1 {
		t.Errorf("exit without shutdown: code %d, want 1", code)
	}
}

func TestEOFWithoutExit(t *testing.T) {
	r, w := io.Pipe()
	done := make(chan int)
	go func() { done <- Main(r, io.Discard, io.Discard) }()
	w.Close()
	if code := <-done; code != 1 {
		t.Errorf("code %d, want 1", code)
	}
}

func TestPositions(t *testing.T) {
	content := []byte("ab\n\té😀x\n")
	for _, tc := range []struct {
		offset int
		want   position
	}{
		{0, position{0, 0}}, {2, position{0, 2}}, {3, position{1, 0}}, {4, position{1, 1}},
		{6, position{1, 2}},  // after é (2 bytes, 1 unit)
		{10, position{1, 4}}, // after 😀 (4 bytes, 2 units)
		{11, position{1, 5}}, {12, position{2, 0}},
	} {
		if got := offsetToPosition(content, tc.offset); got != tc.want {
			t.Errorf("offsetToPosition(%d) = %v, want %v", tc.offset, got, tc.want)
		}
		if got := positionToOffset(content, tc.want); got != tc.offset {
			t.Errorf("positionToOffset(%v) = %d, want %d", tc.want, got, tc.offset)
		}
	}
	if got := string(applyChange(content, lspRange{position{1, 1}, position{1, 4}}, "E")); got != "ab\n\tEx\n" {
		t.Errorf("applyChange = %q", got)
	}
}

func TestURIs(t *testing.T) {
	for _, p := range []string{"/tmp/a b/c.go", "/x/y%z/ü.go"} {
		uri := pathToURI(p)
		back, err := uriToPath(uri)
		if err != nil || back != p {
			t.Errorf("%s -> %s -> %s, %v", p, uri, back, err)
		}
	}
	if got := pathToURI("/tmp/a b/c.go"); got != "file:///tmp/a%20b/c.go" {
		t.Errorf("uri %s", got)
	}
}

// Findings in _test.go files are dropped, unless the client asks for them
// with the initialization option tests.
func TestTestFiles(t *testing.T) {
	for _, tests := range []bool{false, true} {
		t.Run(fmt.Sprint("tests=", tests), func(t *testing.T) {
			dir := fixture(t)
			file := filepath.Join(dir, "greet", "greet_test.go")
			data, _ := os.ReadFile(file)
			c := startServer(t)
			c.initializeWith(map[string]any{"tests": tests})
			uri := pathToURI(file)
			c.notify("textDocument/didOpen", didOpenParams{TextDocument: textDocumentItem{URI: uri, LanguageID: "go", Version: 1, Text: string(data)}})
			got := c.diagnostics(uri)
			want := 0
			if tests {
				want = 1
			}
			if len(got.Diagnostics) != want {
				t.Errorf("diagnostics in the test file: %+v, want %d", got.Diagnostics, want)
			}
			c.shutdown()
		})
	}
}

// The severity threshold: warning by default, then the .apivet.yml's
// severity, then the initialization option severity over both.
func TestSeverityThreshold(t *testing.T) {
	for _, tc := range []struct {
		name, config string
		options      map[string]any
		want         []string // codes of the diagnostics on greet.go
	}{
		{name: "default", want: []string{"printleak"}},
		{name: "config note", config: "severity: note\n", want: []string{"printleak", "printnote"}},
		{name: "option note", options: map[string]any{"severity": "note"}, want: []string{"printleak", "printnote"}},
		{name: "option error over config note", config: "severity: note\n", options: map[string]any{"severity": "error"}, want: nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := fixture(t)
			if tc.config != "" {
				if err := os.WriteFile(filepath.Join(dir, ".apivet.yml"), []byte(tc.config), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			greet := filepath.Join(dir, "greet", "greet.go")
			data, _ := os.ReadFile(greet)
			c := startServer(t, printlnCheck, notedCheck)
			c.initializeWith(tc.options)
			uri := pathToURI(greet)
			c.notify("textDocument/didOpen", didOpenParams{TextDocument: textDocumentItem{URI: uri, LanguageID: "go", Version: 1, Text: string(data)}})
			var codes []string
			for _, d := range c.diagnostics(uri).Diagnostics {
				codes = append(codes, d.Code)
			}
			sort.Strings(codes)
			if strings.Join(codes, ",") != strings.Join(tc.want, ",") {
				t.Errorf("diagnostics %v, want %v", codes, tc.want)
			}
			c.shutdown()
		})
	}
	c := startServer(t)
	m := c.call("initialize", map[string]any{"processId": os.Getpid(), "rootUri": nil, "capabilities": map[string]any{},
		"initializationOptions": map[string]any{"severity": "info"}})
	if m.Error == nil || !strings.Contains(m.Error.Message, `unknown severity "info"`) {
		t.Errorf("initialize with severity info: error %+v, want unknown severity", m.Error)
	}
}
