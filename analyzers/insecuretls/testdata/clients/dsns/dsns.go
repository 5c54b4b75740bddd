// Package dsns opens databases whose connection strings carry their TLS
// settings.
package dsns

import (
	"database/sql"
	"fmt"

	"github.com/go-sql-driver/mysql"
)

const ordersDSN = "app:secret@tcp(orders-db.internal:3306)/orders?tls=skip-verify&parseTime=true" // want `the MySQL DSN turns off certificate verification \(tls=skip-verify\)`

func openOrders() (*sql.DB, error) { return sql.Open("mysql", ordersDSN) }

func openReports(host string) (*sql.DB, error) {
	cfg, err := mysql.ParseDSN(fmt.Sprintf("report:pw@tcp(%s:3306)/reports?tls=preferred", host)) // want `the MySQL DSN turns off certificate verification \(tls=preferred\)`
	if err != nil {
		return nil, err
	}
	return sql.Open("mysql", cfg.FormatDSN())
}

func openEvents(user, pass string) string {
	return fmt.Sprintf("mongodb://%s:%s@events.internal:27017/?tls=true&tlsAllowInvalidCertificates=true", user, pass) // want `the MongoDB URI turns off certificate verification \(tlsAllowInvalidCertificates=true\)`
}

func openLedger(pass string) (*sql.DB, error) {
	dsn := "host=ledger.internal user=ledger password=" + pass + " sslmode=require" // want `the Postgres DSN encrypts without verifying the server's certificate \(sslmode=require\)`
	return sql.Open("pgx", dsn)
}

// ---- not reported ----

// Verified TLS: a registered config, verify-full, require with a CA.
const (
	verifiedMySQL  = "app:secret@tcp(orders-db.internal:3306)/orders?tls=orders-ca"
	verifiedPG     = "postgres://ledger.internal/ledger?sslmode=verify-full&sslrootcert=/etc/ssl/ledger-ca.pem"
	requireWithCA  = "host=ledger.internal sslmode=require sslrootcert=/etc/ssl/ledger-ca.pem"
	mysqlTLSOn     = "app:secret@tcp(orders-db.internal:3306)/orders?tls=true"
	localPG        = "host=localhost user=dev sslmode=prefer"
	unixSocket     = "app:pw@unix(/var/run/mysqld/mysqld.sock)/orders?tls=skip-verify"
	prose          = "set sslmode to verify-full in production"
	notAnOption    = "mongodb://events.internal/?tlsInsecure=false"
	disabledLocal  = "host=127.0.0.1 sslmode=disable"
	otherKeyPrefix = "xtls=skip-verify"
)

var _ = []string{verifiedMySQL, verifiedPG, requireWithCA, mysqlTLSOn, localPG, unixSocket, prose, notAnOption, disabledLocal, otherKeyPrefix}
