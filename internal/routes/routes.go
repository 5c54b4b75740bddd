// Package routes implements `apivet routes`: the HTTP API inventory that
// the httpmodel analyzer finds (method, path, handler, middleware chain
// and what the chain does), as a table, JSON, or an OpenAPI 3.1 skeleton.
// It is OWASP API9 (improper inventory) help on its own and the way to
// see that the model is right.
package routes

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/apivet/apivet/internal/driver"
	"github.com/apivet/apivet/internal/httpmodel"
)

// Exit codes.
const (
	exitOK        = 0
	exitUsage     = 2
	exitLoadError = 3
)

// Entry is one route of the inventory (the JSON form).
type Entry struct {
	Method     string       `json:"method"`
	Path       string       `json:"path"`
	Handler    string       `json:"handler"`
	HandlerPos string       `json:"handler_pos,omitempty"`
	Framework  string       `json:"framework"`
	Middleware []Middleware `json:"middleware"`
	Flags      []string     `json:"flags"`
	// Partial: the path is relative to a router passed in by code
	// outside the analyzed packages.
	Partial bool   `json:"partial,omitempty"`
	Package string `json:"package"`
}

// Middleware is one element of an entry's chain.
type Middleware struct {
	Name    string `json:"name"`
	Package string `json:"package,omitempty"`
	Kind    string `json:"kind,omitempty"`
}

// Main runs `apivet routes [flags] [packages]`.
func Main(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("apivet routes", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("C", "", "run in `dir`")
	format := fs.String("format", "table", "output format: table, json or openapi")
	tests := fs.Bool("tests", false, "also analyze _test.go files")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: apivet routes [-C dir] [-format table|json|openapi] [-tests] [packages]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	switch *format {
	case "table", "json", "openapi":
	default:
		fmt.Fprintf(stderr, "apivet routes: unknown -format %q (want table, json or openapi)\n", *format)
		return exitUsage
	}
	patterns := fs.Args()
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	entries, lost, err := Inventory(*dir, *tests, patterns)
	if err != nil {
		fmt.Fprintf(stderr, "apivet routes: %v\n", err)
		return exitLoadError
	}
	code := exitOK
	if len(lost) > 0 {
		// What was found is printed; what could not be analyzed is said,
		// and the exit status tells scripts the inventory is partial.
		defer func() {
			fmt.Fprintf(stderr, "apivet routes: %d problem(s); the inventory leaves out what they affect:\n", len(lost))
			for i, l := range lost {
				if i == 10 {
					fmt.Fprintf(stderr, "\tand %d more\n", len(lost)-10)
					break
				}
				fmt.Fprintf(stderr, "\t%s\n", l)
			}
		}()
		code = exitLoadError
	}
	switch *format {
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if entries == nil {
			entries = []Entry{}
		}
		enc.Encode(entries)
	case "openapi":
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.Encode(OpenAPI(entries))
	default:
		WriteTable(stdout, entries)
	}
	return code
}

// Inventory loads the packages matching patterns in dir and returns
// their routes, and what it could not analyze: like the main command, a
// package that does not type-check (or a dependency of it that does not)
// costs its own routes, not the others'.
func Inventory(dir string, tests bool, patterns []string) ([]Entry, []string, error) {
	base := dir
	if base == "" {
		base, _ = os.Getwd()
	}
	base, _ = filepath.Abs(base)
	cfg := driver.Config{Dir: dir, Tests: tests, Patterns: patterns}
	// The inventory needs no C: without cgo, go list does not compile
	// C dependencies (sqlite3 takes minutes). CGO_ENABLED in the
	// environment wins.
	if _, set := os.LookupEnv("CGO_ENABLED"); !set {
		cfg.Env = []string{"CGO_ENABLED=0"}
	}
	byPkg, pkgs, problems, err := driver.Results(cfg, httpmodel.Analyzer)
	if err != nil {
		return nil, nil, err
	}
	var lost []string
	for _, p := range problems {
		lost = append(lost, p.String())
	}
	var results []*httpmodel.Result
	var pkgPaths []string
	seen := map[string]bool{}
	for _, p := range pkgs {
		// With -tests a package appears up to three times; keep one
		// copy of each route.
		res, _ := byPkg[p].(*httpmodel.Result)
		if res == nil {
			continue
		}
		results = append(results, res)
		pkgPaths = append(pkgPaths, p.PkgPath)
	}
	consumed := map[string]bool{}
	for _, res := range results {
		for _, c := range res.Consumed {
			consumed[c] = true
		}
	}
	var out []Entry
	for i, res := range results {
		// RPC methods of registered gRPC and Connect services, as method
		// "RPC" and path "/Service/Method", and GraphQL fields, as method
		// "GRAPHQL" and their schema coordinate ("Query.order"), after the
		// HTTP routes.
		for _, r := range append(append([]*httpmodel.Route(nil), res.Routes...), res.RPCRoutes...) {
			if (r.Partial || r.Returned) && consumed[r.Registrar] {
				continue
			}
			e := entryOf(r, base)
			e.Package = strings.TrimSuffix(pkgPaths[i], ".test")
			k := e.Method + " " + e.Path + " " + e.HandlerPos + " " + e.Handler
			for _, m := range e.Middleware {
				k += " " + m.Package + "." + m.Name // one service mounted behind two chains
			}
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Path != out[j].Path {
			return out[i].Path < out[j].Path
		}
		return out[i].Method < out[j].Method
	})
	return out, lost, nil
}

func entryOf(r *httpmodel.Route, base string) Entry {
	e := Entry{Method: r.Method, Path: r.Path, Handler: r.HandlerName, Framework: string(r.Framework), Partial: r.Partial,
		Middleware: []Middleware{}, Flags: []string{}}
	if r.HandlerPos.IsValid() {
		fn := r.HandlerPos.Filename
		if rel, err := filepath.Rel(base, fn); err == nil && !strings.HasPrefix(rel, "..") {
			fn = filepath.ToSlash(rel)
		} else if i := strings.Index(fn, "/pkg/mod/"); i >= 0 {
			fn = fn[i+len("/pkg/mod/"):]
		}
		e.HandlerPos = fmt.Sprintf("%s:%d", fn, r.HandlerPos.Line)
	}
	for _, m := range r.Middleware {
		e.Middleware = append(e.Middleware, Middleware{Name: m.Name, Package: m.PkgPath, Kind: m.Kind.String()})
	}
	if k := r.Kinds().String(); k != "" {
		e.Flags = strings.Split(k, ",")
	}
	if r.Partial {
		e.Flags = append(e.Flags, "partial")
	}
	if r.Detached {
		e.Flags = append(e.Flags, "detached")
	}
	if r.Stream != "" {
		e.Flags = append(e.Flags, string(r.Stream)) // server-stream, client-stream, bidi-stream
	}
	return e
}

// WriteTable prints entries as an aligned table.
func WriteTable(w io.Writer, entries []Entry) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "METHOD\tPATH\tHANDLER\tMIDDLEWARE\tFLAGS")
	for _, e := range entries {
		var mws []string
		for _, m := range e.Middleware {
			mws = append(mws, shortName(m))
		}
		h := e.Handler
		if e.HandlerPos != "" {
			h += " (" + e.HandlerPos + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", e.Method, e.Path, h, dash(strings.Join(mws, " > ")), dash(strings.Join(e.Flags, ",")))
	}
	tw.Flush()
	fmt.Fprintf(w, "%d routes\n", len(entries))
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// OpenAPI returns an OpenAPI 3.1 skeleton of the entries: paths, their
// operations and path parameters.
func OpenAPI(entries []Entry) map[string]any {
	paths := map[string]map[string]any{}
	for _, e := range entries {
		if e.Method == "RPC" || e.Method == "GRAPHQL" {
			continue // RPC methods and GraphQL fields are not HTTP operations
		}
		p := openAPIPath(e.Path)
		item := paths[p]
		if item == nil {
			item = map[string]any{}
			paths[p] = item
		}
		op := map[string]any{
			"operationId": operationID(e),
			"responses":   map[string]any{"default": map[string]any{"description": "not modelled"}},
		}
		if h := e.Handler; h != "" {
			op["x-apivet-handler"] = strings.TrimSpace(h + " " + e.HandlerPos)
		}
		var params []any
		for _, name := range httpmodel.PathParams(e.Path) {
			params = append(params, map[string]any{"name": name, "in": "path", "required": true, "schema": map[string]any{"type": "string"}})
		}
		if len(params) > 0 {
			op["parameters"] = params
		}
		if len(e.Flags) > 0 {
			op["x-apivet-flags"] = e.Flags
		}
		method := strings.ToLower(e.Method)
		switch method {
		case "get", "put", "post", "delete", "options", "head", "patch", "trace":
			item[method] = op
		default:
			item["x-apivet-any-method"] = op
		}
	}
	return map[string]any{
		"openapi": "3.1.0",
		"info":    map[string]any{"title": "API inventory (apivet routes)", "version": "0.0.0"},
		"paths":   paths,
	}
}

// openAPIPath converts a router pattern to an OpenAPI path template:
// :id and *rest become {id} and {rest}, {id:[0-9]+} and {path...}
// become {id} and {path}.
func openAPIPath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		switch {
		case strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}"):
			name := s[1 : len(s)-1]
			if j := strings.IndexByte(name, ':'); j >= 0 {
				name = name[:j]
			}
			segs[i] = "{" + strings.TrimSuffix(name, "...") + "}"
		case strings.HasPrefix(s, ":") && len(s) > 1:
			ps := httpmodel.PathParams(s)
			if len(ps) == 1 {
				segs[i] = "{" + ps[0] + "}"
			}
		case strings.HasPrefix(s, "*") && len(s) > 1:
			segs[i] = "{" + s[1:] + "}"
		}
	}
	out := strings.Join(segs, "/")
	if !strings.HasPrefix(out, "/") {
		out = "/" + out
	}
	return out
}

func operationID(e Entry) string {
	h := e.Handler
	h = strings.NewReplacer("(", "", ")", "", "*", "", "$", "_", " ", "_").Replace(h)
	return strings.ToLower(e.Method) + "_" + h
}

// shortName is "pkg.Name" for middleware of a package ("middleware.Logger",
// "httprate.LimitByIP"), the bare name otherwise.
func shortName(m Middleware) string {
	if m.Package == "" || strings.Contains(m.Name, ".") {
		return m.Name
	}
	elems := strings.Split(m.Package, "/")
	last := elems[len(elems)-1]
	if len(elems) > 1 && len(last) >= 2 && last[0] == 'v' && strings.Trim(last[1:], "0123456789") == "" {
		last = elems[len(elems)-2]
	}
	return last + "." + m.Name
}
