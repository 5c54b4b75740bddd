package main

import (
	"fmt"
	"strings"

	"github.com/apivet/apivet/internal/check"
)

// checksMarkdown renders docs/checks.md from the registry.
func checksMarkdown(all []*check.Check) string {
	var b strings.Builder
	b.WriteString("# apivet checks\n\n")
	b.WriteString("<!-- Generated from the check registry by `go test ./cmd/apivet -run TestDocs -update`. Do not edit. -->\n\n")
	b.WriteString("| Check | Title | OWASP | CWE | Severity | Precision |\n|---|---|---|---|---|---|\n")
	for _, c := range all {
		fmt.Fprintf(&b, "| [%s](#%s) | %s | %s | %s | %s | %s |\n", c.Name(), c.Name(), c.Title, c.OWASP, cweList(c), c.Severity, c.Precision)
	}
	for _, c := range all {
		fmt.Fprintf(&b, "\n## %s\n\n", c.Name())
		fmt.Fprintf(&b, "**%s** — OWASP %s %s; %s. Severity %s, precision %s, since %s.\n\n",
			c.Title, c.OWASP, c.OWASPTitle(), cweList(c), c.Severity, c.Precision, c.Since)
		fmt.Fprintf(&b, "```text\n%s\n```\n", strings.TrimSpace(c.Analyzer.Doc))
		if c.Bad != "" {
			fmt.Fprintf(&b, "\nFlagged:\n\n```go\n%s\n```\n", strings.TrimSpace(c.Bad))
		}
		if c.Good != "" {
			fmt.Fprintf(&b, "\nNot flagged:\n\n```go\n%s\n```\n", strings.TrimSpace(c.Good))
		}
	}
	return b.String()
}

// readmeChecks renders the README's list of checks, each with its bad
// and good example.
func readmeChecks(all []*check.Check) string {
	var b strings.Builder
	for _, c := range all {
		fmt.Fprintf(&b, "### `%s` — %s\n\n", c.Name(), c.Title)
		fmt.Fprintf(&b, "OWASP %s · %s · severity %s · [full doc](docs/checks.md#%s)\n\n", c.OWASP, cweList(c), c.Severity, c.Name())
		if c.Bad != "" {
			fmt.Fprintf(&b, "Flagged:\n\n```go\n%s\n```\n\n", strings.TrimSpace(c.Bad))
		}
		if c.Good != "" {
			fmt.Fprintf(&b, "Not flagged:\n\n```go\n%s\n```\n\n", strings.TrimSpace(c.Good))
		}
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

func cweList(c *check.Check) string {
	var ids []string
	for _, id := range c.CWE {
		ids = append(ids, fmt.Sprintf("CWE-%d", id))
	}
	return strings.Join(ids, ", ")
}
