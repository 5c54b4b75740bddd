// Package sqlinjection defines the sqlinjection check: client input built
// into the text of an SQL query.
package sqlinjection

import (
	"golang.org/x/tools/go/analysis"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/taint"
)

const Doc = `sqlinjection: client input built into the text of an SQL query

A query whose text is built from request input (concatenation,
fmt.Sprintf, strings.Builder, a repository helper that does either) lets
the client rewrite it: read other users' rows, change or drop tables,
bypass a login (CWE-89). Values belong in query arguments, bound by the
driver through placeholders (?, $1, @name); identifiers the client picks
(a sort column, a direction) belong in an allowlist.

Sources are the request inputs of the shared HTTP model (path, query,
header, cookie, form and body parameters, bound structs field by field,
gRPC request messages). Sinks are the SQL text parameters of
database/sql (Query, QueryRow, Exec, Prepare and their Context forms, on
DB, Tx and Conn), sqlx (Select, Get, Queryx, QueryRowx, NamedExec,
NamedQuery, MustExec, Preparex…), pgx v4 and v5 (Conn, Tx, pgxpool),
gorm (Raw, Exec, and string arguments of Where, Or, Not, Having, Select,
Joins, Order, Group, Table, gorm.Expr) and bun (Where, ColumnExpr,
OrderExpr, TableExpr, Join, Set, NewRaw…). The flow is followed through
functions of the module, across packages: a helper that builds SQL from
its parameter is reported at the call that passes it input, naming the
helper and where its query is.

Not reported: input passed as a query argument; numbers, booleans, times
and UUIDs (strconv.Atoi's result cannot inject); values quoted by
pq.QuoteIdentifier, pq.QuoteLiteral, pgx.Identifier.Sanitize or a
module function named quote*/escape*/sanitize*; identifiers checked
against an allowlist (a map lookup, a comparison with a constant,
slices.Contains, a switch over constants, an allow- or validate-named
function) anywhere in the function; gorm struct and map conditions.

Limits: flow-insensitive within a function; other packages' globals,
channels and calls through interfaces whose implementation is not
visible are not followed.

Suppress a finding with a reason: //apivet:ignore sqlinjection <reason>.`

// Analyzer is the sqlinjection check's analyzer.
var Analyzer = &analysis.Analyzer{
	Name:     "sqlinjection",
	Doc:      Doc,
	URL:      "https://github.com/apivet/apivet/blob/main/docs/checks.md#sqlinjection",
	Requires: []*analysis.Analyzer{taint.Analyzer},
	Run:      run,
}

// Check is the sqlinjection check's registry entry.
var Check = &check.Check{
	Analyzer:  Analyzer,
	Title:     "Client input built into the text of an SQL query",
	OWASP:     "API8:2023",
	CWE:       []int{89},
	Severity:  check.Error,
	Precision: check.High,
	Since:     "v0.3.0",
	Bad: `sort := r.URL.Query().Get("sort")
rows, err := db.Query("SELECT id, total FROM orders ORDER BY " + sort)`,
	Good: `sort := r.URL.Query().Get("sort")
if !sortable[sort] { // map[string]bool{"total": true, "created_at": true}
	sort = "created_at"
}
rows, err := db.Query("SELECT id, total FROM orders ORDER BY " + sort)`,
}

func run(pass *analysis.Pass) (any, error) {
	taint.Report(pass, taint.SQL, check.Error,
		"%s is built into the SQL text of %s: pass it as a query argument (placeholder) or pick it from an allowlist (CWE-89)",
		"%s reaches the SQL text of %s in %s: pass it as a query argument (placeholder) or pick it from an allowlist (CWE-89)")
	return nil, nil
}
