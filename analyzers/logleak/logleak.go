// Package logleak defines the logleak check: secrets and credentials
// written to logs.
package logleak

import (
	"golang.org/x/tools/go/analysis"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/taint"
)

const Doc = `logleak: secrets and credentials written to logs

Logs are read by more people and systems than the secrets in them were
meant for: log pipelines, support staff, a SaaS log store, a leaked
backup. A password, token, API key or session cookie in a log line is a
credential handed to all of them (CWE-532, CWE-312; OWASP API3:2023
and API8:2023).

Sources: values whose name says they hold a secret (password, passwd,
secret, token, apiKey, accessToken, privateKey, credentials; not
pageToken, tokenType, passwordHash), getters named for one
(GetPassword()), lookups by such a name (os.Getenv("DB_PASSWORD"),
viper.GetString("jwt.secret"), r.FormValue("password")), the
Authorization, Proxy-Authorization, Cookie and API-key request headers,
session cookies, the incoming request's Header, request dumps
(httputil.DumpRequest), and structs with a secret field logged whole (a
login request bound from the body, a config). Sinks: log, log/slog
(messages and attributes), zap (Logger and SugaredLogger, fields), zerolog
events, logrus (fields too), go-kit log, glog and klog, and fmt.Print* or
fmt.Fprint*(os.Stdout/os.Stderr). The flow is followed through
functions of the module, across packages.

Not reported: lengths, booleans and other numbers; hashes (crypto/sha*,
md5, bcrypt, argon2, scrypt, pbkdf2), url.URL.Redacted, and the results
of module functions named mask*, redact*, obfuscate*, hash*, scrub*,
encrypt*; values named for a hashed or encrypted form (hashedPassword);
types that render themselves (String, Format, LogValue,
MarshalLogObject, MarshalZerologObject methods), which is how a type
redacts; constants (a message that says "password"); fmt printing in
a command-line command's function (a cobra Run or RunE, an urfave/cli
or kong action: a parameter of its command or context type), whose
standard output is the terminal of whom ran it (lakefs setup prints the
credentials it created) — its logger calls are still logs.

Suppress a finding with a reason: //apivet:ignore logleak <reason>.`

// Analyzer is the logleak check's analyzer.
var Analyzer = &analysis.Analyzer{
	Name:     "logleak",
	Doc:      Doc,
	URL:      "https://github.com/apivet/apivet/blob/main/docs/checks.md#logleak",
	Requires: []*analysis.Analyzer{taint.Analyzer},
	Run:      run,
}

// Check is the logleak check's registry entry.
var Check = &check.Check{
	Analyzer:  Analyzer,
	Title:     "Secrets and credentials written to logs",
	OWASP:     "API8:2023",
	CWE:       []int{532, 312},
	Severity:  check.Warning,
	Precision: check.High,
	Since:     "v0.3.0",
	Bad:       `log.Printf("login %s with password %s", req.Email, req.Password)`,
	Good:      `log.Printf("login %s", req.Email)`,
}

func run(pass *analysis.Pass) (any, error) {
	taint.Report(pass, taint.Log, check.Warning,
		"%s is written to the log by %s: leave it out of logs, or log a masked form (CWE-532)",
		"%s reaches the log through %s in %s: leave it out of logs, or log a masked form (CWE-532)")
	return nil, nil
}
