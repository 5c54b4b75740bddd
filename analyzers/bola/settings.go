package bola

import (
	"fmt"
	"go/types"
	"path"
	"strings"
)

// Settings are the `bola:` section of .apivet.yml. Every entry carries a
// one-line reason so that a review can see why it is there.
//
//	bola:
//	  principal-funcs:
//	    - {name: example.com/app/session.CurrentUser, reason: returns the logged-in user}
//	  authz-funcs:
//	    - {name: (*example.com/app/acl.Checker).Allow, reason: our ACL}
//	  authz-middleware:
//	    - {name: example.com/app/mw.Staff, reason: staff-only routes}
//	  owned-models:
//	    - {name: example.com/app/store.User, reason: profiles are private}
//	  public-models:
//	    - {name: example.com/app/store.Post, reason: posts are public}
//	  authorized-handlers:
//	    - {name: (*example.com/app/api.Server).GetOrder, reason: mounted by the gateway behind OPA}
//	  ignore-routes:
//	    - {name: "GET /public/*", reason: published content}
type Settings struct {
	// PrincipalFuncs return who the caller is, in addition to what the
	// HTTP model recognizes.
	PrincipalFuncs []Entry `yaml:"principal-funcs"`
	// AuthzFuncs decide whether the caller may touch an object.
	AuthzFuncs []Entry `yaml:"authz-funcs"`
	// AuthzMiddleware restricts a route to callers allowed to touch
	// every object it serves (admin-only groups, per-object middleware).
	AuthzMiddleware []Entry `yaml:"authz-middleware"`
	// OwnedModels are models that belong to a user even though no field
	// says so (a User's own row, a model owned through a join table).
	OwnedModels []Entry `yaml:"owned-models"`
	// PublicModels are models anyone may read, even though a field ties
	// them to a user (published posts, shared catalogs).
	PublicModels []Entry `yaml:"public-models"`
	// AuthorizedHandlers are handlers (or handler factories) whose routes
	// authorize every object they serve, where the model cannot see it (a
	// generated router, a gateway, another module mounts them).
	AuthorizedHandlers []Entry `yaml:"authorized-handlers"`
	// IgnoreRoutes are routes "METHOD /path" or "/path"; a trailing "*"
	// matches any rest of the path.
	IgnoreRoutes []Entry `yaml:"ignore-routes"`
}

// Entry is one configured name with the reason it is configured.
type Entry struct {
	Name   string `yaml:"name"`
	Reason string `yaml:"reason"`
}

// settings is what the CLI decodes the configuration into.
var settings = &Settings{}

// validate reports entries without a name or a reason.
func (s *Settings) validate() error {
	lists := []struct {
		key string
		es  []Entry
	}{
		{"principal-funcs", s.PrincipalFuncs}, {"authz-funcs", s.AuthzFuncs},
		{"authz-middleware", s.AuthzMiddleware}, {"owned-models", s.OwnedModels},
		{"public-models", s.PublicModels}, {"ignore-routes", s.IgnoreRoutes},
		{"authorized-handlers", s.AuthorizedHandlers},
	}
	for _, l := range lists {
		for _, e := range l.es {
			if strings.TrimSpace(e.Name) == "" {
				return fmt.Errorf("bola settings: an entry of %s has no name", l.key)
			}
			if strings.TrimSpace(e.Reason) == "" {
				return fmt.Errorf("bola settings: %s entry %q has no reason: say in one line why it is there", l.key, e.Name)
			}
		}
	}
	return nil
}

// matchFunc reports whether a configured name denotes fn. Accepted forms:
// "Name", "pkg.Name" (package name), "path/to/pkg.Name", "T.Method",
// "(*T).Method", "path/to/pkg.T.Method", "(*path/to/pkg.T).Method".
func matchFunc(es []Entry, fn *types.Func) bool {
	if fn == nil || len(es) == 0 {
		return false
	}
	for _, e := range es {
		for _, c := range funcNames(fn) {
			if e.Name == c {
				return true
			}
		}
	}
	return false
}

func funcNames(fn *types.Func) []string {
	names := []string{fn.Name(), fn.FullName()}
	pkgPath, pkgName := "", ""
	if fn.Pkg() != nil {
		pkgPath, pkgName = fn.Pkg().Path(), fn.Pkg().Name()
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig != nil && sig.Recv() != nil {
		t := sig.Recv().Type()
		ptr := false
		if p, ok := t.(*types.Pointer); ok {
			t, ptr = p.Elem(), true
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			tn := n.Obj().Name()
			for _, q := range []string{"", pkgName + ".", pkgPath + "."} {
				names = append(names, q+tn+"."+fn.Name())
				if ptr {
					names = append(names, "(*"+q+tn+")."+fn.Name())
				}
			}
		}
		return names
	}
	return append(names, pkgName+"."+fn.Name(), pkgPath+"."+fn.Name())
}

// matchType reports whether a configured name denotes the named type.
func matchType(es []Entry, n *types.Named) bool {
	if n == nil {
		return false
	}
	obj := n.Origin().Obj()
	cands := []string{obj.Name()}
	if obj.Pkg() != nil {
		cands = append(cands, obj.Pkg().Name()+"."+obj.Name(), obj.Pkg().Path()+"."+obj.Name())
	}
	for _, e := range es {
		for _, c := range cands {
			if e.Name == c {
				return true
			}
		}
	}
	return false
}

// matchTable reports whether a configured model name is a SQL table name.
func matchTable(es []Entry, table string) bool {
	for _, e := range es {
		if strings.EqualFold(e.Name, table) {
			return true
		}
	}
	return false
}

// ignoredRoute reports whether the route "METHOD path" is ignored.
func ignoredRoute(es []Entry, method, p string) (Entry, bool) {
	for _, e := range es {
		m, pat, ok := strings.Cut(strings.TrimSpace(e.Name), " ")
		if !ok {
			m, pat = "*", m
		}
		pat = strings.TrimSpace(pat)
		if m != "*" && !strings.EqualFold(m, method) && method != "*" {
			continue
		}
		if strings.HasSuffix(pat, "*") && strings.HasPrefix(p, strings.TrimSuffix(pat, "*")) {
			return e, true
		}
		if pat == p {
			return e, true
		}
		if ok, _ := path.Match(pat, p); ok {
			return e, true
		}
	}
	return Entry{}, false
}
