// Package negatives holds TLS and gRPC code that is fine, written the ways
// real services write it.
package negatives

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"net/http"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
)

// A server requiring client certificates, TLS 1.2 and up.
func mtlsServer(pool *x509.CertPool, cert tls.Certificate) *http.Server {
	return &http.Server{
		Addr: ":8443",
		TLSConfig: &tls.Config{
			Certificates: []tls.Certificate{cert},
			ClientAuth:   tls.RequireAndVerifyClientCert,
			ClientCAs:    pool,
			MinVersion:   tls.VersionTLS12,
		},
	}
}

// Versions raised or left to Go; suites appended from Go's secure list.
func tuned(base *tls.Config) *tls.Config {
	cfg := base.Clone()
	cfg.MinVersion = tls.VersionTLS13
	cfg.MaxVersion = 0
	cfg.CipherSuites = nil
	for _, s := range tls.CipherSuites() {
		cfg.CipherSuites = append(cfg.CipherSuites, s.ID)
	}
	cfg.InsecureSkipVerify = !true
	return cfg
}

// A transport without a TLS config uses the system roots.
func plainTransport() *http.Transport {
	return &http.Transport{MaxIdleConns: 10, ForceAttemptHTTP2: true}
}

// Options appended in the function that dials loopback.
func sidecar(ctx context.Context) (*grpc.ClientConn, error) {
	var opts []grpc.DialOption
	opts = append(opts, grpc.WithTransportCredentials(insecure.NewCredentials()))
	return grpc.DialContext(ctx, "127.0.0.1:15001", opts...)
}

// TLS credentials from a pool or from a variable.
func secure(pool *x509.CertPool, creds credentials.TransportCredentials) {
	_, _ = grpc.NewClient("api.example.com:443", grpc.WithTransportCredentials(credentials.NewClientTLSFromCert(pool, "")))
	_, _ = grpc.NewClient("api.example.com:443", grpc.WithTransportCredentials(creds))
}

// The IPv6 loopback and a named in-process target.
func loopbacks() {
	_, _ = grpc.NewClient("[::1]:9090", grpc.WithTransportCredentials(insecure.NewCredentials()))
	_, _ = grpc.NewClient("localhost", grpc.WithTransportCredentials(insecure.NewCredentials()))
}

// Reading settings, copying them, comparing them.
func inspect(cfg *tls.Config) (bool, uint16) {
	other := &tls.Config{}
	other.ServerName = cfg.ServerName
	return cfg.InsecureSkipVerify == other.InsecureSkipVerify, cfg.MinVersion
}

// A []uint16 of ports and a list of TLS 1.3 suites (Go ignores it, and
// they are secure).
var (
	ports    = []uint16{443, 8443}
	tls13    = []uint16{tls.TLS_AES_128_GCM_SHA256, tls.TLS_CHACHA20_POLY1305_SHA256}
	versions = []uint16{tls.VersionTLS12, tls.VersionTLS13}
)
