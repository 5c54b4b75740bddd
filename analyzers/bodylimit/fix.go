package bodylimit

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/apivet/apivet/internal/httpmodel"
	"github.com/apivet/apivet/internal/source"
)

// fixTemplates are the statements that bound the body at the top of a
// handler, per framework: %[1]s is the net/http package name, %[2]s the
// request (or context) parameter, %[3]s the response writer.
var fixTemplates = map[httpmodel.Framework]string{
	httpmodel.NetHTTP:    "%[2]s.Body = %[1]s.MaxBytesReader(%[3]s, %[2]s.Body, 1<<20)",
	httpmodel.Chi:        "%[2]s.Body = %[1]s.MaxBytesReader(%[3]s, %[2]s.Body, 1<<20)",
	httpmodel.GorillaMux: "%[2]s.Body = %[1]s.MaxBytesReader(%[3]s, %[2]s.Body, 1<<20)",
	httpmodel.HTTPRouter: "%[2]s.Body = %[1]s.MaxBytesReader(%[3]s, %[2]s.Body, 1<<20)",
	httpmodel.Gin:        "%[2]s.Request.Body = %[1]s.MaxBytesReader(%[2]s.Writer, %[2]s.Request.Body, 1<<20)",
	httpmodel.Echo:       "%[2]s.Request().Body = %[1]s.MaxBytesReader(%[2]s.Response(), %[2]s.Request().Body, 1<<20)",
	httpmodel.EchoV5:     "%[2]s.Request().Body = %[1]s.MaxBytesReader(%[2]s.Response(), %[2]s.Request().Body, 1<<20)",
}

// maxBytesFix inserts the framework's http.MaxBytesReader statement
// (fixTemplates) at the top of a handler whose parameters are named,
// importing net/http when the file lacks it.
func (c *checker) maxBytesFix(h *httpmodel.Handler) *analysis.SuggestedFix {
	tmpl, ok := fixTemplates[h.Framework]
	if !ok || h.Request == nil || h.Body == nil || len(h.Body.List) == 0 || h.Request.Name() == "_" {
		return nil
	}
	w := ""
	if strings.Contains(tmpl, "%[3]s") {
		if h.Writer == nil || h.Writer.Name() == "_" {
			return nil
		}
		w = h.Writer.Name()
	}
	file := c.fileOf(h.Body.Pos())
	if file == nil {
		return nil
	}
	first := h.Body.List[0]
	tf := c.pass.Fset.File(first.Pos())
	src, err := c.pass.ReadFile(tf.Name())
	if err != nil {
		return nil
	}
	if tf.Line(first.Pos()) == tf.Line(h.Body.Lbrace) {
		return nil // one-line body
	}
	indent := leadingSpace(src[tf.Offset(tf.LineStart(tf.Line(first.Pos()))):])
	httpName, imp := source.Import(file, "net/http")
	text := fmt.Sprintf(tmpl, httpName, h.Request.Name(), w) + "\n" + indent
	edits := []analysis.TextEdit{{Pos: first.Pos(), End: first.Pos(), NewText: []byte(text)}}
	if imp != nil {
		edits = append([]analysis.TextEdit{*imp}, edits...)
	}
	return &analysis.SuggestedFix{Message: "limit the request body to 1 MiB", TextEdits: edits}
}
