// Package binder reads the request for callers in other packages: its
// summaries say what its functions return and write.
package binder

import "net/http"

type Query struct{ Sort, Dir string }

// Bind fills q from the request.
func Bind(r *http.Request, q *Query) {
	q.Sort = r.URL.Query().Get("sort")
	q.Dir = "asc"
}

// Defaults fills q with constants.
func Defaults(q *Query) { q.Sort, q.Dir = "id", "asc" }

// Tail returns the request's path after its prefix.
func Tail(r *http.Request) string { return r.URL.Path[len("/files/"):] }

// Home returns a constant.
func Home(r *http.Request) string { return "/home" }
