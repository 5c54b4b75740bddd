package vettool

import (
	"encoding/json"
	"fmt"
	"go/token"
	"log"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// printResults prints the diagnostics and analyzer errors the way
// unitchecker does (x/tools internal/analysis/driverutil.PrintPlain and
// JSONTree) and returns the exit status.
//
// Note that since Go 1.26 a plain `go vet -vettool=...` always passes
// -json and prints the JSON diagnostics itself (file:line:col: message
// on stderr); the plain branch is for go vet's of older Go versions and
// direct use.
func printResults(fset *token.FileSet, where token.Pos, cfg *Config, results []result) int {
	if prefixNames {
		// "bola: GET /orders/{id} ...", as the standalone mode prints,
		// so that readers know what reported it and what to name in an
		// //apivet:ignore directive.
		for _, r := range results {
			for i := range r.diags {
				r.diags[i].Message = r.a.Name + ": " + r.diags[i].Message
			}
		}
	}
	if jsonOut {
		// {"ID": {"analyzer": [diagnostics]}}; the exit status is 0 (the
		// findings are in the JSON).
		//
		// An analyzer's error is a diagnostic (category "internal-error",
		// at the package clause) rather than unitchecker's
		// {"error": "..."}: go vet, which since Go 1.26 reads this JSON
		// even without -json, stops at the first error entry of a package
		// (cmd/go/internal/vet/vet.go, printJSONDiagnostics: "return
		// errors.New(e.Err)" inside the loop over analyzers, in map
		// order), so the other checks' findings in the package would be
		// lost at random. As a diagnostic it is printed, fails go vet,
		// and loses nothing.
		tree := map[string]map[string]any{}
		for _, r := range results {
			var v any
			if r.err != nil {
				v = jsonDiagnostics(fset, []analysis.Diagnostic{{Pos: where, Category: "internal-error", Message: errorMessage(cfg, r)}})
			} else if len(r.diags) > 0 {
				v = jsonDiagnostics(fset, r.diags)
			} else {
				continue
			}
			if tree[cfg.ID] == nil {
				tree[cfg.ID] = map[string]any{}
			}
			tree[cfg.ID][r.a.Name] = v
		}
		data, err := json.MarshalIndent(tree, "", "\t")
		if err != nil {
			log.Panicf("internal error: JSON marshaling failed: %v", err)
		}
		fmt.Fprintf(os.Stdout, "%s\n", data)
		return 0
	}

	code := 0
	for _, r := range results {
		if r.err != nil {
			log.Print(errorMessage(cfg, r))
			code = 1
		}
	}
	for _, r := range results {
		for _, d := range r.diags {
			printPlain(fset, d)
			code = 1
		}
	}
	return code
}

// errorMessage says which check failed on which package, unless the
// error already does (a panic caught by check.Guard or runGuarded).
func errorMessage(cfg *Config, r result) string {
	msg := r.err.Error()
	if strings.HasPrefix(msg, "internal error:") {
		return msg
	}
	return fmt.Sprintf("%s check failed on package %s: %s", r.a.Name, cfg.ImportPath, msg)
}

// printPlain prints "file:line:col: message", then with -c=N the
// offending lines plus N lines of context, then the related
// information, as driverutil.PrintPlain.
func printPlain(fset *token.FileSet, d analysis.Diagnostic) {
	print := func(pos, end token.Pos, message string) {
		posn := fset.Position(pos)
		fmt.Fprintf(os.Stderr, "%s: %s\n", posn, message)
		if contextLine >= 0 {
			endPosn := fset.Position(end)
			if !endPosn.IsValid() {
				endPosn = posn
			}
			data, _ := os.ReadFile(posn.Filename)
			lines := strings.Split(string(data), "\n")
			for i := posn.Line - contextLine; i <= endPosn.Line+contextLine; i++ {
				if 1 <= i && i <= len(lines) {
					fmt.Fprintf(os.Stderr, "%d\t%s\n", i, lines[i-1])
				}
			}
		}
	}
	print(d.Pos, d.End, d.Message)
	for _, rel := range d.Related {
		print(rel.Pos, rel.End, "\t"+rel.Message)
	}
}

// The JSON schema of go/analysis drivers (driverutil.JSONDiagnostic),
// which cmd/go's vet parses, and apivet -incremental and the tests read
// back.
type (
	JSONTextEdit struct {
		Filename string `json:"filename"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
		New      string `json:"new"`
	}
	JSONSuggestedFix struct {
		Message string         `json:"message"`
		Edits   []JSONTextEdit `json:"edits"`
	}
	JSONRelated struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	}
	JSONDiagnostic struct {
		Category       string             `json:"category,omitempty"`
		Posn           string             `json:"posn"`
		End            string             `json:"end"`
		Message        string             `json:"message"`
		SuggestedFixes []JSONSuggestedFix `json:"suggested_fixes,omitempty"`
		Related        []JSONRelated      `json:"related,omitempty"`
	}
)

func jsonDiagnostics(fset *token.FileSet, diags []analysis.Diagnostic) []JSONDiagnostic {
	orPos := func(end, pos token.Pos) token.Pos {
		if end.IsValid() {
			return end
		}
		return pos
	}
	out := make([]JSONDiagnostic, 0, len(diags))
	for _, d := range diags {
		jd := JSONDiagnostic{
			Category: d.Category,
			Posn:     fset.Position(d.Pos).String(),
			End:      fset.Position(orPos(d.End, d.Pos)).String(),
			Message:  d.Message,
		}
		for _, fix := range d.SuggestedFixes {
			jf := JSONSuggestedFix{Message: fix.Message}
			for _, e := range fix.TextEdits {
				jf.Edits = append(jf.Edits, JSONTextEdit{
					Filename: fset.Position(e.Pos).Filename,
					Start:    fset.Position(e.Pos).Offset,
					End:      fset.Position(orPos(e.End, e.Pos)).Offset,
					New:      string(e.NewText),
				})
			}
			jd.SuggestedFixes = append(jd.SuggestedFixes, jf)
		}
		for _, r := range d.Related {
			jd.Related = append(jd.Related, JSONRelated{
				Posn:    fset.Position(r.Pos).String(),
				End:     fset.Position(orPos(r.End, r.Pos)).String(),
				Message: r.Message,
			})
		}
		out = append(out, jd)
	}
	return out
}
