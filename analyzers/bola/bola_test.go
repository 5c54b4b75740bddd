package bola_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apivet/apivet/analyzers/bola"
	"github.com/apivet/apivet/internal/testutil"
)

// TestBola runs the check on a module importing the real frameworks and
// ORMs. The settings below are used only by package configured; the other
// packages use names none of them match.
func TestBola(t *testing.T) {
	dir := testutil.Module(t, "testdata/mod")
	s := bola.Check.Settings.(*bola.Settings)
	saved := *s
	defer func() { *s = saved }()
	*s = bola.Settings{
		PrincipalFuncs:     []bola.Entry{{Name: "example.com/bolatest/configured.sessionUser", Reason: "our cookie sessions"}},
		AuthzFuncs:         []bola.Entry{{Name: "configured.gate", Reason: "central access check"}},
		AuthzMiddleware:    []bola.Entry{{Name: "example.com/bolatest/configured.tier2", Reason: "tier-2 support only"}},
		OwnedModels:        []bola.Entry{{Name: "example.com/bolatest/store.Profile", Reason: "profiles are private"}},
		PublicModels:       []bola.Entry{{Name: "store.Post", Reason: "posts are published"}},
		IgnoreRoutes:       []bola.Entry{{Name: "GET /shared/*", Reason: "unguessable share links"}},
		AuthorizedHandlers: []bola.Entry{{Name: "example.com/bolatest/unseen.Audited", Reason: "the gateway authorizes it"}},
	}
	analysistest.Run(t, dir, bola.Analyzer, "./...")
}

func TestSettingsNeedReasons(t *testing.T) {
	s := bola.Check.Settings.(*bola.Settings)
	saved := *s
	defer func() { *s = saved }()
	*s = bola.Settings{AuthzFuncs: []bola.Entry{{Name: "acl.Check"}}}
	err := bola.Validate()
	if err == nil || !strings.Contains(err.Error(), "no reason") {
		t.Fatalf("entry without a reason: got %v, want an error asking for a reason", err)
	}
	*s = bola.Settings{AuthzFuncs: []bola.Entry{{Name: "acl.Check", Reason: "our ACL"}}}
	if err := bola.Validate(); err != nil {
		t.Fatalf("valid settings: %v", err)
	}
}
