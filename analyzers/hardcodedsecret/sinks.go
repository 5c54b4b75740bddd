package hardcodedsecret

import "github.com/apivet/apivet/internal/check"

// A valueRule says which literal values at a sink are findings.
type valueRule int

const (
	anyKey       valueRule = iota // any non-placeholder value of 6+ characters is a key
	dsn                           // a connection string, a finding only with an inline password
	privateKey                    // PEM: a finding only for a private key block
	password                      // any non-placeholder, non-empty value
	notPEMPublic                  // a key, unless it is a PEM public key (RS*/ES* verification keys)
	authHeader                    // an Authorization value: its credential part is a key (names.go)
)

// A callSink is a parameter that is a credential by API: whatever is
// passed there is a key, password or connection string.
//
// Each row was read from the library's source in the module cache
// (versions in the comments); recv is the receiver's type name without
// the pointer, "" for a function.
type callSink struct {
	pkg, recv, name string
	args            []int // parameter indexes; for a variadic parameter, its index covers every variadic argument
	kind            string
	rule            valueRule
	sev             check.Severity
}

var callSinks = []callSink{
	// golang-jwt v5.3.1 token.go: func (t *Token) SignedString(key any) (string, error); same in v4.5.2 and dgrijalva/jwt-go v3.2.0.
	{pkg: "github.com/golang-jwt/jwt/v5", recv: "Token", name: "SignedString", args: []int{0}, kind: "JWT signing key", rule: notPEMPublic, sev: check.Error},
	{pkg: "github.com/golang-jwt/jwt/v4", recv: "Token", name: "SignedString", args: []int{0}, kind: "JWT signing key", rule: notPEMPublic, sev: check.Error},
	{pkg: "github.com/golang-jwt/jwt", recv: "Token", name: "SignedString", args: []int{0}, kind: "JWT signing key", rule: notPEMPublic, sev: check.Error},
	{pkg: "github.com/dgrijalva/jwt-go", recv: "Token", name: "SignedString", args: []int{0}, kind: "JWT signing key", rule: notPEMPublic, sev: check.Error},
	// golang-jwt v5.3.1 hmac.go: func (m *SigningMethodHMAC) Sign(signingString string, key any) ([]byte, error); Verify(signingString string, sig []byte, key any).
	{pkg: "github.com/golang-jwt/jwt/v5", recv: "SigningMethodHMAC", name: "Sign", args: []int{1}, kind: "JWT signing key", rule: anyKey, sev: check.Error},
	{pkg: "github.com/golang-jwt/jwt/v5", recv: "SigningMethodHMAC", name: "Verify", args: []int{2}, kind: "JWT verification key", rule: anyKey, sev: check.Error},
	// go-chi/jwtauth v5.3.3 jwtauth.go: func New(alg string, signKey interface{}, verifyKey interface{}, validateOptions ...jwt.ValidateOption) *JWTAuth.
	{pkg: "github.com/go-chi/jwtauth/v5", name: "New", args: []int{1, 2}, kind: "JWT signing key", rule: notPEMPublic, sev: check.Error},
	// database/sql: func Open(driverName, dataSourceName string) (*DB, error).
	{pkg: "database/sql", name: "Open", args: []int{1}, kind: "database password", rule: dsn, sev: check.Error},
	// jmoiron/sqlx v1.4.0 sqlx.go: Open, MustOpen, Connect, MustConnect(driverName, dataSourceName string).
	{pkg: "github.com/jmoiron/sqlx", name: "Open", args: []int{1}, kind: "database password", rule: dsn, sev: check.Error},
	{pkg: "github.com/jmoiron/sqlx", name: "MustOpen", args: []int{1}, kind: "database password", rule: dsn, sev: check.Error},
	{pkg: "github.com/jmoiron/sqlx", name: "Connect", args: []int{1}, kind: "database password", rule: dsn, sev: check.Error},
	{pkg: "github.com/jmoiron/sqlx", name: "MustConnect", args: []int{1}, kind: "database password", rule: dsn, sev: check.Error},
	// gorm.io/driver/postgres v1.6.3 and gorm.io/driver/mysql v1.6.0: func Open(dsn string) gorm.Dialector.
	{pkg: "gorm.io/driver/postgres", name: "Open", args: []int{0}, kind: "database password", rule: dsn, sev: check.Error},
	{pkg: "gorm.io/driver/mysql", name: "Open", args: []int{0}, kind: "database password", rule: dsn, sev: check.Error},
	// jackc/pgx v5.10.0: func Connect(ctx, connString string), ParseConfig(connString); pgxpool.New(ctx, connString), pgxpool.ParseConfig(connString).
	{pkg: "github.com/jackc/pgx/v5", name: "Connect", args: []int{1}, kind: "database password", rule: dsn, sev: check.Error},
	{pkg: "github.com/jackc/pgx/v5", name: "ParseConfig", args: []int{0}, kind: "database password", rule: dsn, sev: check.Error},
	{pkg: "github.com/jackc/pgx/v5/pgxpool", name: "New", args: []int{1}, kind: "database password", rule: dsn, sev: check.Error},
	{pkg: "github.com/jackc/pgx/v5/pgxpool", name: "ParseConfig", args: []int{0}, kind: "database password", rule: dsn, sev: check.Error},
	// net/http: func (r *Request) SetBasicAuth(username, password string).
	{pkg: "net/http", recv: "Request", name: "SetBasicAuth", args: []int{1}, kind: "HTTP basic-auth password", rule: password, sev: check.Error},
	// net/smtp: func PlainAuth(identity, username, password, host string) Auth; func CRAMMD5Auth(username, secret string) Auth.
	{pkg: "net/smtp", name: "PlainAuth", args: []int{2}, kind: "SMTP password", rule: password, sev: check.Error},
	{pkg: "net/smtp", name: "CRAMMD5Auth", args: []int{1}, kind: "SMTP secret", rule: password, sev: check.Error},
	// net/url: func UserPassword(username, password string) *Userinfo.
	{pkg: "net/url", name: "UserPassword", args: []int{1}, kind: "URL password", rule: password, sev: check.Error},
	// crypto/tls: func X509KeyPair(certPEMBlock, keyPEMBlock []byte) (Certificate, error).
	{pkg: "crypto/tls", name: "X509KeyPair", args: []int{1}, kind: "TLS private key", rule: privateKey, sev: check.Error},
	// crypto/hmac: func New(h func() hash.Hash, key []byte) hash.Hash.
	{pkg: "crypto/hmac", name: "New", args: []int{1}, kind: "HMAC key", rule: anyKey, sev: check.Warning},
	// aws-sdk-go v1.55.8 aws/credentials/static_provider.go: func NewStaticCredentials(id, secret, token string) *Credentials.
	{pkg: "github.com/aws/aws-sdk-go/aws/credentials", name: "NewStaticCredentials", args: []int{1, 2}, kind: "AWS secret access key", rule: password, sev: check.Error},
	// aws-sdk-go-v2/credentials v1.21.0 static_provider.go: func NewStaticCredentialsProvider(key, secret, session string) StaticCredentialsProvider.
	{pkg: "github.com/aws/aws-sdk-go-v2/credentials", name: "NewStaticCredentialsProvider", args: []int{1, 2}, kind: "AWS secret access key", rule: password, sev: check.Error},
	// gorilla/sessions v1.4.0 store.go: func NewCookieStore(keyPairs ...[]byte); func NewFilesystemStore(path string, keyPairs ...[]byte).
	{pkg: "github.com/gorilla/sessions", name: "NewCookieStore", args: []int{0}, kind: "session cookie key", rule: anyKey, sev: check.Error},
	{pkg: "github.com/gorilla/sessions", name: "NewFilesystemStore", args: []int{1}, kind: "session cookie key", rule: anyKey, sev: check.Error},
	// gorilla/securecookie v1.1.2: func New(hashKey, blockKey []byte) *SecureCookie.
	{pkg: "github.com/gorilla/securecookie", name: "New", args: []int{0, 1}, kind: "secure cookie key", rule: anyKey, sev: check.Error},
}

// A fieldSink is a struct field that is a credential by API.
type fieldSink struct {
	pkg, typ, field string
	kind            string
	rule            valueRule
	sev             check.Severity
}

var fieldSinks = []fieldSink{
	// redis/go-redis v9.23.0: Options.Password (options.go), ClusterOptions.Password (osscluster.go),
	// RingOptions.Password (ring.go), FailoverOptions.Password/SentinelPassword (sentinel.go),
	// UniversalOptions.Password/SentinelPassword (universal.go).
	{pkg: "github.com/redis/go-redis/v9", typ: "Options", field: "Password", kind: "Redis password", rule: password, sev: check.Error},
	{pkg: "github.com/redis/go-redis/v9", typ: "ClusterOptions", field: "Password", kind: "Redis password", rule: password, sev: check.Error},
	{pkg: "github.com/redis/go-redis/v9", typ: "RingOptions", field: "Password", kind: "Redis password", rule: password, sev: check.Error},
	{pkg: "github.com/redis/go-redis/v9", typ: "FailoverOptions", field: "Password", kind: "Redis password", rule: password, sev: check.Error},
	{pkg: "github.com/redis/go-redis/v9", typ: "FailoverOptions", field: "SentinelPassword", kind: "Redis Sentinel password", rule: password, sev: check.Error},
	{pkg: "github.com/redis/go-redis/v9", typ: "UniversalOptions", field: "Password", kind: "Redis password", rule: password, sev: check.Error},
	{pkg: "github.com/redis/go-redis/v9", typ: "UniversalOptions", field: "SentinelPassword", kind: "Redis Sentinel password", rule: password, sev: check.Error},
	// golang.org/x/oauth2 v0.38.0: Config.ClientSecret (oauth2.go), clientcredentials.Config.ClientSecret.
	{pkg: "golang.org/x/oauth2", typ: "Config", field: "ClientSecret", kind: "OAuth2 client secret", rule: password, sev: check.Error},
	{pkg: "golang.org/x/oauth2/clientcredentials", typ: "Config", field: "ClientSecret", kind: "OAuth2 client secret", rule: password, sev: check.Error},
	// go-sql-driver/mysql v1.8.1 dsn.go: Config.Passwd.
	{pkg: "github.com/go-sql-driver/mysql", typ: "Config", field: "Passwd", kind: "MySQL password", rule: password, sev: check.Error},
	// gorm.io/driver/postgres v1.6.3 and gorm.io/driver/mysql v1.6.0: Config.DSN.
	{pkg: "gorm.io/driver/postgres", typ: "Config", field: "DSN", kind: "database password", rule: dsn, sev: check.Error},
	{pkg: "gorm.io/driver/mysql", typ: "Config", field: "DSN", kind: "database password", rule: dsn, sev: check.Error},
	// aws-sdk-go v1.55.8 credentials.Value and aws-sdk-go-v2 v1.48.0 aws.Credentials: SecretAccessKey, SessionToken.
	{pkg: "github.com/aws/aws-sdk-go/aws/credentials", typ: "Value", field: "SecretAccessKey", kind: "AWS secret access key", rule: password, sev: check.Error},
	{pkg: "github.com/aws/aws-sdk-go/aws/credentials", typ: "Value", field: "SessionToken", kind: "AWS session token", rule: password, sev: check.Error},
	{pkg: "github.com/aws/aws-sdk-go-v2/aws", typ: "Credentials", field: "SecretAccessKey", kind: "AWS secret access key", rule: password, sev: check.Error},
	{pkg: "github.com/aws/aws-sdk-go-v2/aws", typ: "Credentials", field: "SessionToken", kind: "AWS session token", rule: password, sev: check.Error},
	// labstack/echo-jwt v4.4.0 jwt.go Config.SigningKey; labstack/echo v4.11.4 middleware/jwt.go JWTConfig.SigningKey.
	{pkg: "github.com/labstack/echo-jwt/v4", typ: "Config", field: "SigningKey", kind: "JWT signing key", rule: notPEMPublic, sev: check.Error},
	{pkg: "github.com/labstack/echo/v4/middleware", typ: "JWTConfig", field: "SigningKey", kind: "JWT signing key", rule: notPEMPublic, sev: check.Error},
	// appleboy/gin-jwt v2.10.3 and v3 auth_jwt.go: GinJWTMiddleware.Key []byte.
	{pkg: "github.com/appleboy/gin-jwt/v2", typ: "GinJWTMiddleware", field: "Key", kind: "JWT signing key", rule: anyKey, sev: check.Error},
	{pkg: "github.com/appleboy/gin-jwt/v3", typ: "GinJWTMiddleware", field: "Key", kind: "JWT signing key", rule: anyKey, sev: check.Error},
}

// keyfuncTokens are the *Token types of JWT libraries whose Keyfunc,
// func(*Token) (interface{}, error), returns the verification key: a
// function of that shape returning a literal returns a hard-coded key.
// (golang-jwt v5.3.1 and v4.5.2 token.go, dgrijalva/jwt-go v3.2.0 token.go.)
var keyfuncTokens = map[string]bool{
	"github.com/golang-jwt/jwt/v5.Token": true,
	"github.com/golang-jwt/jwt/v4.Token": true,
	"github.com/golang-jwt/jwt.Token":    true,
	"github.com/dgrijalva/jwt-go.Token":  true,
}

type sinkKey struct{ pkg, recv, name string }

var (
	callSinkIndex  = map[sinkKey]*callSink{}
	fieldSinkIndex = map[sinkKey]*fieldSink{}
)

func init() {
	for i := range callSinks {
		s := &callSinks[i]
		callSinkIndex[sinkKey{s.pkg, s.recv, s.name}] = s
	}
	for i := range fieldSinks {
		s := &fieldSinks[i]
		fieldSinkIndex[sinkKey{s.pkg, s.typ, s.field}] = s
	}
}
