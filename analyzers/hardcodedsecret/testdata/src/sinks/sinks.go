// Package sinks passes literals to parameters and fields that are
// credentials by API, next to the same calls fed from the environment.
package sinks

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/tls"
	"database/sql"
	"net/http"
	"net/smtp"
	"net/url"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsv2creds "github.com/aws/aws-sdk-go-v2/credentials"
	awscreds "github.com/aws/aws-sdk-go/aws/credentials"
	dgrijalva "github.com/dgrijalva/jwt-go"
	"github.com/go-chi/jwtauth/v5"
	mysqldrv "github.com/go-sql-driver/mysql"
	jwt4 "github.com/golang-jwt/jwt/v4"
	"github.com/golang-jwt/jwt/v5"
	"github.com/gorilla/securecookie"
	"github.com/gorilla/sessions"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
	echojwt "github.com/labstack/echo-jwt/v4"
	"github.com/redis/go-redis/v9"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
	"gorm.io/driver/mysql"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"

	"example.com/secrets/shared"
)

// A constant whose value is a literal counts at its use in a sink.
const fallbackKey = "Z7xq2Lp9vN4mK8tR"

const verifyKeyPEM = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAErm10hwB4yeGGZ04eiUogbG9kNeV5
Sbhh3phF3O2kHr6aln/3vncsRntWZXkU9lZQdOlMOi1DjzpZBYZ0BGaWCA==
-----END PUBLIC KEY-----`

// A package variable set once from a literal is a constant too.
var signingBytes = []byte("!!SECRET!!")

// One that is replaced at start-up is not.
var rotatingBytes = []byte("initial-key-000")

func rotate() { rotatingBytes = []byte(os.Getenv("JWT_KEY")) }

func signMore(t *jwt.Token) {
	t.SignedString(signingBytes)  // want `hard-coded JWT signing key "!!SE…" passed to \(jwt.Token\).SignedString`
	t.SignedString(rotatingBytes) // not reported: assigned from the environment in rotate
}

func signTokens(t *jwt.Token, t4 *jwt4.Token, td *dgrijalva.Token) {
	t.SignedString([]byte("s3cr3t-signing-key"))                       // want `hard-coded JWT signing key "s3cr…" passed to \(jwt.Token\).SignedString`
	t4.SignedString([]byte(fallbackKey))                               // want `hard-coded JWT signing key "Z7xq…"`
	td.SignedString([]byte(shared.SigningKey))                         // want `hard-coded JWT signing key "kP9v…"`
	t.SignedString([]byte(os.Getenv("JWT_KEY")))                       // good: from the environment
	t.SignedString([]byte(""))                                         // an empty key is another bug, not a leaked secret
	jwt.SigningMethodHS256.Sign("payload", []byte("another-hmac-key")) // want `JWT signing key "anot…"`
}

var tokenAuth = jwtauth.New("HS256", []byte("chi-jwt-secret-2024"), nil) // want `JWT signing key "chi-…" passed to jwtauth.New`

var tokenAuthEnv = jwtauth.New("HS256", []byte(os.Getenv("JWT_SECRET")), nil)

var tokenAuthRS = jwtauth.New("RS256", nil, []byte(verifyKeyPEM)) // a public key is not a secret

func parse(raw string) {
	jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		return []byte("verify-me-123"), nil // want `hard-coded JWT verification key "veri…" returned by a jwt.Keyfunc`
	})
	jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		return []byte(os.Getenv("JWT_SECRET")), nil
	})
}

func keyFunc(t *jwt4.Token) (interface{}, error) {
	return []byte(fallbackKey), nil // want `JWT verification key "Z7xq…"`
}

func openDatabases(ctx context.Context) {
	sql.Open("postgres", "postgres://app:Vq7rT2mZ9xLp@db.prod.internal/app")                 // want `password in a connection string "Vq7r…"`
	sql.Open("postgres", os.Getenv("DATABASE_URL"))                                          // good
	sql.Open("sqlite3", "file:test.db?cache=shared")                                         // no password
	sqlx.Connect("mysql", "app:Hx8kP2qWz@tcp(mysql.internal:3306)/orders")                   // want `password in a connection string "Hx8k…"`
	gorm.Open(postgres.Open("host=pg.internal user=app password=Zr8qN2vXk4Lm dbname=app"))   // want `password in a connection string "Zr8q…"`
	gorm.Open(mysql.Open("root:root@tcp(127.0.0.1:3306)/app"))                               // stock local credentials
	gorm.Open(postgres.New(postgres.Config{DSN: "host=localhost user=postgres dbname=app"})) // no password
	pgxpool.New(ctx, "postgres://app@db.prod.internal/app")                                  // no password
	_ = mysqldrv.Config{User: "app", Passwd: "Hx8kP2qWz7"}                                   // want `hard-coded MySQL password "Hx8k…" in field Passwd`
	_ = mysqldrv.Config{User: "app", Passwd: os.Getenv("MYSQL_PASSWORD")}                    // good
}

func outbound(req *http.Request) {
	req.SetBasicAuth("admin", "Tr0ub4dor&3")                                    // want `hard-coded HTTP basic-auth password "Tr0u…" passed to \(http.Request\).SetBasicAuth`
	req.SetBasicAuth("admin", os.Getenv("ADMIN_PASSWORD"))                      // good
	smtp.PlainAuth("", "mailer@example.com", "m4il3r-Pa55", "smtp.example.com") // want `SMTP password "m4il…"`
	smtp.PlainAuth("", "mailer@example.com", os.Getenv("SMTP_PASSWORD"), "smtp.example.com")
	_ = url.UserPassword("deploy", "d3pl0y-K3y!")                    // want `URL password "d3pl…"`
	_ = url.UserPassword(os.Getenv("GITHUB_TOKEN"), "x-oauth-basic") // GitHub's fixed password beside a token
}

var rdb = redis.NewClient(&redis.Options{Addr: "cache:6379", Password: "r3d1s-Pa55w0rd"}) // want `hard-coded Redis password "r3d1…" in field Password`

var rdbEnv = redis.NewClient(&redis.Options{Addr: "cache:6379", Password: os.Getenv("REDIS_PASSWORD")})

var rdbNoAuth = redis.NewClient(&redis.Options{Addr: "cache:6379", Password: ""})

var oauthCfg = &oauth2.Config{
	ClientID:     "1234567890-abc.apps.googleusercontent.com",
	ClientSecret: "GOCSPX-7CgQ0PBQFI14zGtSnovm14TU", // want `OAuth2 client secret "GOCS…"`
	Endpoint:     oauth2.Endpoint{TokenURL: "https://oauth2.googleapis.com/token"},
}

var ccCfg = clientcredentials.Config{ClientID: "svc", ClientSecret: os.Getenv("CLIENT_SECRET"), TokenURL: "https://auth.example.com/token"}

func setSecret(c *oauth2.Config) {
	c.ClientSecret = "MpSscDlkrCaqx9vJupc94tnw" // want `OAuth2 client secret "MpSs…" assigned to ClientSecret`
}

func awsClients() {
	awscreds.NewStaticCredentials("AKIAUJZDEGXDNCF32EPF", "2hpChYgCfrL1spNxnyVmihA+2O76UMFxFkM+R5Kj", "")   // want `AWS access key id "AKIA…"` `AWS secret access key "2hpC…"`
	awscreds.NewStaticCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "")   // documented fakes
	awsv2creds.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), "lavyfErGPmpGXafq0fjzLczb", "") // want `AWS secret access key "lavy…" passed to credentials.NewStaticCredentialsProvider`
	_ = aws.Credentials{AccessKeyID: os.Getenv("AWS_ACCESS_KEY_ID"), SecretAccessKey: os.Getenv("AWS_SECRET_ACCESS_KEY")}
}

const certPEM = `-----BEGIN CERTIFICATE-----
MIIBhTCCASugAwIBAgIQIRi6zePL6mKjOipn+dNuaTAKBggqhkjOPQQDAjASMRAw
-----END CERTIFICATE-----`

func tlsPair() {
	tls.X509KeyPair([]byte(certPEM), []byte("-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIGeedTQGr3/3mJypWM9TwW4+StHT1KUFhqTaFpulC2tNoAoGCCqGSM49\nAwEHoUQDQgAErm10hwB4yeGGZ04eiUogbG9kNeV5Sbhh3phF3O2kHr6aln/3vncs\nRntWZXkU9lZQdOlMOi1DjzpZBYZ0BGaWCA==\n-----END EC PRIVATE KEY-----\n")) // want `hard-coded private key`
	tls.X509KeyPair([]byte(certPEM), []byte(os.Getenv("TLS_KEY")))
}

var store = sessions.NewCookieStore([]byte("kS3ss10n-Auth-Key"), []byte("16-byte-enc-key!")) // want `session cookie key "kS3s…"` `session cookie key "16-b…"`

var storeEnv = sessions.NewCookieStore([]byte(os.Getenv("SESSION_KEY")))

var storeRotated = sessions.NewCookieStore(securecookie.GenerateRandomKey(32))

var sc = securecookie.New([]byte("very-secret-hash-key"), nil) // want `secure cookie key "very…" passed to securecookie.New`

func mac(data []byte) []byte {
	h := hmac.New(sha256.New, []byte("w3bh00k-s1gn1ng")) // want `HMAC key "w3bh…"`
	h.Write(data)
	k := hmac.New(sha256.New, []byte(os.Getenv("WEBHOOK_SECRET")))
	k.Write(data)
	return h.Sum(k.Sum(nil))
}

var echoJWT = echojwt.WithConfig(echojwt.Config{SigningKey: []byte("echo-signing-secret")}) // want `JWT signing key "echo…" in field SigningKey`

var _ = []any{tokenAuth, tokenAuthEnv, tokenAuthRS, rdb, rdbEnv, rdbNoAuth, oauthCfg, ccCfg, store, storeEnv, storeRotated, sc, echoJWT, shared.Issuer}
