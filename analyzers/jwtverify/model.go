package jwtverify

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/source"
)

// checker holds the per-package state: the function declarations, every
// definition of each variable and field (a package-wide def-use index), and
// the memoized summaries of key functions and parser options.
type checker struct {
	pass *analysis.Pass

	decls  map[*types.Func]*ast.FuncDecl
	params map[types.Object]bool
	// defs maps a variable (local, package-level or struct field) to the
	// expressions assigned to it; a nil entry means "assigned in a way this
	// analyzer cannot follow" (a multi-value call, a range).
	defs map[types.Object][]ast.Expr
	// fieldSets maps a variable to the fields assigned on it (v.F = x).
	fieldSets map[types.Object][]fieldSet

	keyMemo      map[*types.Func]*keySummary
	optMemo      map[types.Object]*optEffect
	verifiesMemo map[*types.Func]bool
	// wrappers are this package's unverified wrappers (wrapper.go), with
	// the index of their token parameter.
	wrappers map[*types.Func]int
	// ifaceMethods indexes the methods known to verify by name (iface.go).
	ifaceMethods map[string][]*types.Func
	walk         *source.Walker // on the package's inspector
}

// zeroValue stands for the zero value of a variable declared without one.
var zeroValue ast.Expr = &ast.BadExpr{}

type fieldSet struct {
	name  string
	value ast.Expr
}

func newChecker(pass *analysis.Pass) *checker {
	c := &checker{
		pass:         pass,
		decls:        map[*types.Func]*ast.FuncDecl{},
		params:       map[types.Object]bool{},
		defs:         map[types.Object][]ast.Expr{},
		fieldSets:    map[types.Object][]fieldSet{},
		keyMemo:      map[*types.Func]*keySummary{},
		optMemo:      map[types.Object]*optEffect{},
		verifiesMemo: map[*types.Func]bool{},
	}
	ins, _ := pass.ResultOf[check.Inspect].(*inspector.Inspector)
	c.walk = source.NewWalker(ins)
	info := pass.TypesInfo
	addParams := func(ft *ast.FuncType, recv *ast.FieldList) {
		for _, fl := range []*ast.FieldList{recv, ft.Params, ft.Results} {
			if fl == nil {
				continue
			}
			for _, f := range fl.List {
				for _, n := range f.Names {
					if o := info.Defs[n]; o != nil {
						c.params[o] = true
					}
				}
			}
		}
	}
	indexed := []ast.Node{(*ast.FuncDecl)(nil), (*ast.FuncLit)(nil), (*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.RangeStmt)(nil), (*ast.CompositeLit)(nil)}
	for _, f := range pass.Files {
		c.walk.Inspect(f, indexed, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				if fn, ok := info.Defs[n.Name].(*types.Func); ok {
					c.decls[fn] = n
				}
				addParams(n.Type, n.Recv)
			case *ast.FuncLit:
				addParams(n.Type, nil)
			case *ast.AssignStmt:
				c.indexAssign(n.Lhs, n.Rhs)
			case *ast.ValueSpec:
				lhs := make([]ast.Expr, len(n.Names))
				for i, id := range n.Names {
					lhs[i] = id
				}
				if len(n.Values) == 0 {
					for _, id := range n.Names {
						if o := info.Defs[id]; o != nil {
							c.defs[o] = append(c.defs[o], zeroValue)
						}
					}
					break
				}
				c.indexAssign(lhs, n.Values)
			case *ast.RangeStmt:
				for _, e := range []ast.Expr{n.Key, n.Value} {
					if o := c.objOf(e); o != nil {
						c.defs[o] = append(c.defs[o], nil)
					}
				}
			case *ast.CompositeLit:
				c.indexCompositeFields(n)
			}
			return true
		})
	}
	return c
}

func (c *checker) objOf(e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if o := c.pass.TypesInfo.Defs[e]; o != nil {
			return o
		}
		return c.pass.TypesInfo.Uses[e]
	case *ast.SelectorExpr:
		if sel, ok := c.pass.TypesInfo.Selections[e]; ok && sel.Kind() == types.FieldVal {
			return sel.Obj()
		}
		return c.pass.TypesInfo.Uses[e.Sel]
	}
	return nil
}

func (c *checker) indexAssign(lhs, rhs []ast.Expr) {
	for i, l := range lhs {
		var r ast.Expr
		if len(rhs) == len(lhs) {
			r = rhs[i]
		}
		if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok {
			if base := c.objOf(sel.X); base != nil {
				if _, isVar := base.(*types.Var); isVar {
					c.fieldSets[base] = append(c.fieldSets[base], fieldSet{sel.Sel.Name, r})
				}
			}
		}
		if len(rhs) == 1 && i == 0 {
			r = rhs[0] // v, err := f(): v is f's first result
		}
		if o := c.objOf(l); o != nil {
			if _, ok := o.(*types.Var); ok {
				c.defs[o] = append(c.defs[o], r)
			}
		}
	}
}

func (c *checker) indexCompositeFields(lit *ast.CompositeLit) {
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		if f, ok := c.pass.TypesInfo.Uses[id].(*types.Var); ok && f.IsField() {
			c.defs[f] = append(c.defs[f], kv.Value)
		}
	}
}

// callee is the static function or method called, or nil.
func (c *checker) callee(call *ast.CallExpr) *types.Func {
	return typeutil.StaticCallee(c.pass.TypesInfo, call)
}

// funcName names fn within its package: "Parse", "Parser.Parse".
func funcName(fn *types.Func) string {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return fn.Name()
	}
	t := sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name() + "." + fn.Name()
	}
	return fn.Name()
}

func pkgPath(o types.Object) string {
	if o == nil || o.Pkg() == nil {
		return ""
	}
	return o.Pkg().Path()
}

// jwtPkgOf returns the golang-jwt style package path fn belongs to (its
// request subpackage counts as the package) and fn's table key.
func jwtPkgOf(fn *types.Func) (string, string, bool) {
	p := pkgPath(fn)
	if _, ok := golangJWTPkgs[p]; ok {
		return p, funcName(fn), true
	}
	if base, ok := strings.CutSuffix(p, "/request"); ok {
		if _, ok := golangJWTPkgs[base]; ok {
			return base, "request." + funcName(fn), true
		}
	}
	return "", "", false
}

// isJWTToken reports whether t is *Token of a golang-jwt style package.
func isJWTToken(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok || n.Obj().Name() != "Token" {
		return false
	}
	_, ok = golangJWTPkgs[pkgPath(n.Obj())]
	return ok
}

// isNamed reports whether t (or *t) is the named type pkg.name for a pkg
// accepted by inPkg.
func isNamed(t types.Type, inPkg func(string) bool, name string) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Name() == name && inPkg(pkgPath(n.Obj()))
}

func isJWTPkg(p string) bool { _, ok := golangJWTPkgs[p]; return ok }

// constBool returns the constant boolean value of e, if it has one.
func (c *checker) constBool(e ast.Expr) (bool, bool) {
	tv, ok := c.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(tv.Value), true
}

func (c *checker) constString(e ast.Expr) (string, bool) {
	tv, ok := c.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// isNil reports whether e is the predeclared nil.
func (c *checker) isNil(e ast.Expr) bool {
	tv, ok := c.pass.TypesInfo.Types[e]
	return ok && tv.IsNil()
}

// typeKey is the table key of a verification key's type.
func typeKey(t types.Type) string {
	if s, ok := types.Unalias(t).(*types.Slice); ok {
		if b, ok := types.Unalias(s.Elem()).(*types.Basic); ok && b.Kind() == types.Byte {
			return "[]byte"
		}
	}
	if types.IsInterface(t) {
		return "?"
	}
	return types.TypeString(t, nil)
}

// shortType turns "*crypto/rsa.PublicKey" into "*rsa.PublicKey".
func shortType(k string) string {
	if k == "?" {
		return "a type known only at run time"
	}
	star := strings.HasPrefix(k, "*")
	k = strings.TrimPrefix(k, "*")
	if i := strings.LastIndex(k, "/"); i >= 0 {
		k = k[i+1:]
	}
	if star {
		return "*" + k
	}
	return k
}

// enclosingFunc is the outermost function declaration around pos, or nil.
func (c *checker) enclosingFunc(pos token.Pos) *ast.FuncDecl {
	for _, f := range c.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && fd.Pos() <= pos && pos <= fd.End() {
					return fd
				}
			}
		}
	}
	return nil
}
