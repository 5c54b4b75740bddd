package httpmodel

import (
	"fmt"
	"sort"
	"strings"
)

// Name is how messages name the route: "GET /orders/{id}", "ANY /" for a
// route of every method or an empty path.
func (rt *Route) Name() string {
	m := rt.Method
	if m == "" || m == "*" {
		m = "ANY"
	}
	p := rt.Path
	if p == "" {
		p = "/"
	}
	return m + " " + p
}

// RouteList names the distinct routes of rs, sorted, at most max of them
// followed by how many more there are: "GET /a, PUT /b and 3 more".
func RouteList(rs []*Route, max int) string {
	names := make([]string, 0, len(rs))
	seen := map[string]bool{}
	for _, r := range rs {
		if n := r.Name(); !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	sort.Strings(names)
	if len(names) > max {
		return strings.Join(names[:max], ", ") + fmt.Sprintf(" and %d more", len(names)-max)
	}
	return strings.Join(names, ", ")
}
