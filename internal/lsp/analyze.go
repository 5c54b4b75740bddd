package lsp

import (
	"bytes"
	"fmt"
	"go/token"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/config"
	"github.com/apivet/apivet/internal/driver"
)

// analyze runs the enabled checks on the package in dir, with the open
// documents' unsaved contents, and publishes diagnostics for its files.
func (s *server) analyze(dir string) {
	defer func() {
		// A bug in loading or reporting must not take the editor's
		// server down; the analyzers themselves are already guarded.
		if p := recover(); p != nil {
			s.sessions = sessions{} // possibly left half-updated
			s.showError(fmt.Sprintf("internal error analyzing %s: %v", dir, p))
		}
	}()
	s.mu.Lock()
	open := map[string][]byte{}
	versions := map[string]int{}
	for name, doc := range s.docs {
		open[name] = doc.text
		versions[name] = doc.version
	}
	tests, severity := s.tests, s.severity
	s.mu.Unlock()
	// Unsaved contents replace the files' text when they are parsed, not
	// through a go/packages overlay, which would type-check every
	// dependency, the standard library included, from source (seconds per
	// keystroke instead of export data); an import added and not yet saved
	// resolves on save. A document not on disk yet is an overlay.
	unsaved, overlay := map[string][]byte{}, map[string][]byte{}
	for name, text := range open {
		switch disk, err := os.ReadFile(name); {
		case err != nil:
			overlay[name] = text
		case !bytes.Equal(disk, text):
			unsaved[name] = text
		}
	}

	checks, configSeverity, err := s.enabledChecks(dir)
	if err != nil {
		s.showError(err.Error())
		return
	}
	if severity == "" {
		severity = configSeverity
	}
	res, err := s.run(dir, checks, severity, tests, unsaved, overlay)
	if err != nil {
		s.log.Printf("%s: %v", dir, err)
		return
	}
	// Open packages importing what changed get new diagnostics; the
	// others are brought up to date when a run needs them.
	s.mu.Lock()
	var again []string
	for _, d := range res.stale {
		if s.watched(d) {
			again = append(again, d)
		}
	}
	s.mu.Unlock()
	for _, d := range again {
		s.schedule(d, 0) // nothing to coalesce: the edit was saved
	}

	// The package's files get diagnostics (an empty list clears old ones),
	// unless it or a package it imports does not type-check: then the
	// findings are incomplete, and the last ones stay until the code
	// compiles again.
	files := map[string]bool{}
	for _, pkg := range res.packages {
		for _, e := range pkg.Errors {
			if !driver.EmbedError(e) { // missing embedded files change no type
				s.log.Printf("%s: not analyzed until it compiles: %v", pkg.PkgPath, e)
				return
			}
		}
		for _, list := range [][]string{pkg.CompiledGoFiles, pkg.GoFiles} {
			for _, f := range list {
				if filepath.Dir(f) == dir {
					files[f] = true
				}
			}
		}
	}
	// Open Go files of the directory outside the analyzed package (test
	// files without the tests option, files excluded by build tags) get an
	// empty list: nothing is reported there, and nothing stale stays.
	for name := range open {
		if filepath.Dir(name) == dir && isGo(name) {
			files[name] = true
		}
	}
	for _, p := range res.problems {
		if p.Kind == driver.InternalError {
			s.log.Print(p.Message)
		}
	}

	text := func(filename string) []byte {
		if t, ok := open[filename]; ok {
			return t
		}
		data, _ := os.ReadFile(filename)
		return data
	}
	byFile := map[string][]published{}
	for _, f := range res.findings {
		if filepath.Dir(f.Pos.Filename) != dir {
			continue // another package's, published when it is open
		}
		files[f.Pos.Filename] = true
		byFile[f.Pos.Filename] = append(byFile[f.Pos.Filename], toPublished(f, text))
	}

	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	s.publishMu.Lock()
	defer s.publishMu.Unlock()
	for _, name := range names {
		pubs := byFile[name]
		s.mu.Lock()
		if !s.watched(dir) {
			// The package's last open file was closed during the run,
			// and its diagnostics cleared: do not bring them back.
			s.mu.Unlock()
			return
		}
		doc := s.docs[name]
		_, had := s.results[name]
		if len(pubs) > 0 {
			s.results[name] = pubs
		} else {
			delete(s.results, name)
		}
		s.mu.Unlock()
		if doc == nil && !had && len(pubs) == 0 {
			continue // nothing to show or clear
		}
		uri := pathToURI(name)
		var version *int
		if doc != nil {
			uri = doc.uri // as the client spelled it
			if v, ok := versions[name]; ok {
				version = &v
			}
		}
		diags := make([]diagnostic, len(pubs))
		for i, p := range pubs {
			diags[i] = p.diag
		}
		s.publish(uri, version, diags)
	}
}

// sourcePatterns returns the package in dir and the packages of the same
// module it imports, directly or not: they are loaded from source, like
// under apivet ./..., so that what they tell the checks through facts (a
// repository method's queries, an authorization helper, a router built
// there) is the same in the editor as on the command line. Dependencies
// of other modules come from export data either way.
func sourcePatterns(dir string) []string {
	named, deps, err := driver.ModuleDeps(dir, nil, []string{"."})
	if err != nil {
		return []string{"."}
	}
	return append(append([]string{"."}, named...), deps...)
}

// enabledChecks reads the .apivet.yml that applies to dir (if any) into
// the checks' settings and returns the checks it enables and its
// severity threshold ("" if it sets none).
func (s *server) enabledChecks(dir string) ([]*check.Check, check.Severity, error) {
	all := s.checks()
	path := config.Find(dir)
	if path == "" {
		return all, "", nil
	}
	f, err := config.Load(path)
	if err == nil {
		err = f.Apply(all)
	}
	if err != nil {
		return nil, "", err
	}
	checks, err := config.Select(all, f.Checks)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", path, err)
	}
	return checks, f.Severity, nil
}

// toPublished converts a finding to a diagnostic and its quick fixes.
func toPublished(f driver.Finding, text func(string) []byte) published {
	content := text(f.Pos.Filename)
	d := diagnostic{
		Range:           lspRange{Start: toPosition(content, f.Pos), End: toPosition(content, f.End)},
		Severity:        toSeverity(f.Severity),
		Code:            f.Check.Name(),
		CodeDescription: &codeDescription{Href: DocsURL + "#" + f.Check.Name()},
		Source:          "apivet",
		Message:         f.Message,
	}
	for _, r := range f.Related {
		rc := text(r.Pos.Filename)
		p := toPosition(rc, r.Pos)
		d.Related = append(d.Related, diagnosticRelatedInformation{
			Location: location{URI: pathToURI(r.Pos.Filename), Range: lspRange{Start: p, End: p}},
			Message:  r.Message,
		})
	}
	pub := published{diag: d}
	for _, fix := range f.Fixes {
		edit := &workspaceEdit{Changes: map[string][]textEdit{}}
		for _, e := range fix.Edits {
			ec := text(e.Filename)
			uri := pathToURI(e.Filename)
			edit.Changes[uri] = append(edit.Changes[uri], textEdit{
				Range:   lspRange{Start: offsetToPosition(ec, e.Start), End: offsetToPosition(ec, e.End)},
				NewText: e.NewText,
			})
		}
		pub.fixes = append(pub.fixes, codeAction{
			Title:       fmt.Sprintf("%s (apivet %s)", fix.Message, f.Check.Name()),
			Kind:        "quickfix",
			Diagnostics: []diagnostic{d},
			IsPreferred: len(f.Fixes) == 1,
			Edit:        edit,
		})
	}
	return pub
}

func toSeverity(s check.Severity) int {
	switch s {
	case check.Error:
		return severityError
	case check.Warning:
		return severityWarning
	}
	return severityInformation
}

// toPosition converts a go/token position (byte offset, 1-based line and
// byte column) into an LSP position (0-based line, UTF-16 column) in content.
func toPosition(content []byte, p token.Position) position {
	if p.Offset >= 0 && p.Offset <= len(content) && p.Line > 0 && lineOf(content, p.Offset) == p.Line {
		return offsetToPosition(content, p.Offset)
	}
	if p.Line <= 0 {
		return position{}
	}
	// No offset that matches the content: trust line and column.
	start := lineStart(content, p.Line)
	return offsetToPosition(content, min(start+max(p.Column-1, 0), len(content)))
}

// offsetToPosition converts a byte offset in content to an LSP position.
func offsetToPosition(content []byte, offset int) position {
	offset = min(max(offset, 0), len(content))
	line, start := 0, 0
	for i := 0; i < offset; i++ {
		if content[i] == '\n' {
			line++
			start = i + 1
		}
	}
	return position{Line: line, Character: utf16Len(content[start:offset])}
}

// positionToOffset converts an LSP position to a byte offset in content.
func positionToOffset(content []byte, p position) int {
	off := lineStart(content, p.Line+1)
	for units := 0; off < len(content) && content[off] != '\n' && units < p.Character; {
		r, size := utf8.DecodeRune(content[off:])
		units += len(utf16.Encode([]rune{r}))
		off += size
	}
	return off
}

func utf16Len(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
		b = b[size:]
	}
	return n
}

// lineStart is the byte offset of the 1-based line in content.
func lineStart(content []byte, line int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := indexByteFrom(content, off, '\n')
		if i < 0 {
			return len(content)
		}
		off = i + 1
	}
	return off
}

func lineOf(content []byte, offset int) int {
	n := 1
	for _, b := range content[:offset] {
		if b == '\n' {
			n++
		}
	}
	return n
}

func indexByteFrom(b []byte, from int, c byte) int {
	for i := from; i < len(b); i++ {
		if b[i] == c {
			return i
		}
	}
	return -1
}

// applyChange applies an incremental change to text.
func applyChange(text []byte, r lspRange, newText string) []byte {
	start, end := positionToOffset(text, r.Start), positionToOffset(text, r.End)
	if end < start {
		start, end = end, start
	}
	out := make([]byte, 0, len(text)-(end-start)+len(newText))
	out = append(out, text[:start]...)
	out = append(out, newText...)
	return append(out, text[end:]...)
}

func uriToPath(uri string) (string, error) {
	u, err := url.Parse(uri)
	if err != nil {
		return "", err
	}
	if u.Scheme != "file" {
		return "", fmt.Errorf("unsupported URI %q: only file URIs are analyzed", uri)
	}
	p := u.Path
	if runtime.GOOS == "windows" {
		p = strings.TrimPrefix(p, "/") // file:///C:/x -> C:/x
	}
	return filepath.Clean(filepath.FromSlash(p)), nil
}

func pathToURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows drive letter
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}
