package httpmodel

// Principal summaries: PrincipalFact, and which functions and calls
// yield the caller's identity.

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"github.com/apivet/apivet/internal/words"
)

// PrincipalFact marks a function whose result tells who the caller is:
// it returns a value read from the request context, the framework
// context, parsed JWT claims, or another principal function
// (`func FromContext(ctx context.Context) *Claims`).
type PrincipalFact struct {
	// Source is what the returned value comes from ("context.Value",
	// "gin.Get", "jwt.Parse", or another function's qualified name).
	Source string
	// Key is the context key name, if known.
	Key string
}

func (*PrincipalFact) AFact()           {}
func (f *PrincipalFact) String() string { return "principal(" + f.Source + ")" }

// principalFn reports whether fn is a principal source (fact, settings).
func (m *modeler) principalFn(fn *types.Func) (*PrincipalFact, bool) {
	if fn == nil {
		return nil, false
	}
	fn = fn.Origin()
	if p, ok := m.res.principals[fn]; ok {
		return p, true
	}
	if fn.Pkg() != nil && fn.Pkg() != m.pass.Pkg {
		var f PrincipalFact
		if m.importFact(fn, principalFacts, &f) {
			m.res.principals[fn] = &f
			return &f, true
		}
	}
	if nameListed(Config.PrincipalFuncs, fn) {
		p := &PrincipalFact{Source: "settings"}
		m.res.principals[fn] = p
		return p, true
	}
	return nil, false
}

// Request-scoped value stores kept in the context (wakapi's
// r.Context().Value(KeySharedData).(*SharedData).MustGet(KeyPrincipal)):
// a getter of one of these names, called with a key naming the caller on
// a value that comes from a principal source, yields the principal.
var (
	storeGetters = map[string]bool{"Get": true, "MustGet": true, "Value": true, "Load": true, "Lookup": true}
	identityKeys = []string{"principal", "user", "claims", "identity", "account", "caller", "subject"}
)

// storedPrincipal returns the principal a value-store getter call yields
// (see storeGetters), or nil. fromPrincipal matches principal sources.
func (m *modeler) storedPrincipal(fl *Flow, call *ast.CallExpr, fromPrincipal func(ast.Expr) bool) *PrincipalFact {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) != 1 || !storeGetters[sel.Sel.Name] {
		return nil
	}
	if _, isMethod := m.info.Selections[sel]; !isMethod {
		return nil
	}
	kn := m.keyName(call.Args[0])
	if !words.ContainsAny(kn, identityKeys) || isPlumbingKey(kn) || !fl.DerivesWhere(sel.X, fromPrincipal) {
		return nil
	}
	return &PrincipalFact{Source: "value store " + sel.Sel.Name, Key: kn}
}

// nonPrincipalKeys are context key names that carry request plumbing,
// not identity.
var nonPrincipalKeys = []string{"vars", "route", "params", "request id", "req id", "requestid", "trace", "span", "logger", "log", "tx", "db", "locale", "lang", "correlation", "deadline", "timeout"}

func isPlumbingKey(name string) bool { return words.ContainsAny(name, nonPrincipalKeys) }

// principalOf returns a PrincipalFact if fn returns a principal. sources:
// fn's body calls something a principal can come from (funcDeps).
func (m *modeler) principalOf(fn *types.Func, fd *ast.FuncDecl, fl *Flow, sources bool) *PrincipalFact {
	if libraryPackage(m.pass.Pkg.Path()) {
		return nil
	}
	sig := fn.Type().(*types.Signature)
	if sig.Results().Len() == 0 {
		return nil
	}
	if _, _, _, ok := handlerSig(sig); ok {
		return nil
	}
	var found *PrincipalFact
	var match func(e ast.Expr) bool
	inStore := map[*ast.CallExpr]bool{} // getters being followed (s = s.Get(k) loops)
	match = func(e ast.Expr) bool {
		call, ok := e.(*ast.CallExpr)
		if !ok {
			return false
		}
		found = m.principalCall(call, fn)
		if found == nil && !inStore[call] {
			inStore[call] = true
			found = m.storedPrincipal(fl, call, match)
			if found == nil {
				found = m.loadedCaller(fl, call, match)
			}
			delete(inStore, call)
		}
		return found != nil
	}
	if sources {
		m.returns(fd.Body, func(ret *ast.ReturnStmt) bool {
			for i, r := range ret.Results {
				if i < sig.Results().Len() && isError(sig.Results().At(i).Type()) {
					continue
				}
				if fl.DerivesWhere(r, match) {
					return false
				}
			}
			return true
		})
	}
	if found == nil && nameListed(Config.PrincipalFuncs, fn) {
		found = &PrincipalFact{Source: "settings"}
	}
	return found
}

// loadedCaller returns a principal when call reads a stored object by a
// value that comes from a principal source: the caller's own record,
// s.Store.GetUser(ctx, &FindUser{ID: &claims.UserID}) (memos'
// GetCurrentUser), is who the caller is as much as the claims are.
func (m *modeler) loadedCaller(fl *Flow, call *ast.CallExpr, fromPrincipal func(ast.Expr) bool) *PrincipalFact {
	cfn := m.callee(call)
	if cfn == nil {
		return nil
	}
	f := m.accessFact(cfn)
	if f == nil || f.Kind != Read || !identityModel(f.ModelName) {
		return nil
	}
	for _, i := range f.SelectorParams {
		for _, a := range argForParam(cfn, call, i) {
			for _, v := range filterValues(a) {
				if fl.DerivesWhere(v, fromPrincipal) {
					return &PrincipalFact{Source: "caller loaded by " + qualifiedName(cfn.Origin())}
				}
			}
		}
	}
	return nil
}

// identityModels are words naming a model that records a caller.
var identityModels = []string{"user", "account", "member", "principal", "identity", "customer", "person", "profile", "admin", "staff", "employee", "operator"}

// identityModel: the model's name reads as the record of a caller (User,
// AdminUser, Account, a store's userRaw row), not an object callers own
// (Memo, Order).
func identityModel(name string) bool {
	ws := trimStorageWords(words.Split(name))
	return len(ws) > 0 && slices.Contains(identityModels, ws[len(ws)-1])
}

// principalSource reports whether a call of fn may yield the caller's
// identity: a principal library function of the tables, a principal
// function, or a function of this package (whose summary may not be
// known yet).
func (m *modeler) principalSource(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	fn = fn.Origin()
	if fn.Pkg() == m.pass.Pkg {
		return true
	}
	if _, ok := principalTable[keyOf(fn)]; ok {
		return true
	}
	_, ok := m.principalFn(fn)
	return ok
}

// principalCall returns what call yields if it yields the caller's
// identity: a principal library call of the tables (a context key that
// is not request plumbing) or a call of a principal function. Calls of
// self (recursion) are not.
func (m *modeler) principalCall(call *ast.CallExpr, self *types.Func) *PrincipalFact {
	cfn := m.callee(call)
	if cfn == nil || self != nil && cfn.Origin() == self {
		return nil
	}
	if row, ok := principalTable[keyOf(cfn)]; ok && (row.onlyArgs == 0 || len(call.Args) == row.onlyArgs) {
		kn := ""
		if row.keyArg >= 0 {
			kn = m.keyName(arg(call, row.keyArg))
			if isPlumbingKey(kn) {
				return nil
			}
		}
		return &PrincipalFact{Source: row.source, Key: kn}
	}
	if p, ok := m.principalFn(cfn); ok {
		return &PrincipalFact{Source: qualifiedName(cfn.Origin()), Key: p.Key}
	}
	return nil
}

// libraryPrefixes are import path prefixes of frameworks and
// infrastructure libraries: their context accessors (mux.Vars,
// middleware.GetReqID) are request plumbing, not principals.
var libraryPrefixes = []string{
	"github.com/gorilla/", "github.com/gin-gonic/", "github.com/gin-contrib/", "github.com/labstack/",
	"github.com/gofiber/", "github.com/go-chi/", "gorm.io/", "golang.org/x/", "google.golang.org/",
	"go.opentelemetry.io/", "github.com/valyala/", "github.com/grpc-ecosystem/", "go.uber.org/",
	"github.com/prometheus/", "github.com/sirupsen/", "github.com/rs/zerolog", "github.com/jmoiron/",
	"github.com/jackc/", "github.com/lib/pq", "github.com/go-playground/", "github.com/swaggo/",
	"github.com/jinzhu/", "github.com/julienschmidt/", "go.mongodb.org/",
}

func libraryPackage(path string) bool {
	if !strings.Contains(strings.SplitN(path, "/", 2)[0], ".") {
		return true // standard library
	}
	for _, p := range libraryPrefixes {
		if strings.HasPrefix(path, p) {
			return true
		}
	}
	return false
}
