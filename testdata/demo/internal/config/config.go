// Package config holds the service's settings.
package config

import "os"

// Config is the service configuration.
type Config struct {
	Addr        string
	DatabaseURL string
	JWTSecret   []byte
}

// Load reads the configuration from the environment.
func Load() Config {
	return Config{
		Addr:        envOr("ADDR", ":8080"),
		DatabaseURL: envOr("DATABASE_URL", "postgres://orders:orders@localhost:5432/orders?sslmode=disable"),
		JWTSecret:   []byte(os.Getenv("JWT_SECRET")),
	}
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
