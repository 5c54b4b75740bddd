package httpmodel_test

import (
	"fmt"
	"go/ast"
	"go/types"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apivet/apivet/internal/httpmodel"
	"github.com/apivet/apivet/internal/testutil"
)

// probe reports everything the model found as diagnostics, so the test
// module's `// want` comments check the Result.
var probe = &analysis.Analyzer{
	Name:       "probe",
	Doc:        "reports the httpmodel Result",
	Requires:   []*analysis.Analyzer{httpmodel.Analyzer},
	ResultType: reflect.TypeFor[*httpmodel.Result](),
	Run: func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[httpmodel.Analyzer].(*httpmodel.Result)
		for _, h := range res.Handlers {
			mw := ""
			if h.Middleware {
				mw = " mw"
			}
			pass.Reportf(h.Node.Pos(), "handler %s %s%s", h.Name, h.Framework, mw)
			for _, in := range h.Inputs {
				pass.Reportf(in.Pos(), "input %s %s", in.Kind, in.Name)
			}
			for _, p := range h.Principals {
				pass.Reportf(p.Pos(), "principal %s %s", p.Source, p.KeyName)
			}
			for _, r := range h.Responses {
				e := ""
				if r.Error {
					e = " error"
				}
				v := ""
				if r.Value != nil {
					v = " " + types.ExprString(r.Value)
				}
				pass.Reportf(r.Pos(), "response %s%s%s", r.Format, e, v)
			}
			for _, d := range h.DataAccesses {
				var sel []string
				for _, s := range d.Selectors {
					tag := types.ExprString(s)
					if in := h.InputOf(s); in != nil {
						tag += "<" + string(in.Kind) + ":" + in.Name
					}
					if p := h.PrincipalOf(s); p != nil {
						tag += "<principal"
					}
					sel = append(sel, tag)
				}
				extra := ""
				if d.ModelName != "" {
					extra += " model=" + d.ModelPkg + "." + d.ModelName
					if d.Model == nil {
						extra += "(unresolved)"
					}
				}
				if d.Table != "" {
					extra += " table=" + d.Table
				}
				if d.SQL != "" {
					extra += " sql=" + strings.Fields(d.SQL)[0]
				}
				pass.Reportf(d.Pos(), "access %s %s %s [%s] conds=%d%s", d.Library, d.Kind, d.Method, strings.Join(sel, ", "), len(d.Conditions), extra)
			}
		}
		for _, r := range res.Routes {
			var mws []string
			for _, m := range r.Middleware {
				s := m.Name
				if m.Kind != 0 {
					s += "(" + m.Kind.String() + ")"
				}
				mws = append(mws, s)
			}
			flags := ""
			if r.Partial {
				flags += " partial"
			}
			if r.Detached {
				flags += " detached"
			}
			pass.Reportf(r.Call.Pos(), "route %s %s -> %s@%s:%d [%s]%s", r.Method, r.Path, r.HandlerName,
				filepath.Base(r.HandlerPos.Filename), r.HandlerPos.Line, strings.Join(mws, " "), flags)
		}
		for _, f := range pass.Files {
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok {
					continue
				}
				fn, _ := pass.TypesInfo.Defs[fd.Name].(*types.Func)
				var facts []string
				if p := res.PrincipalOf(fn); p != nil {
					facts = append(facts, fmt.Sprintf("principal(%s)", p.Source))
				}
				if k := res.MiddlewareKindOf(fn); k != 0 {
					facts = append(facts, fmt.Sprintf("middleware(%s)", k))
				}
				if a := res.DataAccessOf(fn); a != nil {
					facts = append(facts, a.String())
					if a.SQL != "" {
						facts = append(facts, "sql="+strings.Fields(a.SQL)[0])
					}
				}
				if f := res.InputHelperOf(fn); f != nil {
					facts = append(facts, f.String())
				}
				if f := res.ResponseHelperOf(fn); f != nil {
					facts = append(facts, f.String())
				}
				if len(facts) > 0 {
					pass.Reportf(fd.Name.Pos(), "fact %s", strings.Join(facts, " "))
				}
			}
		}
		return res, nil
	},
}

func TestModel(t *testing.T) {
	dir := testutil.Module(t, "testdata/mod")
	analysistest.Run(t, dir, probe, "./...")
}
