// Package testutil prepares the Go modules under testdata that import real
// frameworks, so that analysistest (which loads them with GOPROXY=off) and
// the end-to-end tests find their dependencies in the module cache on a
// fresh machine.
package testutil

import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

var (
	mu       sync.Mutex
	prepared = map[string]error{}
)

// Module downloads the dependencies of the module rooted at dir through the
// configured Go module proxy (once per process) and returns dir as an
// absolute path. It fails the test if the download fails.
func Module(t testing.TB, dir string) string {
	t.Helper()
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	err, done := prepared[abs]
	if !done {
		// Plain `go mod download` fetches the modules needed to build and
		// test the module's packages and, unlike `download all` with
		// -mod=mod, leaves the committed go.sum alone.
		cmd := exec.Command("go", "mod", "download")
		cmd.Dir = abs
		cmd.Env = append(os.Environ(), "GOFLAGS=", "GOWORK=off")
		out, e := cmd.CombinedOutput()
		if e != nil {
			err = &downloadError{dir: abs, out: string(out), err: e}
		}
		prepared[abs] = err
	}
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

type downloadError struct {
	dir, out string
	err      error
}

func (e *downloadError) Error() string {
	return "go mod download in " + e.dir + ": " + e.err.Error() + "\n" + e.out
}
