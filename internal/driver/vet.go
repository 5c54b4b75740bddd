package driver

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/vettool"
)

// VetConfig says how RunVet drives go vet.
type VetConfig struct {
	Config
	Tool       string // the apivet executable, run by go vet as its vet tool
	ConfigFile string // an .apivet.yml given explicitly, or ""
}

// RunVet analyzes through `go vet -vettool=Tool -json`: go vet runs apivet
// (internal/vettool) on each package with facts from its dependencies and
// keeps each package's result in the build cache, keyed by the package's
// inputs, the tool and its flags, so a run on unchanged code replays
// results instead of analyzing, and after an edit only the changed
// packages and those importing them are analyzed again. The first run
// pays for compiling the packages' export data (go build's cost, shared
// with go build and go test). The findings are the same as Run's.
func RunVet(cfg VetConfig) (*Result, error) {
	patterns := cfg.Patterns
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	// -severity=note: every finding comes back and is dropped below the
	// threshold after fingerprinting, as in Run.
	args := []string{"vet", "-vettool=" + cfg.Tool, "-json", "-names=false", "-severity=note"}
	if cfg.Tests {
		args = append(args, "-tests")
	}
	if cfg.ConfigFile != "" {
		args = append(args, "-config="+cfg.ConfigFile)
	}
	byName := map[string]*check.Check{}
	for _, c := range cfg.Checks {
		byName[c.Name()] = c
		args = append(args, "-"+c.Name()) // the CLI's selection, over the configuration's list
	}
	args = append(args, "--")
	args = append(args, patterns...)
	cmd := exec.Command("go", args...)
	cmd.Dir = cfg.Dir
	cmd.Env = append(os.Environ(), cfg.Env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	var exitErr *exec.ExitError
	if runErr != nil && !errors.As(runErr, &exitErr) {
		return nil, fmt.Errorf("go vet: %v", runErr)
	}

	res := &Result{}
	files := &vetFiles{fset: token.NewFileSet(), parsed: map[string]*vetFile{}, src: newSources()}
	seen := map[string]bool{}
	dec := json.NewDecoder(&stdout)
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("go vet -json output: %v", err)
		}
		for id, byAnalyzer := range tree {
			pkg, _, _ := strings.Cut(id, " ")
			for name, raw := range byAnalyzer {
				var diags []vettool.JSONDiagnostic
				if err := json.Unmarshal(raw, &diags); err != nil {
					// {"error": "..."}: an analyzer failed on the package.
					var e struct{ Error string }
					if json.Unmarshal(raw, &e) == nil && e.Error != "" {
						res.Problems = append(res.Problems, Problem{Kind: InternalError, Package: pkg, Message: e.Error})
						continue
					}
					return nil, fmt.Errorf("go vet -json output for %s: %v", id, err)
				}
				c := byName[name]
				for _, d := range diags {
					if d.Category == "internal-error" {
						res.Problems = append(res.Problems, Problem{Kind: InternalError, Package: pkg, Pos: parsePos(d.Posn), Message: d.Message})
						continue
					}
					if c == nil {
						continue
					}
					f := files.finding(c, pkg, d)
					key := c.Name() + "\x00" + f.Pos.String() + "\x00" + f.Message
					if seen[key] { // the same file in a package and its test variant
						continue
					}
					seen[key] = true
					res.Findings = append(res.Findings, f)
				}
			}
		}
	}
	if runErr != nil {
		problems := compilerErrors(stderr.String(), cfg.Dir)
		if len(problems) == 0 {
			return nil, fmt.Errorf("go vet: %v\n%s", runErr, strings.TrimSpace(stderr.String()))
		}
		res.Problems = append(res.Problems, problems...)
	}
	sortFindings(res.Findings)
	assignFingerprints(res.Findings)
	res.Findings = atLeast(res.Findings, cfg.Severity)
	sort.SliceStable(res.Problems, func(i, j int) bool { return res.Problems[i].String() < res.Problems[j].String() })
	return res, nil
}

// compilerErrors returns the errors in the output of go vet or the
// compiler: lines of the form file:line:col: message, and other lines
// that are not package headers ("# pkg") as position-less errors.
// Relative file names are relative to dir, where the go command ran.
func compilerErrors(stderr, dir string) []Problem {
	var out []Problem
	sc := bufio.NewScanner(strings.NewReader(stderr))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		line = strings.TrimPrefix(line, "vet: ")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		p := Problem{Kind: LoadError, Message: line}
		if i := strings.Index(line, ": "); i > 0 {
			if pos := parsePos(line[:i]); pos.Line > 0 {
				if !filepath.IsAbs(pos.Filename) {
					if abs, err := filepath.Abs(filepath.Join(dir, pos.Filename)); err == nil {
						pos.Filename = abs
					}
				}
				p.Pos, p.Message = pos, line[i+2:]
			}
		}
		out = append(out, p)
	}
	return out
}

// vetFiles reads and parses the files findings are in, once each, to
// fill in what go vet's JSON lacks: offsets, the enclosing function and
// the source line.
type vetFiles struct {
	mu     sync.Mutex
	fset   *token.FileSet
	parsed map[string]*vetFile
	src    *sources
}

// funcSpan is the extent and name of a function declaration.
type funcSpan struct {
	pos, end token.Pos
	name     string
}

type vetFile struct {
	tf    *token.File
	file  *ast.File // nil if the file does not parse
	spans []funcSpan
}

func (v *vetFiles) get(name string) *vetFile {
	v.mu.Lock()
	defer v.mu.Unlock()
	if f, ok := v.parsed[name]; ok {
		return f
	}
	f := &vetFile{}
	v.parsed[name] = f
	text, err := v.src.read(name)
	if err != nil {
		return f
	}
	file, _ := parser.ParseFile(v.fset, name, text, parser.SkipObjectResolution)
	v.fset.Iterate(func(tf *token.File) bool {
		if tf.Name() == name {
			f.tf = tf
		}
		return true
	})
	if file != nil {
		f.file = file
		for _, decl := range file.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok {
				fn := fd.Name.Name
				if fd.Recv != nil && len(fd.Recv.List) > 0 {
					fn = recvName(fd.Recv.List[0].Type) + "." + fn
				}
				f.spans = append(f.spans, funcSpan{fd.Pos(), fd.End(), fn})
			}
		}
	}
	return f
}

// position completes a file:line:col position with its offset.
func (v *vetFiles) position(s string) (token.Position, token.Pos) {
	p := parsePos(s)
	f := v.get(p.Filename)
	if f.tf == nil || p.Line < 1 || p.Line > f.tf.LineCount() {
		return p, token.NoPos
	}
	pos := f.tf.LineStart(p.Line) + token.Pos(max(p.Column-1, 0))
	p.Offset = f.tf.Offset(pos)
	return p, pos
}

// offset converts a byte offset in a file to a position.
func (v *vetFiles) offset(name string, off int) token.Position {
	f := v.get(name)
	if f.tf == nil || off < 0 || off > f.tf.Size() {
		return token.Position{Filename: name, Offset: off}
	}
	return f.tf.Position(f.tf.Pos(off))
}

func (v *vetFiles) finding(c *check.Check, pkg string, d vettool.JSONDiagnostic) Finding {
	f := Finding{
		Check:    c,
		Severity: check.SeverityOf(c, analysis.Diagnostic{Category: d.Category}),
		Package:  pkg,
		Message:  d.Message,
	}
	var pos token.Pos
	f.Pos, pos = v.position(d.Posn)
	f.End = f.Pos
	if d.End != "" {
		f.End, _ = v.position(d.End)
	}
	for _, sf := range d.SuggestedFixes {
		fix := Fix{Message: sf.Message}
		for _, e := range sf.Edits {
			fix.Edits = append(fix.Edits, Edit{Filename: e.Filename, Start: e.Start, End: e.End, NewText: e.New,
				Pos: v.offset(e.Filename, e.Start), EndP: v.offset(e.Filename, e.End)})
		}
		if fix.normalize() {
			f.Fixes = append(f.Fixes, fix)
		}
	}
	for _, r := range d.Related {
		rp, _ := v.position(r.Posn)
		f.Related = append(f.Related, Related{Pos: rp, Message: r.Message})
	}
	vf := v.get(f.Pos.Filename)
	for _, s := range vf.spans {
		if s.pos <= pos && pos < s.end {
			f.Function = s.name
		}
	}
	if content, err := v.src.read(f.Pos.Filename); err == nil && vf.tf != nil && pos.IsValid() {
		start := vf.tf.Offset(vf.tf.LineStart(f.Pos.Line))
		end := start
		for end < len(content) && content[end] != '\n' {
			end++
		}
		f.Line = strings.Join(strings.Fields(string(content[start:end])), " ")
	}
	return f
}
