package httpmodel

import (
	"go/ast"
	"go/types"
)

// Route callbacks: a function that builds (or is given) a router and
// calls a callback parameter with it, the callback being where the
// caller registers its routes:
//
//	func NewRouter(cfg RouterConfig) chi.Router {
//		r := chi.NewRouter()
//		r.Use(cfg.Middlewares...)
//		cfg.RegisterRoutes(r)
//		return r
//	}
//	NewRouter(RouterConfig{RegisterRoutes: func(r chi.Router) { r.Get(...) }})
//
// The callee's walk records each such call (callbackSite); the caller's
// walk then walks the function literal (or applies the named function's
// summary) with its router parameter bound to the router the callee
// passes, so the routes get that router's prefix and chain. A callback
// the callee never calls with a router registers nothing.

// callbackSite is a call, in a summarized function, of a callback
// parameter (or a func field of a struct parameter) with a router.
type callbackSite struct {
	param  int     // the parameter holding the callback
	field  string  // "" for the parameter itself, else its func field
	arg    int     // the callback's argument that receives the router
	router *Router // the router passed
	ownLen int     // len(router.own) at the call
}

// CallbackRef is a callbackSite in a RoutesFact.
type CallbackRef struct {
	Param int
	Field string
	Arg   int
	// On says which router the callback receives: a router parameter's
	// index, or cbReturned (the router the function returns), or
	// cbOther (a router the function builds and does not return).
	On     int
	Prefix string // relative to that router
	Chain  []MiddlewareRef
}

const (
	cbReturned = -1
	cbOther    = -2
)

// callbackUse is a callback site resolved for a call site.
type callbackUse struct {
	param, arg int
	field      string
	on         int
	prefix     string
	chain      []*Middleware
}

// callbackCall records a call of a callback parameter with router
// arguments (vals are the evaluated arguments).
func (w *walker) callbackCall(call *ast.CallExpr, vals []value) {
	if w.fn == nil {
		return
	}
	param, field := w.callbackParam(call.Fun)
	if param < 0 {
		return
	}
	for j, v := range vals {
		if rt, ok := v.(*Router); ok {
			w.sum.callbacks = append(w.sum.callbacks, &callbackSite{param: param, field: field, arg: j, router: rt, ownLen: len(rt.own)})
		}
	}
}

// callbackParam returns the parameter index (and field) of a callback
// expression fn or cfg.Field, fn and cfg being parameters of w.fn; -1
// otherwise.
func (w *walker) callbackParam(e ast.Expr) (int, string) {
	field := ""
	e = ast.Unparen(e)
	if sel, ok := e.(*ast.SelectorExpr); ok {
		s, ok := w.m.info.Selections[sel]
		if !ok || s.Kind() != types.FieldVal || len(s.Index()) != 1 {
			return -1, ""
		}
		field, e = sel.Sel.Name, ast.Unparen(sel.X)
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return -1, ""
	}
	v, ok := w.m.info.Uses[id].(*types.Var)
	if !ok {
		return -1, ""
	}
	params := w.fn.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		if params.At(i) == v {
			return i, field
		}
	}
	return -1, ""
}

// callbackUses returns the callback sites of a local summary in the form
// a call site applies.
func (s *summary) callbackUses() []callbackUse {
	var out []callbackUse
	for _, c := range s.callbacks {
		out = append(out, callbackUse{param: c.param, arg: c.arg, field: c.field, prefix: c.router.FullPrefix(),
			chain: c.router.chain(c.ownLen, true), on: s.useOn(c.router)})
	}
	return out
}

// useOn says which router a use applies to at the call site: a
// parameter's (its index), the returned router, or another.
func (s *summary) useOn(rt *Router) int {
	switch root := rt.root(); {
	case root.param >= 0:
		return root.param
	case root == s.returned:
		return cbReturned
	default:
		return cbOther
	}
}

func (f *RoutesFact) callbackUses() []callbackUse {
	var out []callbackUse
	for _, c := range f.Callbacks {
		u := callbackUse{param: c.Param, arg: c.Arg, field: c.Field, on: c.On, prefix: c.Prefix}
		for _, mr := range c.Chain {
			u.chain = append(u.chain, mr.middleware())
		}
		out = append(out, u)
	}
	return out
}

func (u callbackUse) ref() *CallbackRef {
	c := &CallbackRef{Param: u.param, Field: u.field, Arg: u.arg, On: u.on, Prefix: u.prefix}
	for _, mw := range u.chain {
		c.Chain = append(c.Chain, refOf(mw))
	}
	return c
}

// applyCallbacks walks, at a call of a function with callback sites, the
// callbacks the caller passes, on the routers the callee gives them.
// ret is the call's router value (the callee's returned router).
func (w *walker) applyCallbacks(call *ast.CallExpr, uses []callbackUse, args []value, ret value, fw Framework) {
	for _, u := range uses {
		if u.param >= len(call.Args) {
			continue
		}
		r := w.siteBase(call, u, args, ret, fw)
		if r == nil {
			continue
		}
		w.walkCallback(call, call.Args[u.param], u.field, u.arg, r)
	}
}

// walkCallback walks callback expression e (a function literal, a named
// function, or a struct literal whose field is one) with its router
// argument bound to r.
func (w *walker) walkCallback(call *ast.CallExpr, e ast.Expr, field string, arg int, r *Router) {
	for depth := 0; depth < 4 && e != nil; depth++ {
		e = ast.Unparen(e)
		if u, ok := e.(*ast.UnaryExpr); ok {
			e = u.X
			continue
		}
		if id, ok := e.(*ast.Ident); ok {
			if v, ok := w.m.info.Uses[id].(*types.Var); ok {
				e = w.exprs[v] // cfg := Config{...}; NewRouter(cfg)
				continue
			}
		}
		if field == "" {
			break
		}
		cl, ok := e.(*ast.CompositeLit)
		if !ok {
			return
		}
		e = nil
		for _, el := range cl.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if k, ok := kv.Key.(*ast.Ident); ok && k.Name == field {
					e = kv.Value
				}
			}
		}
		field = ""
	}
	switch x := e.(type) {
	case *ast.FuncLit:
		if w.inLits[x] {
			return
		}
		if p := paramVar(w.m.info, x.Type, arg); p != nil {
			w.inLits[x] = true
			if w.cbDone == nil {
				w.cbDone = map[*ast.FuncLit]bool{}
			}
			w.cbDone[x] = true
			old, had := w.env[p]
			w.env[p] = r
			w.block(x.Body)
			delete(w.inLits, x) // another site may pass another router
			if had {
				w.env[p] = old
			}
		}
	case *ast.Ident, *ast.SelectorExpr:
		if fn, ok := w.m.info.Uses[identOf(x)].(*types.Func); ok {
			args := make([]value, arg+1)
			args[arg] = r
			w.applySummary(call, fn, args)
		}
	}
}

// closureArgs walks the function literals passed to a call that are not
// handlers and were not walked as route callbacks (once.Do(func(){...}),
// a callback given something else than a router): registrations on
// routers they capture are routes too. Their own parameters stay
// unbound, so a callback the callee never gives a router registers
// nothing.
func (w *walker) closureArgs(call *ast.CallExpr) {
	for _, a := range call.Args {
		lit, ok := ast.Unparen(a).(*ast.FuncLit)
		if !ok || w.inLits[lit] || w.cbDone[lit] || w.m.res.byNode[lit] != nil {
			continue
		}
		w.inLits[lit] = true
		w.block(lit.Body)
	}
}
