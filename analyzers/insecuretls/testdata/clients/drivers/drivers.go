// Package drivers gives database and cache clients their TLS configs.
package drivers

import (
	"crypto/tls"
	"crypto/x509"

	"github.com/go-sql-driver/mysql"
	"github.com/redis/go-redis/v9"
)

func registerMySQL() error {
	return mysql.RegisterTLSConfig("orders", &tls.Config{
		ServerName:         "orders-db.internal",
		InsecureSkipVerify: true, // want `InsecureSkipVerify: true turns off certificate verification`
	})
}

func newCache() *redis.Client {
	return redis.NewClient(&redis.Options{
		Addr:      "cache.internal:6380",
		TLSConfig: &tls.Config{MinVersion: tls.VersionTLS11, InsecureSkipVerify: true}, // want `MinVersion allows TLS 1.1` `InsecureSkipVerify: true turns off`
	})
}

// Good: a CA pool.
func registerVerified(pool *x509.CertPool) error {
	return mysql.RegisterTLSConfig("orders", &tls.Config{RootCAs: pool, ServerName: "orders-db.internal"})
}

// Good: go-sql-driver's own Config has a TLS field of type *tls.Config,
// left nil here.
func dsn() string {
	cfg := mysql.NewConfig()
	cfg.Addr = "orders-db.internal:3306"
	return cfg.FormatDSN()
}
