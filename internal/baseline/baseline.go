// Package baseline records the findings a team has accepted for now, so
// apivet can be adopted on a legacy codebase: -write-baseline FILE writes
// them, -baseline FILE reports only findings not in the file. Findings are
// matched by fingerprint (check, package, file name, enclosing function,
// normalized source line and occurrence), never by line number, so edits
// elsewhere in the file do not resurrect them.
package baseline

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/apivet/apivet/internal/driver"
)

// Version is the file format version.
const Version = 1

// File is a baseline file.
type File struct {
	Version  int     `json:"version"`
	Findings []Entry `json:"findings"`
}

// Entry is one accepted finding. Only Fingerprint is used for matching;
// the rest helps a reviewer read the file.
type Entry struct {
	Fingerprint string `json:"fingerprint"`
	Check       string `json:"check"`
	Package     string `json:"package"`
	File        string `json:"file"`
	Function    string `json:"function,omitempty"`
	Message     string `json:"message"`
}

// Write writes the findings to path.
func Write(path string, findings []driver.Finding) error {
	f := File{Version: Version, Findings: []Entry{}}
	for _, x := range findings {
		f.Findings = append(f.Findings, Entry{
			Fingerprint: x.Fingerprint,
			Check:       x.Check.Name(),
			Package:     x.Package,
			File:        filepath.Base(x.Pos.Filename),
			Function:    x.Function,
			Message:     x.Message,
		})
	}
	sort.SliceStable(f.Findings, func(i, j int) bool { return f.Findings[i].Fingerprint < f.Findings[j].Fingerprint })
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}

// Load reads a baseline file.
func Load(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f File
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%s: not a baseline file: %v", path, err)
	}
	if f.Version != Version {
		return nil, fmt.Errorf("%s: baseline version %d, want %d", path, f.Version, Version)
	}
	return &f, nil
}

// Filter returns the findings not in the baseline and how many were.
func (b *File) Filter(findings []driver.Finding) (kept []driver.Finding, suppressed int) {
	known := map[string]bool{}
	for _, e := range b.Findings {
		known[e.Fingerprint] = true
	}
	for _, f := range findings {
		if known[f.Fingerprint] {
			suppressed++
			continue
		}
		kept = append(kept, f)
	}
	return kept, suppressed
}
