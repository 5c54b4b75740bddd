package bodylimit

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// importsAny reports whether pkg imports one of paths directly.
func importsAny(pkg *types.Package, paths ...string) bool {
	for _, imp := range pkg.Imports() {
		for _, p := range paths {
			if imp.Path() == p {
				return true
			}
		}
	}
	return false
}

// fiberConfigs reports fiber.Config literals whose BodyLimit is huge.
func (c *checker) fiberConfigs() {
	info := c.pass.TypesInfo
	if !importsAny(c.pass.Pkg, "github.com/gofiber/fiber/v2", "github.com/gofiber/fiber/v3") {
		return // a fiber.Config literal needs the import
	}
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			t, ok := types.Unalias(info.TypeOf(lit)).(*types.Named)
			if !ok || t.Obj().Name() != "Config" || t.Obj().Pkg() == nil {
				return true
			}
			if p := t.Obj().Pkg().Path(); p != "github.com/gofiber/fiber/v2" && p != "github.com/gofiber/fiber/v3" {
				return true
			}
			for _, elt := range lit.Elts {
				kv, ok := elt.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				if id, ok := kv.Key.(*ast.Ident); !ok || id.Name != "BodyLimit" {
					continue
				}
				tv := info.Types[kv.Value]
				if tv.Value == nil || tv.Value.Kind() != constant.Int {
					continue
				}
				v, exact := constant.Int64Val(tv.Value)
				if !exact || v <= settings.MaxBytes {
					continue
				}
				c.pass.Report(analysis.Diagnostic{
					Pos: kv.Pos(), End: kv.End(),
					Message: fmt.Sprintf("fiber BodyLimit of %s: fiber buffers every request body up to this size in memory, so a few concurrent uploads can exhaust it; keep the default 4 MiB or a few MiB, and stream large uploads (Config.StreamRequestBody) with their own limit",
						humanBytes(v)),
				})
			}
			return true
		})
	}
}

func humanBytes(v int64) string {
	switch {
	case v >= 1<<30 && v%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", v>>30)
	case v >= 1<<20 && v%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", v>>20)
	}
	return fmt.Sprintf("%d bytes", v)
}
