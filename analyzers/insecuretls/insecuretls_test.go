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

	testutil.CheckSeverities(t, results, []testutil.Severity{
		{Contains: "InsecureSkipVerify: true", Sev: check.Error},
		{Contains: "InsecureSkipVerify is set", Sev: check.Note},
		{Contains: "MinVersion allows", Sev: check.Warning},
		{Contains: "MaxVersion caps", Sev: check.Error},
		{Contains: "cipher suite TLS_RSA_WITH_RC4_128_SHA", Sev: check.Error},
		{Contains: "cipher suite TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA is weak", Sev: check.Warning},
		{Contains: "cipher suite TLS_RSA_WITH_AES_128_GCM_SHA256 is weak", Sev: check.Warning},
		{Contains: "cipher suite TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA is insecure", Sev: check.Error},
		{Contains: "grpc.NewClient dials \"", Sev: check.Warning},
		{Contains: "grpc.NewClient dials addr", Sev: check.Note},
		{Contains: "the MySQL DSN turns off certificate verification", Sev: check.Warning},
		{Contains: "the MongoDB URI turns off certificate verification", Sev: check.Warning},
		{Contains: "the Postgres DSN encrypts without verifying", Sev: check.Note},
	})
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
