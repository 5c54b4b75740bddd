package check

import "testing"

func TestTestCode(t *testing.T) {
	for path, want := range map[string]bool{
		"/m/api/orders_test.go":           true,
		"/m/pkg/testutil/cosmosdb.go":     true,
		"/m/internal/mocks/store.go":      true,
		"/m/test/e2e/client.go":           true,
		"/m/api/orders.go":                false,
		"/m/pkg/testing_helpers/x.go":     false, // not one of the directory names
		"/m/pkg/mockserver/server.go":     false,
		"/m/cmd/e2eproxy/main.go":         false,
		"/m/internal/attestation/mock.go": false, // a file named mock, not a directory
	} {
		if got := TestCode(path); got != want {
			t.Errorf("TestCode(%q) = %v, want %v", path, got, want)
		}
	}
}
