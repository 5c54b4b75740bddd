package routes

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/apivet/apivet/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGolden runs `apivet routes` in every format on the demo service and
// on the httpmodel test module (chi, gin, echo, fiber, gorilla/mux,
// net/http; routes in several files and packages) and compares with
// testdata/*.golden.
func TestGolden(t *testing.T) {
	mods := map[string]string{
		"demo": "../../testdata/demo",
		"mod":  "../httpmodel/testdata/mod",
		// Connect services, a gqlgen schema, oapi-codegen servers.
		"connect": "../../analyzers/bola/testdata/connectmod",
		"gqlgen":  "../../analyzers/bola/testdata/gqlmod",
		"oapi":    "../../analyzers/bola/testdata/oapimod",
	}
	for name, dir := range mods {
		dir := testutil.Module(t, dir)
		for _, format := range []string{"table", "json", "openapi"} {
			t.Run(name+"-"+format, func(t *testing.T) {
				var out, errb bytes.Buffer
				if code := Main([]string{"-C", dir, "-format", format, "./..."}, &out, &errb); code != 0 {
					t.Fatalf("exit %d: %s", code, errb.String())
				}
				golden := filepath.Join("testdata", name+"."+format+".golden")
				if *update {
					os.MkdirAll("testdata", 0o755)
					if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(out.Bytes(), want) {
					t.Errorf("output differs from %s (run with -update to accept):\n%s", golden, out.String())
				}
			})
		}
	}
}

// TestRPCRoutes: registered gRPC services are listed, one row per method
// with the server's interceptors, and kept out of the OpenAPI document.
// A streaming RPC's row is flagged with what it streams and has the
// server's stream interceptors; a unary one has the unary interceptors.
func TestRPCRoutes(t *testing.T) {
	dir := testutil.Module(t, "../../analyzers/bola/testdata/grpcmod")
	entries, lost, err := Inventory(dir, false, []string{"./..."})
	if err != nil || len(lost) > 0 {
		t.Fatal(err, lost)
	}
	var rows []string
	for _, e := range entries {
		if e.Method != "RPC" {
			continue
		}
		var mw []string
		for _, m := range e.Middleware {
			mw = append(mw, m.Name)
		}
		row := e.Path + " " + e.Handler + " [" + strings.Join(mw, " ") + "]"
		for _, f := range e.Flags {
			if strings.HasSuffix(f, "-stream") {
				row += " " + f
			}
		}
		rows = append(rows, row)
	}
	want := []string{
		"/OrderService/DeleteOrder api.(*service).DeleteOrder [Authenticate UnaryServerInterceptor]",
		"/OrderService/DeleteOrder notes.(*Checked).DeleteOrder [Authenticate]",
		"/OrderService/DeleteOrder notes.(*Service).DeleteOrder [Authenticate UnaryServerInterceptor]",
		"/OrderService/DeleteOrder notes.(*Service).DeleteOrder [Authenticate]",
		"/OrderService/DeleteOrder notes.(*Service).DeleteOrder [LogCalls Authenticate]",
		"/OrderService/DeleteOrder orderpb.(OrderServiceServer).DeleteOrder [Authenticate]",
		"/OrderService/GetMyOrder api.(*service).GetMyOrder [Authenticate UnaryServerInterceptor]",
		"/OrderService/GetMyOrder notes.(*Checked).GetMyOrder [Authenticate]",
		"/OrderService/GetMyOrder notes.(*Service).GetMyOrder [Authenticate UnaryServerInterceptor]",
		"/OrderService/GetMyOrder notes.(*Service).GetMyOrder [Authenticate]",
		"/OrderService/GetMyOrder notes.(*Service).GetMyOrder [LogCalls Authenticate]",
		"/OrderService/GetMyOrder orderpb.(OrderServiceServer).GetMyOrder [Authenticate]",
		"/OrderService/GetMyOrder reads.(*Guarded).GetMyOrder [AuthFuncOverride]",
		"/OrderService/GetMyOrder reads.(*Public).GetMyOrder [AuthFuncOverride]",
		"/OrderService/GetMyOrder reads.(*Service).GetMyOrder [UnaryServerInterceptor]",
		"/OrderService/GetMyOrder reads.(*Tenanted).GetMyOrder [UnaryServerInterceptor]",
		"/OrderService/GetOrder api.(*service).GetOrder [Authenticate UnaryServerInterceptor]",
		"/OrderService/GetOrder notes.(*Checked).GetOrder [Authenticate]",
		"/OrderService/GetOrder notes.(*Commenter).GetOrder [Authenticate]",
		"/OrderService/GetOrder notes.(*Service).GetOrder [Authenticate UnaryServerInterceptor]",
		"/OrderService/GetOrder notes.(*Service).GetOrder [Authenticate]",
		"/OrderService/GetOrder notes.(*Service).GetOrder [LogCalls Authenticate]",
		"/OrderService/GetOrder orderpb.(OrderServiceServer).GetOrder [Authenticate]",
		"/OrderService/GetOrder reads.(*Guarded).GetOrder [AuthFuncOverride]",
		"/OrderService/GetOrder reads.(*Public).GetOrder [AuthFuncOverride]",
		"/OrderService/GetOrder reads.(*Service).GetOrder [UnaryServerInterceptor]",
		"/OrderService/GetOrder reads.(*Tenanted).GetOrder [UnaryServerInterceptor]",
		"/OrderService/ListOrders orderpb.(OrderServiceServer).ListOrders [Authenticate]",
		"/OrderService/ListOrders reads.(*Tenanted).ListOrders [UnaryServerInterceptor]",
		// cmd/builtopts: options built in steps; the bare server's
		// slice is not the one an interceptor was appended to.
		"/OrderService/DeleteOrder api.(*service).DeleteOrder [LogCalls Authenticate UnaryServerInterceptor]",
		"/OrderService/GetMyOrder api.(*service).GetMyOrder [LogCalls Authenticate UnaryServerInterceptor]",
		"/OrderService/GetOrder api.(*service).GetOrder [LogCalls Authenticate UnaryServerInterceptor]",
		"/OrderService/DeleteOrder api.(*service).DeleteOrder []",
		"/OrderService/GetMyOrder api.(*service).GetMyOrder []",
		"/OrderService/GetOrder api.(*service).GetOrder []",
		// cmd/streamd: OrderStreams, an RPC of each kind, on servers
		// whose unary and stream interceptors differ.
		"/OrderStreams/GetOrder streams.(*Scoped).GetOrder [Authenticate]",
		"/OrderStreams/GetOrder streams.(*Service).GetOrder [Authenticate UnaryServerInterceptor]",
		"/OrderStreams/GetOrder streams.(*Service).GetOrder [Authenticate]",
		"/OrderStreams/GetOrder streams.(*Service).GetOrder [UnaryServerInterceptor]",
		"/OrderStreams/ListOrders streams.(*Scoped).ListOrders [AuthenticateStream] server-stream",
		"/OrderStreams/ListOrders streams.(*Service).ListOrders [AuthenticateStream StreamServerInterceptor] server-stream",
		"/OrderStreams/ListOrders streams.(*Service).ListOrders [AuthenticateStream] server-stream",
		"/OrderStreams/ListOrders streams.(*Service).ListOrders [StreamServerInterceptor] server-stream",
		"/OrderStreams/ListProducts streams.(*Service).ListProducts [AuthenticateStream StreamServerInterceptor] server-stream",
		"/OrderStreams/ListProducts streams.(*Service).ListProducts [AuthenticateStream] server-stream",
		"/OrderStreams/ListProducts streams.(*Service).ListProducts [StreamServerInterceptor] server-stream",
		"/OrderStreams/UpdateOrders streams.(*Scoped).UpdateOrders [AuthenticateStream] client-stream",
		"/OrderStreams/UpdateOrders streams.(*Service).UpdateOrders [AuthenticateStream StreamServerInterceptor] client-stream",
		"/OrderStreams/UpdateOrders streams.(*Service).UpdateOrders [AuthenticateStream] client-stream",
		"/OrderStreams/UpdateOrders streams.(*Service).UpdateOrders [StreamServerInterceptor] client-stream",
		"/OrderStreams/WatchOrders streams.(*Scoped).WatchOrders [AuthenticateStream] bidi-stream",
		"/OrderStreams/WatchOrders streams.(*Service).WatchOrders [AuthenticateStream StreamServerInterceptor] bidi-stream",
		"/OrderStreams/WatchOrders streams.(*Service).WatchOrders [AuthenticateStream] bidi-stream",
		"/OrderStreams/WatchOrders streams.(*Service).WatchOrders [StreamServerInterceptor] bidi-stream",
	}
	sort.Strings(rows)
	sort.Strings(want)
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("RPC rows:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	if paths := OpenAPI(entries)["paths"].(map[string]map[string]any); len(paths) != 0 {
		t.Errorf("OpenAPI lists %d paths from a gRPC-only module, want none", len(paths))
	}
}

func TestUsage(t *testing.T) {
	var out, errb bytes.Buffer
	if code := Main([]string{"-format", "yaml"}, &out, &errb); code != exitUsage {
		t.Errorf("bad -format: exit %d, want %d", code, exitUsage)
	}
	if code := Main([]string{"-C", t.TempDir(), "./..."}, &out, &errb); code != exitLoadError {
		t.Errorf("no module: exit %d, want %d", code, exitLoadError)
	}
}

func TestOpenAPIPath(t *testing.T) {
	for in, want := range map[string]string{
		"/orders/{id}":       "/orders/{id}",
		"/items/{id:[0-9]+}": "/items/{id}",
		"/api/orders/:id":    "/api/orders/{id}",
		"/static/*filepath":  "/static/{filepath}",
		"/files/{path...}":   "/files/{path}",
		"/notes/:id?":        "/notes/{id}",
	} {
		if got := openAPIPath(in); got != want {
			t.Errorf("openAPIPath(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPartialFailure: a package that does not type-check costs its own
// routes only; the others are printed, the problem is reported, and the
// exit status says the inventory is partial.
func TestPartialFailure(t *testing.T) {
	dir := testutil.Module(t, "testdata/partial")
	var stdout, stderr strings.Builder
	code := Main([]string{"-C", dir, "./..."}, &stdout, &stderr)
	if code != exitLoadError {
		t.Errorf("exit %d, want %d", code, exitLoadError)
	}
	if !strings.Contains(stdout.String(), "/orders/{id}") {
		t.Errorf("the route of the package that type-checks is missing:\n%s", stdout.String())
	}
	if !strings.Contains(stderr.String(), "undefinedHandler") {
		t.Errorf("the failure is not reported:\n%s", stderr.String())
	}
}

// TestOnePackage: routes a package splices from other packages of its
// module (mwparamapp calls mwparam.Register) are listed when only that
// package is named, as with ./..., and no other package's routes are.
func TestOnePackage(t *testing.T) {
	dir := testutil.Module(t, "../httpmodel/testdata/mod")
	run := func(pattern string) map[string]bool {
		var out, errb bytes.Buffer
		if code := Main([]string{"-C", dir, "-format", "json", pattern}, &out, &errb); code != 0 {
			t.Fatalf("%s: exit %d: %s", pattern, code, errb.String())
		}
		var entries []Entry
		if err := json.Unmarshal(out.Bytes(), &entries); err != nil {
			t.Fatal(err)
		}
		got := map[string]bool{}
		for _, e := range entries {
			if strings.HasSuffix(e.Package, "/mwparamapp") {
				got[e.Method+" "+e.Path+" "+e.Middleware[0].Name] = true
			} else if pattern != "./..." {
				t.Errorf("%s lists a route of %s: %s %s", pattern, e.Package, e.Method, e.Path)
			}
		}
		return got
	}
	all, one := run("./..."), run("./mwparamapp")
	if !all["GET /items/{id} Middleware"] || len(one) != len(all) {
		t.Errorf("./mwparamapp lists %v, ./... lists %v", one, all)
	}
}
