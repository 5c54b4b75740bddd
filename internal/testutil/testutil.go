// Package testutil prepares the Go modules under testdata that import real
// frameworks, so that analysistest (which loads them with GOPROXY=off) and
// the end-to-end tests find their dependencies in the module cache on a
// fresh machine.
package testutil

import (
	"io/fs"
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
			err = &downloadError{dir: "go mod download in " + abs, out: string(out), err: e}
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
	return e.dir + ": " + e.err.Error() + "\n" + e.out
}

var (
	buildOnce sync.Once
	builtDir  string
	builtBin  string
	buildErr  error
)

// Apivet builds cmd/apivet once per test process and returns the path of
// the binary. Call RemoveBuilt from TestMain after m.Run to clean up.
func Apivet(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		builtDir, buildErr = os.MkdirTemp("", "apivet-test-bin")
		if buildErr != nil {
			return
		}
		builtBin = filepath.Join(builtDir, "apivet")
		cmd := exec.Command("go", "build", "-o", builtBin, "github.com/apivet/apivet/cmd/apivet")
		cmd.Env = append(os.Environ(), "GOWORK=off")
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = &downloadError{dir: "go build ./cmd/apivet", out: string(out), err: err}
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return builtBin
}

// RemoveBuilt removes the binary Apivet built, if any.
func RemoveBuilt() {
	if builtDir != "" {
		os.RemoveAll(builtDir)
	}
}

// CopyDir copies the tree at src to dst, so a test can change a module
// without touching the checkout.
func CopyDir(t testing.TB, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
