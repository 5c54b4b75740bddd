package errorleak

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/httpmodel"
)

// leakKind is what a response would reveal.
type leakKind int

const (
	errText    leakKind = iota // an error's text
	panicValue                 // a recovered panic value
	stackTrace                 // debug.Stack() or runtime.Stack output
)

// leak is an expression inside a response value that is internal text.
type leak struct {
	kind leakKind
	at   ast.Expr // where to report: err.Error(), the err argument of Sprintf, debug.Stack()
	err  ast.Expr // for errText, the error value
}

var errorIface = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

func isError(t types.Type) bool {
	if t == nil {
		return false
	}
	if _, ok := t.Underlying().(*types.Tuple); ok {
		return false
	}
	if b, ok := t.(*types.Basic); ok && b.Kind() == types.UntypedNil {
		return false
	}
	return types.Implements(t, errorIface)
}

func keyOf(fn *types.Func) callKey {
	if fn == nil || fn.Pkg() == nil {
		return callKey{}
	}
	fn = fn.Origin()
	k := callKey{pkg: fn.Pkg().Path(), name: fn.Name()}
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			k.recv = n.Obj().Name()
		}
	}
	return k
}

// walker finds leaks in a response value, following local variables
// through one function body's def-use index.
type walker struct {
	c    *checker
	flow *httpmodel.Flow
	// panicVars are variables that hold a recovered panic value
	// (gin.CustomRecovery's parameter).
	panicVars map[*types.Var]bool
	// stackBufs are byte slices filled by runtime.Stack(buf, ...).
	stackBufs map[*types.Var]bool
	seen      map[*types.Var]bool
	out       []leak
}

func (w *walker) info() *types.Info { return w.c.pass.TypesInfo }

// value walks e, a value written to a response. text says that an error
// value met here is formatted as text (an argument of Sprintf, of
// fmt.Fprintf(w, ...), of echo.NewHTTPError); elsewhere (a JSON map
// value) an error value serializes as {} and reveals nothing.
func (w *walker) value(e ast.Expr, text bool) {
	if e == nil {
		return
	}
	e = ast.Unparen(e)
	if text && isError(w.info().TypeOf(e)) {
		if isNilExpr(w.info(), e) {
			return
		}
		w.out = append(w.out, leak{kind: errText, at: e, err: e})
		return
	}
	switch x := e.(type) {
	case *ast.Ident:
		v, ok := w.info().Uses[x].(*types.Var)
		if !ok || w.seen[v] {
			return
		}
		if w.panicVars[v] {
			w.out = append(w.out, leak{kind: panicValue, at: x})
			return
		}
		if w.stackBufs[v] {
			w.out = append(w.out, leak{kind: stackTrace, at: x})
			return
		}
		w.seen[v] = true
		if w.flow != nil {
			n := len(w.out)
			for _, d := range w.flow.Defs(v) {
				if _, ok := d.(*ast.CallExpr); ok && isError(w.info().TypeOf(d)) {
					continue // v := errors.New(...): the error itself, judged where formatted
				}
				w.value(d, text)
			}
			// A panic value or stack is reported where it is written
			// (rec in http.Error(w, fmt.Sprint(rec), 500)).
			for i := n; i < len(w.out); i++ {
				if w.out[i].kind != errText {
					w.out[i].at = x
				}
			}
		}
	case *ast.BinaryExpr:
		w.value(x.X, text)
		w.value(x.Y, text)
	case *ast.UnaryExpr:
		w.value(x.X, text)
	case *ast.StarExpr:
		w.value(x.X, text)
	case *ast.CompositeLit:
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			w.value(el, text)
		}
	case *ast.SelectorExpr:
		if sel, ok := w.info().Selections[x]; ok && sel.Kind() == types.FieldVal {
			w.value(x.X, false)
		}
	case *ast.IndexExpr:
		w.value(x.X, text)
	case *ast.SliceExpr:
		w.value(x.X, text)
	case *ast.TypeAssertExpr:
		w.value(x.X, text)
	case *ast.CallExpr:
		w.call(x, text)
	}
}

func (w *walker) call(call *ast.CallExpr, text bool) {
	info := w.info()
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 {
			w.value(call.Args[0], true) // string(b), []byte(s)
		}
		return
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok {
			switch b.Name() {
			case "recover":
				w.out = append(w.out, leak{kind: panicValue, at: call})
			case "append":
				for _, a := range call.Args {
					w.value(a, text)
				}
			}
			return
		}
	}
	// err.Error()
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Error" && len(call.Args) == 0 {
		if isError(info.TypeOf(sel.X)) {
			w.out = append(w.out, leak{kind: errText, at: call, err: sel.X})
			return
		}
	}
	fn := typeutil.StaticCallee(info, call)
	k := keyOf(fn)
	switch {
	case k == callKey{"runtime/debug", "", "Stack"}:
		w.out = append(w.out, leak{kind: stackTrace, at: call})
		return
	case k.pkg == "fmt" || k.pkg == "github.com/pkg/errors":
		// fmt.Errorf makes an error, not text: judged where its text is
		// written (c.AbortWithError(500, fmt.Errorf("...: %w", err))
		// writes nothing).
		if first, ok := formatFuncs[k]; ok && !strings.HasSuffix(k.name, "Errorf") {
			for i, a := range call.Args {
				if i >= first {
					w.value(a, true)
				}
			}
		}
		return
	case k.pkg == "strings" || k.pkg == "bytes":
		for _, a := range call.Args {
			w.value(a, text)
		}
		return
	}
	// A helper of this package: its error parameters whose text reaches
	// its result (errorResponse(err) returning gin.H{"error": err.Error()}).
	if fn != nil && fn.Pkg() != nil {
		var params []int
		if fn.Pkg() == w.c.pass.Pkg {
			params = w.c.textifies(fn)
		} else if f := new(textFact); w.c.pass.ImportObjectFact(fn.Origin(), f) {
			params = f.Params
		}
		for _, i := range params {
			for _, a := range argsFor(fn, call, i) {
				w.value(a, true)
			}
		}
	}
}

// argsFor returns the arguments of call bound to parameter i of fn.
func argsFor(fn *types.Func, call *ast.CallExpr, i int) []ast.Expr {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return nil
	}
	n := sig.Params().Len()
	if sig.Variadic() && i == n-1 {
		if call.Ellipsis.IsValid() || i >= len(call.Args) {
			return nil
		}
		return call.Args[i:]
	}
	if i < len(call.Args) {
		return call.Args[i : i+1]
	}
	return nil
}

// textifies returns the parameters of fn (a function of this package)
// whose error text reaches one of its results.
func (c *checker) textifies(fn *types.Func) []int {
	fn = fn.Origin()
	if r, ok := c.summaries[fn]; ok {
		return r
	}
	c.summaries[fn] = nil // recursion
	decl := c.decls()[fn]
	if decl == nil || decl.Body == nil {
		return nil
	}
	sig := fn.Type().(*types.Signature)
	flow := c.hm.NewFlow(c.pass.TypesInfo, c.pass.Pkg, decl.Body)
	w := &walker{c: c, flow: flow, seen: map[*types.Var]bool{}}
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				if !isError(c.pass.TypesInfo.TypeOf(r)) {
					w.value(r, false)
				}
			}
		}
		return true
	})
	var out []int
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		for _, l := range w.out {
			if l.kind == errText && flow.DerivesFromVar(l.err, p) && !c.debugGated(l.at) {
				out = append(out, i)
				break
			}
		}
	}
	c.summaries[fn] = out
	return out
}
