package bola

import (
	"go/types"
	"strings"
	"sync"

	"github.com/apivet/apivet/internal/words"
)

// authzLibrary is an authorization library whose calls decide whether a
// subject may act on an object. Matched by package path prefix and
// function or method name (any receiver: enforcers, clients and their
// interfaces), so that wrappers of different major versions match too.
type authzLibrary struct {
	pkgPrefix string
	names     []string
	what      string
}

var authzLibraries = []authzLibrary{
	{"github.com/casbin/casbin", []string{"Enforce", "EnforceWithMatcher", "EnforceEx", "EnforceExWithMatcher", "BatchEnforce", "BatchEnforceWithMatcher"}, "casbin"},
	{"github.com/open-policy-agent/opa/rego", []string{"Eval", "Allowed"}, "OPA rego"},
	{"github.com/open-policy-agent/opa/v1/rego", []string{"Eval", "Allowed"}, "OPA rego"},
	{"github.com/ory/keto-client-go", []string{"CheckPermission", "CheckPermissionExecute", "PostCheckPermission", "PostCheckPermissionExecute", "CheckPermissionOrError", "PostCheckPermissionOrError"}, "ory/keto"},
	{"github.com/ory/client-go", []string{"CheckPermission", "CheckPermissionExecute", "PostCheckPermission", "PostCheckPermissionExecute", "CheckPermissionOrError", "PostCheckPermissionOrError"}, "ory/keto"},
	{"github.com/ory/keto/proto", []string{"Check"}, "ory/keto"},
	{"github.com/openfga/go-sdk", []string{"Check", "BatchCheck", "CheckExecute", "ClientBatchCheck"}, "openfga"},
	{"github.com/cerbos/cerbos-sdk-go", []string{"IsAllowed", "CheckResources"}, "cerbos"},
	{"github.com/cerbos/cerbos/client", []string{"IsAllowed", "CheckResources", "CheckResourceSet", "CheckResourceBatch"}, "cerbos"},
	{"github.com/authzed/authzed-go", []string{"CheckPermission", "CheckBulkPermissions"}, "SpiceDB"},
	{"github.com/permitio/permit-golang", []string{"Check", "BulkCheck"}, "permit.io"},
}

// authzLibraryCall returns the library a call of fn belongs to, if any.
func authzLibraryCall(fn *types.Func) (string, bool) {
	if fn == nil || fn.Pkg() == nil {
		return "", false
	}
	path := fn.Pkg().Path()
	for _, l := range authzLibraries {
		if !strings.HasPrefix(path, l.pkgPrefix) { // the module and its packages (…/v2, …/rego)
			continue
		}
		for _, n := range l.names {
			if fn.Name() == n {
				return l.what, true
			}
		}
	}
	return "", false
}

// authzPhrases are what a project function that decides object access is
// named after, as word phrases (see internal/words): authorize,
// canAccess, checkAccess, ensureOwner, isOwner, hasPermission, enforce,
// allowed, ... A phrase matches at the start of the name ("CanView",
// "authorizeOrder") or anywhere for the multi-word ones ("mustBeOwner").
var authzPhrases = []string{
	"authorize", "authorise", "authorized", "authorised", "authz",
	"can", "may", "enforce", "allowed", "is allowed", "allow", "permit", "permitted",
	"check access", "check permission", "check permissions", "check owner", "check ownership", "check authorization",
	"check authorized", "check acl", "check policy", "check perm", "check perms",
	"ensure owner", "ensure ownership", "ensure access", "ensure permission", "ensure can",
	"is owner", "is owned", "owns", "owned by", "has access", "has permission", "has permissions", "has perm",
	"verify owner", "verify ownership", "verify access", "verify permission", "validate owner", "validate ownership",
	"validate access", "require owner", "require ownership", "require access", "require permission",
	"assert owner", "assert access", "must own", "must be owner", "belongs to", "access control", "acl",
}

// authzStartOnly are phrases that must start the name: "can" in
// "CanView" but not in "ScanCount" (words split those apart anyway) nor
// in "getCan".
var authzStartOnly = map[string]bool{"can": true, "may": true, "allow": true, "permit": true, "enforce": true, "authz": true}

// authzName reports whether a function name reads as an authorization
// decision, and the phrase that matched.
func authzName(name string) (string, bool) {
	if v, ok := authzNames.Load(name); ok {
		p := v.(string)
		return p, p != ""
	}
	p, _ := classifyAuthzName(name)
	authzNames.Store(name, p)
	return p, p != ""
}

// authzNames memoizes authzName: it is asked about every call in every
// function body, and names repeat.
var authzNames sync.Map // name → phrase or ""

func classifyAuthzName(name string) (string, bool) {
	ws := words.Split(name)
	if len(ws) == 0 {
		return "", false
	}
	for _, p := range authzPhrases {
		i := words.Index(ws, p)
		if i < 0 {
			continue
		}
		if authzStartOnly[p] && i != 0 {
			continue
		}
		// "allow" and "permit" as a verb start: AllowCORS is not an
		// authorization decision about an object; require another word.
		if (p == "allow" || p == "permit") && len(ws) == 1 {
			continue
		}
		return p, true
	}
	return "", false
}

// roleWords name principal fields that hold a role or an admin flag:
// a principal's role compared with a constant is a role check.
var roleWords = []string{"role", "roles", "admin", "is admin", "superuser", "staff", "is staff", "permission", "permissions", "scope", "scopes", "group", "groups", "level", "type", "kind"}

func roleName(name string) bool {
	ws := words.Split(name)
	for _, p := range roleWords {
		if words.Index(ws, p) >= 0 {
			return true
		}
	}
	return false
}

// authorizerTypeWords name a type whose methods decide access (an
// interface or object the handler holds: Checker, Authorizer, Policy,
// Enforcer, ACL, PermissionService, Guard).
var authorizerTypeWords = []string{"checker", "authorizer", "authoriser", "policy", "policies", "enforcer", "acl",
	"permission", "permissions", "perm", "perms", "guard", "rbac", "abac", "authz", "gate", "gatekeeper", "access control"}

// decisionVerbs start a method name that reads as a decision on such a
// type: checker.Check, policy.Allow, acl.Can, enforcer.Enforce.
var decisionVerbs = map[string]bool{"check": true, "can": true, "allow": true, "allows": true, "allowed": true,
	"authorize": true, "authorise": true, "enforce": true, "permit": true, "permits": true, "verify": true,
	"evaluate": true, "eval": true, "decide": true, "is": true, "has": true, "may": true, "ensure": true, "require": true, "assert": true}

// authorizerMethod reports whether fn is a decision method of an
// authorizer type, and the type's name.
func authorizerMethod(fn *types.Func) (string, bool) {
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return "", false
	}
	ws := words.Split(fn.Name())
	if len(ws) == 0 || !decisionVerbs[ws[0]] {
		return "", false
	}
	t := sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return "", false
	}
	name := n.Obj().Name()
	if !words.ContainsAny(name, authorizerTypeWords) {
		return "", false
	}
	return name, true
}

// creationVerbs start the name of a call that makes a new object rather
// than changing the one a read loaded: books.Create(ctx, fetched) stores a
// copy, it does not select another user's row.
var creationVerbs = map[string]bool{"create": true, "insert": true, "add": true, "new": true, "clone": true, "copy": true, "import": true, "register": true}

func creation(method string) bool {
	ws := words.Split(method)
	return len(ws) > 0 && creationVerbs[ws[0]]
}

// upsert: the call stores a row whether or not it exists (UpsertRelation,
// SaveTag, PutItem).
func upsert(method string) bool {
	ws := words.Split(method)
	return len(ws) > 0 && (ws[0] == "upsert" || ws[0] == "save" || ws[0] == "put")
}

// resourceName: an RPC field that holds a resource name (Google AIP-122:
// name "orders/42", parent "users/7"), which selects an object as an ID
// does.
func resourceName(field string) bool {
	ws := words.Split(field)
	return len(ws) == 1 && (ws[0] == "name" || ws[0] == "parent")
}

// privacyPhrases name a field that makes authored content private to its
// author for some objects (memos' Visibility PRIVATE, a post's Draft or
// unpublished state): such content is per-user when read. A bare Status
// is not one (an order's or a comment's moderation state).
var privacyPhrases = []string{"visibility", "visible", "private", "is private", "privacy", "public", "is public",
	"draft", "is draft", "published", "is published", "hidden", "is hidden", "access level"}

// accountWords end the name of a user-account model (User, SysUser,
// Account, Member); accountQualifiers may precede them (AppUser, not
// UserGroup, GroupMember or ServiceAccount).
// countWords name a query that answers how many objects there are, or
// whether one exists (CountMemos, ExistsOrder, HasDraft): see countOnly.
var countWords = map[string]bool{"count": true, "counts": true, "exist": true, "exists": true, "has": true, "total": true}

var accountWords = map[string]bool{"user": true, "users": true, "account": true, "member": true, "profile": true}

var accountQualifiers = map[string]bool{"sys": true, "app": true, "end": true, "site": true, "web": true, "auth": true, "local": true, "portal": true}
