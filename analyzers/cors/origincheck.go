package cors

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"regexp/syntax"
	"strings"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/words"
)

// broadPattern says why an allowed-origin pattern with "*" matches
// origins an attacker can register, or "" when it is a subdomain or port
// wildcard. Patterns are matched as prefix + anything + suffix by every
// library the check reads (echo's glob is anchored, so the same holds).
func broadPattern(p string) string {
	i := strings.Index(p, "*")
	before, after := p[:i], p[i+1:]
	switch {
	case strings.Contains(after, "*"):
		return "has more than one wildcard" // echo only; judge it broad
	case after == "" && strings.HasSuffix(before, ":") && strings.Count(before, ":") >= 2:
		return "" // "http://localhost:*": any port of one host
	case after == "":
		return fmt.Sprintf("matches every origin that starts with %q (%s.evil.example too)", before, strings.TrimSuffix(before, "/"))
	case !strings.HasPrefix(after, "."):
		return fmt.Sprintf("matches any host ending in %q, such as evil%s", after, after)
	case strings.Count(strings.SplitN(after, ":", 2)[0], ".") < 2:
		return fmt.Sprintf("matches every site under %s", after)
	}
	return ""
}

// weakRegexp says why a regexp meant to match allowed origins also matches
// attackers' origins, or "".
func weakRegexp(pattern string) string {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return ""
	}
	switch {
	case !anchoredStart(re):
		return "is not anchored with ^"
	case !anchoredEnd(re):
		return "is not anchored with $"
	case literalDot(re):
		return "has an unescaped dot"
	}
	return ""
}

func anchoredStart(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginText, syntax.OpBeginLine:
		return true
	case syntax.OpConcat:
		return len(re.Sub) > 0 && anchoredStart(re.Sub[0])
	case syntax.OpCapture:
		return anchoredStart(re.Sub[0])
	case syntax.OpAlternate:
		for _, s := range re.Sub {
			if !anchoredStart(s) {
				return false
			}
		}
		return true
	}
	return false
}

func anchoredEnd(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpEndText, syntax.OpEndLine:
		return true
	case syntax.OpConcat:
		return len(re.Sub) > 0 && anchoredEnd(re.Sub[len(re.Sub)-1])
	case syntax.OpCapture:
		return anchoredEnd(re.Sub[0])
	case syntax.OpAlternate:
		for _, s := range re.Sub {
			if !anchoredEnd(s) {
				return false
			}
		}
		return true
	}
	return false
}

// literalDot reports a "." that matches one character on its own, between
// literals (api.example.com matches apiXexample.com); ".*" and ".+" are
// meant as wildcards.
func literalDot(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		return false
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return true
	}
	for _, s := range re.Sub {
		if literalDot(s) {
			return true
		}
	}
	return false
}

// validator is a string test that origin checks are written with.
type validator struct {
	pkg, name string
	subject   int // the argument holding the origin
	pattern   int // the argument holding the constant
	judge     func(s string) string
}

// validators are the tests whose constant the check judges.
var validators = []validator{
	{"strings", "HasSuffix", 0, 1, weakSuffix},
	{"strings", "HasPrefix", 0, 1, weakPrefix},
	{"strings", "Contains", 0, 1, weakContains},
	{"regexp", "MatchString", 1, 0, weakRegexp},
}

func weakContains(s string) string {
	host := strings.TrimPrefix(strings.TrimPrefix(s, "https://"), "http://")
	if !strings.Contains(host, ".") && host != "localhost" {
		return "" // not a host name: some other test
	}
	return fmt.Sprintf("passes any origin that contains %q, such as https://%s.evil.example; compare the whole origin", s, host)
}

func weakSuffix(s string) string {
	if strings.HasPrefix(s, ".") || strings.Contains(s, "://") || !strings.Contains(s, ".") {
		return "" // a subdomain test, a whole origin, or not a host name
	}
	return fmt.Sprintf("passes any host ending in %q, such as https://evil%s; compare the whole origin, or test the suffix %q", s, s, "."+s)
}

func weakPrefix(s string) string {
	i := strings.Index(s, "://")
	if i < 0 || s[i+3:] == "" || strings.HasSuffix(s, ":") || strings.HasSuffix(s, "/") {
		return "" // a scheme test, or a host followed by its port
	}
	return fmt.Sprintf("passes %s.evil.example too; compare the whole origin", s)
}

// originValidation reports a weak origin test: strings.HasSuffix(origin,
// "example.com"), strings.Contains(origin, …), regexp.MatchString(…,
// origin) and re.MatchString(origin) with a weak pattern, where the
// tested string is the request's Origin.
func (c *checker) originValidation(call *ast.CallExpr, fn *types.Func, inCredFunc credentials, inCredWrites bool) {
	info := c.pass.TypesInfo
	subject, pattern, why := ast.Expr(nil), "", ""
	for _, v := range validators {
		if fn.Pkg() == nil || fn.Pkg().Path() != v.pkg || fn.Name() != v.name || len(call.Args) <= v.subject || len(call.Args) <= v.pattern {
			continue
		}
		tv := info.Types[call.Args[v.pattern]]
		if tv.Value == nil || tv.Value.Kind() != constant.String {
			return
		}
		subject, pattern = call.Args[v.subject], constant.StringVal(tv.Value)
		why = v.judge(pattern)
	}
	if subject == nil {
		// (*regexp.Regexp).MatchString(origin) on a package-level
		// regexp.MustCompile(const).
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || fn.Name() != "MatchString" || fn.Pkg() == nil || fn.Pkg().Path() != "regexp" || len(call.Args) != 1 {
			return
		}
		p, ok := c.compiledPattern(sel.X)
		if !ok {
			return
		}
		subject, pattern, why = call.Args[0], p, weakRegexp(p)
	}
	if why == "" || !c.isOrigin(subject) {
		return
	}
	sev := check.Warning
	if inCredFunc == credYes || inCredWrites {
		sev = check.Error
	}
	c.report(call, sev, "weak origin check "+shortenTo(sourceText(c, call), 60)+": it "+why)
}

// compiledPattern is the constant pattern of a regexp variable set once
// from regexp.MustCompile(const) or regexp.Compile(const).
func (c *checker) compiledPattern(e ast.Expr) (string, bool) {
	info := c.pass.TypesInfo
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		return constPatternCall(info, call)
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return "", false
	}
	v, ok := info.ObjectOf(id).(*types.Var)
	if !ok {
		return "", false
	}
	init := c.varInits()[v]
	if init == nil {
		return "", false
	}
	return constPatternCall(info, init)
}

func constPatternCall(info *types.Info, call *ast.CallExpr) (string, bool) {
	fn, ok := calleeOf(info, call).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "regexp" || (fn.Name() != "MustCompile" && fn.Name() != "Compile") || len(call.Args) != 1 {
		return "", false
	}
	tv := info.Types[call.Args[0]]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// varInits maps variables declared with one call as their value (var re
// = regexp.MustCompile(…), re := …) to that call.
func (c *checker) varInits() map[*types.Var]*ast.CallExpr {
	if c.inits != nil {
		return c.inits
	}
	c.inits = map[*types.Var]*ast.CallExpr{}
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			var names []*ast.Ident
			var values []ast.Expr
			switch n := n.(type) {
			case *ast.ValueSpec:
				names, values = n.Names, n.Values
			case *ast.AssignStmt:
				if n.Tok.String() != ":=" {
					return true
				}
				for _, l := range n.Lhs {
					id, _ := l.(*ast.Ident)
					names = append(names, id)
				}
				values = n.Rhs
			default:
				return true
			}
			if len(names) != len(values) {
				return true
			}
			for i, name := range names {
				if name == nil {
					continue
				}
				if v, ok := c.pass.TypesInfo.Defs[name].(*types.Var); ok {
					if call, ok := ast.Unparen(values[i]).(*ast.CallExpr); ok {
						c.inits[v] = call
					}
				}
			}
			return true
		})
	}
	return c.inits
}

// isOrigin reports whether e is the request's Origin: a read of the Origin
// header, or a variable or parameter named origin.
func (c *checker) isOrigin(e ast.Expr) bool {
	if c.readsOrigin(e) {
		return true
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return words.Contains(e.Name, "origin")
	case *ast.CallExpr: // strings.ToLower(origin)
		if len(e.Args) == 1 {
			return c.isOrigin(e.Args[0])
		}
	}
	return false
}
