package insecuretls_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apivet/apivet/analyzers/insecuretls"
	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/testutil"
)

func TestClients(t *testing.T) {
	dir := testutil.Module(t, "testdata/clients")
	results := analysistest.RunWithSuggestedFixes(t, dir, insecuretls.Analyzer, "./...")

	// Severities travel in Category (check.Report); analysistest does not
	// look at them.
	want := []struct {
		prefix string
		sev    check.Severity
	}{
		{"InsecureSkipVerify: true", check.Error},
		{"InsecureSkipVerify is set", check.Note},
		{"MinVersion allows", check.Warning},
		{"MaxVersion caps", check.Error},
		{"cipher suite TLS_RSA_WITH_RC4_128_SHA", check.Error},
		{"cipher suite TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA is weak", check.Warning},
		{"cipher suite TLS_RSA_WITH_AES_128_GCM_SHA256 is weak", check.Warning},
		{"cipher suite TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA is insecure", check.Error},
		{"grpc.NewClient dials \"", check.Warning},
		{"grpc.NewClient dials addr", check.Note},
	}
	seen := map[string]bool{}
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if len(d.Message) > 280 {
				t.Errorf("message longer than 280 characters (%d): %s", len(d.Message), d.Message)
			}
			for _, w := range want {
				if strings.HasPrefix(d.Message, w.prefix) {
					seen[w.prefix] = true
					if got := check.Severity(d.Category); got != w.sev {
						t.Errorf("%s: severity %q, want %q", d.Message, got, w.sev)
					}
				}
			}
		}
	}
	for _, w := range want {
		if !seen[w.prefix] {
			t.Errorf("no diagnostic starting %q", w.prefix)
		}
	}
}

func TestIllTyped(t *testing.T) {
	diags := testutil.RunIllTyped(t, insecuretls.Analyzer, check.Inspect, `package p

import (
	"crypto/tls"
	"net/http"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func f(x undefinedType) {
	cfg := &tls.Config{InsecureSkipVerify: true, NoSuchField: 1, MinVersion: undefinedConst}
	cfg.InsecureSkipVerify = undefinedVar
	cfg.MaxVersion, cfg.MinVersion = tls.VersionTLS10
	_ = []uint16{tls.TLS_RSA_WITH_RC4_128_SHA, nosuch.TLS_X}
	_, _ = grpc.NewClient(x, grpc.WithTransportCredentials(insecure.NewCredentials()))
	_ = grpc.Dial()
	_ = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: !undefined}}
	var s tls.Config = 3
	s.CipherSuites = []uint16{0x0005, "x"}
}
`)
	// What still type-checks is still reported.
	found := false
	for _, d := range diags {
		found = found || strings.HasPrefix(d.Message, "InsecureSkipVerify: true")
	}
	if !found {
		t.Errorf("the well-typed InsecureSkipVerify: true was not reported: %v", diags)
	}
}
