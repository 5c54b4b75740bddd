// Package source holds small helpers the checks share for talking about
// and editing source: short positions for messages, the name a file
// imports a package under, and the edit that adds an import for a
// suggested fix.
package source

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"iter"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// PathBase returns the last element of a slash-separated path (an import
// path or a file name).
func PathBase(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[i+1:]
	}
	return p
}

// ShortPos formats pos as file.go:line, for messages that point at a
// second place.
func ShortPos(fset *token.FileSet, pos token.Pos) string {
	p := fset.Position(pos)
	return fmt.Sprintf("%s:%d", PathBase(p.Filename), p.Line)
}

// ImportName returns the name file imports path under, or "" if it does
// not import it (or only for side effects or with a dot).
func ImportName(file *ast.File, path string) string {
	for _, imp := range file.Imports {
		p, err := strconv.Unquote(imp.Path.Value)
		if err != nil || p != path {
			continue
		}
		if imp.Name != nil {
			if imp.Name.Name == "_" || imp.Name.Name == "." {
				return ""
			}
			return imp.Name.Name
		}
		return PathBase(path)
	}
	return ""
}

// Imports reports whether pkg (nil: no package) imports path directly.
func Imports(pkg *types.Package, path string) bool {
	if pkg == nil {
		return false
	}
	for _, imp := range pkg.Imports() {
		if imp.Path() == path {
			return true
		}
	}
	return false
}

// Import returns the name under which file can refer to path, and the
// edit that adds the import when file does not have it yet (nil if it
// does): into the first import block, after a single import, or after the
// package clause.
func Import(file *ast.File, path string) (string, *analysis.TextEdit) {
	if name := ImportName(file, path); name != "" {
		return name, nil
	}
	name, quoted := PathBase(path), strconv.Quote(path)
	for _, decl := range file.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		if gd.Lparen.IsValid() {
			return name, &analysis.TextEdit{Pos: gd.Lparen + 1, End: gd.Lparen + 1, NewText: []byte("\n\t" + quoted)}
		}
		return name, &analysis.TextEdit{Pos: gd.End(), End: gd.End(), NewText: []byte("\nimport " + quoted)}
	}
	return name, &analysis.TextEdit{Pos: file.Name.End(), End: file.Name.End(), NewText: []byte("\n\nimport " + quoted)}
}

// Funcs yields the function declarations with a body in files, with their
// *types.Func, in source order.
func Funcs(files []*ast.File, info *types.Info) iter.Seq2[*ast.FuncDecl, *types.Func] {
	return func(yield func(*ast.FuncDecl, *types.Func) bool) {
		for _, f := range files {
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || fd.Body == nil {
					continue
				}
				fn, ok := info.Defs[fd.Name].(*types.Func)
				if !ok {
					continue
				}
				if !yield(fd, fn) {
					return
				}
			}
		}
	}
}
