package structtype

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

func TestElemNamedStruct(t *testing.T) {
	const src = `package p
type User struct{ ID int }
type Users []User
type ID int
var (
	a *[]*User
	b map[int]User
	c Users
	d [2]*User
	e ID
	f any
	g map[User]int
)`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"a": "User", "b": "User", "c": "User", "d": "User", "e": "", "f": "", "g": ""} {
		got := ""
		if n := Elem(pkg.Scope().Lookup(name).Type()); n != nil {
			got = n.Obj().Name()
		}
		if got != want {
			t.Errorf("%s: got %q, want %q", name, got, want)
		}
	}
}
