package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOddInputs runs apivet on inputs that break naive analyzers: cgo,
// generics, a very large file, a syntax error next to a good package.
// Every check must finish without an internal error, report the findings
// of the packages that load, and exit 3 only for the broken one.
func TestOddInputs(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/odd\n\ngo 1.26\n",
		"cgo/cgo.go": `package cgo

// #include <stdlib.h>
import "C"

import (
	"net/http"
	_ "net/http/pprof"
)

// Serve exposes the profiler; a cgo package is analyzed like any other.
func Serve() { http.ListenAndServe(":6060", nil) }

// Handler frees C memory for no reason, to use cgo.
func Handler(w http.ResponseWriter, r *http.Request) {
	p := C.malloc(16)
	C.free(p)
	w.Write([]byte(r.PathValue("id")))
}
`,
		"generic/generic.go": `package generic

import (
	"encoding/json"
	"net/http"
)

// Store is a generic repository.
type Store[T any, K comparable] struct{ items map[K]T }

// Get returns the item with key k.
func (s *Store[T, K]) Get(k K) (T, bool) { v, ok := s.items[k]; return v, ok }

// Handle serves one item of any store.
func Handle[T any](s *Store[T, string]) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v, ok := s.Get(r.PathValue("id"))
		if !ok {
			http.NotFound(w, r)
			return
		}
		json.NewEncoder(w).Encode(v)
	}
}

type Pair[A, B any] struct {
	First  A
	Second B
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}
`,
		"syntax/bad.go": "package syntax\n\nfunc Broken( {\n",
		"pp/main.go": `package main

import (
	"net/http"
	_ "net/http/pprof"
)

func main() { http.ListenAndServe(":6060", nil) }
`,
	}
	var big strings.Builder
	big.WriteString("package big\n\nconst (\n")
	for i := 0; i < 60000; i++ {
		fmt.Fprintf(&big, "\tMessage%d = \"message number %d: something went wrong, please retry\"\n", i, i)
	}
	big.WriteString(")\n\nvar Passwords = map[string]string{\n")
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&big, "\t\"user%d\": \"\",\n", i)
	}
	big.WriteString("}\n")
	files["big/big.go"] = big.String()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := apivet(t, dir, "-checks", "pprof", "./...")
	if r.code != 3 {
		t.Errorf("exit %d, want 3 (the syntax error)\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stderr, "syntax/bad.go:3:") {
		t.Errorf("the syntax error is not reported with its position:\n%s", r.stderr)
	}
	if strings.Contains(r.stderr, "internal error") || strings.Contains(r.stderr, "panic") {
		t.Errorf("an analyzer failed:\n%s", r.stderr)
	}
	if !strings.Contains(r.stdout, "cgo/cgo.go:12:16: pprof:") {
		t.Errorf("the finding in the cgo package is missing:\n%s", r.stdout)
	}
	if !strings.Contains(r.stdout, "pp/main.go:8:15: pprof:") {
		t.Errorf("the good package's finding is missing:\n%s", r.stdout)
	}
}
