package dataexposure

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"regexp"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/apivet/apivet/internal/httpmodel"
	"github.com/apivet/apivet/internal/persist"
	"github.com/apivet/apivet/internal/source"
)

// callerScoped reports whether the response's root variable was read by
// a gorm query that selects on an owner column bound to the caller:
// db.Where("user_id = ?", me.ID).First(&app, id), db.First(&app,
// "id = ? AND owner_id = ?", id, uid), db.Where(&App{UserID: uid}),
// db.Where(map[string]any{"user_id": uid}). The caller is a principal
// of the shared HTTP model (c.GetUint("uid"), a claims helper...); an
// owner column bound to request input is not a check.
func (w *walker) callerScoped() bool {
	if w.root == nil || w.h == nil {
		return false
	}
	info := w.pass.TypesInfo
	for _, op := range w.pm.Ops {
		if op.Kind != persist.Read || op.Call.Pos() < w.body.Pos() || op.Call.Pos() > w.at {
			continue
		}
		if op.Library != "gorm.io/gorm" && op.Library != "github.com/jinzhu/gorm" {
			continue
		}
		if source.RootVar(info, op.Arg) != w.root {
			continue
		}
		for _, call := range gormChain(info, op.Call) {
			if ownerCondition(info, w.h, call) {
				return true
			}
		}
	}
	return false
}

// gormChain returns call and the gorm calls its receiver chain is made
// of (db.Where(...).Where(...).First(...)).
func gormChain(info *types.Info, call *ast.CallExpr) []*ast.CallExpr {
	out := []*ast.CallExpr{call}
	for x := call.Fun; ; {
		sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
		if !ok {
			return out
		}
		inner, ok := ast.Unparen(sel.X).(*ast.CallExpr)
		if !ok {
			return out
		}
		fn, _ := typeutil.Callee(info, inner).(*types.Func)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "gorm.io/gorm" && fn.Pkg().Path() != "github.com/jinzhu/gorm" {
			return out
		}
		out = append(out, inner)
		x = inner.Fun
	}
}

// ownerColumn matches "user_id = ?", "owner_id IN ?", "`posts`.`user_id` = ?".
var ownerColumn = regexp.MustCompile("(?i)([A-Za-z_][A-Za-z0-9_]*)`?\"?\\s*(=|in\\b)")

// ownerCondition: a gorm call's arguments bind an owner column to the
// caller.
func ownerCondition(info *types.Info, h *httpmodel.Handler, call *ast.CallExpr) bool {
	callerArg := false
	for _, a := range call.Args {
		if h.PrincipalOf(a) != nil {
			callerArg = true
		}
	}
	for _, a := range call.Args {
		a = ast.Unparen(a)
		if tv, ok := info.Types[a]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
			if callerArg && namesOwnerColumn(constant.StringVal(tv.Value)) {
				return true
			}
			continue
		}
		if u, ok := a.(*ast.UnaryExpr); ok && u.Op == token.AND {
			a = ast.Unparen(u.X)
		}
		lit, ok := a.(*ast.CompositeLit)
		if !ok {
			continue
		}
		for _, el := range lit.Elts {
			kv, ok := el.(*ast.KeyValueExpr)
			if !ok || h.PrincipalOf(kv.Value) == nil {
				continue
			}
			switch k := kv.Key.(type) {
			case *ast.Ident: // App{UserID: uid}
				if _, owner := persist.OwnerName(k.Name); owner {
					return true
				}
			default: // map[string]any{"user_id": uid}
				if tv, ok := info.Types[k]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
					if _, owner := persist.OwnerName(constant.StringVal(tv.Value)); owner {
						return true
					}
				}
			}
		}
	}
	return false
}

func namesOwnerColumn(cond string) bool {
	for _, m := range ownerColumn.FindAllStringSubmatch(cond, -1) {
		if _, owner := persist.OwnerName(m[1]); owner {
			return true
		}
	}
	return false
}
