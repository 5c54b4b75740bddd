package source

import (
	"go/parser"
	"go/token"
	"testing"
)

func TestImport(t *testing.T) {
	cases := []struct {
		src, path, name, insert string // insert: text of the edit, "" for none
	}{
		{"package p\n\nimport (\n\t\"fmt\"\n\tt \"time\"\n)\n", "time", "t", ""},
		{"package p\n\nimport (\n\t\"fmt\"\n)\n", "net/http", "http", "\n\t\"net/http\""},
		{"package p\n\nimport \"fmt\"\n", "time", "time", "\nimport \"time\""},
		{"package p\n\nfunc f() {}\n", "time", "time", "\n\nimport \"time\""},
		{"package p\n\nimport _ \"time\"\n", "time", "time", "\nimport \"time\""}, // a blank import gives no name
	}
	for _, c := range cases {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "p.go", c.src, 0)
		if err != nil {
			t.Fatal(err)
		}
		name, edit := Import(f, c.path)
		got := ""
		if edit != nil {
			got = string(edit.NewText)
		}
		if name != c.name || got != c.insert {
			t.Errorf("Import(%q) in %q = %q, %q; want %q, %q", c.path, c.src, name, got, c.name, c.insert)
		}
	}
	if PathBase("github.com/go-chi/chi/v5") != "v5" || PathBase("main.go") != "main.go" {
		t.Error("PathBase")
	}
}
