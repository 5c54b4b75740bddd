package taint

// Library knowledge, as data. Signatures were read from the module cache:
// Go 1.26 (database/sql, net/http, net, crypto/tls, net/http/httputil,
// log, log/slog, fmt), github.com/jmoiron/sqlx v1.4.0, github.com/jackc/pgx
// v5.13.0 and v4.18.3 (pgxpool), gorm.io/gorm v1.31.2, github.com/uptrace/bun
// v1.3.0, github.com/lib/pq v1.12.3, google.golang.org/grpc v1.85.0,
// github.com/gorilla/websocket v1.5.3, github.com/coder/websocket v1.8.15
// (and nhooyr.io/websocket, its former path), github.com/go-resty/resty/v2
// v2.17.2, go.uber.org/zap v1.28.0, github.com/rs/zerolog v1.35.1,
// github.com/sirupsen/logrus v1.10.2, github.com/go-kit/log v0.2.1,
// golang.org/x/net/websocket v0.38.0, github.com/gobwas/ws v1.5.0,
// k8s.io/klog v1.0.0 and v2.140.0, github.com/golang/glog v1.2.5.

// sinkRow is a function or method one of whose arguments is a sink.
type sinkRow struct {
	kind  Kind
	pkg   string
	recv  string // receiver type name; "" for a package function; "*" any type of pkg
	names []string
	// params: the sink argument is the first parameter with one of these
	// names. With none, every argument from index from on is a sink.
	params []string
	from   int
	// stdio: only when the first argument is os.Stdout or os.Stderr
	// (fmt.Fprintf to a file or a response is not log output).
	stdio bool
	// terminal: the standard output, which is a log in a service but the
	// user's terminal in a command-line command (cliCommandParams).
	terminal bool
}

// cliCommandParams are the parameter types of command-line command
// functions (cobra's Run, urfave/cli's Action): what such a function
// prints with fmt goes to whom ran the command (lakefs setup prints the
// credentials it created), not to a log.
var cliCommandParams = []struct{ pkg, name string }{
	{"github.com/spf13/cobra", "Command"},
	{"github.com/urfave/cli/v2", "Context"},
	{"github.com/urfave/cli/v3", "Command"},
	{"github.com/alecthomas/kong", "Context"},
}

var (
	sqlQuery = []string{"query", "sql"}
	urlParam = []string{"url", "urlStr", "u", "target", "address", "addr"}
)

// logLevels are the level-named methods loggers share.
var logLevels = []string{
	"Print", "Printf", "Println", "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln",
	"Debug", "Debugf", "Debugln", "Info", "Infof", "Infoln", "Warn", "Warnf", "Warnln",
	"Warning", "Warningf", "Warningln", "Error", "Errorf", "Errorln", "Trace", "Tracef", "Traceln",
	"DPanic", "DPanicf", "Debugw", "Infow", "Warnw", "Errorw", "DPanicw", "Panicw", "Fatalw", "Log", "Logf",
}

// glogNames are the logging functions of glog and klog (and their
// Verbose methods): Info, Infof, InfoDepth, InfoS, InfoContextf… per
// level (a depth or context argument is not a secret).
var glogNames = func() []string {
	out := []string{"InfoS", "InfoSDepth", "ErrorS", "ErrorSDepth"}
	for _, l := range []string{"Info", "Warning", "Error", "Fatal", "Exit"} {
		for _, s := range []string{"", "f", "ln", "Depth", "fDepth", "lnDepth", "Depthf", "Context", "Contextf", "ContextDepth", "ContextDepthf"} {
			out = append(out, l+s)
		}
	}
	return out
}()

var sinkRows = []sinkRow{
	// SQL text.
	{kind: SQL, pkg: "database/sql", recv: "DB", names: []string{"Query", "QueryContext", "QueryRow", "QueryRowContext", "Exec", "ExecContext", "Prepare", "PrepareContext"}, params: sqlQuery},
	{kind: SQL, pkg: "database/sql", recv: "Tx", names: []string{"Query", "QueryContext", "QueryRow", "QueryRowContext", "Exec", "ExecContext", "Prepare", "PrepareContext"}, params: sqlQuery},
	{kind: SQL, pkg: "database/sql", recv: "Conn", names: []string{"QueryContext", "QueryRowContext", "ExecContext", "PrepareContext"}, params: sqlQuery},
	{kind: SQL, pkg: "github.com/jmoiron/sqlx", recv: "*", names: []string{"Select", "SelectContext", "Get", "GetContext", "Queryx", "QueryxContext", "QueryRowx", "QueryRowxContext", "NamedExec", "NamedExecContext", "NamedQuery", "NamedQueryContext", "MustExec", "MustExecContext", "Preparex", "PreparexContext", "PrepareNamed", "PrepareNamedContext"}, params: sqlQuery},
	{kind: SQL, pkg: "github.com/jmoiron/sqlx", names: []string{"Select", "SelectContext", "Get", "GetContext", "NamedExec", "NamedExecContext", "NamedQuery", "NamedQueryContext", "MustExec", "MustExecContext"}, params: sqlQuery},
	{kind: SQL, pkg: "github.com/jackc/pgx/v5", recv: "*", names: []string{"Query", "QueryRow", "Exec", "Prepare"}, params: sqlQuery},
	{kind: SQL, pkg: "github.com/jackc/pgx/v5/pgxpool", recv: "*", names: []string{"Query", "QueryRow", "Exec"}, params: sqlQuery},
	{kind: SQL, pkg: "github.com/jackc/pgx/v4", recv: "*", names: []string{"Query", "QueryRow", "Exec", "Prepare"}, params: sqlQuery},
	{kind: SQL, pkg: "github.com/jackc/pgx/v4/pgxpool", recv: "*", names: []string{"Query", "QueryRow", "Exec"}, params: sqlQuery},
	// gorm: raw SQL, and string conditions and clauses (a struct or map
	// condition is not text: only string-typed arguments are sinks).
	{kind: SQL, pkg: "gorm.io/gorm", recv: "DB", names: []string{"Raw", "Exec"}, params: []string{"sql"}},
	{kind: SQL, pkg: "gorm.io/gorm", recv: "DB", names: []string{"Where", "Or", "Not", "Having", "Select", "Joins", "InnerJoins"}, params: []string{"query"}},
	{kind: SQL, pkg: "gorm.io/gorm", recv: "DB", names: []string{"Order"}, params: []string{"value"}},
	{kind: SQL, pkg: "gorm.io/gorm", recv: "DB", names: []string{"Group", "Table"}, params: []string{"name"}},
	{kind: SQL, pkg: "gorm.io/gorm", names: []string{"Expr"}, params: []string{"expr"}},
	{kind: SQL, pkg: "github.com/jinzhu/gorm", recv: "DB", names: []string{"Raw", "Exec", "Where", "Or", "Not", "Having", "Select", "Joins", "Order", "Group", "Table"}, params: []string{"sql", "query", "value", "name"}},
	// bun: query text with ? placeholders (bun.Ident and ? args are safe).
	{kind: SQL, pkg: "github.com/uptrace/bun", recv: "*", names: []string{"Where", "WhereOr", "TableExpr", "ColumnExpr", "ModelTableExpr", "GroupExpr", "Having", "OrderExpr", "Join", "JoinOn", "Set", "NewRaw", "Exec", "ExecContext", "Query", "QueryContext", "QueryRowContext", "Raw"}, params: []string{"query", "group", "having", "join", "cond"}},

	// Outgoing requests and connections.
	{kind: URL, pkg: "net/http", names: []string{"Get", "Head", "Post", "PostForm", "NewRequest", "NewRequestWithContext"}, params: urlParam},
	{kind: URL, pkg: "net/http", recv: "Client", names: []string{"Get", "Head", "Post", "PostForm"}, params: urlParam},
	{kind: URL, pkg: "net", names: []string{"Dial", "DialTimeout"}, params: urlParam},
	{kind: URL, pkg: "net", recv: "Dialer", names: []string{"Dial", "DialContext"}, params: urlParam},
	{kind: URL, pkg: "crypto/tls", names: []string{"Dial", "DialWithDialer"}, params: urlParam},
	{kind: URL, pkg: "crypto/tls", recv: "Dialer", names: []string{"Dial", "DialContext"}, params: urlParam},
	{kind: URL, pkg: "net/http/httputil", names: []string{"NewSingleHostReverseProxy"}, params: urlParam},
	{kind: URL, pkg: "net/http/httputil", recv: "ProxyRequest", names: []string{"SetURL"}, params: urlParam},
	{kind: URL, pkg: "google.golang.org/grpc", names: []string{"Dial", "DialContext", "NewClient"}, params: urlParam},
	{kind: URL, pkg: "github.com/gorilla/websocket", recv: "Dialer", names: []string{"Dial", "DialContext"}, params: urlParam},
	{kind: URL, pkg: "github.com/coder/websocket", names: []string{"Dial"}, params: urlParam},
	{kind: URL, pkg: "nhooyr.io/websocket", names: []string{"Dial"}, params: urlParam},
	{kind: URL, pkg: "golang.org/x/net/websocket", names: []string{"Dial", "NewConfig"}, params: []string{"url_", "server"}},
	{kind: URL, pkg: "github.com/gobwas/ws", names: []string{"Dial"}, params: []string{"urlstr"}},
	{kind: URL, pkg: "github.com/gobwas/ws", recv: "Dialer", names: []string{"Dial"}, params: []string{"urlstr"}},
	{kind: URL, pkg: "github.com/go-resty/resty/v2", recv: "Request", names: []string{"Get", "Head", "Post", "Put", "Delete", "Options", "Patch", "Execute"}, params: urlParam},
	{kind: URL, pkg: "github.com/go-resty/resty/v2", recv: "Client", names: []string{"SetBaseURL", "SetHostURL"}, params: urlParam},

	// Log output.
	{kind: Log, pkg: "log", names: logLevels},
	{kind: Log, pkg: "log", recv: "Logger", names: logLevels},
	{kind: Log, pkg: "log/slog", names: []string{"Debug", "Info", "Warn", "Error"}},
	{kind: Log, pkg: "log/slog", names: []string{"DebugContext", "InfoContext", "WarnContext", "ErrorContext"}, from: 1},
	{kind: Log, pkg: "log/slog", names: []string{"Log", "LogAttrs"}, from: 2},
	{kind: Log, pkg: "log/slog", recv: "Logger", names: []string{"Debug", "Info", "Warn", "Error", "With"}},
	{kind: Log, pkg: "log/slog", recv: "Logger", names: []string{"DebugContext", "InfoContext", "WarnContext", "ErrorContext"}, from: 1},
	{kind: Log, pkg: "log/slog", recv: "Logger", names: []string{"Log", "LogAttrs"}, from: 2},
	{kind: Log, pkg: "fmt", names: []string{"Print", "Printf", "Println"}, terminal: true},
	{kind: Log, pkg: "fmt", names: []string{"Fprint", "Fprintf", "Fprintln"}, from: 1, stdio: true, terminal: true},
	{kind: Log, pkg: "go.uber.org/zap", recv: "Logger", names: []string{"Debug", "Info", "Warn", "Error", "DPanic", "Panic", "Fatal", "With"}},
	{kind: Log, pkg: "go.uber.org/zap", recv: "Logger", names: []string{"Log"}, from: 1},
	{kind: Log, pkg: "go.uber.org/zap", recv: "SugaredLogger", names: append([]string{"With"}, logLevels...)},
	{kind: Log, pkg: "github.com/rs/zerolog", recv: "Event", names: []string{"Str", "Strs", "Bytes", "Hex", "RawJSON", "Interface", "Any", "Stringer", "Msg", "Msgf", "Fields"}, from: 0},
	{kind: Log, pkg: "github.com/rs/zerolog", recv: "Logger", names: []string{"Print", "Printf"}},
	{kind: Log, pkg: "github.com/rs/zerolog/log", names: []string{"Print", "Printf"}},
	{kind: Log, pkg: "github.com/sirupsen/logrus", names: append([]string{"WithField", "WithFields"}, logLevels...)},
	{kind: Log, pkg: "github.com/sirupsen/logrus", recv: "*", names: append([]string{"WithField", "WithFields"}, logLevels...)},
	{kind: Log, pkg: "github.com/go-kit/log", recv: "Logger", names: []string{"Log"}},
	{kind: Log, pkg: "k8s.io/klog", names: glogNames},
	{kind: Log, pkg: "k8s.io/klog", recv: "Verbose", names: glogNames},
	{kind: Log, pkg: "k8s.io/klog/v2", names: glogNames},
	{kind: Log, pkg: "k8s.io/klog/v2", recv: "Verbose", names: glogNames},
	{kind: Log, pkg: "github.com/golang/glog", names: glogNames},
	{kind: Log, pkg: "github.com/golang/glog", recv: "Verbose", names: glogNames},
	{kind: Log, pkg: "github.com/go-kit/kit/log", recv: "Logger", names: []string{"Log"}},
}

// passPkgs are packages whose functions and methods pass their arguments
// and receiver to their result (parsing, formatting, encoding, building
// log attributes); exceptions are listed in blockPass.
var passPkgs = map[string]bool{
	"strings": true, "bytes": true, "strconv": true, "fmt": true, "path": true, "path/filepath": true,
	"net/url": true, "encoding/json": true, "encoding/base64": true, "encoding/base32": true,
	"encoding/hex": true, "html": true, "unicode/utf8": true, "log/slog": true, "go.uber.org/zap": true,
	"github.com/jmoiron/sqlx": true, "io": true, "io/ioutil": true, "net/http": true, "net/textproto": true,
}

// blockPass are functions of passPkgs that do not carry their arguments'
// text to their result, or whose result is a sink's own business.
var blockPass = map[string]bool{
	"fmt.Errorf": true, "fmt.Fprint": true, "fmt.Fprintf": true, "fmt.Fprintln": true,
	"io.Copy": true, "io.CopyN": true, "io.WriteString": true, "net/http.NewRequest": true,
	"net/http.NewRequestWithContext": true, "net/http.Get": true, "net/http.Post": true,
	"net/http.Head": true, "net/http.PostForm": true, "net/http.Error": true,
	"net/http.StatusText": true, "net/http.Redirect": true, "net/http.NotFound": true,
	"sqlx.Connect": true, "sqlx.Open": true, "zap.NewProduction": true, "zap.NewDevelopment": true,
}

// passRecv are methods (of any type) that pass their receiver's value on:
// u.String(), vals.Get("k"), h.Hostname().
var passRecv = map[string]bool{
	"String": true, "Get": true, "Values": true, "Value": true, "Bytes": true, "Text": true,
	"Hostname": true, "Port": true, "EscapedPath": true, "RequestURI": true, "Query": true,
	"Encode": true, "Redacted": false, "JoinPath": true, "Rebind": true, "Trim": true,
}

// writeMethods of strings.Builder and bytes.Buffer add their arguments
// to the receiver.
var writeMethods = map[string]bool{"Write": true, "WriteString": true, "WriteByte": true, "WriteRune": true}

// sanitizerRow is a function or method whose result is clean for kinds.
type sanitizerRow struct {
	kinds Kind
	pkg   string
	recv  string
	names []string
}

var sanitizerRows = []sanitizerRow{
	{kinds: SQL, pkg: "github.com/lib/pq", names: []string{"QuoteIdentifier", "QuoteLiteral"}},
	{kinds: SQL, pkg: "github.com/jackc/pgx/v5", recv: "Identifier", names: []string{"Sanitize"}},
	{kinds: SQL, pkg: "github.com/jackc/pgx/v4", recv: "Identifier", names: []string{"Sanitize"}},
	{kinds: Log, pkg: "crypto/sha256", names: []string{"Sum256", "Sum224"}},
	{kinds: Log, pkg: "crypto/sha512", names: []string{"Sum512", "Sum384", "Sum512_224", "Sum512_256"}},
	{kinds: Log, pkg: "crypto/sha1", names: []string{"Sum"}},
	{kinds: Log, pkg: "crypto/md5", names: []string{"Sum"}},
	{kinds: Log, pkg: "crypto/sha3", names: []string{"Sum224", "Sum256", "Sum384", "Sum512"}},
	{kinds: Log, pkg: "hash", recv: "Hash", names: []string{"Sum"}},
	{kinds: Log, pkg: "golang.org/x/crypto/bcrypt", names: []string{"GenerateFromPassword"}},
	{kinds: Log, pkg: "golang.org/x/crypto/argon2", names: []string{"Key", "IDKey"}},
	{kinds: Log, pkg: "golang.org/x/crypto/scrypt", names: []string{"Key"}},
	{kinds: Log, pkg: "golang.org/x/crypto/pbkdf2", names: []string{"Key"}},
	{kinds: Log, pkg: "crypto/pbkdf2", names: []string{"Key"}},
	{kinds: Log, pkg: "net/url", recv: "URL", names: []string{"Redacted"}},
}

// sanitizerWords: a function of the module whose name has one of these
// words cleans its result for the kinds (a masking helper for logs, a
// quoting helper for SQL).
var sanitizerWords = []struct {
	kinds Kind
	words []string
}{
	{Log, []string{"mask", "masked", "redact", "redacted", "obfuscate", "obfuscated", "hash", "hashed", "anonymize", "anonymise", "scrub", "censor", "hide", "fingerprint", "digest", "encrypt", "encrypted", "crypt", "crypted", "seal", "sealed"}},
	{SQL, []string{"quote", "quoted", "escape", "escaped", "sanitize", "sanitized"}},
}

// secretHeaders are request headers that carry credentials.
var secretHeaders = map[string]bool{
	"authorization": true, "proxy-authorization": true, "cookie": true, "x-api-key": true,
	"x-auth-token": true, "x-access-token": true, "api-key": true, "x-csrf-token": false,
}

// formatMethods render a value their own way: a type with one decides
// what a log shows of it (a LogValuer that redacts).
var formatMethods = []string{"String", "Format", "GoString", "LogValue", "MarshalLogObject", "MarshalZerologObject", "Redacted", "MarshalLog"}

// sinkPackages are the packages of sinkRows, for a quick test.
var sinkPackages = func() map[string]bool {
	m := map[string]bool{}
	for _, r := range sinkRows {
		m[r.pkg] = true
	}
	return m
}()
