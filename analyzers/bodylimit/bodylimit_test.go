package bodylimit_test

import (
	"regexp"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apivet/apivet/analyzers/bodylimit"
	"github.com/apivet/apivet/internal/testutil"
)

func TestNetHTTP(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testutil.Module(t, "testdata/nethttp"), bodylimit.Analyzer, "./...")
}

func TestGin(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testutil.Module(t, "testdata/gin"), bodylimit.Analyzer, "./...")
}

func TestEcho(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testutil.Module(t, "testdata/echo"), bodylimit.Analyzer, "./...")
}

func TestFiber(t *testing.T) {
	analysistest.Run(t, testutil.Module(t, "testdata/fiber"), bodylimit.Analyzer, "./...")
}

// The routes behind one finding are its related information, not its
// message.
func TestRelatedRoutes(t *testing.T) {
	dir := testutil.Module(t, "testdata/gin")
	want := map[string][]string{
		"r.Run serves 3 routes": {
			`^PATCH /orders/:id: gin.Context.BindJSON at unlimited.go:\d+$`,
			`^POST /orders: gin.Context.ShouldBindJSON at unlimited.go:\d+$`,
			`^PUT /orders/:id: gin.Context.BindJSON at unlimited.go:\d+$`,
		},
		"r.Run serves 2 routes": {
			`^POST /api/users/import: gin.Context.GetRawData at routes.go:\d+ \(handler routes.importUsers\)$`,
			`^POST /api/users: gin.Context.ShouldBindJSON at handlers.go:\d+ \(handler handlers.CreateUser\)$`,
		},
		"gin.Context.ShouldBindJSON reads the whole request body of POST /big and 1 more": {
			`^POST /big: gin.Context.ShouldBindJSON at handlers.go:\d+$`,
			`^PUT /big/:id: gin.Context.ShouldBindJSON at handlers.go:\d+$`,
		},
	}
	found := map[string]bool{}
	for _, r := range analysistest.Run(t, dir, bodylimit.Analyzer, "./unlimited", "./cmd/server", "./noimport") {
		for _, d := range r.Diagnostics {
			for prefix, res := range want {
				if !strings.HasPrefix(d.Message, prefix) {
					continue
				}
				found[prefix] = true
				var got []string
				for _, rel := range d.Related {
					got = append(got, rel.Message)
				}
				sort.Strings(got)
				if len(got) != len(res) {
					t.Errorf("%s: related %q, want %d entries", prefix, got, len(res))
					continue
				}
				for i, re := range res {
					if !regexp.MustCompile(re).MatchString(got[i]) {
						t.Errorf("%s: related[%d] = %q, want %s", prefix, i, got[i], re)
					}
				}
			}
		}
	}
	for prefix := range want {
		if !found[prefix] {
			t.Errorf("no finding starts with %q", prefix)
		}
	}
}
