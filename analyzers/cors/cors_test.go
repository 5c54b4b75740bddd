package cors_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apivet/apivet/analyzers/cors"
	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/testutil"
)

func TestPolicies(t *testing.T) {
	dir := testutil.Module(t, "testdata/policies")
	results := analysistest.Run(t, dir, cors.Analyzer, "./...")

	testutil.CheckSeverities(t, results, []testutil.Severity{
		{Contains: "AllowOriginFunc accepts every origin while AllowCredentials is on", Sev: check.Error},
		{Contains: "while AllowCredentials is set from configuration", Sev: check.Warning},
		{Contains: "which browsers refuse", Sev: check.Note},
		{Contains: "Access-Control-Allow-Origin reflects the request's Origin", Sev: check.Error},
		{Contains: `strings.HasSuffix(origin, "example.com"): it passes any host ending in "example.com", such as https://evilexample.com`, Sev: check.Error},
		{Contains: `strings.HasSuffix(origin, "example.org"): it passes`, Sev: check.Warning},
		{Contains: "AddInsecureBypassPattern", Sev: check.Warning},
	})
}

func TestIllTyped(t *testing.T) {
	testutil.RunIllTyped(t, cors.Analyzer, check.Inspect, `package p

import (
	"net/http"
	"regexp"
	"strings"

	"github.com/rs/cors"
	"github.com/gorilla/handlers"
)

var re = regexp.MustCompile(undefined)

func f(w http.ResponseWriter, r *http.Request, x undefinedType) {
	_ = cors.New(cors.Options{AllowOriginFunc: func(string) bool { return true }, AllowCredentials: true})
	_ = handlers.CORS(handlers.AllowedOriginValidator(), handlers.AllowCredentials(1))
	origin := r.Header.Get(undefined)
	w.Header().Set("Access-Control-Allow-Origin", origin, 3)
	w.Header().Set("Access-Control-Allow-Credentials")
	w.Header()[undefined] = []string{origin}
	_ = strings.HasSuffix(origin)
	_ = strings.HasSuffix(origin, "example.com", 1)
	_ = re.MatchString(origin)
	_ = regexp.MatchString("(", origin)
	var p http.CrossOriginProtection
	p.AddInsecureBypassPattern()
	p.AddInsecureBypassPattern(x)
}
`)
}
