// Package reads has request reads the HTTP model does not list, values
// decoded into out-parameters, globals, helpers that fill a struct, and
// interface calls on a concrete local, each with a clean twin.
package reads

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"unsafe"

	"example.com/sqli/binder"
)

var db *sql.DB

// Form fields indexed by name, after ParseForm, outside any handler.
func byForm(r *http.Request) {
	r.ParseForm()
	db.Query("SELECT * FROM t WHERE a = '" + r.Form["a"][0] + "'") // want `form field "a" is built into the SQL text`
	db.Query("SELECT * FROM t WHERE a = ?", r.Form["a"][0])
}

// The request's path and raw query.
func byPath(r *http.Request) {
	db.Exec("DELETE FROM files WHERE path = '" + r.URL.Path + "'") // want `a path parameter is built into the SQL text`
	db.Exec("DELETE FROM files WHERE path = $1", r.URL.Path)
}

type filter struct {
	Name string
	Age  int
}

// A body read whole, then decoded into a struct.
func byBody(r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	var f filter
	json.Unmarshal(b, &f)
	db.Query("SELECT * FROM people WHERE name = '" + f.Name + "'") // want `the request body is built into the SQL text`
	db.Query(fmt.Sprintf("SELECT * FROM people WHERE age = %d", f.Age))

	var g filter
	json.Unmarshal([]byte(`{"Name":"x"}`), &g)
	db.Query("SELECT * FROM people WHERE name = '" + g.Name + "'")
}

// Numeric verbs print digits whatever they are given.
func byVerb(r *http.Request) {
	id := r.URL.Query().Get("id")
	db.Query(fmt.Sprintf("SELECT * FROM t WHERE id = %x", id))
	db.Query(fmt.Sprintf("SELECT * FROM t WHERE id = '%s'", id)) // want `query parameter "id" is built into the SQL text`
}

// A global set in one handler and read in another function.
var (
	lastFilter string
	tableName  = "people"
)

func setGlobal(w http.ResponseWriter, r *http.Request) {
	lastFilter = r.FormValue("filter")
	runGlobal()
}

func runGlobal() {
	db.Query("SELECT * FROM " + tableName + " WHERE " + lastFilter) // want `form field "filter" is built into the SQL text`
	db.Query("SELECT * FROM " + tableName)
}

// A helper that fills a struct through a pointer parameter.
type query struct{ Where string }

func fill(q *query, r *http.Request) { q.Where = r.FormValue("where") }

func fillConst(q *query) { q.Where = "deleted = false" }

func byFill(r *http.Request) {
	q := &query{}
	fill(q, r)
	db.Query("SELECT * FROM t WHERE " + q.Where) // want `form field "where" \(written by fill\) is built into the SQL text`
	c := &query{}
	fillConst(c)
	db.Query("SELECT * FROM t WHERE " + c.Where)
}

// An interface method called on a local of one concrete type.
type runner interface{ Run(q string) }

type sqlRunner struct{}

func (sqlRunner) Run(q string) { db.Exec(q) }

func byInterface(r *http.Request) {
	var x runner = sqlRunner{}
	x.Run("DELETE FROM t WHERE id = " + r.FormValue("id")) // want `form field "id" reaches the SQL text of \(\*sql.DB\).Exec in`
	x.Run("DELETE FROM t WHERE id = 1")
}

// A "sanitizer" that only trims is none; one that escapes quotes is.
func sanitizeName(s string) string { return strings.TrimSpace(s) }

func escapeName(s string) string { return strings.ReplaceAll(s, "'", "''") }

func bySanitizer(r *http.Request) {
	n := r.FormValue("name")
	db.Query("SELECT * FROM t WHERE name = '" + sanitizeName(n) + "'") // want `form field "name" is built into the SQL text`
	db.Query("SELECT * FROM t WHERE name = '" + escapeName(n) + "'")
}

// The address of a slice's first element reaches the whole slice.
func byUnsafe(r *http.Request) {
	b := []byte(r.FormValue("raw"))
	s := *(*string)(unsafe.Pointer(&b[0]))
	db.Query("SELECT * FROM t WHERE raw = '" + s + "'") // want `form field "raw" is built into the SQL text`
	n := len(b)
	db.Query(fmt.Sprint("SELECT * FROM t LIMIT ", n))
}

// Another package's helpers: what they write into q and return.
func byBinder(r *http.Request) {
	var q binder.Query
	binder.Bind(r, &q)
	db.Query("SELECT * FROM t ORDER BY " + q.Sort) // want `query parameter "sort" \(written by Bind\) is built into the SQL text`
	var d binder.Query
	binder.Defaults(&d)
	db.Query("SELECT * FROM t ORDER BY " + d.Sort)
	db.Query("SELECT * FROM files WHERE name = '" + binder.Tail(r) + "'") // want `a path parameter \(returned by Tail\) is built into the SQL text`
	db.Query("SELECT * FROM files WHERE name = '" + binder.Home(r) + "'")
}
