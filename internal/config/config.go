// Package config reads .apivet.yml: which checks run and each check's
// settings. A check's settings live under a top-level key named after the
// check and are decoded strictly into the check's Settings struct, so a
// misspelt setting is an error, not a silent no-op.
//
//	checks: [all, -pprof]        # optional; same syntax as -checks
//	severity: note               # optional; least severity reported (default warning)
//	hardcodedsecret:
//	  allow-values: ['^test-']
package config

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/apivet/apivet/internal/check"
)

// FileName is the name of the configuration file searched for upward.
const FileName = ".apivet.yml"

// File is a parsed configuration file.
type File struct {
	Path     string
	Checks   []string             // the "checks" list, if any
	Severity check.Severity       // the "severity" threshold, "" if not set
	Sections map[string]yaml.Node // check name -> its settings
}

// Find returns the path of the nearest .apivet.yml (or .apivet.yaml) in
// dir or its parents, or "" if there is none.
func Find(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		for _, name := range []string{FileName, ".apivet.yaml"} {
			p := filepath.Join(dir, name)
			if st, err := os.Stat(p); err == nil && !st.IsDir() {
				return p
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Load parses the file at path.
func Load(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	f, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	f.Path = path
	return f, nil
}

// Parse parses configuration text.
func Parse(data []byte) (*File, error) {
	f := &File{Sections: map[string]yaml.Node{}}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, err
	}
	if root.Kind == 0 { // empty file
		return f, nil
	}
	if root.Kind != yaml.DocumentNode || len(root.Content) != 1 || root.Content[0].Kind != yaml.MappingNode {
		return nil, errors.New("configuration must be a mapping of check names to settings")
	}
	m := root.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		key, val := m.Content[i].Value, m.Content[i+1]
		if key == "checks" {
			if err := val.Decode(&f.Checks); err != nil {
				return nil, fmt.Errorf("line %d: checks: %w", val.Line, err)
			}
			continue
		}
		if key == "severity" {
			var text string
			err := val.Decode(&text)
			if err == nil {
				f.Severity, err = check.ParseSeverity(text)
			}
			if err != nil {
				return nil, fmt.Errorf("line %d: severity: %w", val.Line, err)
			}
			continue
		}
		f.Sections[key] = *val
	}
	return f, nil
}

// Apply decodes each section into the settings of the check it names.
// A section for an unknown check, or an unknown setting, is an error.
func (f *File) Apply(checks []*check.Check) error {
	byName := map[string]*check.Check{}
	for _, c := range checks {
		byName[c.Name()] = c
	}
	names := make([]string, 0, len(f.Sections))
	for name := range f.Sections {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		c, ok := byName[name]
		if !ok {
			return fmt.Errorf("unknown check %q (known: %s)", name, strings.Join(sortedKeys(byName), ", "))
		}
		node := f.Sections[name]
		if err := decodeStrict(&node, c); err != nil {
			return err
		}
	}
	return nil
}

// ApplyMap decodes settings given as a generic map (as golangci-lint
// passes them) into the checks' settings, with the same strictness.
func ApplyMap(settings map[string]any, checks []*check.Check) error {
	data, err := yaml.Marshal(settings)
	if err != nil {
		return err
	}
	f, err := Parse(data)
	if err != nil {
		return err
	}
	return f.Apply(checks)
}

func decodeStrict(node *yaml.Node, c *check.Check) error {
	if c.Settings == nil {
		return fmt.Errorf("check %s has no settings", c.Name())
	}
	// yaml.v3 has KnownFields only on a Decoder: re-encode the node.
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	if err := enc.Encode(node); err != nil {
		return err
	}
	dec := yaml.NewDecoder(&buf)
	dec.KnownFields(true)
	if err := dec.Decode(c.Settings); err != nil {
		return fmt.Errorf("settings of check %s: %w", c.Name(), err)
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Select applies a checks list — from -checks or the "checks" key:
// names, "all", and "-name" to disable; a list of only disables starts
// from all checks, as does an empty one — and returns the chosen checks
// in registry order.
func Select(all []*check.Check, spec []string) ([]*check.Check, error) {
	known := map[string]bool{}
	var names []string
	for _, c := range all {
		known[c.Name()] = true
		names = append(names, c.Name())
	}
	on := map[string]bool{}
	onlyDisables := true
	for _, item := range spec {
		item = strings.TrimSpace(item)
		if item != "" && !strings.HasPrefix(item, "-") {
			onlyDisables = false
		}
	}
	if onlyDisables {
		for name := range known {
			on[name] = true
		}
	}
	for _, item := range spec {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		name := strings.TrimPrefix(item, "-")
		enable := name == item
		switch {
		case name == "all":
			for n := range known {
				on[n] = enable
			}
		case known[name]:
			on[name] = enable
		default:
			sort.Strings(names)
			return nil, fmt.Errorf("unknown check %q; known checks: %s", name, strings.Join(names, ", "))
		}
	}
	var out []*check.Check
	for _, c := range all {
		if on[c.Name()] {
			out = append(out, c)
		}
	}
	return out, nil
}
