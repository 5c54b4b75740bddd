// Package lsp is apivet's language server ("apivet lsp"): it runs apivet's
// checks on the package of each Go file an editor opens, changes or saves,
// and publishes the findings as diagnostics, beside gopls (which cannot
// load third-party analyzers).
//
// The protocol surface is small: initialize, shutdown, exit;
// textDocument/didOpen, didChange (full text, debounced), didSave,
// didClose; textDocument/publishDiagnostics (severity, code = check
// name, codeDescription = link to the check's documentation, related
// locations); and textDocument/codeAction with quick fixes from the
// checks' suggested fixes. Unsaved editor contents replace the files'
// text when they are parsed. Analysis is incremental (session.go,
// driver.Session): the module is listed once, and a save re-analyzes the
// edited package and, when needed, its importers. Settings come from the
// .apivet.yml found upward from the file, as for the CLI.
package lsp

import (
	"encoding/json"
	"errors"
	"io"
	"log"
	"path/filepath"
	"runtime/debug"
	"sync"
	"time"

	"github.com/apivet/apivet/analyzers"
	"github.com/apivet/apivet/internal/check"
)

// DocsURL is where each check's documentation lives; a diagnostic's
// codeDescription links to DocsURL + "#" + check name.
const DocsURL = "https://github.com/apivet/apivet/blob/main/docs/checks.md"

// Delays before analysis: short after open and save (to coalesce several
// files of one package opened at once), longer while the user types.
const (
	openDelay   = 100 * time.Millisecond
	changeDelay = 500 * time.Millisecond
)

// Main runs the language server on the given streams (stdin/stdout for
// "apivet lsp"), logging to stderr, until the client sends exit or closes
// the input. It returns the process exit code: 0 after a shutdown request
// then exit, 1 otherwise, as the protocol asks.
func Main(stdin io.Reader, stdout io.Writer, stderr io.Writer) int {
	s := newServer(stdin, stdout, stderr, analyzers.All)
	return s.serve()
}

type server struct {
	conn   *conn
	log    *log.Logger
	checks func() []*check.Check

	openDelay, changeDelay time.Duration

	// publishMu orders a file's diagnostics as the client receives them
	// with the state they reflect: the worker publishing a package's
	// findings and didClose clearing them would otherwise interleave, and
	// a closed package's findings could arrive after their clearing (and
	// stay shown). Taken before mu, never while holding it.
	publishMu sync.Mutex

	mu          sync.Mutex
	initialized bool
	shutdown    bool
	tests       bool
	severity    check.Severity         // from initializationOptions; "" defers to .apivet.yml
	docs        map[string]*document   // open documents by absolute filename
	results     map[string][]published // findings last published, by filename
	pending     map[string]bool        // package directories to analyze
	timers      map[string]*time.Timer // debounce timers by package directory
	shown       map[string]bool        // error messages already shown to the user

	sessions sessions // the worker's

	wake chan struct{}
	done chan struct{}
}

type document struct {
	uri     string
	version int
	text    []byte
}

// published is a diagnostic as sent, with the quick fixes for it.
type published struct {
	diag  diagnostic
	fixes []codeAction
}

func newServer(r io.Reader, w io.Writer, stderr io.Writer, checks func() []*check.Check) *server {
	return &server{
		conn:        newConn(r, w),
		log:         log.New(stderr, "apivet lsp: ", log.LstdFlags),
		checks:      checks,
		openDelay:   openDelay,
		changeDelay: changeDelay,
		docs:        map[string]*document{},
		results:     map[string][]published{},
		pending:     map[string]bool{},
		timers:      map[string]*time.Timer{},
		shown:       map[string]bool{},
		wake:        make(chan struct{}, 1),
		done:        make(chan struct{}),
	}
}

func (s *server) serve() int {
	go s.worker()
	defer close(s.done)
	for {
		m, err := s.conn.read()
		if err != nil {
			var rerr *rpcError
			if errors.As(err, &rerr) {
				s.conn.reply(nil, nil, rerr)
				continue
			}
			if !errors.Is(err, io.EOF) {
				s.log.Print(err)
			}
			return 1 // input closed without exit
		}
		if m.Method == "exit" {
			s.mu.Lock()
			defer s.mu.Unlock()
			if s.shutdown {
				return 0
			}
			return 1
		}
		if m.Method == "" {
			continue // a response to a request we never send
		}
		result, rerr := s.handle(m)
		if m.ID != nil {
			if err := s.conn.reply(m.ID, result, rerr); err != nil {
				s.log.Print(err)
				return 1
			}
		} else if rerr != nil && rerr.Code != codeMethodNotFound {
			s.log.Printf("%s: %s", m.Method, rerr.Message)
		}
	}
}

// handle serves one request or notification.
func (s *server) handle(m *message) (any, *rpcError) {
	s.mu.Lock()
	initialized, shutdown := s.initialized, s.shutdown
	s.mu.Unlock()
	switch {
	case m.Method == "initialize":
		if initialized {
			return nil, &rpcError{Code: codeInvalidRequest, Message: "initialize sent twice"}
		}
	case !initialized:
		return nil, &rpcError{Code: codeServerNotInitialized, Message: "the server is not initialized"}
	case shutdown:
		return nil, &rpcError{Code: codeInvalidRequest, Message: "the server is shutting down"}
	}

	switch m.Method {
	case "initialize":
		var p initializeParams
		if err := unmarshal(m.Params, &p); err != nil {
			return nil, err
		}
		var severity check.Severity
		if o := p.InitializationOptions; o != nil && o.Severity != "" {
			var err error
			if severity, err = check.ParseSeverity(o.Severity); err != nil {
				return nil, &rpcError{Code: codeInvalidParams, Message: "initializationOptions.severity: " + err.Error()}
			}
		}
		s.mu.Lock()
		s.initialized = true
		s.tests = p.InitializationOptions != nil && p.InitializationOptions.Tests
		s.severity = severity
		s.mu.Unlock()
		return initializeResult{
			Capabilities: serverCapabilities{
				TextDocumentSync:   textDocumentSyncOptions{OpenClose: true, Change: 1, Save: saveOptions{}},
				CodeActionProvider: codeActionOptions{CodeActionKinds: []string{"quickfix"}},
			},
			ServerInfo: serverInfo{Name: "apivet", Version: moduleVersion()},
		}, nil
	case "initialized":
		return nil, nil
	case "shutdown":
		s.mu.Lock()
		s.shutdown = true
		for _, t := range s.timers {
			t.Stop()
		}
		s.mu.Unlock()
		return nil, nil
	case "textDocument/didOpen":
		var p didOpenParams
		if err := unmarshal(m.Params, &p); err != nil {
			return nil, err
		}
		return nil, s.didOpen(p)
	case "textDocument/didChange":
		var p didChangeParams
		if err := unmarshal(m.Params, &p); err != nil {
			return nil, err
		}
		return nil, s.didChange(p)
	case "textDocument/didSave":
		var p didSaveParams
		if err := unmarshal(m.Params, &p); err != nil {
			return nil, err
		}
		return nil, s.didSave(p)
	case "textDocument/didClose":
		var p didCloseParams
		if err := unmarshal(m.Params, &p); err != nil {
			return nil, err
		}
		return nil, s.didClose(p)
	case "textDocument/codeAction":
		var p codeActionParams
		if err := unmarshal(m.Params, &p); err != nil {
			return nil, err
		}
		return s.codeActions(p)
	}
	return nil, &rpcError{Code: codeMethodNotFound, Message: "method not supported: " + m.Method}
}

func unmarshal(data json.RawMessage, v any) *rpcError {
	if len(data) == 0 {
		return &rpcError{Code: codeInvalidParams, Message: "missing params"}
	}
	if err := json.Unmarshal(data, v); err != nil {
		return &rpcError{Code: codeInvalidParams, Message: err.Error()}
	}
	return nil
}

func (s *server) didOpen(p didOpenParams) *rpcError {
	filename, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		return &rpcError{Code: codeInvalidParams, Message: err.Error()}
	}
	s.mu.Lock()
	s.docs[filename] = &document{uri: p.TextDocument.URI, version: p.TextDocument.Version, text: []byte(p.TextDocument.Text)}
	s.mu.Unlock()
	if isGo(filename) {
		s.schedule(filepath.Dir(filename), s.openDelay)
	}
	return nil
}

func (s *server) didChange(p didChangeParams) *rpcError {
	filename, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		return &rpcError{Code: codeInvalidParams, Message: err.Error()}
	}
	s.mu.Lock()
	doc := s.docs[filename]
	if doc == nil {
		s.mu.Unlock()
		return &rpcError{Code: codeInvalidParams, Message: "didChange of a document that is not open: " + p.TextDocument.URI}
	}
	for _, ch := range p.ContentChanges {
		if ch.Range != nil {
			// We announce full-text sync; be lenient with clients that send
			// ranges anyway.
			doc.text = applyChange(doc.text, *ch.Range, ch.Text)
		} else {
			doc.text = []byte(ch.Text)
		}
	}
	doc.version = p.TextDocument.Version
	s.mu.Unlock()
	if isGo(filename) {
		s.schedule(filepath.Dir(filename), s.changeDelay)
	}
	return nil
}

func (s *server) didSave(p didSaveParams) *rpcError {
	filename, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		return &rpcError{Code: codeInvalidParams, Message: err.Error()}
	}
	if p.Text != nil {
		s.mu.Lock()
		if doc := s.docs[filename]; doc != nil {
			doc.text = []byte(*p.Text)
		}
		s.mu.Unlock()
	}
	if isGo(filename) {
		s.schedule(filepath.Dir(filename), s.openDelay)
	}
	return nil
}

func (s *server) didClose(p didCloseParams) *rpcError {
	filename, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		return &rpcError{Code: codeInvalidParams, Message: err.Error()}
	}
	s.publishMu.Lock()
	defer s.publishMu.Unlock()
	s.mu.Lock()
	delete(s.docs, filename)
	// The package stays analyzed while another of its files is open;
	// otherwise its diagnostics go away with its last open file.
	var cleared []string
	if !s.watched(filepath.Dir(filename)) {
		for name := range s.results {
			if filepath.Dir(name) == filepath.Dir(filename) {
				cleared = append(cleared, name)
				delete(s.results, name)
			}
		}
	}
	s.mu.Unlock()
	for _, name := range cleared {
		uri := pathToURI(name)
		if name == filename {
			uri = p.TextDocument.URI
		}
		s.publish(uri, nil, nil)
	}
	return nil
}

// watched reports whether a file in dir is open. s.mu must be held.
func (s *server) watched(dir string) bool {
	for name := range s.docs {
		if filepath.Dir(name) == dir {
			return true
		}
	}
	return false
}

// schedule queues the package in dir for analysis after delay; a new
// call before the delay has passed starts the delay again.
func (s *server) schedule(dir string, delay time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.shutdown {
		return
	}
	if t := s.timers[dir]; t != nil {
		t.Stop()
	}
	s.timers[dir] = time.AfterFunc(delay, func() {
		s.mu.Lock()
		delete(s.timers, dir)
		s.pending[dir] = true
		s.mu.Unlock()
		select {
		case s.wake <- struct{}{}:
		default:
		}
	})
}

// worker analyzes queued packages one at a time: the checks' settings and
// run options are process-wide, so runs must not overlap.
func (s *server) worker() {
	for {
		select {
		case <-s.done:
			return
		case <-s.wake:
		}
		for {
			s.mu.Lock()
			var dir string
			for d := range s.pending {
				dir = d
				break
			}
			delete(s.pending, dir)
			stop := s.shutdown
			s.mu.Unlock()
			if dir == "" || stop {
				break
			}
			s.analyze(dir)
		}
	}
}

func (s *server) publish(uri string, version *int, diags []diagnostic) {
	if diags == nil {
		diags = []diagnostic{}
	}
	if err := s.conn.notify("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: uri, Version: version, Diagnostics: diags}); err != nil {
		s.log.Print(err)
	}
}

// showError tells the user about a problem once (window/showMessage), and
// logs it every time.
func (s *server) showError(msg string) {
	s.log.Print(msg)
	s.mu.Lock()
	seen := s.shown[msg]
	s.shown[msg] = true
	s.mu.Unlock()
	if !seen {
		s.conn.notify("window/showMessage", logMessageParams{Type: 1, Message: "apivet: " + msg})
	}
}

func (s *server) codeActions(p codeActionParams) (any, *rpcError) {
	filename, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		return nil, &rpcError{Code: codeInvalidParams, Message: err.Error()}
	}
	actions := []codeAction{}
	if len(p.Context.Only) > 0 {
		ok := false
		for _, k := range p.Context.Only {
			ok = ok || k == "quickfix" || k == ""
		}
		if !ok {
			return actions, nil
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, pub := range s.results[filename] {
		if !overlaps(pub.diag.Range, p.Range) {
			continue
		}
		actions = append(actions, pub.fixes...)
	}
	return actions, nil
}

func overlaps(a, b lspRange) bool {
	return !less(a.End, b.Start) && !less(b.End, a.Start)
}

func less(a, b position) bool {
	return a.Line < b.Line || (a.Line == b.Line && a.Character < b.Character)
}

func isGo(filename string) bool { return filepath.Ext(filename) == ".go" }

func moduleVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return ""
}
