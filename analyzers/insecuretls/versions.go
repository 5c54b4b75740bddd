package insecuretls

import (
	"crypto/tls"
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/source"
)

// versionNames are the protocol versions below TLS 1.2 that crypto/tls
// has constants for.
var versionNames = map[uint64]string{
	0x0300:           "SSL 3.0", // tls.VersionSSL30: refused by crypto/tls, which then allows TLS 1.0
	tls.VersionTLS10: "TLS 1.0",
	tls.VersionTLS11: "TLS 1.1",
}

func (c *checker) minVersion(at ast.Node, value ast.Expr, fix func() *analysis.TextEdit) {
	if name, fix, ok := c.belowTLS12(value, fix); ok {
		report(c.pass, at, check.Warning,
			fmt.Sprintf("MinVersion allows %s, deprecated by RFC 8996: a client or attacker can negotiate a protocol with known weaknesses (BEAST, weak MACs); set MinVersion: tls.VersionTLS12", name),
			"raise MinVersion to TLS 1.2", fix)
	}
}

func (c *checker) maxVersion(at ast.Node, value ast.Expr, fix func() *analysis.TextEdit) {
	if name, fix, ok := c.belowTLS12(value, fix); ok {
		report(c.pass, at, check.Error,
			fmt.Sprintf("MaxVersion caps every connection at %s, deprecated by RFC 8996 (weak MACs, BEAST); delete MaxVersion so TLS 1.2 and 1.3 are negotiated", name),
			"delete MaxVersion", fix)
	}
}

// belowTLS12 reports whether a MinVersion/MaxVersion value is a version
// below TLS 1.2, its name, and the fix to offer: none when the value comes
// through a variable (editing the use would leave the variable unused).
func (c *checker) belowTLS12(value ast.Expr, fix func() *analysis.TextEdit) (string, func() *analysis.TextEdit, bool) {
	v, ok := c.uintValue(value)
	if !ok || v == 0 || v >= tls.VersionTLS12 {
		return "", nil, false
	}
	if _, direct := uintConst(c.pass.TypesInfo, value); !direct {
		fix = nil
	}
	name := versionNames[v]
	if name == "" {
		name = fmt.Sprintf("version %#04x", v)
	}
	return name, fix, true
}

// uintValue is the value of a constant, or of a variable of the package
// that is only ever given one constant (var lowMax uint16 = tls.VersionTLS10).
func (c *checker) uintValue(e ast.Expr) (uint64, bool) {
	info := c.pass.TypesInfo
	if v, ok := uintConst(info, e); ok {
		return v, true
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return 0, false
	}
	v, ok := info.ObjectOf(id).(*types.Var)
	if !ok || v.Exported() && v.Parent() == v.Pkg().Scope() {
		return 0, false
	}
	vals := c.varValues()[v]
	if vals == nil || vals.unknown || len(vals.values) == 0 {
		return 0, false
	}
	var out uint64
	for i, val := range vals.values {
		if val == nil {
			return 0, false
		}
		x, ok := uintConst(info, val)
		if !ok || i > 0 && x != out {
			return 0, false
		}
		out = x
	}
	return out, true
}

// suite is what the check says about a cipher suite it reports.
type suite struct {
	name     string
	severity check.Severity
	why      string
}

// weakness explains a weak suite by a part of its name, the first match
// winning: broken encryption is an error, the rest (no forward secrecy,
// CBC timing side channels) a warning.
var weakness = []struct {
	part     string
	severity check.Severity
	why      string
}{
	{"_RC4_", check.Error, "RC4 is broken"},
	{"_3DES_", check.Error, "3DES has 64-bit blocks (Sweet32)"},
	{"_NULL_", check.Error, "it does not encrypt"},
	{"TLS_RSA_", check.Warning, "RSA key exchange has no forward secrecy"},
	{"_CBC_SHA256", check.Warning, "CBC-SHA256 has no constant-time implementation (Lucky13)"},
	{"_CBC_SHA", check.Warning, "CBC with SHA-1 is open to padding-oracle timing attacks (Lucky13)"},
}

// weakSuites are the suites reported: those of tls.InsecureCipherSuites()
// and the CBC-SHA1 suites Go still counts as secure, judged by weakness.
var weakSuites = func() map[uint16]suite {
	m := map[uint16]suite{}
	add := func(s *tls.CipherSuite) {
		for _, w := range weakness {
			if strings.Contains(s.Name, w.part) {
				m[s.ID] = suite{s.Name, w.severity, w.why}
				return
			}
		}
		m[s.ID] = suite{s.Name, check.Error, "Go lists it in tls.InsecureCipherSuites()"}
	}
	for _, s := range tls.InsecureCipherSuites() {
		add(s)
	}
	for _, s := range tls.CipherSuites() {
		if strings.HasSuffix(s.Name, "_CBC_SHA") {
			add(s)
		}
	}
	return m
}()

// isSuiteList reports whether lit is a []uint16 literal that names at
// least one crypto/tls cipher-suite constant.
func isSuiteList(info *types.Info, lit *ast.CompositeLit) bool {
	sl, ok := types.Unalias(info.TypeOf(lit)).(*types.Slice)
	if !ok {
		return false
	}
	if b, ok := sl.Elem().Underlying().(*types.Basic); !ok || b.Kind() != types.Uint16 {
		return false
	}
	for _, e := range lit.Elts {
		if isSuiteConst(info, e) {
			return true
		}
	}
	return false
}

func isSuiteConst(info *types.Info, e ast.Expr) bool {
	var id *ast.Ident
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	default:
		return false
	}
	k, ok := info.ObjectOf(id).(*types.Const)
	return ok && k.Pkg() != nil && k.Pkg().Path() == tlsPath && strings.HasPrefix(k.Name(), "TLS_")
}

// suiteList reports the weak suites of a list, once per list (a
// CipherSuites value is also a []uint16 literal of its own).
func (c *checker) suiteList(list *ast.CompositeLit, tls13 bool) {
	if c.checked == nil {
		c.checked = map[*ast.CompositeLit]bool{}
	}
	if c.checked[list] {
		return
	}
	c.checked[list] = true
	if tls13 {
		return
	}
	for i, e := range list.Elts {
		v, ok := uintConst(c.pass.TypesInfo, e)
		if !ok {
			continue
		}
		s, weak := weakSuites[uint16(v)]
		if !weak {
			continue
		}
		var msg string
		if s.severity == check.Error {
			msg = fmt.Sprintf("cipher suite %s is insecure: %s; remove it (or drop CipherSuites to use Go's secure defaults)", s.name, s.why)
		} else {
			msg = fmt.Sprintf("cipher suite %s is weak: %s; remove it and prefer ECDHE with AES-GCM or ChaCha20-Poly1305", s.name, s.why)
		}
		report(c.pass, e, s.severity, msg, "remove "+s.name, func() *analysis.TextEdit {
			if len(list.Elts) == 1 {
				return nil // an empty list would mean the defaults: let the author choose
			}
			return source.DeleteElt(c.pass, list, i)
		})
	}
}
