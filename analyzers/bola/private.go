package bola

// Models that are per-user data although no owner field says so: authored
// content that can be private (a memo's Visibility, a post's Draft flag),
// and the user accounts themselves.

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"sort"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/httpmodel"
	"github.com/apivet/apivet/internal/persist"
	"github.com/apivet/apivet/internal/words"
)

// privacyField returns the field of n that makes some of its objects
// private to their author (Visibility, IsPrivate, Draft, Published), or "".
func privacyField(n *types.Named) string {
	for _, f := range persist.Fields(n) {
		ws := words.Split(f.Name())
		for _, p := range privacyPhrases {
			// The phrase ends the name (Visibility, MemoVisibility,
			// IsDraft), so PublicKey and PublishedAt are not one.
			if i := words.Index(ws, p); i >= 0 && i+len(words.Split(p)) == len(ws) {
				return f.Name()
			}
		}
	}
	return ""
}

// privacyOf returns what can make objects of n private: its own privacy
// field, or a reference to a parent whose own field can (an attachment's
// MemoID, when the package's Memo has a Visibility: a private memo's
// attachments are private too), else "".
func privacyOf(n *types.Named) string {
	if f := privacyField(n); f != "" {
		return f
	}
	if n.Obj().Pkg() == nil {
		return ""
	}
	scope := n.Obj().Pkg().Scope()
	for _, f := range persist.Fields(n) {
		ws := words.Split(f.Name())
		if len(ws) < 2 || ws[len(ws)-1] != "id" {
			continue
		}
		parent := parentType(scope, ws[:len(ws)-1])
		if parent == nil || parent == n {
			continue
		}
		if pf := privacyField(parent); pf != "" {
			return f.Name() + " (" + parent.Obj().Name() + "." + pf + ")"
		}
	}
	return ""
}

// parentType is the named struct type of scope whose name is the words
// ws (memo → Memo, memo folder → MemoFolder), or nil.
func parentType(scope *types.Scope, ws []string) *types.Named {
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || !slices.Equal(words.Split(name), ws) {
			continue
		}
		if nt, ok := tn.Type().(*types.Named); ok {
			if _, ok := nt.Underlying().(*types.Struct); ok {
				return nt
			}
		}
	}
	return nil
}

// accountModel: n is a user account (User, Account, Member) with no owner
// field: each record is that user's own, so a change selected by a
// client-chosen ID changes another user's account.
func accountModel(n *types.Named) bool {
	ws := words.Split(n.Obj().Name())
	if len(ws) == 0 || !accountWords[ws[len(ws)-1]] {
		return false
	}
	if len(ws) > 1 && !accountQualifiers[ws[0]] {
		return false // UserGroup is not an account; AppUser and SysUser are
	}
	return len(persist.OwnerFields(n)) == 0
}

// discardedDecision returns the call of statement n when n throws its
// decision result away: a bare call statement, or an assignment of every
// result to _ (s.CheckOwnership(ctx, memo); _ = canEdit(u, o)). A
// decision that returns nothing (aborts the request itself) is kept.
func discardedDecision(info *types.Info, n ast.Node) *ast.CallExpr {
	var c *ast.CallExpr
	switch n := n.(type) {
	case *ast.ExprStmt:
		c, _ = ast.Unparen(n.X).(*ast.CallExpr)
	case *ast.AssignStmt:
		if len(n.Rhs) != 1 {
			return nil
		}
		for _, l := range n.Lhs {
			if id, ok := l.(*ast.Ident); !ok || id.Name != "_" {
				return nil
			}
		}
		c, _ = ast.Unparen(n.Rhs[0]).(*ast.CallExpr)
	}
	if c == nil {
		return nil
	}
	fn, _ := typeutil.Callee(info, c).(*types.Func)
	if fn == nil || !decisionResult(fn) {
		return nil
	}
	return c
}

// callerFiltersReads: another read of the handler is filtered by the
// caller (memos' ListMemoComments: the memo is loaded by name only for
// its ID, and the comments listed are filtered by
// creator_id == me || visibility in [...]): what the handler returns is
// what the caller may see, so loading private-capable content by ID
// there exposes nothing.
func (r *runner) callerFiltersReads(h *httpmodel.Handler, da *httpmodel.DataAccess) bool {
	for _, o := range h.DataAccesses {
		if o != da && o.Kind == httpmodel.Read && r.scoped(h, o, &idInput{}) {
			return true
		}
	}
	return false
}

// covered: one of the handler's checks can precede the access. A check
// in one case of a switch or select covers only the accesses of that
// case (bindery's BooksBulk checked ownership for "search" and deleted
// unchecked in "delete"); the analysis is otherwise flow-insensitive.
func (r *runner) covered(h *httpmodel.Handler, gs []guardHit, da *httpmodel.DataAccess) bool {
	for _, g := range gs {
		if c := enclosingCase(h.Body, g.node); c == nil || c.Pos() <= da.Call.Pos() && da.Call.End() <= c.End() {
			return true
		}
	}
	return false
}

// enclosingCase is the innermost case or comm clause of body that holds
// n (not through a function literal), or nil.
func enclosingCase(body *ast.BlockStmt, n ast.Node) ast.Node {
	var found ast.Node
	ast.Inspect(body, func(x ast.Node) bool {
		if x == nil || x.Pos() > n.Pos() || x.End() < n.End() {
			return false // does not enclose n
		}
		switch x.(type) {
		case *ast.CaseClause, *ast.CommClause:
			found = x
		case *ast.FuncLit:
			found = nil
		}
		return x != n
	})
	return found
}

// unauthenticatedService: h is a method of a service type none of whose
// methods learns the caller, on visible routes none of which
// authenticates (lakeFS's contrib/auth/acl: an auth backend with
// NoopAuthenticationFunc that the lakeFS server calls). Such a service is
// internal, or fronted by a gateway that authenticates; either way the
// root cause is one — the service cannot tell one client from another —
// and an ownership check in one handler would not fix it. Its accesses
// are one warning for the service (reportUnauthenticated), not an error
// per handler. Plain-function handlers and services whose routes are not
// in sight are judged as before.
func (r *runner) unauthenticatedService(h *httpmodel.Handler, routes []*httpmodel.Route) bool {
	if h.Framework.IsRPC() || h.Func == nil || len(routes) == 0 {
		return false
	}
	recv := h.Func.Type().(*types.Signature).Recv()
	if recv == nil || recvNamed(recv.Type()) == nil {
		return false
	}
	return !r.serviceKnowsCaller(h) && r.publicEndpoint(h, routes)
}

// unauthFinding is an access of an unauthenticated service.
type unauthFinding struct {
	finding
	route *httpmodel.Route
}

func (r *runner) addUnauthenticated(h *httpmodel.Handler, f finding, routes []*httpmodel.Route) {
	svc := recvNamed(h.Func.Type().(*types.Signature).Recv().Type()).Obj()
	if r.unauthenticated == nil {
		r.unauthenticated = map[*types.TypeName][]unauthFinding{}
	}
	if _, ok := r.unauthenticated[svc]; !ok {
		r.unauthenticatedOrder = append(r.unauthenticatedOrder, svc)
	}
	r.unauthenticated[svc] = append(r.unauthenticated[svc], unauthFinding{f, routes[0]})
}

// reportUnauthenticated reports each unauthenticated service once, at
// its first access by a client-chosen ID, naming the others.
func (r *runner) reportUnauthenticated() {
	for _, svc := range r.unauthenticatedOrder {
		fs := r.unauthenticated[svc]
		sort.Slice(fs, func(i, j int) bool { return fs[i].da.Call.Pos() < fs[j].da.Call.Pos() })
		first := fs[0]
		var related []analysis.RelatedInformation
		for _, f := range fs {
			related = append(related, analysis.RelatedInformation{Pos: f.da.Call.Pos(), End: f.da.Call.End(),
				Message: fmt.Sprintf("%s %s: %s selects %s", f.route.Method, f.route.Path, f.id.desc, f.model)})
		}
		n := "1 route acts"
		if len(fs) > 1 {
			n = fmt.Sprintf("%d routes act", len(fs))
		}
		msg := fit(
			fmt.Sprintf("no caller known: %s's %s on owned objects by client-chosen IDs (%s %s: %s selects %s), and none authenticates: authenticate, check owners, or declare the gateway's authorization (bola.authz-middleware)",
				svc.Name(), n, first.route.Method, first.route.Path, first.id.desc, first.model),
			fmt.Sprintf("no caller known: %s's %s on owned objects by client-chosen IDs and none authenticates; authenticate, check owners, or declare the gateway's authorization (bola.authz-middleware)",
				svc.Name(), n))
		check.Report(r.pass, analysis.Diagnostic{Pos: first.da.Call.Pos(), End: first.da.Call.End(), Message: msg, Related: related}, check.Warning)
	}
}
