// Package cfg holds configuration with credentials and helpers that mask them.
package cfg

import (
	"bufio"
	"log/slog"
	"os"
	"strings"
)

type Config struct {
	Addr       string
	DBPassword string
	Port       int
}

// Redacted renders itself without the password: logging it whole is fine.
type Redacted struct {
	User     string
	Password string
}

func (r Redacted) LogValue() slog.Value { return slog.StringValue(r.User) }

// MaskToken keeps the first four characters: a sanitizer by name.
func MaskToken(t string) string {
	if len(t) < 4 {
		return "****"
	}
	return t[:4] + strings.Repeat("*", len(t)-4)
}

// Describe returns text that includes the secret it is given.
func Describe(user, password string) string { return user + ":" + password }

// LogDSN logs its parameter: callers passing a secret are reported.
func LogDSN(dsn string) { slog.Info("connecting", "dsn", dsn) }

func Load() Config {
	c := Config{Addr: os.Getenv("ADDR"), DBPassword: os.Getenv("DB_PASSWORD")}
	slog.Info("config loaded", "addr", c.Addr, "port", c.Port)
	slog.Debug("config", "password", c.DBPassword) // want `DBPassword is written to the log by slog.Debug`
	slog.Info("config", "cfg", c)                  // want `Config with its DBPassword field is written to the log by slog.Info`
	slog.Info("user", "u", Redacted{User: "a", Password: c.DBPassword})
	apiKey := os.Getenv("STRIPE_API_KEY")
	slog.Info("stripe", "key", MaskToken(apiKey))
	slog.Info("stripe", "keylen", len(apiKey))
	slog.Info("stripe", "key", apiKey)                    // want `the STRIPE_API_KEY value is written to the log by slog.Info`
	slog.Info("db", "dsn", Describe("app", c.DBPassword)) // want `DBPassword is written to the log by slog.Info`
	LogDSN(os.Getenv("DATABASE_PASSWORD"))                // want `the DATABASE_PASSWORD value reaches the log through slog.Info in cfg.LogDSN`
	return c
}

// Reassigned after the log: the token is not in the logged value.
func Reassigned(id string) string {
	url := "https://api.example.com/assets/" + id
	slog.Debug("fetching", "url", url)
	token := os.Getenv("ASSET_TOKEN")
	url = "https://api.example.com/download?token=" + token
	slog.Debug("redirect", "url", url) // want `the ASSET_TOKEN value is written to the log by slog.Debug`
	return url
}

// A scanned line is not bufio.Scanner's "token" field.
func Lines(s *bufio.Scanner) {
	for s.Scan() {
		line := s.Text()
		slog.Warn("invalid line", "line", line)
	}
}
