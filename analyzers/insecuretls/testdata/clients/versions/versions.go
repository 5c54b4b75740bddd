// Package versions sets protocol versions, some below TLS 1.2.
package versions

import (
	"crypto/tls"
	"net/http"
)

func legacyServer() *http.Server {
	return &http.Server{
		Addr: ":8443",
		TLSConfig: &tls.Config{
			MinVersion: tls.VersionTLS10, // want `MinVersion allows TLS 1.0, deprecated by RFC 8996`
		},
	}
}

func setLater() *tls.Config {
	cfg := &tls.Config{}
	cfg.MinVersion = tls.VersionTLS11 // want `MinVersion allows TLS 1.1`
	return cfg
}

func ssl3() *tls.Config {
	return &tls.Config{MinVersion: tls.VersionSSL30} // want `MinVersion allows SSL 3.0`
}

func capped() *tls.Config {
	return &tls.Config{
		MaxVersion: tls.VersionTLS11, // want `MaxVersion caps every connection at TLS 1.1`
	}
}

func cappedLater(cfg *tls.Config) {
	cfg.MaxVersion = tls.VersionTLS10 // want `MaxVersion caps every connection at TLS 1.0`
}

// Good: TLS 1.2 and 1.3, the defaults, and versions from configuration.
func good(v uint16) []*tls.Config {
	c := &tls.Config{}
	c.MinVersion = v
	return []*tls.Config{
		{MinVersion: tls.VersionTLS12},
		{MinVersion: tls.VersionTLS13, MaxVersion: tls.VersionTLS13},
		{MinVersion: 0},
		{MaxVersion: v},
		{},
		c,
	}
}

// A variable only ever given one version is that version (gosec's
// samples).
func viaVar() *tls.Config {
	var lowMax uint16 = tls.VersionTLS10
	return &tls.Config{MaxVersion: lowMax} // want `MaxVersion caps every connection at TLS 1.0`
}

// Good: a variable given a safe version, or given several.
func viaVarGood(legacy bool) []*tls.Config {
	var v uint16 = tls.VersionTLS13
	w := uint16(tls.VersionTLS12)
	if legacy {
		w = tls.VersionTLS10
	}
	return []*tls.Config{{MinVersion: v}, {MinVersion: w}}
}
