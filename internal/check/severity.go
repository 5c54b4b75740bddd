package check

import (
	"fmt"
	"strings"
)

// DefaultThreshold is the least severity reported when neither a flag nor
// the configuration sets one: notes appear only when asked for. Every
// driver (CLI, vet tool, golangci-lint plugin, language server) uses it.
const DefaultThreshold = Warning

// severityRank orders the severities, least severe first.
var severityRank = map[Severity]int{Note: 0, Warning: 1, Error: 2}

// ParseSeverity parses a threshold as written in a flag or a
// configuration file; "" is DefaultThreshold.
func ParseSeverity(s string) (Severity, error) {
	if s == "" {
		return DefaultThreshold, nil
	}
	sev := Severity(strings.ToLower(strings.TrimSpace(s)))
	if _, ok := severityRank[sev]; !ok {
		return "", fmt.Errorf("unknown severity %q (want error, warning or note)", s)
	}
	return sev, nil
}

// AtLeast reports whether s is as severe as threshold t or more; an empty
// threshold is DefaultThreshold.
func (s Severity) AtLeast(t Severity) bool {
	if t == "" {
		t = DefaultThreshold
	}
	return severityRank[s] >= severityRank[t]
}
