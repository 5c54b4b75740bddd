package cfg

import (
	"net/http"
)

// Directives on their own line directly above a declaration cover all of it.

//apivet:ignore hardcodedsecret the local demo stack's fixture credentials
func demoConfigs() []Config {
	a := Config{Password: "3f9c2e7a1b8d4f6e0a5c9b2d7e4f1a8c6b3d0e9f"}
	b := Config{
		APIKey: "b7e4c1a9f2d8e5b3c0a7f4d1e8b5c2a9",
	}
	return []Config{a, b}
}

//apivet:ignore hardcodedsecret fixture values of the integration tests
var (
	fixtureA = Config{Password: "5d2a9f6c3e0b7d4a1f8e5c2b9a6d3f0e7c4b1a8d"}
	fixtureB = Config{Password: "e1b8d5a2f9c6e3b0d7a4f1c8e5b2d9a6f3c0e7b4"}
)

// Above a struct field it covers the field (here it has nothing to cover).
type Seeds struct {
	//apivet:ignore hardcodedsecret the seed's documented default // want `unused //apivet:ignore directive: hardcodedsecret reports nothing in the declaration below it \(line 27\)`
	Admin Config
	Other Config
}

//apivet:ignore hardcodedsecret demo constants
const (
	demoToken = "c4f1a8e5b2d9c6f3a0e7b4d1c8f5a2e9"
)

// One spec of a block.
var (
	//apivet:ignore hardcodedsecret the sandbox key, public by design
	sandbox = Config{
		APIKey: "f0c7a4e1b8d5f2c9a6e3b0d7f4c1a8e5",
	}
	prod = Config{APIKey: "a8e5b2f9c6d3a0e7b4f1c8d5a2e9b6f3"} // want `possible hard-coded secret "a8e5…" in field APIKey`
)

// A handler literal inside the function is its own endpoint: the
// directive above the function does not cover its body.
//
//apivet:ignore hardcodedsecret the registration's own default for local runs
func routes(mux *http.ServeMux) {
	def := Config{Password: "7b4e1a8d5c2f9b6e3a0d7c4f1b8e5a2d9c6f3b0e"}
	register("default", def)
	mux.HandleFunc("/login", func(w http.ResponseWriter, r *http.Request) {
		if r.FormValue("password") == "d3a0e7b4f1c8d5a2e9b6f3c0a7e4b1d8" { // want `possible hard-coded secret "d3a0…" compared with password`
			w.WriteHeader(http.StatusOK)
		}
	})
}

// golangci-lint's own-line //nolint:apivet covers the whole node below it,
// handler literals included, as golangci-lint does.
//
//nolint:apivet // legacy fixture server, removed in v2
func legacyRoutes(mux *http.ServeMux) {
	register("legacy", Config{Password: "9e6b3f0c7a4d1e8b5f2c9a6d3e0b7f4c1a8d5e2b"})
	mux.HandleFunc("/legacy", func(w http.ResponseWriter, r *http.Request) {
		if r.FormValue("token") == "b0d7a4e1c8f5b2d9a6e3c0f7b4a1d8e5" {
			w.WriteHeader(http.StatusOK)
		}
	})
}

// A directive that covers a declaration with nothing to suppress says which lines it covered.
//
//apivet:ignore hardcodedsecret no secret here // want `unused //apivet:ignore directive: hardcodedsecret reports nothing in the declaration below it \(lines 75-77\)`
func nothing() string {
	return "plain"
}

// Above a statement it still covers only the next line.
func statements() {
	//apivet:ignore hardcodedsecret a fixture
	register("a", Config{Password: "2c9f6b3e0a7d4c1f8b5e2a9d6c3f0b7e4a1d8c5f"})
	register("b", Config{
		//apivet:ignore hardcodedsecret a fixture // want `reports nothing on the next line, which is all a directive on its own line covers`
		Name:     "b",
		Password: "6a3d0f7c4e1b8a5d2f9c6e3b0a7d4f1c8e5b2a9d", // want `possible hard-coded secret "6a3d…" in field Password`
	})
}

var _ = []any{fixtureA, fixtureB, Seeds{}, demoToken, sandbox, prod}
