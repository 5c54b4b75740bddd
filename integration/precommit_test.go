package integration

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// gitRepo makes dir a git repository with everything in it committed.
func gitRepo(t *testing.T, gitTool, dir string) {
	t.Helper()
	env := []string{"GIT_AUTHOR_NAME=apivet test", "GIT_AUTHOR_EMAIL=test@example.com",
		"GIT_COMMITTER_NAME=apivet test", "GIT_COMMITTER_EMAIL=test@example.com", "GIT_CONFIG_NOSYSTEM=1"}
	for _, args := range [][]string{
		{"init", "-q"},
		{"add", "-A"},
		{"commit", "-q", "-m", "initial"},
	} {
		if out, code := run(t, dir, env, time.Minute, gitTool, args...); code != 0 {
			t.Fatalf("git %s: %s", strings.Join(args, " "), out)
		}
	}
}

// preCommitEnv keeps pre-commit's own cache out of the user's home and
// lets its `go install` reuse the module cache instead of downloading
// apivet's dependencies again into the hook environment.
func preCommitEnv(t *testing.T) []string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	return []string{"PRE_COMMIT_HOME=" + filepath.Join(tmpRoot, "pre-commit-home"),
		"GOMODCACHE=" + strings.TrimSpace(string(out)), "GOWORK=off", "NO_COLOR=1", "TERM=dumb"}
}

func TestPreCommit(t *testing.T) {
	integration(t)
	preCommit := tool(t, "pre-commit", "Debian package pre-commit")
	gitTool := tool(t, "git", "pre-commit needs git")
	tool(t, "go", "the apivet hook is language: golang")
	env := preCommitEnv(t)

	// A repository with findings: the demo service.
	bad := demoCopy(t)
	want := runApivet(t, bad)
	if len(want) == 0 {
		t.Fatal("apivet finds nothing in testdata/demo")
	}
	gitRepo(t, gitTool, bad)

	// A clean repository.
	clean := filepath.Join(t.TempDir(), "clean")
	writeFile(t, filepath.Join(clean, "go.mod"), "module example.com/clean\n\ngo 1.22\n")
	writeFile(t, filepath.Join(clean, "greet", "greet.go"), `// Package greet says hello.
package greet

import "fmt"

// Hello greets name.
func Hello(name string) string { return fmt.Sprintf("hello, %s", name) }
`)
	gitRepo(t, gitTool, clean)

	expectFindings := func(t *testing.T, out string) {
		t.Helper()
		for _, f := range want {
			if !strings.Contains(out, f.String()) {
				t.Errorf("pre-commit output lacks the finding %s", f)
			}
		}
	}

	// pre-commit's golang language installs the hook with `go install
	// ./...` from a clone of the checkout at the given commit: HEAD, so
	// that other work in progress in the tree cannot break the build (by
	// default try-repo would commit modified tracked files, but not new
	// ones, into a temporary clone). In CI the two are the same.
	head, code := run(t, root, nil, time.Minute, gitTool, "rev-parse", "HEAD")
	if code != 0 {
		t.Fatalf("git rev-parse HEAD in the checkout: %s", head)
	}
	head = strings.TrimSpace(head)

	t.Run("apivet hook fails on findings", func(t *testing.T) {
		start := time.Now()
		out, code := run(t, bad, env, 15*time.Minute, preCommit, "try-repo", root, "apivet", "--ref", head, "--all-files")
		t.Logf("pre-commit try-repo (with hook install): %v", time.Since(start).Round(time.Millisecond))
		if code != 1 || !strings.Contains(out, "Failed") {
			t.Fatalf("pre-commit did not fail the apivet hook on a repository with findings (exit %d):\n%s", code, out)
		}
		expectFindings(t, out)
		if t.Failed() {
			t.Logf("output:\n%s", out)
		}
	})

	t.Run("apivet hook passes on a clean repository", func(t *testing.T) {
		start := time.Now()
		out, code := run(t, clean, env, 15*time.Minute, preCommit, "try-repo", root, "apivet", "--ref", head, "--all-files")
		t.Logf("pre-commit try-repo (with hook install): %v", time.Since(start).Round(time.Millisecond))
		if code != 0 || !strings.Contains(out, "Passed") {
			t.Fatalf("pre-commit failed on a clean repository (exit %d):\n%s", code, out)
		}
	})

	t.Run("apivet-system hook uses the installed binary", func(t *testing.T) {
		bin := apivetBinary(t)
		sysEnv := append(env, "PATH="+filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"))
		out, code := run(t, bad, sysEnv, 5*time.Minute, preCommit, "try-repo", root, "apivet-system", "--ref", head, "--all-files")
		if code != 1 || !strings.Contains(out, "Failed") {
			t.Fatalf("pre-commit did not fail the apivet-system hook on a repository with findings (exit %d):\n%s", code, out)
		}
		expectFindings(t, out)
		out, code = run(t, clean, sysEnv, 5*time.Minute, preCommit, "try-repo", root, "apivet-system", "--ref", head, "--all-files")
		if code != 0 || !strings.Contains(out, "Passed") {
			t.Fatalf("apivet-system failed on a clean repository (exit %d):\n%s", code, out)
		}
	})
}
