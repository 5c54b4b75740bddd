package main

import (
	"os/exec"
	"testing"

	"github.com/apivet/apivet/internal/testutil"
)

// TestDeterministicOutput: two runs on the same code print the same bytes
// in every format (map iteration, parallel analysis and fact order must
// not show), on the demo and on a generated service of every framework.
func TestDeterministicOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("runs apivet twelve times")
	}
	demo := testutil.Module(t, "../../testdata/demo")
	svc := t.TempDir()
	gen := exec.Command("go", "run", "./bench/gen", "-n", "120", "-o", svc)
	gen.Dir = "../.."
	if out, err := gen.CombinedOutput(); err != nil {
		t.Fatalf("bench/gen: %v\n%s", err, out)
	}
	tidy := exec.Command("go", "mod", "tidy")
	tidy.Dir = svc
	if out, err := tidy.CombinedOutput(); err != nil {
		t.Fatalf("go mod tidy in the generated service: %v\n%s", err, out)
	}
	for name, dir := range map[string]string{"demo": demo, "svc120": svc} {
		for _, format := range []string{"text", "json", "sarif"} {
			t.Run(name+"/"+format, func(t *testing.T) {
				first := apivet(t, dir, "-format", format, "./...")
				if first.stdout == "" {
					t.Fatalf("no output to compare (exit %d): %s", first.code, first.stderr)
				}
				second := apivet(t, dir, "-format", format, "./...")
				if first.stdout != second.stdout || first.stderr != second.stderr || first.code != second.code {
					t.Errorf("two runs differ:\n--- first (exit %d) ---\n%s%s\n--- second (exit %d) ---\n%s%s",
						first.code, first.stdout, first.stderr, second.code, second.stdout, second.stderr)
				}
			})
		}
	}
}
