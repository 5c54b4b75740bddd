// Package cfg holds multi-line literals under suppression directives.
package cfg

type Config struct {
	Name     string
	Password string
	APIKey   string
}

// A trailing directive on the first line covers the whole literal.
var demo = Config{ //apivet:ignore hardcodedsecret fixture credentials of the local demo stack
	Name:     "demo",
	Password: "f62e5bcda4fae4f82370da0c6f20697b8f8447ef",
	APIKey:   "a1b2c3d4e5f6a7b8c9d0",
}

// So does golangci-lint's //nolint:apivet.
var demo2 = Config{ //nolint:apivet // fixture
	Password: "9c1f2e8a7b6d5c4e3f2a1b0c9d8e7f6a5b4c3d2e",
}

// A statement: the call spans three lines.
func use() {
	register("svc", Config{ //apivet:ignore hardcodedsecret fixture
		Password: "7e6d5c4b3a2918f7e6d5c4b3a2918f7e6d5c4b3a",
	})
}

func register(string, Config) {}

// Without a directive the finding stays.
var live = Config{
	Password: "0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b", // want `possible hard-coded secret "0a9b…" in field Password`
}

// A directive covering nothing says what it covered.
var plain = Config{ //apivet:ignore hardcodedsecret nothing secret here // want `unused //apivet:ignore directive: hardcodedsecret reports nothing in the statement or literal whose first line it ends \(lines 37-39\)`
	Name: "plain",
}

var one = "plain" //apivet:ignore hardcodedsecret a plain string // want `reports nothing on this line, which is all a trailing directive covers here`
