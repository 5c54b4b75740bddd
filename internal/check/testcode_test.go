package check

import (
	"os"
	"path/filepath"
	"testing"
)

func TestTestCode(t *testing.T) {
	// The module lives under a directory named test: only directories
	// below its go.mod count.
	root := filepath.Join(t.TempDir(), "test", "svc")
	if err := os.MkdirAll(root, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte("module example.com/test/svc\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for rel, want := range map[string]bool{
		"api/orders_test.go":           true,
		"pkg/testutil/cosmosdb.go":     true,
		"internal/mocks/store.go":      true,
		"test/e2e/client.go":           true,
		"test/integration/stack.go":    true,
		"pkg/testing/fake.go":          true,
		"main.go":                      false,
		"api/orders.go":                false,
		"internal/attest/attest.go":    false,
		"pkg/contest/entries.go":       false,
		"pkg/testing_helpers/x.go":     false, // not one of the directory names
		"pkg/mockserver/server.go":     false,
		"cmd/e2eproxy/main.go":         false,
		"internal/attestation/mock.go": false, // a file named mock, not a directory
	} {
		if got := TestCode(filepath.Join(root, rel)); got != want {
			t.Errorf("TestCode(%q) = %v, want %v", rel, got, want)
		}
	}
	// No go.mod above the file: only the name counts.
	if TestCode("/nonexistent-apivet/pkg/testutil/x.go") {
		t.Error("a file with no module above it was taken for test code by its directory")
	}
}
