package source

import (
	"go/ast"
	"sync"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// A Walker runs ast.Inspect-like walks of one package's files,
// declarations and function bodies on the package's inspector, which
// skips the subtrees holding none of the node types a walk looks at and
// makes no interface calls. Make one per pass; once made it may be used
// concurrently (checks sharing an analyzer's result run in parallel).
type Walker struct {
	ins     *inspector.Inspector
	once    sync.Once
	cursors map[ast.Node]inspector.Cursor
}

// NewWalker returns a Walker over ins, the inspector of the package's
// files (nil: every walk is a plain ast.Inspect).
func NewWalker(ins *inspector.Inspector) *Walker { return &Walker{ins: ins} }

// Cursor returns the cursor of n when n is a file, a declaration, a
// function literal or a function's body of the package.
func (w *Walker) Cursor(n ast.Node) (inspector.Cursor, bool) {
	if w == nil || w.ins == nil {
		return inspector.Cursor{}, false
	}
	w.once.Do(w.index)
	cur, ok := w.cursors[n]
	return cur, ok
}

func (w *Walker) index() {
	w.cursors = map[ast.Node]inspector.Cursor{}
	for cur := range w.ins.Root().Children() {
		w.cursors[cur.Node()] = cur // the files
	}
	for cur := range w.ins.Root().Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil), (*ast.GenDecl)(nil)) {
		w.cursors[cur.Node()] = cur
		switch n := cur.Node().(type) {
		case *ast.FuncDecl:
			if n.Body != nil {
				w.cursors[n.Body] = cur.ChildAt(edge.FuncDecl_Body, -1)
			}
		case *ast.FuncLit:
			w.cursors[n.Body] = cur.ChildAt(edge.FuncLit_Body, -1)
		}
	}
}

// Inspect is ast.Inspect(n, f) for a visitor f that only looks at nodes
// of the given types (it returns true for any other node, and for nil):
// the same nodes in the same order, on the inspector when n is one of the
// nodes it indexes.
func (w *Walker) Inspect(n ast.Node, types []ast.Node, f func(ast.Node) bool) {
	if cur, ok := w.Cursor(n); ok {
		cur.Inspect(types, func(c inspector.Cursor) bool { return f(c.Node()) })
		return
	}
	ast.Inspect(n, f)
}
