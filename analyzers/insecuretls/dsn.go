package insecuretls

import (
	"go/ast"
	"go/token"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/apivet/apivet/internal/check"
)

// Database connection strings carry their own TLS settings, which the
// drivers turn into a tls.Config the program never spells out:
//
//   - go-sql-driver/mysql: tls=skip-verify and tls=preferred set
//     InsecureSkipVerify (dsn.go);
//   - pgx and lib/pq: sslmode=require, prefer and allow encrypt without
//     verifying the server (pgconn.ParseConfig sets InsecureSkipVerify),
//     unless sslrootcert names a CA, which makes require verify the chain;
//     prefer and allow also fall back to plaintext;
//   - the MongoDB driver: tlsInsecure, tlsAllowInvalidCertificates and
//     tlsAllowInvalidHostnames set to true.
//
// The options are read from string literals (a DSN, a fmt.Sprintf
// format, a config default), whatever call they later reach: the
// key=value syntax names the driver.

// mentionsDSNOption is a cheap test before the option patterns: every
// string literal of the package with an "=" comes here.
func mentionsDSNOption(s string) bool {
	l := strings.ToLower(s)
	return strings.Contains(l, "tls=") || strings.Contains(l, "sslmode=") ||
		strings.Contains(l, "tlsinsecure=") || strings.Contains(l, "tlsallowinvalid")
}

// dsnOption is an insecure connection-string option.
type dsnOption struct {
	re   *regexp.Regexp
	sev  check.Severity
	what string // what it does
	fix  string
}

var dsnOptions = []dsnOption{
	{regexp.MustCompile(`(?i)(?:^|[?&;\s])tls=(skip-verify|preferred)(?:$|[&;\s])`), check.Warning,
		"the MySQL DSN turns off certificate verification", "register a tls.Config with the server's CA (mysql.RegisterTLSConfig) and name it in tls="},
	{regexp.MustCompile(`(?i)(?:^|[?&;\s])(tlsInsecure|tlsAllowInvalidCertificates|tlsAllowInvalidHostnames)=true(?:$|[&;\s])`), check.Warning,
		"the MongoDB URI turns off certificate verification", "drop the option and give the CA with tlsCAFile"},
	{regexp.MustCompile(`(?i)(?:^|[?&;\s])sslmode=(require|prefer|allow)(?:$|[&;\s'"])`), check.Note,
		"the Postgres DSN encrypts without verifying the server's certificate", "use sslmode=verify-full with sslrootcert"},
}

// dsnLiteral reports the first insecure option in a string literal, not
// in test code and not for a database on the same machine.
func (c *checker) dsnLiteral(cur inspector.Cursor) {
	lit := cur.Node().(*ast.BasicLit)
	if lit.Kind != token.STRING || !strings.Contains(lit.Value, "=") {
		return
	}
	s, err := strconv.Unquote(lit.Value)
	if err != nil || !mentionsDSNOption(s) {
		return
	}
	for _, o := range dsnOptions {
		m := o.re.FindStringSubmatchIndex(s)
		if m == nil {
			continue
		}
		if o.sev == check.Note && strings.Contains(strings.ToLower(s), "sslrootcert=") && strings.EqualFold(s[m[2]:m[3]], "require") {
			continue // require with a CA verifies the chain (verify-ca)
		}
		if localDSN(s) || inTestFunc(c.pass.TypesInfo, cur) {
			return
		}
		opt := strings.TrimLeft(s[m[0]:m[1]], "?&; ")
		opt = strings.TrimRight(opt, "&; '\"")
		report(c.pass, lit, o.sev, o.what+" ("+opt+"): anyone on the path can impersonate the database (CWE-295); "+o.fix, "", nil)
		return
	}
}

// localDSN: the connection string names a database on this machine
// (loopback, a unix socket), where no one is on the path.
func localDSN(s string) bool {
	l := strings.ToLower(s)
	for _, w := range []string{"localhost", "127.0.0.1", "[::1]", "unix(", "host=/"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}
