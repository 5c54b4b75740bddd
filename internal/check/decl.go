package check

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// A directive on its own line directly above a declaration covers the
// whole declaration, as golangci-lint's nolint does:
//
//   - //nolint:apivet covers the outermost node that starts on the next
//     line at the directive's column, whatever it is (golangci-lint's
//     rule, so that both tools suppress the same findings), function
//     literals inside included.
//   - //apivet:ignore check reason covers a declaration starting on the
//     next line — a func, a type, var or const declaration (a block
//     too), one spec of a block, a struct field or interface method —
//     except the bodies of the HTTP handler function literals inside it
//     (a parameter of net/http's, gin's, echo's or fiber's request types): a route registered
//     inline in a function is its own endpoint, judged on its own. Above
//     anything else it covers the next line.

// coverNextNode extends a nolint directive on its own line to the node
// starting on the next line at its column.
func (d *directive) coverNextNode(tf *token.File, file *ast.File, pos token.Pos) {
	col := tf.Position(pos).Column
	next := d.line + 1
	ast.Inspect(file, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		if _, isComment := n.(*ast.CommentGroup); isComment {
			return false
		}
		if tf.Line(n.End()) < next || tf.Line(n.Pos()) > next {
			return false
		}
		if p := tf.Position(n.Pos()); p.Line == next && p.Column == col {
			if l := tf.Line(n.End()); l > d.endLine {
				d.endLine, d.decl = l, true
			}
		}
		return true
	})
}

// coverDecl extends an //apivet:ignore directive on its own line to the
// declaration starting on the next line, handler literals excepted.
func (d *directive) coverDecl(pass *analysis.Pass, tf *token.File, file *ast.File) {
	next := d.line + 1
	var decl ast.Node
	ast.Inspect(file, func(n ast.Node) bool {
		if n == nil || decl != nil {
			return false
		}
		if tf.Line(n.End()) < next || tf.Line(n.Pos()) > next {
			return false
		}
		if tf.Line(n.Pos()) == next && isDecl(n) {
			decl = n
			return false
		}
		return true
	})
	if decl == nil {
		return
	}
	d.decl = true
	d.endLine = tf.Line(decl.End())
	ast.Inspect(decl, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok && isHandlerFunc(pass.TypesInfo.TypeOf(lit)) {
			if from, to := tf.Line(lit.Body.Lbrace)+1, tf.Line(lit.Body.Rbrace); from <= to {
				d.except = append(d.except, [2]int{from, to})
			}
			return false
		}
		return true
	})
}

func isDecl(n ast.Node) bool {
	switch n.(type) {
	case *ast.FuncDecl, *ast.GenDecl, *ast.TypeSpec, *ast.ValueSpec, *ast.Field:
		return true
	}
	return false
}

func (d *directive) excepts(line int) bool {
	for _, r := range d.except {
		if r[0] <= line && line <= r[1] {
			return true
		}
	}
	return false
}

// handlerParams are the parameter types that make a function an HTTP
// handler: net/http's (chi and gorilla/mux use them), gin's, echo v4's and
// fiber v2's request and context (read from their sources).
var handlerParams = map[string]bool{
	"net/http.ResponseWriter":             true,
	"*net/http.Request":                   true,
	"*github.com/gin-gonic/gin.Context":   true,
	"github.com/labstack/echo/v4.Context": true,
	"*github.com/gofiber/fiber/v2.Ctx":    true,
}

func isHandlerFunc(t types.Type) bool {
	sig, ok := t.(*types.Signature)
	if !ok {
		return false
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if handlerParams[types.TypeString(sig.Params().At(i).Type(), nil)] {
			return true
		}
	}
	return false
}
