// Package fix applies suggested fixes to files.
package fix

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
	"sort"

	"github.com/apivet/apivet/internal/driver"
)

// Apply applies the first suggested fix of each finding. A fix that
// overlaps one already taken in the same file is skipped (and counted in
// skipped) so that a rerun can apply it. Changed Go files are gofmt'ed.
func Apply(findings []driver.Finding) (changed []string, skipped int, err error) {
	byFile := map[string][]driver.Edit{}
	for _, f := range findings {
		if len(f.Fixes) == 0 {
			continue
		}
		edits := f.Fixes[0].Edits
		if conflicts(byFile, edits) {
			skipped++
			continue
		}
		for _, e := range edits {
			byFile[e.Filename] = append(byFile[e.Filename], e)
		}
	}
	files := make([]string, 0, len(byFile))
	for name := range byFile {
		files = append(files, name)
	}
	sort.Strings(files)
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			return changed, skipped, err
		}
		out, err := apply(src, byFile[name])
		if err != nil {
			return changed, skipped, fmt.Errorf("%s: %v", name, err)
		}
		if formatted, err := format.Source(out); err == nil {
			out = formatted
		}
		if bytes.Equal(out, src) {
			continue
		}
		if err := os.WriteFile(name, out, 0o644); err != nil {
			return changed, skipped, err
		}
		changed = append(changed, name)
	}
	return changed, skipped, nil
}

func conflicts(taken map[string][]driver.Edit, edits []driver.Edit) bool {
	for _, e := range edits {
		for _, t := range taken[e.Filename] {
			if e.Start < t.End && t.Start < e.End || (e.Start == t.Start && e.End == t.End) {
				return true
			}
		}
	}
	return false
}

func apply(src []byte, edits []driver.Edit) ([]byte, error) {
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].Start < edits[j].Start })
	var out bytes.Buffer
	last := 0
	for _, e := range edits {
		if e.Start < last || e.End > len(src) || e.Start > e.End {
			return nil, fmt.Errorf("invalid edit [%d,%d)", e.Start, e.End)
		}
		out.Write(src[last:e.Start])
		out.WriteString(e.NewText)
		last = e.End
	}
	out.Write(src[last:])
	return out.Bytes(), nil
}
