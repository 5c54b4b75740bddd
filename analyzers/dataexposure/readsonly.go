package dataexposure

import (
	"fmt"
	"go/ast"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/apivet/apivet/internal/httpmodel"
	"github.com/apivet/apivet/internal/persist"
	"github.com/apivet/apivet/internal/source"
	"github.com/apivet/apivet/internal/structtype"
)

// readsOnlyFact marks a response helper that uses its model parameter
// only to read some of its fields: whatever it sends, it cannot send the
// others (setupLogin(u, c) { clean := User{ID: u.ID, Name: u.Name};
// c.JSON(200, clean) }).
type readsOnlyFact struct {
	Param  int
	Fields []string
}

func (*readsOnlyFact) AFact() {}
func (f *readsOnlyFact) String() string {
	return fmt.Sprintf("reads only %d:%s", f.Param, strings.Join(f.Fields, ","))
}

// exportReadsOnly computes readsOnlyFacts for the functions of the
// package that take a request, a response writer or a framework context
// and a model.
func exportReadsOnly(pass *analysis.Pass, pm *persist.Result) {
	for fd, fn := range source.Funcs(pass.Files, pass.TypesInfo) {
		sig := fn.Signature()
		helper, param := false, -1
		for i := 0; i < sig.Params().Len(); i++ {
			helper = helper || requestParam(sig.Params().At(i).Type())
		}
		if !helper {
			continue // asking which parameters are models is the costly part
		}
		for i := 0; i < sig.Params().Len() && param < 0; i++ {
			t := sig.Params().At(i).Type()
			if n := structtype.Elem(t); n != nil && !requestParam(t) && pm.IsModel(n) {
				param = i
			}
		}
		if param < 0 {
			continue
		}
		if fields, ok := fieldReadsOnly(pass.TypesInfo, fd.Body, sig.Params().At(param)); ok {
			pass.ExportObjectFact(fn, &readsOnlyFact{Param: param, Fields: fields})
		}
	}
}

// requestTypes are the types through which a helper writes a response:
// net/http, gin, echo, fiber (as in the shared HTTP model's handler
// parameters).
var requestTypes = map[string]bool{
	"net/http.ResponseWriter": true, "net/http.Request": true,
	"github.com/gin-gonic/gin.Context":    true,
	"github.com/labstack/echo/v4.Context": true, "github.com/labstack/echo/v5.Context": true,
	"github.com/gofiber/fiber/v2.Ctx": true, "github.com/gofiber/fiber/v3.Ctx": true,
}

func requestParam(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && requestTypes[n.Obj().Pkg().Path()+"."+n.Obj().Name()]
}

// fieldReadsOnly: every use of p in body is a field read p.F (or p[i].F
// for a slice); it returns the fields read.
func fieldReadsOnly(info *types.Info, body *ast.BlockStmt, p *types.Var) ([]string, bool) {
	fields := map[string]bool{}
	ok := true
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		id, isID := n.(*ast.Ident)
		if !isID || info.Uses[id] != p {
			return ok
		}
		// Climb through indexing to the selector.
		var child ast.Node = id
		for i := len(stack) - 2; i >= 0; i-- {
			switch parent := stack[i].(type) {
			case *ast.ParenExpr, *ast.StarExpr:
				child = parent
				continue
			case *ast.IndexExpr:
				if parent.X == child {
					child = parent
					continue
				}
			case *ast.SelectorExpr:
				if parent.X == child {
					if sel, isSel := info.Selections[parent]; isSel && sel.Kind() == types.FieldVal && !assignedTo(stack[:i], parent) {
						fields[parent.Sel.Name] = true
						return ok
					}
				}
			}
			break
		}
		ok = false
		return false
	})
	if !ok {
		return nil, false
	}
	var out []string
	for f := range fields {
		out = append(out, f)
	}
	sort.Strings(out)
	return out, true
}

// assignedTo: sel is the left side of an assignment (u.Password = x
// changes what the caller's value holds: not a read).
func assignedTo(stack []ast.Node, sel *ast.SelectorExpr) bool {
	if len(stack) == 0 {
		return false
	}
	as, ok := stack[len(stack)-1].(*ast.AssignStmt)
	if !ok {
		return false
	}
	for _, l := range as.Lhs {
		if l == ast.Expr(sel) {
			return true
		}
	}
	return false
}

// readsOnly returns the fields a response helper call can send of its
// value argument, or nil when it may send any.
func readsOnly(pass *analysis.Pass, r *httpmodel.Response) map[string]bool {
	if r.Func == nil || r.Call == nil || r.Value == nil {
		return nil
	}
	var f readsOnlyFact
	if !pass.ImportObjectFact(r.Func, &f) || f.Param >= len(r.Call.Args) || r.Call.Args[f.Param] != r.Value {
		return nil
	}
	out := map[string]bool{}
	for _, name := range f.Fields {
		out[name] = true
	}
	return out
}
