// Package modrefs answers one question go/analysis cannot: does code of the
// same module, outside a package, refer to one of its functions?
//
// Facts flow only from a package to its importers, so when a handler (or a
// function registering routes on a router it receives) is analyzed, nothing
// says whether some importer mounts it. A check that defers its decision to
// importers would stay silent when no importer exists (the handler is
// mounted by a generated router, reflection or another module); a check
// that decides at once cannot use the middleware an importer adds. This
// package reads the module's source from disk — the same files in every
// delivery path (standalone, go vet -vettool, golangci-lint, the language
// server) — so the choice is the same everywhere: defer when a file of
// another package imports the package and names the function, decide at
// once otherwise.
//
// A reference is textual: a non-test, non-generated Go file of the module,
// in another directory, that contains ".Name" followed by a
// non-identifier character, and whose package can see the function's
// facts: for a function it imports the package (pkg.Name), for a method
// it imports it directly or through other packages of the module (the
// receiver is often reached through another package's variables, as
// v1.ApiGroupApp.SystemApiGroup.UserApi.GetUser). Files of nested modules,
// testdata and vendor directories and hidden directories are not read.
package modrefs

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// file is one Go file of a module.
type file struct {
	dir     string
	pkg     string // import path of its package
	imports map[string]bool
	src     []byte
}

// module is the indexed source of one module.
type module struct {
	once   sync.Once
	files  []file
	deps   map[string]map[string]bool // package path -> imported paths
	stamps map[string]*entry          // every Go file looked at, by path
	prev   map[string]*entry          // the last index's, reused where unchanged (see Refresh)

	mu        sync.Mutex
	importers map[string]map[string]bool // path -> packages importing it, transitively
}

var (
	mu      sync.Mutex
	modules = map[string]*module{} // by module root directory
)

// ReferencedOutside reports whether a Go file of the module that contains
// dir (the package's directory), outside dir, names name as a selector
// (pkg.Name, or x.Name for a method) and can see pkgPath's facts: it
// imports pkgPath, or, for a method, imports it through packages of the
// module. It is false when dir is in no module.
func ReferencedOutside(dir, pkgPath string, method bool, name string) bool {
	v := referencedOutside(dir, pkgPath, method, name)
	if o := observer.Load(); o != nil {
		(*o)(Query{Dir: dir, PkgPath: pkgPath, Method: method, Name: name}, v)
	}
	return v
}

func referencedOutside(dir, pkgPath string, method bool, name string) bool {
	root := ModuleRoot(dir)
	if root == "" || name == "" {
		return false
	}
	m := moduleAt(root)
	dir = filepath.Clean(dir)
	var importers map[string]bool
	if method {
		importers = m.importersOf(pkgPath)
	}
	for _, f := range m.files {
		if f.dir == dir {
			continue
		}
		if !f.imports[pkgPath] && !importers[f.pkg] {
			continue
		}
		if mentions(f.src, name) {
			return true
		}
	}
	return false
}

// importersOf is the set of the module's packages that import path,
// directly or through other packages of the module.
func (m *module) importersOf(path string) map[string]bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if s, ok := m.importers[path]; ok {
		return s
	}
	rev := map[string][]string{}
	for p, ds := range m.deps {
		for d := range ds {
			rev[d] = append(rev[d], p)
		}
	}
	out := map[string]bool{}
	work := []string{path}
	for len(work) > 0 {
		p := work[len(work)-1]
		work = work[:len(work)-1]
		for _, q := range rev[p] {
			if !out[q] {
				out[q] = true
				work = append(work, q)
			}
		}
	}
	if m.importers == nil {
		m.importers = map[string]map[string]bool{}
	}
	m.importers[path] = out
	return out
}

// Counts reports whether a reference in the named file counts as one
// ReferencedOutside would see: test files and generated files do not
// mount handlers. Checks use it to skip the same references.
func Counts(filename string, f *ast.File) bool {
	return !strings.HasSuffix(filename, "_test.go") && (f == nil || !ast.IsGenerated(f))
}

// mentions: src contains "."+name not followed by an identifier character.
func mentions(src []byte, name string) bool {
	pat := []byte("." + name)
	for i := 0; ; {
		j := bytes.Index(src[i:], pat)
		if j < 0 {
			return false
		}
		end := i + j + len(pat)
		if end >= len(src) || !identByte(src[end]) {
			return true
		}
		i = end
	}
}

func identByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80
}

// ModuleRoot is the nearest directory at or above dir holding a go.mod
// (as the go command finds it, GOWORK aside; `go env GOMOD` costs a
// process), or "".
func ModuleRoot(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		if st, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil && !st.IsDir() {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func moduleAt(root string) *module {
	mu.Lock()
	m := modules[root]
	if m == nil {
		m = &module{}
		modules[root] = m
	}
	mu.Unlock()
	m.once.Do(func() {
		m.files, m.stamps = index(root, m.prev)
		m.prev = nil
		m.deps = map[string]map[string]bool{}
		for _, f := range m.files {
			ds := m.deps[f.pkg]
			if ds == nil {
				ds = map[string]bool{}
				m.deps[f.pkg] = ds
			}
			for p := range f.imports {
				ds[p] = true
			}
		}
	})
	return m
}

// Forget drops the indexed source, for long-running processes (the
// language server) whose files change between analyses.
func Forget() {
	mu.Lock()
	modules = map[string]*module{}
	mu.Unlock()
}

// modulePath is the module path declared in root/go.mod, or "".
func modulePath(root string) string {
	data, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if rest, ok := strings.CutPrefix(line, "module"); ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
			return strings.Trim(strings.TrimSpace(rest), `"`)
		}
	}
	return ""
}

// index reads the module's Go files that can mount a handler. A file
// whose size and modification time are those prev recorded is not read
// again. It returns the files and what it recorded of every Go file.
func index(root string, prev map[string]*entry) ([]file, map[string]*entry) {
	var out []file
	stamps := map[string]*entry{}
	fset := token.NewFileSet()
	modPath := modulePath(root)
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if p == root {
				return nil
			}
			if name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(p, "go.mod")); err == nil {
				return filepath.SkipDir // a nested module
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		if e := prev[p]; e != nil && e.size == info.Size() && e.mod.Equal(info.ModTime()) {
			stamps[p] = e
			if e.file != nil {
				out = append(out, *e.file)
			}
			return nil
		}
		e := &entry{size: info.Size(), mod: info.ModTime()}
		stamps[p] = e
		src, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		af, err := parser.ParseFile(fset, p, src, parser.ImportsOnly|parser.ParseComments|parser.SkipObjectResolution)
		if af == nil || (err == nil && ast.IsGenerated(af)) {
			return nil
		}
		imps := map[string]bool{}
		for _, is := range af.Imports {
			if path, err := strconv.Unquote(is.Path.Value); err == nil {
				imps[path] = true
			}
		}
		if len(imps) == 0 {
			return nil
		}
		dir := filepath.Dir(p)
		pkg := modPath
		if rel, err := filepath.Rel(root, dir); err == nil && rel != "." {
			pkg = modPath + "/" + filepath.ToSlash(rel)
		}
		e.file = &file{dir: dir, pkg: pkg, imports: imps, src: src}
		out = append(out, *e.file)
		return nil
	})
	return out, stamps
}
