// Package analyzers is the registry of apivet checks: the one place that
// lists them. The CLI, the vet tool, the golangci-lint plugin, the
// language server and docs/checks.md all read it.
package analyzers

import (
	"sort"

	"github.com/apivet/apivet/analyzers/bodylimit"
	"github.com/apivet/apivet/analyzers/bola"
	"github.com/apivet/apivet/analyzers/cors"
	"github.com/apivet/apivet/analyzers/dataexposure"
	"github.com/apivet/apivet/analyzers/errorleak"
	"github.com/apivet/apivet/analyzers/hardcodedsecret"
	"github.com/apivet/apivet/analyzers/insecuretls"
	"github.com/apivet/apivet/analyzers/jwtverify"
	"github.com/apivet/apivet/analyzers/logleak"
	"github.com/apivet/apivet/analyzers/massassign"
	"github.com/apivet/apivet/analyzers/pprof"
	"github.com/apivet/apivet/analyzers/ratelimit"
	"github.com/apivet/apivet/analyzers/servertimeout"
	"github.com/apivet/apivet/analyzers/sqlinjection"
	"github.com/apivet/apivet/analyzers/ssrf"
	"github.com/apivet/apivet/internal/check"
)

// registered lists every check. Add a check here (one line) once its
// package builds and its tests pass.
var registered = []*check.Check{
	bola.Check,
	dataexposure.Check,
	hardcodedsecret.Check,
	massassign.Check,
	jwtverify.Check,
	pprof.Check,
	bodylimit.Check,
	ratelimit.Check,
	servertimeout.Check,
	insecuretls.Check,
	cors.Check,
	errorleak.Check,
	sqlinjection.Check,
	ssrf.Check,
	logleak.Check,
}

// All returns the checks sorted by name, each analyzer prepared
// (check.Prepare): a panic becomes an error for that package alone, and
// suppressions, generated and test files are handled the same way in
// every driver.
func All() []*check.Check {
	out := append([]*check.Check(nil), registered...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	for _, c := range out {
		check.Prepare(c.Analyzer)
	}
	return out
}

// ByName returns the check with the given name, or nil.
func ByName(name string) *check.Check {
	for _, c := range All() {
		if c.Name() == name {
			return c
		}
	}
	return nil
}
