// Package output writes findings as text, go/analysis-style JSON, or
// SARIF 2.1.0 for code scanning.
package output

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/apivet/apivet/internal/driver"
)

// Rel makes filename relative to root when it lies under it, with
// forward slashes.
func Rel(root, filename string) string {
	if root == "" || filename == "" {
		return filename
	}
	if r, err := filepath.Rel(root, filename); err == nil && !strings.HasPrefix(r, "..") {
		return filepath.ToSlash(r)
	}
	return filename
}

// Text writes one line per finding: file:line:col: check: message.
func Text(w io.Writer, root string, res *driver.Result) error {
	for _, f := range res.Findings {
		if _, err := fmt.Fprintf(w, "%s:%d:%d: %s: %s\n", Rel(root, f.Pos.Filename), f.Pos.Line, f.Pos.Column, f.Check.Name(), f.Message); err != nil {
			return err
		}
	}
	return nil
}

// The JSON shapes of golang.org/x/tools/go/analysis/internal/analysisflags,
// so tools that read `go vet -json` read apivet's output; Severity and
// Fingerprint are additions.
type jsonDiagnostic struct {
	Category       string             `json:"category,omitempty"`
	Posn           string             `json:"posn"`
	End            string             `json:"end,omitempty"`
	Message        string             `json:"message"`
	SuggestedFixes []jsonSuggestedFix `json:"suggested_fixes,omitempty"`
	Related        []jsonRelated      `json:"related,omitempty"`
	Severity       string             `json:"severity"`
	Fingerprint    string             `json:"fingerprint"`
}

type jsonSuggestedFix struct {
	Message string     `json:"message"`
	Edits   []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

type jsonRelated struct {
	Posn    string `json:"posn"`
	Message string `json:"message"`
}

type jsonError struct {
	Err string `json:"error"`
}

// JSON writes {"pkg": {"check": [diagnostics...]}} and, for packages that
// failed, {"pkg": {"check": {"error": "..."}}} under the pseudo-check
// "apivet".
func JSON(w io.Writer, root string, res *driver.Result) error {
	tree := map[string]map[string]any{}
	add := func(pkg, name string, v any) {
		m := tree[pkg]
		if m == nil {
			m = map[string]any{}
			tree[pkg] = m
		}
		if v, ok := v.(jsonDiagnostic); ok {
			list, _ := m[name].([]jsonDiagnostic)
			m[name] = append(list, v)
			return
		}
		m[name] = v
	}
	for _, f := range res.Findings {
		d := jsonDiagnostic{
			Posn:        fmt.Sprintf("%s:%d:%d", Rel(root, f.Pos.Filename), f.Pos.Line, f.Pos.Column),
			End:         fmt.Sprintf("%s:%d:%d", Rel(root, f.End.Filename), f.End.Line, f.End.Column),
			Message:     f.Message,
			Severity:    string(f.Severity),
			Fingerprint: f.Fingerprint,
		}
		for _, fx := range f.Fixes {
			jf := jsonSuggestedFix{Message: fx.Message}
			for _, e := range fx.Edits {
				jf.Edits = append(jf.Edits, jsonEdit{Filename: Rel(root, e.Filename), Start: e.Start, End: e.End, New: e.NewText})
			}
			d.SuggestedFixes = append(d.SuggestedFixes, jf)
		}
		for _, r := range f.Related {
			d.Related = append(d.Related, jsonRelated{Posn: fmt.Sprintf("%s:%d:%d", Rel(root, r.Pos.Filename), r.Pos.Line, r.Pos.Column), Message: r.Message})
		}
		add(f.Package, f.Check.Name(), d)
	}
	for _, p := range res.Problems {
		msg := p.Message
		if p.Pos.IsValid() {
			msg = fmt.Sprintf("%s:%d:%d: %s", Rel(root, p.Pos.Filename), p.Pos.Line, p.Pos.Column, p.Message)
		}
		pkg := p.Package
		if pkg == "" {
			pkg = "-"
		}
		if old, ok := tree[pkg]["apivet"].(jsonError); ok {
			msg = old.Err + "\n" + msg
		}
		add(pkg, "apivet", jsonError{Err: msg})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "\t")
	return enc.Encode(tree)
}
