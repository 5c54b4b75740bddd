package output

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/driver"
)

// SARIF 2.1.0, the subset GitHub code scanning reads. The structs are
// ours: the SARIF packages in our dependency graph (honnef.co/go/tools/sarif)
// lack fullDescription, properties and partialFingerprints, and a new
// dependency would be forced into every golangci-lint build that loads
// our plugin.
type sarifLog struct {
	Version string     `json:"version"`
	Schema  string     `json:"$schema"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                   `json:"tool"`
	OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
	Invocations        []sarifInvocation           `json:"invocations"`
	Results            []sarifResult               `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	SemVer         string      `json:"semanticVersion,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifMessage struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	ShortDescription     sarifMessage   `json:"shortDescription"`
	FullDescription      sarifMessage   `json:"fullDescription"`
	Help                 sarifMessage   `json:"help"`
	HelpURI              string         `json:"helpUri"`
	DefaultConfiguration sarifRuleConf  `json:"defaultConfiguration"`
	Properties           sarifRuleProps `json:"properties"`
}

type sarifRuleConf struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Tags             []string `json:"tags"`
	Precision        string   `json:"precision"`
	SecuritySeverity string   `json:"security-severity"`
	ProblemSeverity  string   `json:"problem.severity"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifMessage      `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Fixes               []sarifFix        `json:"fixes,omitempty"`
}

type sarifLocation struct {
	ID               int                   `json:"id,omitempty"`
	Message          *sarifMessage         `json:"message,omitempty"`
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
	Region           *sarifRegion     `json:"region,omitempty"`
}

type sarifArtifactLoc struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

type sarifFix struct {
	Description     sarifMessage          `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLoc   `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion           `json:"deletedRegion"`
	InsertedContent *sarifArtifactContent `json:"insertedContent,omitempty"`
}

type sarifArtifactContent struct {
	Text string `json:"text"`
}

// securitySeverity maps a severity to GitHub's security-severity score.
var securitySeverity = map[check.Severity]string{
	check.Error:   "8.0",
	check.Warning: "5.5",
	check.Note:    "3.0",
}

// SARIF writes a SARIF 2.1.0 log with one rule per check in checks and
// URIs relative to root under the %SRCROOT% base.
func SARIF(w io.Writer, root, version string, checks []*check.Check, res *driver.Result) error {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "apivet",
			Version:        strings.TrimPrefix(version, "v"),
			SemVer:         strings.TrimPrefix(version, "v"),
			InformationURI: "https://github.com/apivet/apivet",
		}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: true}},
		Results:     []sarifResult{},
	}
	if root != "" {
		u := url.URL{Scheme: "file", Path: filepath.ToSlash(root) + "/"}
		run.OriginalURIBaseIDs = map[string]sarifArtifactLoc{"%SRCROOT%": {URI: u.String()}}
	}
	index := map[string]int{}
	for i, c := range checks {
		index[c.Name()] = i
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, Rule(c))
	}
	loc := func(filename string, line, col, endLine, endCol int) sarifLocation {
		return sarifLocation{PhysicalLocation: sarifPhysicalLocation{
			ArtifactLocation: artifact(root, filename),
			Region:           &sarifRegion{StartLine: line, StartColumn: col, EndLine: endLine, EndColumn: endCol},
		}}
	}
	for _, f := range res.Findings {
		endLine, endCol := f.End.Line, f.End.Column
		if endLine < f.Pos.Line || (endLine == f.Pos.Line && endCol < f.Pos.Column) {
			endLine, endCol = f.Pos.Line, f.Pos.Column
		}
		r := sarifResult{
			RuleID:              f.Check.Name(),
			RuleIndex:           index[f.Check.Name()],
			Level:               string(f.Severity),
			Message:             sarifMessage{Text: f.Message},
			Locations:           []sarifLocation{loc(f.Pos.Filename, f.Pos.Line, f.Pos.Column, endLine, endCol)},
			PartialFingerprints: map[string]string{"apivetFindingHash/v1": f.Fingerprint},
		}
		for i, rel := range f.Related {
			l := loc(rel.Pos.Filename, rel.Pos.Line, rel.Pos.Column, 0, 0)
			l.ID = i + 1
			l.Message = &sarifMessage{Text: rel.Message}
			r.RelatedLocations = append(r.RelatedLocations, l)
		}
		for _, fx := range f.Fixes {
			sf := sarifFix{Description: sarifMessage{Text: fx.Message}}
			byFile := map[string]int{}
			for _, e := range fx.Edits {
				i, ok := byFile[e.Filename]
				if !ok {
					i = len(sf.ArtifactChanges)
					byFile[e.Filename] = i
					sf.ArtifactChanges = append(sf.ArtifactChanges, sarifArtifactChange{ArtifactLocation: artifact(root, e.Filename)})
				}
				sf.ArtifactChanges[i].Replacements = append(sf.ArtifactChanges[i].Replacements, sarifReplacement{
					DeletedRegion:   sarifRegion{StartLine: e.Pos.Line, StartColumn: e.Pos.Column, EndLine: e.EndP.Line, EndColumn: e.EndP.Column},
					InsertedContent: &sarifArtifactContent{Text: e.NewText},
				})
			}
			r.Fixes = append(r.Fixes, sf)
		}
		run.Results = append(run.Results, r)
	}
	for _, p := range res.Problems {
		n := sarifNotification{Level: "error", Message: sarifMessage{Text: p.Message}}
		if p.Pos.IsValid() && p.Pos.Line > 0 {
			n.Locations = []sarifLocation{loc(p.Pos.Filename, p.Pos.Line, max(p.Pos.Column, 1), 0, 0)}
		}
		run.Invocations[0].ToolExecutionNotifications = append(run.Invocations[0].ToolExecutionNotifications, n)
		run.Invocations[0].ExecutionSuccessful = false
	}
	log := sarifLog{
		Version: "2.1.0",
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Runs:    []sarifRun{run},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

func artifact(root, filename string) sarifArtifactLoc {
	rel := Rel(root, filename)
	if rel != filename || !filepath.IsAbs(filename) {
		return sarifArtifactLoc{URI: (&url.URL{Path: rel}).String(), URIBaseID: "%SRCROOT%"}
	}
	return sarifArtifactLoc{URI: (&url.URL{Scheme: "file", Path: filepath.ToSlash(filename)}).String()}
}

// Rule is the SARIF reporting descriptor of a check.
func Rule(c *check.Check) sarifRule {
	_, rest, _ := strings.Cut(c.Analyzer.Doc, "\n")
	full, _, _ := strings.Cut(strings.TrimSpace(rest), "\n\n")
	if full == "" {
		full = c.Title
	}
	return sarifRule{
		ID:                   c.Name(),
		ShortDescription:     sarifMessage{Text: c.Title},
		FullDescription:      sarifMessage{Text: strings.Join(strings.Fields(full), " ")},
		Help:                 sarifMessage{Text: c.Analyzer.Doc, Markdown: HelpMarkdown(c)},
		HelpURI:              DocURL(c),
		DefaultConfiguration: sarifRuleConf{Level: string(c.Severity)},
		Properties: sarifRuleProps{
			Tags:             c.Tags(),
			Precision:        precision(c.Precision),
			SecuritySeverity: securitySeverity[c.Severity],
			ProblemSeverity:  problemSeverity(c.Severity),
		},
	}
}

// DocURL is where a check's documentation lives.
func DocURL(c *check.Check) string {
	return "https://github.com/apivet/apivet/blob/main/docs/checks.md#" + c.Name()
}

func precision(p check.Precision) string {
	if p == "" {
		return "medium"
	}
	return string(p)
}

func problemSeverity(s check.Severity) string {
	if s == check.Note {
		return "recommendation"
	}
	return string(s)
}

// HelpMarkdown is a check's documentation as Markdown: title, OWASP and
// CWE references, the doc, and the bad and good examples.
func HelpMarkdown(c *check.Check) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s**\n\n", c.Title)
	var refs []string
	if c.OWASP != "" {
		refs = append(refs, fmt.Sprintf("OWASP %s %s", c.OWASP, c.OWASPTitle()))
	}
	for _, id := range c.CWE {
		refs = append(refs, fmt.Sprintf("[CWE-%d](https://cwe.mitre.org/data/definitions/%d.html)", id, id))
	}
	if len(refs) > 0 {
		fmt.Fprintf(&b, "%s\n\n", strings.Join(refs, " · "))
	}
	fmt.Fprintf(&b, "```text\n%s\n```\n", strings.TrimSpace(c.Analyzer.Doc))
	if c.Bad != "" {
		fmt.Fprintf(&b, "\nFlagged:\n\n```go\n%s\n```\n", strings.TrimSpace(c.Bad))
	}
	if c.Good != "" {
		fmt.Fprintf(&b, "\nNot flagged:\n\n```go\n%s\n```\n", strings.TrimSpace(c.Good))
	}
	return b.String()
}
