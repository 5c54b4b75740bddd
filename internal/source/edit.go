package source

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"
)

// Text is the source text of n, or "" when the file cannot be read.
func Text(pass *analysis.Pass, n ast.Node) string {
	tf := pass.Fset.File(n.Pos())
	if tf == nil {
		return ""
	}
	src, err := pass.ReadFile(tf.Name())
	if err != nil || tf.Offset(n.End()) > len(src) {
		return ""
	}
	return string(src[tf.Offset(n.Pos()):tf.Offset(n.End())])
}

// DeleteElt is the edit that removes the i-th element of a composite
// literal with its comma: the whole line when the element has a line of
// its own, else the element and the separator that joins it to its
// neighbour. It returns nil when the file cannot be read.
func DeleteElt(pass *analysis.Pass, lit *ast.CompositeLit, i int) *analysis.TextEdit {
	elt := lit.Elts[i]
	if e := deleteOwnLines(pass, elt.Pos(), elt.End()); e != nil {
		return e
	}
	switch {
	case i+1 < len(lit.Elts):
		return &analysis.TextEdit{Pos: elt.Pos(), End: lit.Elts[i+1].Pos()}
	case i > 0:
		return &analysis.TextEdit{Pos: lit.Elts[i-1].End(), End: elt.End()}
	default:
		return &analysis.TextEdit{Pos: lit.Lbrace + 1, End: lit.Rbrace}
	}
}

// DeleteStmt is the edit that removes a statement on lines of its own, or
// nil.
func DeleteStmt(pass *analysis.Pass, s ast.Stmt) *analysis.TextEdit {
	return deleteOwnLines(pass, s.Pos(), s.End())
}

// deleteOwnLines deletes the lines from pos to end when nothing but blanks
// precedes pos on its line and nothing but a comma, blanks and a line
// comment follows end.
func deleteOwnLines(pass *analysis.Pass, pos, end token.Pos) *analysis.TextEdit {
	tf := pass.Fset.File(pos)
	if tf == nil {
		return nil
	}
	src, err := pass.ReadFile(tf.Name())
	if err != nil {
		return nil
	}
	start := tf.Offset(tf.LineStart(tf.Line(pos)))
	for _, c := range src[start:tf.Offset(pos)] {
		if c != ' ' && c != '\t' {
			return nil
		}
	}
	after := tf.Offset(end)
	if after < len(src) && src[after] == ',' {
		after++
	}
	for after < len(src) && (src[after] == ' ' || src[after] == '\t' || src[after] == '\r') {
		after++
	}
	if after+1 < len(src) && src[after] == '/' && src[after+1] == '/' {
		for after < len(src) && src[after] != '\n' { // the line's comment goes with it
			after++
		}
	}
	if after < len(src) && src[after] != '\n' {
		return nil
	}
	if after < len(src) {
		after++
	}
	return &analysis.TextEdit{Pos: tf.Pos(start), End: tf.Pos(after)}
}
