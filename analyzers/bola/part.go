package bola

// Parts of an owned object: a child record (a memo's resource link, an
// order's line) selected by the client-chosen ID of its parent.

import (
	"go/types"
	"slices"
	"strings"

	"github.com/apivet/apivet/internal/httpmodel"
	"github.com/apivet/apivet/internal/persist"
	"github.com/apivet/apivet/internal/structtype"
	"github.com/apivet/apivet/internal/words"
)

// partOf reports whether the access changes or reads a part of an owned
// parent object selected by the client-chosen ID of that parent
// (UpsertMemoResource(&MemoResourceUpsert{MemoID: memoID}) on POST
// /memo/:memoId/resource: the parent Memo has a CreatorID, the link has
// none). The description names the part and the parent.
func (r *runner) partOf(da *httpmodel.DataAccess, id *idInput, child string) (string, bool) {
	ws := words.Split(id.name)
	if len(ws) < 2 || ws[len(ws)-1] != "id" {
		return "", false
	}
	var b strings.Builder // memo_id → Memo, orderLineId → OrderLine
	for i, w := range ws[:len(ws)-1] {
		if i == len(ws)-2 {
			w = singular(w)
		}
		b.WriteString(upperFirst(w))
	}
	name := b.String()
	if !r.hasParentField(da, ws) {
		return "", false // no field of the part names the parent: LookupProduct(orderId) is no part of an order
	}
	var pkgs []*types.Package
	if da.Func != nil && da.Func.Pkg() != nil {
		pkgs = append(pkgs, da.Func.Pkg())
	}
	pkgs = append(pkgs, r.pass.Pkg)
	for _, p := range pkgs {
		parent := lookupModel(r.pass.Pkg, p, name)
		if parent == nil || typeName(parent) == child {
			continue
		}
		if matchType(settings.PublicModels, parent) {
			return "", false
		}
		fs := persist.OwnerFields(parent)
		// Parts of public authored content (a reaction to a comment) are
		// anyone's to add or read; those of private-capable content (a
		// memo's Visibility) are not.
		owned := matchType(settings.OwnedModels, parent) || len(fs) > 0 && (!authoredOnly(fs) || privacyOf(parent) != "")
		if !owned {
			return "", false
		}
		if child == "" {
			child = "parts"
		}
		return child + " of " + typeName(parent), true
	}
	return "", false
}

// hasParentField: the model the access touches, or a struct it is given
// (the filter, the upserted row), has a field named like the parent's ID
// (MemoResource.MemoID for memoId).
func (r *runner) hasParentField(da *httpmodel.DataAccess, idWords []string) bool {
	var ts []types.Type
	if named, _ := r.modelOf(da); named != nil {
		ts = append(ts, named)
	}
	for _, a := range da.Call.Args {
		if t := structtype.Elem(r.pass.TypesInfo.TypeOf(a)); t != nil {
			ts = append(ts, t)
		}
	}
	for _, t := range ts {
		for _, f := range persist.Fields(t) {
			if slices.Equal(words.Split(f.Name()), idWords) {
				return true
			}
		}
	}
	return false
}
