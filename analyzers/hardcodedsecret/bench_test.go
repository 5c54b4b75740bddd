package hardcodedsecret

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"math/rand"
	"strings"
	"testing"

	"github.com/apivet/apivet/internal/check"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// genPackage writes a package of n declaration groups full of string
// literals: secret-sounding and neutral names, random-looking values,
// prose, URLs, DSNs, format look-alikes, struct and map literals,
// comparisons and calls. It is what a large config- or fixture-heavy
// package looks like to the check.
func genPackage(n int) string {
	r := rand.New(rand.NewSource(1))
	const alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	rnd := func(k int) string {
		b := make([]byte, k)
		for i := range b {
			b[i] = alnum[r.Intn(len(alnum))]
		}
		return string(b)
	}
	names := []string{"apiKey", "TokenURL", "dbPassword", "SecretName", "userAgent", "clientSecret", "pageToken", "label", "ErrInvalidToken", "jwtSecret"}
	values := []func() string{
		func() string { return rnd(24) },
		func() string { return "the quick brown fox jumps over the lazy dog " + rnd(4) },
		func() string { return "https://api.example.com/v1/" + strings.ToLower(rnd(8)) },
		func() string { return "postgres://app:" + rnd(12) + "@db.internal:5432/app" },
		func() string { return "ghp_" + rnd(36) },
		func() string { return "eyJ" + rnd(20) + ".eyJ" + rnd(30) + "." + rnd(20) },
		func() string { return "%s: token %d expired" },
		func() string { return "X-Request-Id" },
		func() string { return strings.Repeat(rnd(16), 8) },
		func() string { return "AKIA" + strings.ToUpper(rnd(16)) },
	}
	var b strings.Builder
	b.WriteString("package gen\n\ntype Config struct{ APIKey, Password, Name, URL string }\n\nfunc connect(addr, apiKey string) {}\n\n")
	for i := 0; i < n; i++ {
		name := names[i%len(names)]
		fmt.Fprintf(&b, "const %s%d = %q\n", name, i, values[i%len(values)]())
		fmt.Fprintf(&b, "var cfg%d = Config{APIKey: %q, Password: %q, Name: %q, URL: %q}\n", i, values[(i+1)%len(values)](), values[(i+2)%len(values)](), rnd(8), values[2]())
		fmt.Fprintf(&b, "var hdr%d = map[string]string{\"Authorization\": %q, \"X-Trace\": %q}\n", i, values[(i+3)%len(values)](), rnd(10))
		fmt.Fprintf(&b, "func f%d(password string) bool { connect(%q, %q); return password == %q }\n", i, "localhost:80", values[(i+4)%len(values)](), values[(i+5)%len(values)]())
	}
	return b.String()
}

type loaded struct {
	fset  *token.FileSet
	files []*ast.File
	pkg   *types.Package
	info  *types.Info
}

func typeCheck(tb testing.TB, src string) loaded {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "gen.go", src, parser.ParseComments)
	if err != nil {
		tb.Fatal(err)
	}
	info := check.NewTypesInfo()
	conf := types.Config{Importer: importer.Default()}
	pkg, err := conf.Check("gen", fset, []*ast.File{f}, info)
	if err != nil {
		tb.Fatal(err)
	}
	return loaded{fset, []*ast.File{f}, pkg, info}
}

func runOn(tb testing.TB, l loaded) int {
	n := 0
	pass := &analysis.Pass{
		Analyzer: Analyzer, Fset: l.fset, Files: l.files, Pkg: l.pkg, TypesInfo: l.info,
		ResultOf: map[*analysis.Analyzer]any{check.Inspect: inspector.New(l.files)},
		Report:   func(analysis.Diagnostic) { n++ },
	}
	if _, err := run(pass); err != nil {
		tb.Fatal(err)
	}
	return n
}

// BenchmarkTypeCheck is the cost of parsing and type-checking the
// generated package, the yardstick for BenchmarkCheck.
func BenchmarkTypeCheck(b *testing.B) {
	for _, n := range []int{500, 2000, 8000} {
		src := genPackage(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				typeCheck(b, src)
			}
		})
	}
}

// BenchmarkCheck is the check's own cost on the same packages (inspector
// construction included): it should grow linearly with n and stay small
// next to BenchmarkTypeCheck.
func BenchmarkCheck(b *testing.B) {
	for _, n := range []int{500, 2000, 8000} {
		src := genPackage(n)
		l := typeCheck(b, src)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			findings := 0
			for b.Loop() {
				findings = runOn(b, l)
			}
			b.ReportMetric(float64(findings), "findings")
		})
	}
}

// TestGeneratedPackage keeps the benchmark honest: the generated package
// has findings of every detector, and not one per literal.
func TestGeneratedPackage(t *testing.T) {
	l := typeCheck(t, genPackage(100))
	n := runOn(t, l)
	if n == 0 || n > 100*8 {
		t.Fatalf("got %d findings on 100 generated groups, want some but not one per literal", n)
	}
}
