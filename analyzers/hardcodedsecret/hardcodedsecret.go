// Package hardcodedsecret defines an Analyzer that reports credentials,
// keys and tokens written into Go source.
package hardcodedsecret

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/secretname"
)

const Doc = `report credentials, keys and tokens hard-coded in Go source

A secret in source code is readable by everyone who can read the
repository, its history, its forks and the compiled binary, and it cannot
be rotated without a release. The hardcodedsecret check reports three
kinds of hard-coded secret (CWE-798, OWASP API8:2023):

Known credential formats, in any string literal, with the format's own
validation: GitHub tokens (ghp_, gho_, ghu_, ghs_, ghr_, whose CRC32
checksum in the last 6 characters is verified; github_pat_), npm tokens
(checksum verified), AWS access key ids (AKIA/ASIA…), Google API keys
(AIza…), Slack tokens and webhook URLs, Stripe live secret and restricted
keys, SendGrid, Twilio, PyPI, GitLab, OpenAI and Anthropic keys, PEM
private key blocks (the body must decode), JSON Web Tokens (the header
must decode to JSON with an "alg" other than "none"), bearer tokens
written with their scheme ("Bearer 9f8e…", 20+ characters with letters,
digits and 3.5 bits of entropy per character; a warning), and URLs or DSNs
with an inline password (postgres://user:pass@host, user:pass@tcp(host)/db,
redis://:pass@host, amqp://, mongodb://, "host=… password=…").
A format is found anywhere in a literal or folded constant: a config
template written to a file, a request dump, a JSON document or a URL
holding a token is reported at the literal. A match inside a larger
string must stand on its own: not part of a longer identifier
(cacheAKIA…), not continuing a base64 blob through a '+' or a '/'
followed by 16 or more base64 characters (data: URIs, embedded
certificates; a short URL path segment is fine), and not a placeholder
in the format's shape (ghp_xxxx…, AKIAXXXXXXXXXXXXXXXX, a run of six of
one character). The generic formats — bearer tokens, and Twilio's SK
and hex — count only as the whole literal (or an Authorization header
line of its own). A PEM block in JSON or a raw string, its line breaks
written as \n, is decoded as one.
A verified format or a private key is an error; a JWT, or a DSN password
for a local host, a warning. A DSN whose password is a container's stock
default (postgres, root, guest, secret, the user name…) on a local or
dotless compose host is not reported.

Secret sinks: a literal, a constant whose value is a literal, a variable
(package-level or local) initialized with one and never assigned again,
or the bytes base64/base32/hex DecodeString makes of a literal, passed
where an API takes a credential: JWT signing and verification keys
((*jwt.Token).SignedString, jwtauth.New, a jwt.Keyfunc returning a
literal, echo-jwt and gin-jwt key fields), DSNs with a password given to
sql.Open, sqlx, pgx and the gorm postgres/mysql drivers,
(*http.Request).SetBasicAuth, smtp.PlainAuth, url.UserPassword,
go-redis Options.Password, oauth2.Config.ClientSecret, mysql.Config.Passwd,
AWS static credentials (aws-sdk-go and v2), tls.X509KeyPair with a PEM
private key, gorilla sessions.NewCookieStore and securecookie.New keys,
hmac.New keys (a warning: some HMAC keys are public constants), and the
value of an Authorization or Proxy-Authorization header set from a
literal ((http.Header).Set/Add: the token after Bearer/Token, the
password of Basic user:password).
The constant or variable is reported where it reaches the sink.

Names and values: a literal assigned, defined, compared with == or !=,
passed to a parameter, stored into an environment variable (os.Setenv),
sent in an HTTP header (Header.Set/Add), returned by a function, or used
as a struct field or map value whose name,
split into words, ends in password, passwd, secret, token, credentials,
api key, private key, access key, signing key, client secret or the like,
when the value looks like a secret. Names about secrets that are not
secrets are not findings: the last word decides (TokenURL, PasswordField,
SecretName, TokenType, passwordResetPath) and a leading err, msg, env,
key, header or flag word marks an error, message or lookup key
(ErrInvalidToken, EnvAPIKey). Values that are not findings: empty
strings, placeholders (changeme, xxxx, <token>, ${API_KEY}, {{.Secret}},
your-key-here, example, dummy, redacted, ****), paths, URLs without a
password, environment variable and header names, format strings,
regular expressions, prose and translated messages, identifier-like
values made of the name's own words (AccessToken = "access_token") or of
plain words (cookie and route names), UUIDs named as ids, and values
below the length (8) and entropy (min-entropy bits per character)
thresholds. These findings are guesses: warnings, with lower precision.

Documented fake values (the AWS documentation's AKIAIOSFODNN7EXAMPLE
and wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY, jwt.io's sample token)
are never reported. Messages show the kind of secret and only its first
four characters.

Not detected: secrets built at run time (concatenation of variables,
custom de-obfuscation), secrets in non-Go files.

Settings (.apivet.yml):

	hardcodedsecret:
	  extra-patterns:          # more known formats, reported as errors
	    - kind: Acme API key
	      regex: 'acme_[0-9a-f]{32}'
	  allow-values: ['^test-']  # regexes: matching values are never findings
	  allow-names: ['^Fixture'] # regexes on the name in name+value findings
	  min-entropy: 2.5          # bits per character for name+value findings

Suppress a finding with //apivet:ignore hardcodedsecret <reason> on the
line or the line above; at the end of the first line of a multi-line
statement or composite literal it covers the whole of it, and on its own
line directly above a declaration the whole declaration. The fix is to load the secret from the
environment or a secret manager, and to rotate it: it has already leaked.`

// Pattern is a credential format added in the settings.
type Pattern struct {
	Kind  string `yaml:"kind"`
	Regex string `yaml:"regex"`
}

// Settings are the check's settings.
type Settings struct {
	// ExtraPatterns are more known credential formats, reported as errors.
	ExtraPatterns []Pattern `yaml:"extra-patterns"`
	// AllowValues are regular expressions; a value matching one is never reported.
	AllowValues []string `yaml:"allow-values"`
	// AllowNames are regular expressions; a name matching one is never a
	// reason for a finding (name+value findings, and constants at sinks).
	AllowNames []string `yaml:"allow-names"`
	// MinEntropy is the Shannon entropy, in bits per character, below
	// which a value assigned to a secret-sounding name is not reported.
	MinEntropy float64 `yaml:"min-entropy"`
}

// DefaultMinEntropy is the default of Settings.MinEntropy (see Doc and
// the measurement in the package tests' comments).
const DefaultMinEntropy = 2.5

// minNameValueLen is the shortest value reported by a name alone.
const minNameValueLen = 8

var settings = &Settings{MinEntropy: DefaultMinEntropy}

var Analyzer = &analysis.Analyzer{
	Name:     "hardcodedsecret",
	Doc:      Doc,
	URL:      "https://github.com/apivet/apivet/blob/main/docs/checks.md#hardcodedsecret",
	Requires: []*analysis.Analyzer{check.Inspect},
	Run:      run,
}

var Check = &check.Check{
	Analyzer:  Analyzer,
	Title:     "Credentials, keys or tokens hard-coded in source",
	OWASP:     "API8:2023",
	CWE:       []int{798, 259, 321},
	Severity:  check.Error,
	Precision: check.High,
	Since:     "v0.1.0",
	Bad: `var store = sessions.NewCookieStore([]byte("kP9v2sXq7LmW4nZt"))

func sign(t *jwt.Token) (string, error) {
	return t.SignedString([]byte("s3cr3t-signing-key"))
}`,
	Good: `var store = sessions.NewCookieStore([]byte(os.Getenv("SESSION_KEY")))

func sign(t *jwt.Token) (string, error) {
	return t.SignedString([]byte(os.Getenv("JWT_SIGNING_KEY")))
}`,
	Settings: settings,
}

// rank orders the detectors: a literal is reported once, by the most
// certain one.
const (
	rankName = iota + 1
	rankSink
	rankFormat
)

type finding struct {
	pos, end token.Pos // where to report
	lit      token.Pos // the literal holding the secret (a constant's value)
	rank     int
	kind     string // what the secret is
	value    string
	where    string // "passed to sql.Open", "assigned to jwtSecret"
	sev      check.Severity
}

type nameInfo struct {
	words  []string
	secret bool
}

type runner struct {
	pass        *analysis.Pass
	formats     []format
	allowValues []*regexp.Regexp
	allowNames  []*regexp.Regexp
	minEntropy  float64
	consts      map[*types.Const]ast.Expr // constants of this package -> their value expression
	vars        map[*types.Var]ast.Expr   // package variables set once, from a literal -> that literal
	names       map[string]nameInfo       // secretName results: names repeat
	findings    map[token.Pos]*finding    // keyed by report position
}

func newRunner(pass *analysis.Pass, s *Settings) (*runner, error) {
	r := &runner{pass: pass, formats: formats, minEntropy: s.MinEntropy,
		consts: map[*types.Const]ast.Expr{}, vars: map[*types.Var]ast.Expr{}, names: map[string]nameInfo{}, findings: map[token.Pos]*finding{}}
	if len(s.ExtraPatterns) > 0 {
		r.formats = append([]format(nil), formats...)
		for _, p := range s.ExtraPatterns {
			re, err := regexp.Compile(p.Regex)
			if err != nil {
				return nil, fmt.Errorf("hardcodedsecret: extra-patterns: %q: %v", p.Regex, err)
			}
			kind := p.Kind
			if kind == "" {
				kind = "secret matching " + p.Regex
			}
			r.formats = append(r.formats, format{kind: kind, re: re, sev: check.Error})
		}
	}
	for _, l := range []struct {
		src []string
		dst *[]*regexp.Regexp
		key string
	}{{s.AllowValues, &r.allowValues, "allow-values"}, {s.AllowNames, &r.allowNames, "allow-names"}} {
		for _, src := range l.src {
			re, err := regexp.Compile(src)
			if err != nil {
				return nil, fmt.Errorf("hardcodedsecret: %s: %q: %v", l.key, src, err)
			}
			*l.dst = append(*l.dst, re)
		}
	}
	return r, nil
}

func run(pass *analysis.Pass) (any, error) {
	r, err := newRunner(pass, settings)
	if err != nil {
		return nil, err
	}
	ins := pass.ResultOf[check.Inspect].(*inspector.Inspector)

	// Constants first, so that a constant used in a sink is known
	// wherever it is declared in the package.
	// Variables initialized with a literal and never assigned again count
	// as constants: var jwtKey = []byte("…"), key := "…" (flow.go).
	reassigned := map[*types.Var]bool{}
	ins.Preorder([]ast.Node{(*ast.ValueSpec)(nil), (*ast.AssignStmt)(nil), (*ast.UnaryExpr)(nil), (*ast.IncDecStmt)(nil)}, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if i >= len(n.Values) {
					continue
				}
				switch obj := pass.TypesInfo.Defs[id].(type) {
				case *types.Const:
					r.consts[obj] = n.Values[i]
				case *types.Var:
					r.vars[obj] = n.Values[i] // package-level or local
				}
			}
		case *ast.AssignStmt:
			r.localDefs(n)
			for _, lhs := range n.Lhs {
				if id, ok := ast.Unparen(lhs).(*ast.Ident); ok {
					if v, ok := pass.TypesInfo.Uses[id].(*types.Var); ok {
						reassigned[v] = true
					}
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				if id, ok := ast.Unparen(n.X).(*ast.Ident); ok {
					if v, ok := pass.TypesInfo.Uses[id].(*types.Var); ok {
						reassigned[v] = true
					}
				}
			}
		}
	})
	for v := range reassigned {
		delete(r.vars, v)
	}

	// Findings are reported where the literal or the sink is: files whose
	// findings are dropped (generated code such as swag's 600 kB docs.go,
	// tests without -tests) are not scanned; their constants are known.
	for fc := range ins.Root().Children() {
		if f, ok := fc.Node().(*ast.File); !ok || check.Skipped(pass, f) {
			continue
		}
		r.scanFile(fc)
	}

	r.report()
	return nil, nil
}

// literal runs the known-format detectors on a string literal.
func (r *runner) literal(lit *ast.BasicLit, cur inspector.Cursor) {
	if lit.Kind != token.STRING || len(lit.Value) < 10 {
		return
	}
	// Struct tags and import paths are not values.
	if k, _ := cur.ParentEdge(); k == edge.Field_Tag || k == edge.ImportSpec_Path {
		return
	}
	s, err := strconv.Unquote(lit.Value)
	if err != nil {
		return
	}
	if m, ok := r.matchFormats(s); ok {
		r.add(lit.Pos(), &finding{pos: lit.Pos(), end: lit.End(), rank: rankFormat, kind: m.kind, value: m.value, sev: m.sev})
	}
}

// folded runs the known-format detectors on a concatenation of constant
// string literals ("sk_live_" + "51Hx…"), scanned as the value the
// compiler folds, when none of its literals matches on its own (those
// are reported where they are). Only the outermost concatenation is
// scanned.
func (r *runner) folded(b *ast.BinaryExpr, cur inspector.Cursor) {
	if b.Op != token.ADD {
		return
	}
	if p, ok := cur.Parent().Node().(*ast.BinaryExpr); ok && p.Op == token.ADD {
		if tv, ok := r.pass.TypesInfo.Types[p]; ok && tv.Value != nil {
			return // a part of a larger constant concatenation
		}
	}
	tv, ok := r.pass.TypesInfo.Types[b]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return
	}
	// Only literals split by hand: a named constant in the sum is scanned
	// where it is declared ("Bearer " + releaseNotesToken).
	var parts []string
	named := false
	ast.Inspect(b, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident, *ast.SelectorExpr, *ast.CallExpr:
			named = true
		case *ast.BasicLit:
			if n.Kind == token.STRING {
				if s, err := strconv.Unquote(n.Value); err == nil {
					parts = append(parts, s)
				}
			}
		}
		return !named
	})
	whole := constant.StringVal(tv.Value)
	if named || len(whole) > maxFolded {
		return
	}
	m, ok := r.matchFormats(whole)
	if !ok {
		return
	}
	// A part that matches alone is reported as its own literal.
	for _, s := range parts {
		if _, ok := r.matchFormats(s); ok {
			return
		}
	}
	r.add(b.Pos(), &finding{pos: b.Pos(), end: b.End(), rank: rankFormat, kind: m.kind, value: m.value, sev: m.sev})
}

// call handles sink calls and arguments to parameters named like secrets.
func (r *runner) call(call *ast.CallExpr) {
	fn, _ := typeutil.Callee(r.pass.TypesInfo, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil {
		return
	}
	if r.keyValueCall(call, fn, sig) {
		return
	}
	if s := callSinkIndex[sinkKey{fn.Pkg().Path(), recvName(sig), fn.Name()}]; s != nil {
		for _, i := range s.args {
			for _, arg := range argsFor(call, sig, i) {
				r.sinkValue(arg, s.kind, s.rule, s.sev, "passed to "+funcName(fn, sig))
			}
		}
		return
	}
	// A parameter named like a secret: NewClient(apiKey string).
	params := sig.Params()
	for i, arg := range call.Args {
		if i >= params.Len() || (sig.Variadic() && i >= params.Len()-1) {
			break
		}
		if name := params.At(i).Name(); name != "" && name != "_" {
			if _, secret := r.nameInfo(name); secret { // before building the description, for every argument
				r.named(name, arg, "passed as "+name+" to "+funcName(fn, sig))
			}
		}
	}
}

// argsFor returns the arguments of call for parameter i, all of them for
// a variadic parameter unless spread with "...".
func argsFor(call *ast.CallExpr, sig *types.Signature, i int) []ast.Expr {
	if i >= len(call.Args) {
		return nil
	}
	if sig.Variadic() && i == sig.Params().Len()-1 {
		if call.Ellipsis.IsValid() {
			return nil
		}
		return call.Args[i:]
	}
	return call.Args[i : i+1]
}

func recvName(sig *types.Signature) string {
	if sig.Recv() == nil {
		return ""
	}
	t := sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

func funcName(fn *types.Func, sig *types.Signature) string {
	if r := recvName(sig); r != "" {
		return "(" + fn.Pkg().Name() + "." + r + ")." + fn.Name()
	}
	return fn.Pkg().Name() + "." + fn.Name()
}

// sinkValue reports a literal value reaching a credential parameter or field.
func (r *runner) sinkValue(e ast.Expr, kind string, rule valueRule, sev check.Severity, where string) {
	val, litPos, cname, ok := r.constValue(e)
	if !ok || r.allowedValue(val) || (cname != "" && r.allowedName(cname)) {
		return
	}
	switch rule {
	case dsn:
		pw, user, host, found := dsnPassword(val)
		if !found || !r.secretPassword(pw, user, host) {
			return
		}
		if isLocalHost(host) && sev == check.Error {
			sev = check.Warning
		}
		val = pw
	case privateKey:
		if m := formats[indexOfFormat("private key")].re.FindString(val); m == "" || !validPEMPrivateKey(m) {
			return
		}
	case anyKey, notPEMPublic:
		if len(val) < 6 || isPlaceholder(val) || isDocumentedExample(val) {
			return
		}
		if rule == notPEMPublic && strings.Contains(val, "PUBLIC KEY-----") {
			return
		}
	case password:
		if isPlaceholder(val) || isDocumentedExample(val) || formatVerb.MatchString(val) {
			return
		}
	case authHeader:
		cred, ok := authCredential(val)
		if !ok || len(cred) < 8 || isPlaceholder(cred) || isDocumentedExample(cred) || formatVerb.MatchString(cred) {
			return
		}
		if _, isFormat := r.matchFormats(cred); isFormat {
			return // reported by its format where the literal is ("Bearer " + githubToken)
		}
		val = cred
	}
	r.add(litPos, &finding{pos: e.Pos(), end: e.End(), rank: rankSink, kind: kind, value: val, where: where, sev: sev})
}

func indexOfFormat(kind string) int {
	for i, f := range formats {
		if f.kind == kind {
			return i
		}
	}
	panic("no format " + kind)
}

// compositeLit handles struct fields that are sinks or are named like
// secrets, and map entries keyed by a secret-sounding string.
func (r *runner) compositeLit(lit *ast.CompositeLit) {
	t := r.pass.TypesInfo.TypeOf(lit)
	if t == nil {
		return
	}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			key, ok := kv.Key.(*ast.Ident)
			if !ok {
				continue
			}
			if s := fieldSinkFor(t, key.Name); s != nil {
				r.sinkValue(kv.Value, s.kind, s.rule, s.sev, "in field "+key.Name)
				continue
			}
			r.named(key.Name, kv.Value, "in field "+key.Name)
		}
	case *types.Map:
		if b, ok := u.Key().Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
			return
		}
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if tv, ok := r.pass.TypesInfo.Types[kv.Key]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
				k := constant.StringVal(tv.Value)
				r.named(k, kv.Value, "in map entry "+strconv.Quote(k))
			}
		}
	}
}

// fieldSinkFor returns the sink for field name of struct type t, if any.
func fieldSinkFor(t types.Type, field string) *fieldSink {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return nil
	}
	return fieldSinkIndex[sinkKey{n.Obj().Pkg().Path(), n.Obj().Name(), field}]
}

// assign handles x = "…", x.Field = "…" and m["password"] = "…".
func (r *runner) assign(as *ast.AssignStmt) {
	if (as.Tok != token.ASSIGN && as.Tok != token.DEFINE) || len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, lhs := range as.Lhs {
		rhs := as.Rhs[i]
		switch l := ast.Unparen(lhs).(type) {
		case *ast.Ident:
			if l.Name != "_" {
				r.named(l.Name, rhs, "assigned to "+l.Name)
			}
		case *ast.SelectorExpr:
			if sel := r.pass.TypesInfo.Selections[l]; sel != nil && sel.Kind() == types.FieldVal {
				if s := fieldSinkFor(sel.Recv(), l.Sel.Name); s != nil {
					r.sinkValue(rhs, s.kind, s.rule, s.sev, "assigned to "+l.Sel.Name)
					continue
				}
			}
			r.named(l.Sel.Name, rhs, "assigned to "+l.Sel.Name)
		case *ast.IndexExpr:
			if tv, ok := r.pass.TypesInfo.Types[l.Index]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
				k := constant.StringVal(tv.Value)
				r.named(k, rhs, "stored under "+strconv.Quote(k))
			}
		}
	}
}

// compare handles password == "…" and r.FormValue("token") != "…".
func (r *runner) compare(b *ast.BinaryExpr) {
	if b.Op != token.EQL && b.Op != token.NEQ {
		return
	}
	for _, pair := range [2][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
		if name := exprName(r.pass.TypesInfo, pair[0]); name != "" {
			r.named(name, pair[1], "compared with "+name)
		}
	}
}

// exprName is the name an expression is known by: an identifier, a
// field, or the string key of a lookup (r.FormValue("password"), m["key"]).
func exprName(info *types.Info, e ast.Expr) string {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		if _, isConst := info.Uses[x].(*types.Const); isConst {
			return ""
		}
		return x.Name
	case *ast.SelectorExpr:
		if _, isConst := info.Uses[x.Sel].(*types.Const); isConst {
			return ""
		}
		return x.Sel.Name
	case *ast.CallExpr:
		if len(x.Args) == 1 {
			if tv, ok := info.Types[x.Args[0]]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
				return constant.StringVal(tv.Value)
			}
		}
	case *ast.IndexExpr:
		if tv, ok := info.Types[x.Index]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
			return constant.StringVal(tv.Value)
		}
	}
	return ""
}

// keyfunc reports a jwt Keyfunc — func(*jwt.Token) (interface{}, error)
// — that returns a literal key.
func (r *runner) keyfunc(t types.Type, body *ast.BlockStmt) {
	sig, ok := t.(*types.Signature)
	if !ok || sig.Params().Len() != 1 || sig.Results().Len() != 2 {
		return
	}
	ptr, ok := sig.Params().At(0).Type().(*types.Pointer)
	if !ok {
		return
	}
	n, ok := types.Unalias(ptr.Elem()).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || !keyfuncTokens[n.Obj().Pkg().Path()+"."+n.Obj().Name()] {
		return
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) == 2 {
				r.sinkValue(n.Results[0], "JWT verification key", notPEMPublic, check.Error, "returned by a jwt.Keyfunc")
			}
		}
		return true
	})
}

// named handles a value given to something named like a secret.
// nameInfo returns (and caches) how name reads: its words and whether it
// names a secret.
func (r *runner) nameInfo(name string) ([]string, bool) {
	nm, seen := r.names[name]
	if !seen {
		nm.words, nm.secret = secretname.Is(name)
		r.names[name] = nm
	}
	return nm.words, nm.secret
}

func (r *runner) named(name string, e ast.Expr, where string) {
	ws, ok := r.nameInfo(name)
	if !ok || r.allowedName(name) {
		return
	}
	val, litPos, cname, ok := r.constValue(e)
	if !ok || cname != "" {
		// A named constant is judged by its own name where it is declared.
		return
	}
	if len(val) < minNameValueLen || r.allowedValue(val) || entropy(val) < r.minEntropy {
		return
	}
	if r.notSecretValue(val, ws) != "" {
		return
	}
	if _, isFormat := r.matchFormats(val); isFormat {
		return // reported as the format, at the literal
	}
	r.add(litPos, &finding{pos: e.Pos(), end: e.End(), rank: rankName, kind: "secret", value: val,
		where: where, sev: check.Warning})
}

func (r *runner) allowedValue(v string) bool {
	for _, re := range r.allowValues {
		if re.MatchString(v) {
			return true
		}
	}
	return false
}

func (r *runner) allowedName(n string) bool {
	for _, re := range r.allowNames {
		if re.MatchString(n) {
			return true
		}
	}
	return false
}

// add records a finding for the literal at lit, reported at f.pos. A
// position is reported once, by the most certain detector.
func (r *runner) add(lit token.Pos, f *finding) {
	f.lit = lit
	if old := r.findings[f.pos]; old != nil && old.rank >= f.rank {
		return
	}
	r.findings[f.pos] = f
}

// dedupe drops the findings that repeat a more certain one about the same
// literal: a constant reported by its format where it is declared is not
// reported again where it is used, and a name guess about a literal that
// reaches a sink gives way to the sink finding.
func (r *runner) dedupe() []*finding {
	best := map[token.Pos]int{}
	for _, f := range r.findings {
		if f.rank > best[f.lit] {
			best[f.lit] = f.rank
		}
	}
	var out []*finding
	for _, f := range r.findings {
		if f.rank < best[f.lit] && (f.rank == rankName || best[f.lit] == rankFormat) {
			continue
		}
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].pos < out[j].pos })
	return out
}

const advice = "load it from the environment or a secret manager, and rotate it"

func (r *runner) report() {
	for _, f := range r.dedupe() {
		var msg string
		switch f.rank {
		case rankFormat:
			msg = fmt.Sprintf("hard-coded %s %q: anyone who can read the source or binary can use it; %s", f.kind, check.Redact(f.value), advice)
		case rankSink:
			msg = fmt.Sprintf("hard-coded %s %q %s: anyone who can read the source can use it; %s", f.kind, check.Redact(f.value), f.where, advice)
		default:
			msg = fmt.Sprintf("possible hard-coded secret %q %s: if it is a credential, %s", check.Redact(f.value), f.where, advice)
		}
		check.Report(r.pass, analysis.Diagnostic{Pos: f.pos, End: f.end, Message: msg}, f.sev)
	}
}

// maxFolded bounds the concatenations scanned whole: a secret split by
// hand ("-----BEGIN RSA PRIVATE KEY-----\n" + "MIIE…" + …) is a few
// kilobytes; a longer sum is a template (swag's 600 kB docs), whose
// parts are scanned as literals of their own.
const maxFolded = 16 << 10

// scanFile looks for secrets at the literals and sinks of one file.
func (r *runner) scanFile(fc inspector.Cursor) {
	pass := r.pass
	for cur := range fc.Preorder(
		(*ast.BasicLit)(nil), (*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil),
		(*ast.ValueSpec)(nil), (*ast.BinaryExpr)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil),
	) {
		switch n := cur.Node().(type) {
		case *ast.BasicLit:
			r.literal(n, cur)
		case *ast.CallExpr:
			r.call(n)
		case *ast.CompositeLit:
			r.compositeLit(n)
		case *ast.AssignStmt:
			r.assign(n)
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if i < len(n.Values) && id.Name != "_" {
					r.named(id.Name, n.Values[i], "assigned to "+id.Name)
				}
			}
		case *ast.BinaryExpr:
			r.compare(n)
			r.folded(n, cur)
		case *ast.FuncLit:
			r.keyfunc(pass.TypesInfo.TypeOf(n), n.Body)
		case *ast.FuncDecl:
			if n.Body != nil {
				if obj := pass.TypesInfo.Defs[n.Name]; obj != nil {
					r.keyfunc(obj.Type(), n.Body)
				}
				r.returnsNamed(n)
			}
		}
	}
}
