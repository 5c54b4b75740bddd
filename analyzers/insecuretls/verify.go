package insecuretls

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/source"
	"github.com/apivet/apivet/internal/words"
)

// verdict is what the check knows about a boolean value.
type verdict int

const (
	isFalse  verdict = iota // constant false, or only ever false
	isTrue                  // constant true, or only ever true
	isConfig                // decided at run time: a setting
)

// configWords are the words of names that make an if condition a
// configuration switch (if cfg.Insecure { … }, if *skipTLSVerify { … }).
var configWords = []string{"insecure", "secure", "skip", "verify", "verification", "validate", "trust", "cert", "certificate", "certificates",
	"self", "unsafe", "dev", "debug", "ignore tls", "ignore ssl", "tls errors"}

// intentWords in the name of the enclosing function, or of the variable a
// config is stored in, say it is insecure on purpose (makeInsecureConfig,
// insecureTransport): a note, as the choice is made where it is used.
var intentWords = []string{"insecure", "unsafe", "skip verify", "no verify"}

func (c *checker) skipVerify(cur inspector.Cursor, at ast.Node, value ast.Expr, del func() *analysis.TextEdit) {
	v, why := c.boolValue(value)
	if v == isFalse {
		return
	}
	if v == isTrue {
		if guardedBy(cur, localWords) != nil || inTestFunc(c.pass.TypesInfo, cur) {
			return // TLS over a unix socket or to loopback, or a test helper
		}
		if name := intentName(cur); name != "" {
			v, why = isConfig, "in "+name+", insecure by its name"
		}
		if cond := guardedBy(cur, configWords); cond != nil && v == isTrue {
			v, why = isConfig, "under if "+shorten(source.Text(c.pass, cond))
		}
	}
	if v == isConfig {
		report(c.pass, at, check.Note,
			fmt.Sprintf("InsecureSkipVerify is set %s: certificates are then not checked and anyone on the network path can impersonate the server; make sure production cannot turn it on", why),
			"", nil)
		return
	}
	if why != "" { // a variable that is always true: no mechanical edit
		del = nil
	}
	report(c.pass, at, check.Error,
		"InsecureSkipVerify: true turns off certificate verification"+why+": anyone on the network path can impersonate the server and read or change the traffic; trust its CA with RootCAs instead",
		"delete InsecureSkipVerify: true", del)
}

// boolValue judges a boolean expression; why names the setting or
// variable it came from, for the message.
func (c *checker) boolValue(e ast.Expr) (verdict, string) {
	info := c.pass.TypesInfo
	if tv := info.Types[e]; tv.Value != nil && tv.Value.Kind() == constant.Bool {
		if constant.BoolVal(tv.Value) {
			return isTrue, ""
		}
		return isFalse, ""
	}
	text := shorten(source.Text(c.pass, e))
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return isConfig, "from " + text
	}
	v, ok := info.ObjectOf(id).(*types.Var)
	if !ok {
		return isConfig, "from " + text
	}
	vals := c.varValues()[v]
	if vals == nil || vals.unknown || len(vals.values) == 0 || v.Exported() && v.Parent() == v.Pkg().Scope() {
		return isConfig, "from " + text
	}
	seenTrue, seenFalse := false, false
	for _, val := range vals.values {
		tv := info.Types[val]
		switch {
		case val == nil: // declared without a value: false
			seenFalse = true
		case tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value):
			seenTrue = true
		case tv.Value != nil && tv.Value.Kind() == constant.Bool:
			seenFalse = true
		default:
			return isConfig, "from " + text
		}
	}
	switch {
	case seenTrue && !seenFalse:
		return isTrue, " (" + id.Name + " is always true)"
	case seenFalse && !seenTrue:
		return isFalse, ""
	}
	return isConfig, "from " + text
}

// varValues are the values a variable of the package is given.
type varValues struct {
	values  []ast.Expr // nil entry: declared with no value
	unknown bool       // its address is taken, or it is set by a tuple or range
}

func (c *checker) varValues() map[*types.Var]*varValues {
	if c.vars != nil {
		return c.vars
	}
	c.vars = map[*types.Var]*varValues{}
	info := c.pass.TypesInfo
	get := func(id *ast.Ident) *varValues {
		v, ok := info.ObjectOf(id).(*types.Var)
		if !ok {
			return nil
		}
		vv := c.vars[v]
		if vv == nil {
			vv = &varValues{}
			c.vars[v] = vv
		}
		return vv
	}
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if vv := get(name); vv != nil {
						switch {
						case len(n.Values) == 0:
							vv.values = append(vv.values, nil)
						case len(n.Values) == len(n.Names):
							vv.values = append(vv.values, n.Values[i])
						default:
							vv.unknown = true
						}
					}
				}
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					id, ok := ast.Unparen(lhs).(*ast.Ident)
					if !ok {
						continue
					}
					if vv := get(id); vv != nil {
						if len(n.Lhs) == len(n.Rhs) && (n.Tok.String() == "=" || n.Tok.String() == ":=") {
							vv.values = append(vv.values, n.Rhs[i])
						} else {
							vv.unknown = true
						}
					}
				}
			case *ast.RangeStmt:
				for _, e := range []ast.Expr{n.Key, n.Value} {
					if id, ok := e.(*ast.Ident); ok {
						if vv := get(id); vv != nil {
							vv.unknown = true
						}
					}
				}
			case *ast.UnaryExpr:
				if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op.String() == "&" {
					if vv := get(id); vv != nil {
						vv.unknown = true
					}
				}
			}
			return true
		})
	}
	return c.vars
}

// intentName is the name of the enclosing function, or of a variable the
// enclosing expression is assigned to, when it says the config is insecure
// on purpose; else "".
func intentName(cur inspector.Cursor) string {
	for p := cur.Parent(); p.Node() != nil; p = p.Parent() {
		switch n := p.Node().(type) {
		case *ast.FuncLit:
			return ""
		case *ast.FuncDecl:
			if words.ContainsAny(n.Name.Name, intentWords) {
				return n.Name.Name
			}
			return ""
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if id, ok := l.(*ast.Ident); ok && words.ContainsAny(id.Name, intentWords) {
					return id.Name
				}
			}
		case *ast.ValueSpec:
			for _, id := range n.Names {
				if words.ContainsAny(id.Name, intentWords) {
					return id.Name
				}
			}
		}
	}
	return ""
}

// inTestFunc reports whether the enclosing function takes a *testing.T,
// *testing.B, *testing.F or testing.TB: test code outside _test.go files.
func inTestFunc(info *types.Info, cur inspector.Cursor) bool {
	for f := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		fd := f.Node().(*ast.FuncDecl)
		for _, field := range fd.Type.Params.List {
			t := info.TypeOf(field.Type)
			if p, ok := t.(*types.Pointer); ok {
				t = p.Elem()
			}
			if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "testing" {
				return true
			}
		}
		break
	}
	return false
}

// localWords are the words of conditions under which the connection
// stays on the machine (case unix:, if isLoopback(host)).
var localWords = []string{"unix", "loopback", "localhost"}

// guardedBy is the condition of an enclosing if or case (in the same
// function) that names one of the words, or nil.
func guardedBy(cur inspector.Cursor, ws []string) ast.Expr {
	for p := cur.Parent(); p.Node() != nil; p = p.Parent() {
		switch n := p.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return nil
		case *ast.IfStmt:
			if mentions(n.Cond, ws) || n.Init != nil && mentions(n.Init, ws) {
				return n.Cond // if v, _ := o.lookup("verifyCertificates"); !v
			}
		case *ast.CaseClause:
			for _, e := range n.List {
				if mentions(e, ws) {
					return e
				}
			}
		}
	}
	return nil
}

func mentions(e ast.Node, ws []string) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			found = found || words.ContainsAny(n.Name, ws)
		case *ast.BasicLit:
			found = found || words.ContainsAny(strings.Trim(n.Value, "\"`"), ws)
		}
		return !found
	})
	return found
}

func shorten(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 40 {
		return s[:37] + "..."
	}
	return s
}
