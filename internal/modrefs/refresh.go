package modrefs

import (
	"maps"
	"sync/atomic"
	"time"
)

// A long-running process (the language server) keeps analyses of
// unchanged packages across edits. ReferencedOutside's answers depend on
// every file of the module, not only on a package's imports, so such a
// process records the questions each package asked (Observe) and, after
// files change (Refresh), asks again those whose answer may differ.

// Query is one question ReferencedOutside answered.
type Query struct {
	Dir, PkgPath string
	Method       bool
	Name         string
}

// Ask answers q again, against the current index.
func (q Query) Ask() bool { return referencedOutside(q.Dir, q.PkgPath, q.Method, q.Name) }

var observer atomic.Pointer[func(Query, bool)]

// Observe has f called with each question ReferencedOutside answers, from
// the goroutines asking, until Observe(nil).
func Observe(f func(q Query, answer bool)) {
	if f == nil {
		observer.Store(nil)
		return
	}
	observer.Store(&f)
}

// entry is what the index recorded of one Go file: its size and
// modification time, and the file if it counts (nil for test, generated
// and import-less files).
type entry struct {
	size int64
	mod  time.Time
	file *file
}

// Delta is how the module's files changed between two indexes.
type Delta struct {
	// Structural: files that count were added or removed, or their
	// imports changed, or there was no earlier index — any answer may
	// have changed.
	Structural bool
	// Sources holds the old and new contents of the files that changed.
	Sources [][]byte
}

// May reports whether an answer about name may have changed: a file that
// names it changed, or the module's structure did. An answer is decided by
// the files naming the function; if none of those changed and the import
// graph did not, it is the same.
func (d Delta) May(name string) bool {
	if d.Structural {
		return true
	}
	for _, src := range d.Sources {
		if mentions(src, name) {
			return true
		}
	}
	return false
}

// Snapshot is what an index saw of a module's files, for Refresh.
type Snapshot struct{ stamps map[string]*entry }

// Refresh indexes the module that contains dir again, reading only the
// files whose size or modification time changed since the current index,
// and reports how they changed since since (Structural if nil): the
// caller keeps its own snapshot, so other users of the index (Forget, a
// run of the command line's driver in the same process) do not hide
// changes from it.
func Refresh(dir string, since *Snapshot) (Delta, *Snapshot) {
	root := ModuleRoot(dir)
	if root == "" {
		return Delta{Structural: true}, nil
	}
	mu.Lock()
	old := modules[root]
	mu.Unlock()
	var reuse map[string]*entry
	if old != nil {
		old.once.Do(func() {}) // an index under way finishes; one never begun stays empty
		reuse = old.stamps
	}
	m := &module{prev: maps.Clone(reuse)}
	mu.Lock()
	modules[root] = m
	mu.Unlock()
	m = moduleAt(root)
	snap := &Snapshot{stamps: m.stamps}
	if since == nil {
		return Delta{Structural: true}, snap
	}
	prev := since.stamps
	var d Delta
	for name, e := range m.stamps {
		p, ok := prev[name]
		switch {
		case ok && p == e:
			continue // not read again
		case !ok || p.file == nil:
			if e.file != nil {
				d.Structural = true
				d.Sources = append(d.Sources, e.file.src)
			}
		default:
			d.Sources = append(d.Sources, p.file.src)
			if e.file == nil || e.file.pkg != p.file.pkg || !maps.Equal(e.file.imports, p.file.imports) {
				d.Structural = true
			}
			if e.file != nil {
				d.Sources = append(d.Sources, e.file.src)
			}
		}
	}
	for name, p := range prev {
		if _, ok := m.stamps[name]; !ok && p.file != nil {
			d.Structural = true
		}
	}
	return d, snap
}
