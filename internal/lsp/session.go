package lsp

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"golang.org/x/tools/go/packages"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/config"
	"github.com/apivet/apivet/internal/driver"
	"github.com/apivet/apivet/internal/modrefs"
)

// outcome is what one analysis gives the publishing code, from either path.
type outcome struct {
	packages []*packages.Package // the package(s) in the directory
	findings []driver.Finding
	problems []driver.Problem
	stale    []string // other directories whose findings may have changed
}

// sessions are the incremental analyses of the modules the editor works
// in, one per module and settings (see driver.Session). Only the worker
// goroutine touches them.
type sessions struct {
	byKey map[string]*driver.Session
	// unlisted: directories a session, just started, did not list
	// (testdata, test files only): analyzed the other way, not by
	// starting the session again on each edit.
	unlisted map[string]*driver.Session
}

// run analyzes the package in dir: incrementally through a Session when
// it can, otherwise as before with driver.Run on the package and the
// module's packages it imports — with tests (a Session does not analyze
// them) or with a Go file not yet on disk, which only a go/packages
// overlay can add to its package.
func (s *server) run(dir string, checks []*check.Check, severity check.Severity, tests bool, unsaved, overlay map[string][]byte) (*outcome, error) {
	if !tests && !hasGo(overlay) {
		out, err := s.runSession(dir, checks, severity, unsaved)
		if err == nil {
			return out, nil
		}
		s.log.Printf("%s: incremental analysis: %v; analyzing the package and its imports", dir, err)
	}
	// Which packages name which handlers (bola's deferrals) is read from
	// disk; files may have been saved since the last analysis.
	modrefs.Forget()
	res, err := driver.Run(driver.Config{Dir: dir, Patterns: sourcePatterns(dir), Tests: tests, Checks: checks, Severity: severity, Overlay: overlay, Unsaved: unsaved})
	if err != nil {
		return nil, err
	}
	return &outcome{packages: res.Packages, findings: res.Findings, problems: res.Problems}, nil
}

// runSession analyzes dir with the module's Session, starting one (the
// module's listing, its dependencies' export data) on first use, when the
// settings change, and when the session's listing is out of date.
func (s *server) runSession(dir string, checks []*check.Check, severity check.Severity, unsaved map[string][]byte) (*outcome, error) {
	root := driver.ModuleRoot(dir)
	if root == "" {
		return nil, fmt.Errorf("%s is in no module", dir)
	}
	key := root + "\x00" + settingsKey(dir, checks)
	if s.sessions.byKey == nil {
		s.sessions.byKey = map[string]*driver.Session{}
	}
	for k := range s.sessions.byKey {
		if k != key && strings.HasPrefix(k, root+"\x00") {
			s.sessions.drop(k) // the module's settings changed: start again
		}
	}
	sess := s.sessions.byKey[key]
	if sess != nil && s.sessions.unlisted[dir] == sess {
		return nil, driver.ErrNotListed
	}
	for attempt := 0; ; attempt++ {
		fresh := sess == nil
		if fresh {
			var err error
			if sess, err = driver.NewSession(driver.Config{Dir: dir, Checks: checks}); err != nil {
				return nil, err
			}
			s.sessions.byKey[key] = sess
		}
		start := time.Now()
		res, err := sess.Analyze(dir, unsaved, severity)
		if err == nil {
			s.log.Printf("%s: %d packages analyzed in %v", dir, res.Analyzed, time.Since(start).Round(time.Millisecond))
		}
		if errors.Is(err, driver.ErrNotListed) && fresh {
			if s.sessions.unlisted == nil {
				s.sessions.unlisted = map[string]*driver.Session{}
			}
			s.sessions.unlisted[dir] = sess
			return nil, err
		}
		if (errors.Is(err, driver.ErrReload) || errors.Is(err, driver.ErrNotListed)) && attempt == 0 {
			s.sessions.drop(key)
			sess = nil
			continue
		}
		if err != nil {
			s.sessions.drop(key)
			return nil, err
		}
		// The imports too: while one does not compile, the last
		// diagnostics stay (as when they were loaded as patterns).
		pkgs := append([]*packages.Package{res.Package}, res.Imports...)
		return &outcome{packages: pkgs, findings: res.Findings, problems: res.Problems, stale: res.Stale}, nil
	}
}

// drop forgets the session of key, and what was noted about it.
func (ss *sessions) drop(key string) {
	sess := ss.byKey[key]
	delete(ss.byKey, key)
	for dir, u := range ss.unlisted {
		if u == sess {
			delete(ss.unlisted, dir)
		}
	}
}

// settingsKey identifies the settings a Session is made for: the checks
// enabled and the contents of the .apivet.yml that applies (it sets the
// checks' options, process-wide).
func settingsKey(dir string, checks []*check.Check) string {
	var b strings.Builder
	for _, c := range checks {
		b.WriteString(c.Name())
		b.WriteByte(',')
	}
	if path := config.Find(dir); path != "" {
		data, _ := os.ReadFile(path)
		fmt.Fprintf(&b, "%s:%x", path, sha256.Sum256(data))
	}
	return b.String()
}

func hasGo(files map[string][]byte) bool {
	for name := range files {
		if isGo(name) {
			return true
		}
	}
	return false
}
