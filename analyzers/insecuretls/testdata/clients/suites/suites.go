// Package suites lists cipher suites, some weak.
package suites

import "crypto/tls"

func server() *tls.Config {
	return &tls.Config{
		MinVersion: tls.VersionTLS12,
		CipherSuites: []uint16{
			tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
			tls.TLS_RSA_WITH_RC4_128_SHA,            // want `cipher suite TLS_RSA_WITH_RC4_128_SHA is insecure: RC4 is broken`
			tls.TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA, // want `cipher suite TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA is insecure: 3DES`
			tls.TLS_RSA_WITH_AES_128_GCM_SHA256,     // want `TLS_RSA_WITH_AES_128_GCM_SHA256 is weak: RSA key exchange has no forward secrecy`
			tls.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,  // want `cipher suite TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA is weak: CBC with SHA-1`
		},
	}
}

// A list kept in a variable is a list of suites all the same.
var legacySuites = []uint16{tls.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, tls.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256} // want `TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256 is weak: CBC-SHA256`

func fromVar() *tls.Config {
	return &tls.Config{CipherSuites: legacySuites}
}

func setLater(cfg *tls.Config) {
	cfg.CipherSuites = []uint16{0x0005} // want `TLS_RSA_WITH_RC4_128_SHA is insecure`
}

// Good: modern suites only.
func modern() *tls.Config {
	return &tls.Config{CipherSuites: []uint16{
		tls.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
		tls.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
	}}
}

// Good: Go ignores CipherSuites when only TLS 1.3 is allowed.
func tls13Only() *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS13, CipherSuites: []uint16{tls.TLS_RSA_WITH_RC4_128_SHA}}
}

// Good: a []uint16 that is not a list of suites.
var ports = []uint16{5, 10, 47}
