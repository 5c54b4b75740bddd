package hardcodedsecret

import (
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"hash/crc32"
	"net"
	"net/url"
	"regexp"
	"strings"

	"github.com/apivet/apivet/internal/check"
)

// A format is a credential format recognizable from its value alone: a
// vendor prefix and shape, plus the format's own validation where one
// exists (checksum, decodable header, parseable PEM block).
type format struct {
	kind string         // what the secret is, for messages ("GitHub personal access token")
	re   *regexp.Regexp // finds candidates in a string literal
	// valid, if set, says whether a candidate match is a real instance of
	// the format (checksum, decoding). A nil valid accepts every match.
	valid func(match string) bool
	sev   check.Severity
	// hints are substrings one of which every match contains: a cheap
	// test before the regular expression runs. None means always run it.
	hints []string
	// maybe, if set, is a further test every match passes, cheaper than
	// the expression on a long string whose hint occurs in prose.
	maybe func(s string) bool
	// whole marks a generic, low-confidence format (a bearer scheme, a
	// prefix and hex): it counts only as the whole literal (or a header
	// line of its own), not inside a larger string.
	whole bool
	// encoded marks a format whose body is an encoding (a PEM block, a
	// JWT): runs of one character there are data, not a placeholder.
	encoded bool
}

func (f *format) quick(s string) bool {
	if len(f.hints) == 0 {
		return true
	}
	for _, h := range f.hints {
		if strings.Contains(s, h) {
			return f.maybe == nil || f.maybe(s)
		}
	}
	return false
}

// hexAfter returns a test of whether s holds prefix followed by n
// lower-case hex digits: for Twilio's SK keys, whose two-letter hint
// also occurs in text (swag's 600 kB docs hold 秘钥SK), so that the
// expression, which has no literal prefix to skip ahead by (its leading
// \b), does not scan the whole string for nothing.
func hexAfter(prefix string, n int) func(string) bool {
	return func(s string) bool {
		for i := 0; ; {
			j := strings.Index(s[i:], prefix)
			if j < 0 {
				return false
			}
			k := i + j + len(prefix)
			h := 0
			for h < n && k+h < len(s) && ('0' <= s[k+h] && s[k+h] <= '9' || 'a' <= s[k+h] && s[k+h] <= 'f') {
				h++
			}
			if h == n {
				return true
			}
			i += j + 1
		}
	}
}

// formats are the known credential formats. The prefixes are fixed by each
// vendor's documentation of its token format.
var formats = []format{
	{kind: "GitHub token", re: regexp.MustCompile(`\bgh[pousr]_[A-Za-z0-9]{36}\b`), valid: validBase62Checksum, sev: check.Error, hints: []string{"ghp_", "gho_", "ghu_", "ghs_", "ghr_"}},
	{kind: "GitHub fine-grained token", re: regexp.MustCompile(`\bgithub_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}\b`), sev: check.Error, hints: []string{"github_pat_"}},
	{kind: "npm access token", re: regexp.MustCompile(`\bnpm_[A-Za-z0-9]{36}\b`), valid: validBase62Checksum, sev: check.Error, hints: []string{"npm_"}},
	{kind: "AWS access key id", re: regexp.MustCompile(`\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b`), valid: notDocumentedExample, sev: check.Error, hints: []string{"AKIA", "ASIA", "ABIA", "ACCA"}},
	{kind: "Google API key", re: regexp.MustCompile(`\bAIza[0-9A-Za-z_\-]{35}(?:[^0-9A-Za-z_\-]|$)`), sev: check.Error, hints: []string{"AIza"}},
	{kind: "Slack token", re: regexp.MustCompile(`\bxox[baprs]-[0-9]{6,}-[0-9A-Za-z\-]{8,}`), valid: notDocumentedExample, sev: check.Error, hints: []string{"xox"}},
	{kind: "Slack webhook URL", re: regexp.MustCompile(`https://hooks\.slack\.com/services/T[0-9A-Z]{6,}/B[0-9A-Z]{6,}/[0-9A-Za-z]{20,}`), sev: check.Error, hints: []string{"hooks.slack.com"}},
	{kind: "Stripe live secret key", re: regexp.MustCompile(`\b[sr]k_live_[0-9A-Za-z]{20,}\b`), sev: check.Error, hints: []string{"k_live_"}},
	{kind: "SendGrid API key", re: regexp.MustCompile(`\bSG\.[0-9A-Za-z_\-]{22}\.[0-9A-Za-z_\-]{43}\b`), sev: check.Error, hints: []string{"SG."}},
	{kind: "Twilio API key", re: regexp.MustCompile(`\bSK[0-9a-f]{32}\b`), valid: notLowEntropy, sev: check.Error, hints: []string{"SK"}, maybe: hexAfter("SK", 32), whole: true},
	{kind: "PyPI API token", re: regexp.MustCompile(`\bpypi-AgEIcHlwaS5vcmc[0-9A-Za-z_\-]{50,}`), sev: check.Error, hints: []string{"pypi-"}},
	{kind: "GitLab personal access token", re: regexp.MustCompile(`\bglpat-[0-9A-Za-z_\-]{20,}\b`), valid: notLowEntropy, sev: check.Error, hints: []string{"glpat-"}},
	{kind: "OpenAI API key", re: regexp.MustCompile(`\bsk-(?:proj-|svcacct-|admin-)?[0-9A-Za-z_\-]{20,}T3BlbkFJ[0-9A-Za-z_\-]{20,}`), sev: check.Error, hints: []string{"T3BlbkFJ"}},
	{kind: "Anthropic API key", re: regexp.MustCompile(`\bsk-ant-(?:api|admin)[0-9]{2}-[0-9A-Za-z_\-]{80,}`), sev: check.Error, hints: []string{"sk-ant-"}},
	{kind: "private key", re: regexp.MustCompile(`-----BEGIN (?:[A-Z]+ )*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?-----END (?:[A-Z]+ )*PRIVATE KEY(?: BLOCK)?-----`), valid: validPEMPrivateKey, sev: check.Error, hints: []string{"PRIVATE KEY"}, encoded: true},
	{kind: "JSON Web Token", re: regexp.MustCompile(`\beyJ[0-9A-Za-z_\-]{8,}\.eyJ[0-9A-Za-z_\-]{8,}\.[0-9A-Za-z_\-]{16,}`), valid: validJWT, sev: check.Warning, hints: []string{"eyJ"}, encoded: true},
	// A bearer credential written out with its scheme ("Bearer: 2lkj…",
	// "Bearer 9f8e…"): the scheme says the rest is a token; a token of 20+
	// characters that is not a placeholder or low-entropy text.
	{kind: "bearer token", re: regexp.MustCompile(`\bBearer:?[ \t]+[0-9A-Za-z\-._~+/]{20,}=*`), valid: validBearer, sev: check.Warning, hints: []string{"Bearer"}, whole: true},
}

// documentedExamples are fake credentials published in vendor docs, and
// substrings that mark a value as one.
var documentedExamples = []string{
	"EXAMPLE", // AWS docs: AKIAIOSFODNN7EXAMPLE, wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
	"SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c", // the signature of jwt.io's sample token
	"xoxb-0000", "xoxp-0000",
	// Words no random key body holds (16 or more base32/base62
	// characters spelling one is chance past 1 in 10^9): published
	// demo credentials such as lakeFS's AKIAIOSFOLQUICKSTART.
	"QUICKSTART", "SAMPLE", "DUMMY", "FAKEKEY",
}

func isDocumentedExample(v string) bool {
	for _, e := range documentedExamples {
		if strings.Contains(v, e) {
			return true
		}
	}
	return false
}

func notDocumentedExample(m string) bool { return !isDocumentedExample(m) }

func notLowEntropy(m string) bool { return entropy(m) >= 3.0 }

// validBearer: the token after the scheme has letters and digits, is no
// placeholder and is not low-entropy prose.
func validBearer(m string) bool {
	tok := strings.TrimLeft(strings.TrimPrefix(m, "Bearer"), ": \t")
	return strings.ContainsAny(tok, "0123456789") && strings.IndexFunc(tok, func(c rune) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }) >= 0 &&
		!isPlaceholder(tok) && entropy(tok) >= 3.5
}

const base62Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// validBase62Checksum verifies the checksum of GitHub's and npm's token
// formats: after the prefix, 30 base62 characters of entropy and 6
// characters that are the base62 encoding (0-9A-Za-z, zero-padded) of
// the IEEE CRC32 of those 30 characters.
func validBase62Checksum(tok string) bool {
	i := strings.IndexByte(tok, '_')
	if i < 0 || len(tok)-i-1 != 36 {
		return false
	}
	body := tok[i+1:]
	return base62CRC(body[:30]) == body[30:]
}

func base62CRC(s string) string {
	n := crc32.ChecksumIEEE([]byte(s))
	var b [6]byte
	for i := 5; i >= 0; i-- {
		b[i] = base62Alphabet[n%62]
		n /= 62
	}
	return string(b[:])
}

// validPEMPrivateKey accepts a PEM block that decodes to a key-sized body,
// not a "-----BEGIN PRIVATE KEY-----\n...\n" template.
func validPEMPrivateKey(m string) bool {
	block, _ := pem.Decode([]byte(m))
	if block == nil {
		// Literals written with escaped newlines in a one-line string
		// still decode once the body is collected.
		body := m[strings.Index(m, "-----")+5:]
		body = body[strings.Index(body, "-----")+5:]
		if j := strings.Index(body, "-----END"); j >= 0 {
			body = body[:j]
		}
		// A PEM block inside JSON or a raw string keeps its line breaks
		// as the two characters \n.
		body = strings.NewReplacer(`\r`, "", `\n`, "").Replace(body)
		body = strings.Map(func(r rune) rune {
			if r == '\n' || r == '\r' || r == ' ' || r == '\t' || r == '\\' {
				return -1
			}
			return r
		}, body)
		raw, err := base64.StdEncoding.DecodeString(body)
		return err == nil && len(raw) >= 64
	}
	return len(block.Bytes) >= 64
}

// validJWT accepts a token whose header is JSON naming an "alg" other
// than "none" and whose signature is not the jwt.io sample's.
func validJWT(m string) bool {
	parts := strings.Split(m, ".")
	if len(parts) != 3 || isDocumentedExample(m) {
		return false
	}
	raw, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[0], "="))
	if err != nil {
		return false
	}
	var hdr struct {
		Alg string `json:"alg"`
	}
	if json.Unmarshal(raw, &hdr) != nil || hdr.Alg == "" || strings.EqualFold(hdr.Alg, "none") {
		return false
	}
	return true
}

// dsnSchemes are the URL schemes whose userinfo password is a credential
// worth reporting.
var dsnSchemes = map[string]bool{
	"postgres": true, "postgresql": true, "mysql": true, "mariadb": true, "redis": true, "rediss": true,
	"amqp": true, "amqps": true, "mongodb": true, "mongodb+srv": true, "sqlserver": true, "mssql": true,
	"clickhouse": true, "nats": true, "ftp": true, "sftp": true, "smtp": true, "smtps": true,
	"ldap": true, "ldaps": true, "cockroachdb": true, "http": true, "https": true, "kafka": true,
}

var (
	urlWithUserinfo = regexp.MustCompile(`\b([a-z][a-z0-9+]*)://([^\s:/@'"]*):([^\s/@'"]+)@([^\s/?'"]+)`)
	mysqlDSN        = regexp.MustCompile(`^([^\s:/@'"]+):([^\s@'"]+)@(?:tcp|unix)\(([^)]*)\)`)
	keywordPassword = regexp.MustCompile(`(?i)(?:^|[\s;])(?:password|pwd)=('[^']*'|[^\s';]+)`)
	keywordOther    = regexp.MustCompile(`(?i)(?:^|[\s;])(?:host|server|data source|user|user id|uid|dbname|database|port|sslmode)=`)
	keywordHost     = regexp.MustCompile(`(?i)(?:^|[\s;])(?:host|server|data source)=([^\s;]+)`)
)

// dsnPassword finds an inline password in a URL with userinfo, a MySQL
// driver DSN (user:pass@tcp(host)/db) or a key=value connection string
// (host=… password=…). host is the server it is for.
func dsnPassword(v string) (password, user, host string, ok bool) {
	at := strings.Contains(v, "@")
	if at && strings.Contains(v, "://") {
		if m := urlWithUserinfo.FindStringSubmatch(v); m != nil && dsnSchemes[m[1]] {
			p := m[3]
			if u, err := url.PathUnescape(p); err == nil {
				p = u
			}
			return p, m[2], m[4], true
		}
	}
	if at && (strings.Contains(v, "@tcp(") || strings.Contains(v, "@unix(")) {
		if m := mysqlDSN.FindStringSubmatch(v); m != nil {
			return m[2], m[1], m[3], true
		}
	}
	if containsFold(v, "password=") || containsFold(v, "pwd=") {
		// A keyword DSN names its server or user too: "password=123" alone
		// is a form field in prose, not a connection string.
		if m := keywordPassword.FindStringSubmatch(v); m != nil && keywordOther.MatchString(v) {
			host := "localhost"
			if h := keywordHost.FindStringSubmatch(v); h != nil {
				host = h[1]
			}
			return strings.Trim(m[1], "'"), "", host, true
		}
	}
	return "", "", "", false
}

// containsFold reports whether s contains the lower-case ASCII sub in any
// case, without lowering s (literals can be hundreds of kilobytes): a
// byte c of s matches a byte b of sub when c|0x20 == b. It finds the
// candidates for sub's last byte (rarer than its first: the '=' of
// "password=") with IndexByte, then compares the bytes before it.
func containsFold(s, sub string) bool {
	n := len(sub)
	if n == 0 {
		return true
	}
	last := sub[n-1]
	if last&0x20 == 0 {
		return false // no byte c has c|0x20 == last
	}
	other := last &^ 0x20 // the other byte that matches last
	next, nextOther := -1, -1
	for i := n - 1; i < len(s); {
		if next < i {
			next = indexByteFrom(s, last, i)
		}
		if nextOther < i {
			nextOther = indexByteFrom(s, other, i)
		}
		k := min(next, nextOther)
		if k == len(s) {
			return false
		}
		j := 0
		for j < n-1 && s[k-n+1+j]|0x20 == sub[j] {
			j++
		}
		if j == n-1 {
			return true
		}
		i = k + 1
	}
	return false
}

// indexByteFrom is the index of the first c in s at or after i, or len(s).
func indexByteFrom(s string, c byte, i int) int {
	if j := strings.IndexByte(s[i:], c); j >= 0 {
		return i + j
	}
	return len(s)
}

// defaultPasswords are the stock credentials of local development
// containers (postgres:postgres, guest:guest, root:root…): a DSN with
// one of them pointing at a local host is not a secret.
var defaultPasswords = map[string]bool{
	"postgres": true, "root": true, "password": true, "pass": true, "secret": true, "admin": true,
	"guest": true, "test": true, "mysql": true, "redis": true, "changeme": true, "example": true,
	"dev": true, "development": true, "local": true, "user": true, "pwd": true, "123456": true,
}

// isLocalHost reports whether host (possibly with a port) is the loopback
// or a dotless name such as a compose service ("db", "postgres").
func isLocalHost(host string) bool {
	h := host
	if hh, _, err := net.SplitHostPort(host); err == nil {
		h = hh
	}
	h = strings.Trim(h, "[]")
	switch h {
	case "localhost", "127.0.0.1", "::1", "0.0.0.0", "":
		return true
	}
	if ip := net.ParseIP(h); ip != nil {
		return ip.IsLoopback() || ip.IsPrivate()
	}
	return !strings.Contains(h, ".") || strings.HasSuffix(h, ".local") || strings.HasSuffix(h, ".localhost")
}

// formatMatch is a known-format credential found in a string.
type formatMatch struct {
	kind  string
	value string
	sev   check.Severity
}

// matchFormats returns the first known credential format found in s.
func (r *runner) matchFormats(s string) (formatMatch, bool) {
	if len(s) < 8 {
		return formatMatch{}, false
	}
	for _, f := range r.formats {
		if !f.quick(s) {
			continue
		}
		for _, loc := range f.re.FindAllStringIndex(s, 4) {
			m, ok := f.accept(s, loc[0], loc[1])
			if !ok || (f.valid != nil && !f.valid(m)) || isDocumentedExample(m) {
				continue
			}
			if r.allowedValue(m) {
				continue
			}
			return formatMatch{kind: f.kind, value: m, sev: f.sev}, true
		}
	}
	if pw, user, host, ok := dsnPassword(s); ok && r.secretPassword(pw, user, host) {
		sev := check.Error
		if isLocalHost(host) {
			sev = check.Warning
		}
		return formatMatch{kind: "password in a connection string", value: pw, sev: sev}, true
	}
	return formatMatch{}, false
}

// secretPassword reports whether an inline DSN password is a credential
// rather than a placeholder, a template, or a stock local default.
func (r *runner) secretPassword(pw, user, host string) bool {
	if pw == "" || isPlaceholder(pw) || r.allowedValue(pw) {
		return false
	}
	if strings.ContainsAny(pw, "%$") && formatVerb.MatchString(pw) || strings.HasPrefix(pw, "$") {
		return false
	}
	if isLocalHost(host) && (pw == user || defaultPasswords[strings.ToLower(pw)]) {
		return false
	}
	return true
}
