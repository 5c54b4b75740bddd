package persist_test

import (
	"go/ast"
	"reflect"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apivet/apivet/internal/persist"
	"github.com/apivet/apivet/internal/testutil"
)

// probe reports, in package api, which composite literals are models.
var probe = &analysis.Analyzer{
	Name:     "probe",
	Doc:      "report persistence models seen by persist",
	Requires: []*analysis.Analyzer{persist.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		if pass.Pkg.Name() != "api" {
			return nil, nil
		}
		res := pass.ResultOf[persist.Analyzer].(*persist.Result)
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				lit, ok := n.(*ast.CompositeLit)
				if !ok {
					return true
				}
				t := pass.TypesInfo.TypeOf(lit)
				if _, why, ok := res.Model(t); ok {
					pass.Reportf(lit.Pos(), "model: %s", why)
				} else if _, why, ok := res.ElemModel(t); ok {
					pass.Reportf(lit.Pos(), "elem model: %s", why)
				}
				return true
			})
		}
		return nil, nil
	},
}

func TestModels(t *testing.T) {
	dir := testutil.Module(t, "testdata/models")
	analysistest.Run(t, dir, persist.Analyzer, "./repo")
	analysistest.Run(t, dir, probe, "./api")
}

// TestRows: a read makes a model of a row type, not of a projection.
func TestRows(t *testing.T) {
	dir := testutil.Module(t, "testdata/models")
	analysistest.Run(t, dir, persist.Analyzer, "./rows")
}

func TestWriterOps(t *testing.T) {
	dir := testutil.Module(t, "testdata/models")
	results := analysistest.Run(t, dir, persist.Analyzer, "./repo")
	for _, r := range results {
		res := r.Result.(*persist.Result)
		var got []string
		for _, op := range res.Ops {
			got = append(got, op.Kind.String()+" "+op.Func)
		}
		want := []string{"read (*gorm.DB).First", "read (*sqlx.DB).GetContext", "read (*sql.Row).Scan",
			"read (*sql.Row).Scan", "write (*gorm.DB).Save", "write SaveInvoice"}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("ops:\n got %q\nwant %q", got, want)
		}
	}
}

// TestStamps: hook methods and callbacks that set columns server-side,
// and the callbacks a package registers on the create and update chains.
func TestStamps(t *testing.T) {
	dir := testutil.Module(t, "testdata/models")
	analysistest.Run(t, dir, persist.Analyzer, "./hooks")
}
