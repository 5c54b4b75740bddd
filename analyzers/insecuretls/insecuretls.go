// Package insecuretls defines the insecuretls check: TLS configurations
// that turn off certificate verification, allow deprecated protocol
// versions or weak cipher suites, and gRPC clients that dial in plaintext.
package insecuretls

import (
	"crypto/tls"
	"go/ast"
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/source"
)

const Doc = `insecuretls: TLS without certificate verification, deprecated versions or weak ciphers

A client that does not verify the server's certificate talks to whoever
answers: anyone on the network path (a compromised router, a hostile Wi-Fi,
a poisoned DNS answer) can impersonate the payment gateway, the database or
the identity provider and read or change every request, token and response
(OWASP API8:2023 Security Misconfiguration; CWE-295). Deprecated protocol
versions and weak cipher suites weaken the encryption itself (CWE-327).

The check reports, on crypto/tls.Config wherever it is built (a literal,
a field assigned later, a helper that returns it; the config given to
http.Transport, tls.Dial, grpc credentials.NewTLS, mysql.RegisterTLSConfig,
redis.Options and the like is the same tls.Config):

  - InsecureSkipVerify set to true (error): a constant, an expression that
    folds to true (!false), or a variable that is only ever assigned true,
    in a literal or in an assignment (cfg.InsecureSkipVerify = true,
    tr.TLSClientConfig.InsecureSkipVerify = true);
  - MinVersion below TLS 1.2 (warning: TLS 1.0 and 1.1 are deprecated by
    RFC 8996), MaxVersion below TLS 1.2 (error: every connection then uses a
    deprecated version);
  - explicit cipher suites that Go lists in tls.InsecureCipherSuites():
    RC4 and 3DES as errors (broken), RSA key exchange (no forward secrecy)
    and CBC-SHA256 as warnings; CBC suites with SHA-1 as warnings; in the
    CipherSuites field or in any []uint16 list of crypto/tls suite
    constants. The tables come from crypto/tls itself;
  - gRPC clients dialled with insecure credentials (grpc.WithInsecure(),
    grpc.WithTransportCredentials(insecure.NewCredentials())) to a constant
    target that is not loopback, a unix socket or an in-process bufconn
    (warning), or to a target computed at run time (note).

Config-driven values are notes, not errors: InsecureSkipVerify set from a
variable, field, parameter or call (cfg.TLS.SkipVerify, *insecureFlag,
os.Getenv(...) == "1"); set to true under an if or case whose condition
(or if-initializer) names such a setting (insecure, secure, skip, verify,
verification, validate, trust, cert, self-signed, unsafe, dev, debug,
ignore TLS errors); or in a function or variable whose name says it is
insecure on purpose (newInsecureClient, insecureTransport). Such switches
are common for development setups; make sure production cannot turn
them on.

Not reported: InsecureSkipVerify: true under an if or case that names a
unix socket, loopback or localhost (TLS over a unix socket is protected
by file permissions); configs that set VerifyPeerCertificate or VerifyConnection
in the same literal or function (custom verification, such as certificate
pinning, is done there); MinVersion or MaxVersion computed at run time;
a missing MinVersion (Go's default minimum is TLS 1.2 for clients since
Go 1.18 and for servers since Go 1.22); cipher suites in a config whose
MinVersion is TLS 1.3 (Go ignores CipherSuites for TLS 1.3);
PreferServerCipherSuites (deprecated and ignored since Go 1.18);
test files unless -tests is given, and functions that take a *testing.T,
*testing.B, *testing.F or testing.TB in other files.

Database connection strings: the same flaw spelled as a DSN option, in
any string literal (a DSN, a fmt.Sprintf format, a config default): MySQL
tls=skip-verify or tls=preferred and MongoDB tlsInsecure=true,
tlsAllowInvalidCertificates=true or tlsAllowInvalidHostnames=true
(warnings); Postgres sslmode=require, prefer or allow, which encrypt
without verifying the server (require with sslrootcert verifies the
chain), as notes: common on private networks, still open to a machine in
the middle; sslmode=verify-full with sslrootcert is the fix.

Limits: a config whose InsecureSkipVerify is set
by reflection or a non-crypto/tls copy of the type (utls) is not seen.

Suggested fixes delete InsecureSkipVerify: true (or the assignment),
raise MinVersion to tls.VersionTLS12, delete a MaxVersion below TLS 1.2
and delete a weak suite from the list.

Suppress a finding with a reason: //apivet:ignore insecuretls <reason>.`

// Analyzer is the insecuretls check's analyzer.
var Analyzer = &analysis.Analyzer{
	Name:     "insecuretls",
	Doc:      Doc,
	URL:      "https://github.com/apivet/apivet/blob/main/docs/checks.md#insecuretls",
	Requires: []*analysis.Analyzer{check.Inspect},
	Run:      run,
}

// Check is the insecuretls check's registry entry.
var Check = &check.Check{
	Analyzer:  Analyzer,
	Title:     "TLS certificate verification off, deprecated TLS versions or weak cipher suites",
	OWASP:     "API8:2023",
	CWE:       []int{295, 327},
	Severity:  check.Error,
	Precision: check.High,
	Since:     "v0.2.0",
	Bad: `client := &http.Client{Transport: &http.Transport{
	TLSClientConfig: &tls.Config{
		InsecureSkipVerify: true, // anyone on the path can impersonate the gateway
		MinVersion:         tls.VersionTLS10,
	},
}}`,
	Good: `pool := x509.NewCertPool()
pool.AppendCertsFromPEM(gatewayCA)
client := &http.Client{Transport: &http.Transport{
	TLSClientConfig: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12},
}}`,
}

const tlsPath = "crypto/tls"

func run(pass *analysis.Pass) (any, error) {
	if pass.TypesInfo == nil {
		return nil, nil
	}
	c := &checker{pass: pass}
	ins := pass.ResultOf[check.Inspect].(*inspector.Inspector)
	for cur := range ins.Root().Preorder((*ast.BasicLit)(nil)) {
		c.dsnLiteral(cur)
	}
	if !importsAny(pass.Pkg, tlsPath, grpcPath) {
		return nil, nil
	}
	for cur := range ins.Root().Preorder((*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil), (*ast.CallExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.CompositeLit:
			if isTLSConfig(pass.TypesInfo.TypeOf(n)) {
				c.configLit(cur, n)
			} else if isSuiteList(pass.TypesInfo, n) {
				c.suiteList(n, false)
			}
		case *ast.AssignStmt:
			c.assign(cur, n)
		case *ast.CallExpr:
			c.grpcCall(cur, n)
		}
	}
	return nil, nil
}

type checker struct {
	pass    *analysis.Pass
	vars    map[*types.Var]*varValues // built on first use
	checked map[*ast.CompositeLit]bool
}

func importsAny(pkg *types.Package, paths ...string) bool {
	for _, imp := range pkg.Imports() {
		for _, p := range paths {
			if imp.Path() == p || len(imp.Path()) > len(p) && imp.Path()[:len(p)+1] == p+"/" {
				return true
			}
		}
	}
	return false
}

// isTLSConfig reports whether t is crypto/tls.Config or a pointer to it.
func isTLSConfig(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == tlsPath && n.Obj().Name() == "Config"
}

// customVerifyFields are the tls.Config callbacks that verify the peer
// themselves: with one set, InsecureSkipVerify only turns off Go's own
// chain check (the documented way to pin certificates).
var customVerifyFields = map[string]bool{"VerifyPeerCertificate": true, "VerifyConnection": true}

func (c *checker) configLit(cur inspector.Cursor, lit *ast.CompositeLit) {
	fields := map[string]*ast.KeyValueExpr{}
	for _, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				fields[id.Name] = kv
			}
		}
	}
	if kv := fields["InsecureSkipVerify"]; kv != nil && !c.customVerify(cur, fields) {
		c.skipVerify(cur, kv, kv.Value, func() *analysis.TextEdit { return elt(c.pass, lit, kv) })
	}
	if kv := fields["MinVersion"]; kv != nil {
		c.minVersion(kv, kv.Value, func() *analysis.TextEdit {
			return &analysis.TextEdit{Pos: kv.Value.Pos(), End: kv.Value.End(), NewText: []byte(c.tlsName(kv.Value) + ".VersionTLS12")}
		})
	}
	if kv := fields["MaxVersion"]; kv != nil {
		c.maxVersion(kv, kv.Value, func() *analysis.TextEdit { return elt(c.pass, lit, kv) })
	}
	if kv := fields["CipherSuites"]; kv != nil {
		if list, ok := ast.Unparen(kv.Value).(*ast.CompositeLit); ok {
			tls13 := false
			if mv := fields["MinVersion"]; mv != nil {
				v, ok := uintConst(c.pass.TypesInfo, mv.Value)
				tls13 = ok && v >= tls.VersionTLS13
			}
			c.suiteList(list, tls13)
		}
	}
}

func elt(pass *analysis.Pass, lit *ast.CompositeLit, kv *ast.KeyValueExpr) *analysis.TextEdit {
	for i, e := range lit.Elts {
		if e == kv {
			return source.DeleteElt(pass, lit, i)
		}
	}
	return nil
}

// assign checks cfg.Field = value for the tls.Config fields the check reads.
func (c *checker) assign(cur inspector.Cursor, as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, lhs := range as.Lhs {
		sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
		if !ok || !isTLSConfig(c.pass.TypesInfo.TypeOf(sel.X)) {
			continue
		}
		rhs := as.Rhs[i]
		del := func() *analysis.TextEdit {
			if len(as.Lhs) == 1 {
				return source.DeleteStmt(c.pass, as)
			}
			return nil
		}
		switch sel.Sel.Name {
		case "InsecureSkipVerify":
			if !c.customVerify(cur, nil) {
				c.skipVerify(cur, as, rhs, del)
			}
		case "MinVersion":
			c.minVersion(as, rhs, func() *analysis.TextEdit {
				return &analysis.TextEdit{Pos: rhs.Pos(), End: rhs.End(), NewText: []byte(c.tlsName(rhs) + ".VersionTLS12")}
			})
		case "MaxVersion":
			c.maxVersion(as, rhs, del)
		case "CipherSuites":
			if list, ok := ast.Unparen(rhs).(*ast.CompositeLit); ok {
				c.suiteList(list, false)
			}
		}
	}
}

// customVerify reports whether the config literal's fields, or an
// assignment in the enclosing function, set a verification callback.
func (c *checker) customVerify(cur inspector.Cursor, fields map[string]*ast.KeyValueExpr) bool {
	for name := range customVerifyFields {
		if kv := fields[name]; kv != nil && !c.pass.TypesInfo.Types[kv.Value].IsNil() {
			return true
		}
	}
	body := enclosingFunc(cur)
	if body == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || found {
			return !found
		}
		for _, lhs := range as.Lhs {
			if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && customVerifyFields[sel.Sel.Name] && isTLSConfig(c.pass.TypesInfo.TypeOf(sel.X)) {
				found = true
			}
		}
		return true
	})
	return found
}

func enclosingFunc(cur inspector.Cursor) ast.Node {
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return f.Node()
	}
	return nil
}

// tlsName is the name under which the file of n imports crypto/tls.
func (c *checker) tlsName(n ast.Node) string {
	for _, f := range c.pass.Files {
		if f.FileStart <= n.Pos() && n.Pos() <= f.FileEnd {
			if name := source.ImportName(f, tlsPath); name != "" {
				return name
			}
		}
	}
	return "tls"
}

func uintConst(info *types.Info, e ast.Expr) (uint64, bool) {
	tv := info.Types[e]
	if tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Uint64Val(tv.Value)
}

func report(pass *analysis.Pass, n ast.Node, sev check.Severity, msg, fixMsg string, edit func() *analysis.TextEdit) {
	d := analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Message: msg}
	if edit != nil {
		if e := edit(); e != nil {
			d.SuggestedFixes = []analysis.SuggestedFix{{Message: fixMsg, TextEdits: []analysis.TextEdit{*e}}}
		}
	}
	check.Report(pass, d, sev)
}

func calleeFunc(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn
}

func funcIs(fn *types.Func, pkg, name string) bool {
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == pkg && fn.Name() == name
}
