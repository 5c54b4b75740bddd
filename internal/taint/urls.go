package taint

import (
	"go/ast"
	"go/types"
	"strings"
)

// Input that only reaches the path, query or fragment of a URL whose
// scheme and host come before it cannot choose where the request goes
// (CodeQL's "safe URL parts"): "https://api.example.com/users/" + id,
// fmt.Sprintf("%s/users/%s", base, id), url.JoinPath(base, id),
// u.Path = id, url.URL{Scheme: "https", Host: h, Path: id}.

// safeURLField are the fields of url.URL that do not choose the host.
var safeURLField = map[string]bool{
	"Path": true, "RawPath": true, "RawQuery": true, "Fragment": true, "RawFragment": true,
	"ForceQuery": true, "OmitHost": true,
}

// safeURLPart reports whether an assignment target is a safe part of a
// url.URL (u.Path, req.URL.RawQuery).
func safeURLPart(info *types.Info, lhs ast.Expr) bool {
	sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
	if !ok || !safeURLField[sel.Sel.Name] {
		return false
	}
	tv, ok := info.Types[sel.X]
	return ok && isNamed(tv.Type, "net/url", "URL")
}

// pathState follows the text of a URL being built, piece by piece, to
// tell when its path (or query, or fragment) has begun.
type pathState struct {
	started  bool // the path has begun: what follows is safe
	text     bool // some text (constant or not) is before
	afterSch bool // the constant text so far ends within "scheme://"
}

// constant adds a constant piece of text.
func (p *pathState) constant(s string) {
	for i := 0; i < len(s) && !p.started; i++ {
		switch s[i] {
		case ':':
			if strings.HasPrefix(s[i:], "://") {
				i += 2
				p.afterSch = true
				p.text = true
				continue
			}
		case '/', '?', '#':
			// A slash right after "scheme://" or at the very start of
			// "//host" is not the path.
			if s[i] == '/' && !p.text && strings.HasPrefix(s[i:], "//") {
				i++
				p.afterSch = true
				p.text = true
				continue
			}
			if p.text || s[i] == '/' {
				p.started = true
			}
		}
		p.text = true
	}
}

// other adds a piece whose text is not known (an untainted variable).
func (p *pathState) other() { p.text = true }

// urlConcat is orig for a string concatenation that builds a URL.
func (c *fnCtx) urlConcat(x *ast.BinaryExpr) origins {
	var parts []ast.Expr
	var flatten func(e ast.Expr)
	flatten = func(e ast.Expr) {
		if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && b.Op == x.Op {
			flatten(b.X)
			flatten(b.Y)
			return
		}
		parts = append(parts, e)
	}
	flatten(x)
	var o origins
	var st pathState
	for _, part := range parts {
		if tv, ok := c.e.info.Types[part]; ok && tv.Value != nil {
			if s, ok := constString(tv); ok {
				st.constant(s)
			}
			continue
		}
		if st.started {
			continue
		}
		po := c.orig(part, URL)
		if po.empty() {
			st.other()
			continue
		}
		o.add(po)
		st.other()
	}
	return o
}

// urlCall is orig, for the URL kind, of the calls that build URLs with
// safe parts. It reports false for other calls.
func (c *fnCtx) urlCall(call *ast.CallExpr, fn *types.Func, args []ast.Expr) (origins, bool) {
	path, name, recv := fn.Pkg().Path(), fn.Name(), recvName(fn)
	switch {
	case path == "fmt" && (name == "Sprintf" || name == "Appendf"):
		fmtIdx := 0
		if name == "Appendf" {
			fmtIdx = 1
		}
		if len(args) <= fmtIdx {
			return origins{}, true
		}
		tv, ok := c.e.info.Types[args[fmtIdx]]
		format, isConst := constString(tv)
		if !ok || !isConst || strings.Contains(format, "[") {
			return origins{}, false
		}
		var o origins
		var st pathState
		rest := args[fmtIdx+1:]
		verbs, _ := formatVerbs(format)
		if strings.IndexByte(string(verbs), '*') >= 0 {
			verbs = nil // splitVerbs does not count '*' arguments
		}
		for i, chunk := range splitVerbs(format) {
			st.constant(chunk)
			if i >= len(rest) {
				break
			}
			if st.started || i < len(verbs) && numericVerb(verbs[i]) {
				continue
			}
			po := c.orig(rest[i], URL)
			o.add(po)
			st.other()
		}
		return o, true
	case path == "net/url" && recv == "" && name == "JoinPath" && len(args) > 0:
		return c.orig(args[0], URL), true
	case path == "net/url" && recv == "URL" && name == "JoinPath" && len(args) > 0:
		return c.orig(args[0], URL), true
	case path == "net/url" && recv == "" && (name == "PathEscape" || name == "QueryEscape"):
		return c.orig(args[0], URL), true
	}
	return origins{}, false
}

// splitVerbs splits a format string into the text before each verb (and
// the text after the last one): "%s/users/%d" -> "", "/users/", "".
func splitVerbs(format string) []string {
	var out []string
	start := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		if i+1 < len(format) && format[i+1] == '%' {
			i++
			continue
		}
		out = append(out, format[start:i])
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0123456789.*", format[j]) >= 0 {
			j++
		}
		i = j
		start = j + 1
	}
	if start <= len(format) {
		out = append(out, format[min(start, len(format)):])
	}
	return out
}

// numericVerb reports whether a fmt verb prints only digits, signs, hex
// or a boolean (%d, %x, %t…): whatever its argument, the text cannot
// close a quote or name a host (a string under %d prints as
// "%!d(string=…)", which go vet reports).
func numericVerb(v byte) bool {
	return v != 0 && strings.IndexByte("bdoOxXeEfFgGtU", v) >= 0
}

// formatVerbs returns the verb of each argument of a format string
// ('*' for a width or precision taken from an argument); ok is false
// when it uses explicit argument indexes ("%[2]s").
func formatVerbs(format string) (verbs []byte, ok bool) {
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		if i+1 < len(format) && format[i+1] == '%' {
			i++
			continue
		}
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0123456789.*[]", format[j]) >= 0 {
			switch format[j] {
			case '[':
				return nil, false
			case '*':
				verbs = append(verbs, '*')
			}
			j++
		}
		if j < len(format) {
			verbs = append(verbs, format[j])
		}
		i = j
	}
	return verbs, true
}

// sprintfArgs is orig of fmt.Sprintf and Appendf with a constant format
// for SQL text: the format's own text is constant, and arguments under
// numeric verbs are clean. It reports false for other calls.
func (c *fnCtx) sprintfArgs(fn *types.Func, args []ast.Expr) (origins, bool) {
	if fn.Pkg().Path() != "fmt" || (fn.Name() != "Sprintf" && fn.Name() != "Appendf") {
		return origins{}, false
	}
	fmtIdx := 0
	if fn.Name() == "Appendf" {
		fmtIdx = 1
	}
	if len(args) <= fmtIdx {
		return origins{}, false
	}
	tv, ok := c.e.info.Types[args[fmtIdx]]
	format, isConst := constString(tv)
	if !ok || !isConst {
		return origins{}, false
	}
	verbs, ok := formatVerbs(format)
	if !ok {
		return origins{}, false
	}
	var o origins
	if fmtIdx == 1 {
		o.add(c.orig(args[0], SQL))
	}
	for i, a := range args[fmtIdx+1:] {
		if i < len(verbs) && (numericVerb(verbs[i]) || verbs[i] == '*') {
			continue
		}
		o.add(c.orig(a, SQL))
	}
	return o, true
}
