package billing

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net/http"
	"time"
)

// NewGatewayClient is the HTTP client refunds are sent to the payment
// gateway with.
// Bad: certificate checks were switched off to get past a staging
// gateway's self-signed certificate, and TLS 1.0 is still allowed; anyone
// on the network path can read and change refunds.
func NewGatewayClient() *http.Client {
	return &http.Client{
		Timeout: 10 * time.Second,
		Transport: &http.Transport{
			TLSClientConfig: &tls.Config{
				InsecureSkipVerify: true,
				MinVersion:         tls.VersionTLS10,
			},
		},
	}
}

// NewGatewayClientWithCA is the good twin: it trusts the gateway's CA
// and negotiates TLS 1.2 or later.
func NewGatewayClientWithCA(caPEM []byte) (*http.Client, error) {
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(caPEM) {
		return nil, errors.New("billing: no certificate in the gateway CA bundle")
	}
	return &http.Client{
		Timeout: 10 * time.Second,
		Transport: &http.Transport{
			TLSClientConfig: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12},
		},
	}, nil
}
