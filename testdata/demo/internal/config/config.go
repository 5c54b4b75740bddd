// Package config holds the service's settings.
package config

import (
	"log"
	"os"
)

// Config is the service configuration.
type Config struct {
	Addr        string
	OpsAddr     string // the operations API (internal/ops)
	DatabaseURL string
	JWTSecret   []byte
	// ReportsDSN is the read replica the nightly reports query.
	ReportsDSN string
	// StripeKey pays out refunds; see internal/config/integrations.go.
	StripeKey string
}

// Bad: a fallback signing secret "so local development works" ships in
// every build, and every token it signs verifies in production if
// JWT_SECRET is ever unset.
const defaultJWTSecret = "orders-dev-Q7f2kL9xVm4t"

// Load reads the configuration from the environment.
func Load() Config {
	return Config{
		Addr:    envOr("ADDR", ":8080"),
		OpsAddr: envOr("OPS_ADDR", ":9090"),
		// Good: the local default uses the postgres container's stock
		// credentials, which are not a secret.
		DatabaseURL: envOr("DATABASE_URL", "postgres://orders:orders@localhost:5432/orders?sslmode=disable"),
		JWTSecret:   []byte(envOr("JWT_SECRET", defaultJWTSecret)),
		// Bad: the replica's real password is in the fallback.
		ReportsDSN: envOr("REPORTS_DSN", "postgres://reports:Rp7x2QmL9vTz@orders-replica.prod.internal:5432/orders?sslmode=require"),
		StripeKey:  stripeKey(),
	}
}

// LoadStrict is the good twin of Load: every secret comes from the
// environment (or a secret manager that populates it) and a missing one
// stops the service instead of falling back to a value in the source.
func LoadStrict() Config {
	return Config{
		Addr:        envOr("ADDR", ":8080"),
		OpsAddr:     envOr("OPS_ADDR", "127.0.0.1:9090"),
		DatabaseURL: mustEnv("DATABASE_URL"),
		JWTSecret:   []byte(mustEnv("JWT_SECRET")),
		ReportsDSN:  mustEnv("REPORTS_DSN"),
		StripeKey:   mustEnv("STRIPE_SECRET_KEY"),
	}
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func mustEnv(key string) string {
	v := os.Getenv(key)
	if v == "" {
		log.Fatalf("config: %s is not set", key)
	}
	return v
}
