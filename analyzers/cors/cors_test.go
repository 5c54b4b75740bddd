package cors_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apivet/apivet/analyzers/cors"
	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/testutil"
)

func TestPolicies(t *testing.T) {
	dir := testutil.Module(t, "testdata/policies")
	results := analysistest.Run(t, dir, cors.Analyzer, "./...")

	// Severities travel in Category (check.Report); analysistest does not
	// look at them.
	want := []struct {
		contains string
		sev      check.Severity
	}{
		{"AllowOriginFunc accepts every origin while AllowCredentials is on", check.Error},
		{"while AllowCredentials is set from configuration", check.Warning},
		{"which browsers refuse", check.Note},
		{"Access-Control-Allow-Origin reflects the request's Origin", check.Error},
		{`strings.HasSuffix(origin, "example.com"): it passes any host ending in "example.com", such as https://evilexample.com`, check.Error},
		{`strings.HasSuffix(origin, "example.org"): it passes`, check.Warning},
		{"AddInsecureBypassPattern", check.Warning},
	}
	seen := map[string]bool{}
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if len(d.Message) > 280 {
				t.Errorf("message longer than 280 characters (%d): %s", len(d.Message), d.Message)
			}
			if i := strings.IndexAny(d.Message, ":;"); i > 120 {
				t.Errorf("first clause longer than 120 characters: %s", d.Message)
			}
			for _, w := range want {
				if strings.Contains(d.Message, w.contains) {
					seen[w.contains] = true
					if got := check.Severity(d.Category); got != w.sev {
						t.Errorf("%s: severity %q, want %q", d.Message, got, w.sev)
					}
				}
			}
		}
	}
	for _, w := range want {
		if !seen[w.contains] {
			t.Errorf("no diagnostic containing %q", w.contains)
		}
	}
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
