// Package verify holds tls.Configs that turn certificate verification off,
// and look-alikes that do not.
package verify

import (
	"crypto/tls"
	"crypto/x509"
	"flag"
	"net/http"
	"os"
	"testing"
)

// Bad: the literal, straight into a transport.
func paymentClient() *http.Client {
	return &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{
			InsecureSkipVerify: true, // want `InsecureSkipVerify: true turns off certificate verification: anyone on the network path`
		},
	}}
}

// Bad: an expression that folds to true.
func folded() *tls.Config {
	return &tls.Config{InsecureSkipVerify: !false, MinVersion: tls.VersionTLS12} // want `InsecureSkipVerify: true turns off certificate verification`
}

const skipChecks = true

// Bad: a named constant.
func viaConst() *tls.Config {
	return &tls.Config{InsecureSkipVerify: skipChecks} // want `InsecureSkipVerify: true turns off`
}

// Bad: a field set later, on a config and through a transport.
func setLater() *http.Transport {
	cfg := &tls.Config{}
	cfg.InsecureSkipVerify = true // want `InsecureSkipVerify: true turns off certificate verification`
	tr := &http.Transport{TLSClientConfig: cfg}
	tr.TLSClientConfig.InsecureSkipVerify = true // want `InsecureSkipVerify: true turns off`
	return tr
}

// Bad: a local variable that is only ever true.
func viaVar() *tls.Config {
	skip := true
	return &tls.Config{InsecureSkipVerify: skip} // want `InsecureSkipVerify: true turns off certificate verification \(skip is always true\)`
}

// Bad: the default transport patched in place.
func patchDefault() {
	http.DefaultTransport.(*http.Transport).TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify: true turns off`
}

// Bad: a value, not a pointer.
var sharedConfig = tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify: true turns off`

// Bad: tls.Dial.
func dialRaw() (*tls.Conn, error) {
	return tls.Dial("tcp", "ledger.example.com:443", &tls.Config{InsecureSkipVerify: true}) // want `InsecureSkipVerify: true turns off`
}

// Note: driven by a flag, a field, an environment variable, a parameter.
var insecureFlag = flag.Bool("insecure", false, "skip TLS verification")

type Config struct {
	TLSSkipVerify bool
	Insecure      bool
}

func fromFlag() *tls.Config {
	return &tls.Config{InsecureSkipVerify: *insecureFlag} // want `InsecureSkipVerify is set from \*insecureFlag: certificates are then not checked`
}

func fromField(c Config) *tls.Config {
	return &tls.Config{InsecureSkipVerify: c.TLSSkipVerify} // want `InsecureSkipVerify is set from c.TLSSkipVerify`
}

func fromEnv() *tls.Config {
	return &tls.Config{InsecureSkipVerify: os.Getenv("SKIP_VERIFY") == "1"} // want `InsecureSkipVerify is set from os.Getenv`
}

func fromParam(insecure bool) *tls.Config {
	return &tls.Config{InsecureSkipVerify: insecure} // want `InsecureSkipVerify is set from insecure`
}

func underSwitch(c Config) *tls.Config {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if c.Insecure {
		cfg.InsecureSkipVerify = true // want `InsecureSkipVerify is set under if c.Insecure`
	}
	return cfg
}

// A variable set true or false depending on a flag is configuration.
func mixed() *tls.Config {
	skip := false
	if *insecureFlag {
		skip = true
	}
	return &tls.Config{InsecureSkipVerify: skip} // want `InsecureSkipVerify is set from skip`
}

// Good: false, in every spelling.
func explicitFalse() *tls.Config {
	off := false
	var zero bool
	a := &tls.Config{InsecureSkipVerify: false}
	b := &tls.Config{InsecureSkipVerify: !true}
	c := &tls.Config{InsecureSkipVerify: off}
	d := &tls.Config{InsecureSkipVerify: zero}
	a.InsecureSkipVerify = false
	_, _ = c, d
	return b
}

// Good: certificate pinning through VerifyPeerCertificate.
func pinned(fingerprint []byte) *tls.Config {
	return &tls.Config{
		InsecureSkipVerify: true,
		VerifyPeerCertificate: func(raw [][]byte, _ [][]*x509.Certificate) error {
			return checkPin(raw, fingerprint)
		},
	}
}

// Good: VerifyConnection assigned in the same function.
func verifiedLater() *tls.Config {
	cfg := &tls.Config{InsecureSkipVerify: true}
	cfg.VerifyConnection = func(cs tls.ConnectionState) error { return checkPin(nil, nil) }
	return cfg
}

func checkPin([][]byte, []byte) error { return nil }

// Good: an ordinary client with its own CA pool.
func pooled(pool *x509.CertPool) *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, PreferServerCipherSuites: true}}}
}

// Good: a look-alike struct that is not crypto/tls.Config.
type tlsOptions struct{ InsecureSkipVerify bool }

func lookAlike() tlsOptions {
	o := tlsOptions{InsecureSkipVerify: true}
	o.InsecureSkipVerify = true
	return o
}

// Good: reading the field is not setting it.
func reads(cfg *tls.Config) bool { return cfg.InsecureSkipVerify }

// Note: a per-feed "ignore TLS errors" option (as in miniflux).
type fetcher struct{ ignoreTLSErrors bool }

func (f *fetcher) transport() *http.Transport {
	tr := &http.Transport{}
	if f.ignoreTLSErrors {
		tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify is set under if f.ignoreTLSErrors`
	}
	return tr
}

// Bad: an if on something else does not make it configuration.
func (f *fetcher) retry(err error) *tls.Config {
	if err != nil {
		return &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify: true turns off`
	}
	return nil
}

// Good: TLS over a unix socket, protected by file permissions (as in
// openfga).
func overSocket(network string) *tls.Config {
	const unix = "unix"
	switch network {
	case unix:
		return &tls.Config{InsecureSkipVerify: true}
	}
	if network == "unix" {
		return &tls.Config{InsecureSkipVerify: true}
	}
	return &tls.Config{}
}

// Note: the condition names the setting in the words people use.
type options struct{ mode string }

func (options) validateCertificates() bool      { return true }
func (options) lookup(key string) (bool, error) { return true, nil }

func conditions(cfg *tls.Config, secure, selfSigned bool, o options, trustAll *bool, enableVerification any) {
	if !secure {
		cfg.InsecureSkipVerify = true // want `InsecureSkipVerify is set under if !secure`
	}
	if selfSigned {
		cfg.InsecureSkipVerify = true // want `InsecureSkipVerify is set under if selfSigned`
	}
	if !o.validateCertificates() {
		cfg.InsecureSkipVerify = true // want `InsecureSkipVerify is set under if !o.validateCertificates\(\)`
	}
	if v, _ := o.lookup("verifyCertificates"); !v {
		cfg.InsecureSkipVerify = true // want `InsecureSkipVerify is set under if !v`
	}
	if *trustAll {
		cfg.InsecureSkipVerify = true // want `InsecureSkipVerify is set under if \*trustAll`
	}
	if !enableVerification.(bool) {
		cfg.InsecureSkipVerify = true // want `InsecureSkipVerify is set under if !enableVerification`
	}
}

// Note: the name says it is insecure on purpose; where it is used decides.
func newInsecureConfig() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify is set in newInsecureConfig, insecure by its name`
}

func transports() *http.Transport {
	insecureTransport := &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, // want `InsecureSkipVerify is set in insecureTransport, insecure by its name`
	}
	return insecureTransport
}

// Good: test code outside a _test.go file.
func TestAgainstStub(t *testing.T) {
	_ = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
}
