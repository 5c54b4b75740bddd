// Package acme is analyzed with settings: an extra pattern, allow-lists
// and a higher entropy threshold.
package acme

// An extra pattern from the settings is a known format.
var partnerKey = "acme_0f9e8d7c6b5a49382716a5b4c3d2e1f0" // want `hard-coded Acme API key "acme…"`

// Allowed by value: the team's test fixtures start with "test-".
var stagingToken = "test-9f8e7d6c5b4a3921"

// Allowed by name.
var FixtureAPIKey = "Vx8qL2mZ7tR4nK9p"

// Below the raised entropy threshold (3.5 bits per character).
var legacyPassword = "abcabc123123" // 2.58 bits per character

// Above it.
var adminPassword = "Vx8qL2mZ7tR4nK9p!" // want `possible hard-coded secret "Vx8q…" assigned to adminPassword`

var _ = []string{partnerKey, stagingToken, FixtureAPIKey, legacyPassword, adminPassword}
