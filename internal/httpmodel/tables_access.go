package httpmodel

// Library tables of data access: gorm, database/sql, pgx, bun, sqlx,
// mongo-driver calls, and the SQL verb of constant query text.

import (
	"strings"
)

// ---- data access ----

type accessRow struct {
	k    key
	lib  string
	kind AccessKind
	// dest is the read destination argument, -1 if none.
	dest int
	// sql is the SQL text argument, -1 if none.
	sql int
	// args is the first selector argument (variadic rest), -1 if none.
	args int
	// bySQL: the kind follows the SQL verb when the text is constant.
	bySQL bool
}

var accessRows = []accessRow{
	// gorm *DB finishers (finisher_api.go)
	{key{pkgGorm, "DB", "First"}, "gorm", Read, 0, -1, 1, false},
	{key{pkgGorm, "DB", "Take"}, "gorm", Read, 0, -1, 1, false},
	{key{pkgGorm, "DB", "Last"}, "gorm", Read, 0, -1, 1, false},
	{key{pkgGorm, "DB", "Find"}, "gorm", Read, 0, -1, 1, false},
	{key{pkgGorm, "DB", "FirstOrInit"}, "gorm", Read, 0, -1, 1, false},
	{key{pkgGorm, "DB", "FirstOrCreate"}, "gorm", Write, 0, -1, 1, false},
	{key{pkgGorm, "DB", "FindInBatches"}, "gorm", Read, 0, -1, -1, false},
	{key{pkgGorm, "DB", "Scan"}, "gorm", Read, 0, -1, -1, false},
	{key{pkgGorm, "DB", "Pluck"}, "gorm", Read, 1, -1, -1, false},
	{key{pkgGorm, "DB", "Count"}, "gorm", Read, -1, -1, -1, false},
	{key{pkgGorm, "DB", "Row"}, "gorm", Read, -1, -1, -1, false},
	{key{pkgGorm, "DB", "Rows"}, "gorm", Read, -1, -1, -1, false},
	{key{pkgGorm, "DB", "Create"}, "gorm", Write, -1, -1, -1, false},
	{key{pkgGorm, "DB", "CreateInBatches"}, "gorm", Write, -1, -1, -1, false},
	{key{pkgGorm, "DB", "Save"}, "gorm", Write, -1, -1, 0, false},
	{key{pkgGorm, "DB", "Update"}, "gorm", Write, -1, -1, -1, false},
	{key{pkgGorm, "DB", "Updates"}, "gorm", Write, -1, -1, -1, false},
	{key{pkgGorm, "DB", "UpdateColumn"}, "gorm", Write, -1, -1, -1, false},
	{key{pkgGorm, "DB", "UpdateColumns"}, "gorm", Write, -1, -1, -1, false},
	{key{pkgGorm, "DB", "Delete"}, "gorm", Delete, -1, -1, 1, false},
	{key{pkgGorm, "DB", "Exec"}, "gorm", Write, -1, 0, 1, true},
	// gorm generics API (generics.go): the chain interfaces' finishers;
	// the read result is the return value.
	{key{pkgGorm, "ChainInterface", "First"}, "gorm", Read, -1, -1, -1, false},
	{key{pkgGorm, "ChainInterface", "Last"}, "gorm", Read, -1, -1, -1, false},
	{key{pkgGorm, "ChainInterface", "Take"}, "gorm", Read, -1, -1, -1, false},
	{key{pkgGorm, "ChainInterface", "Find"}, "gorm", Read, -1, -1, -1, false},
	{key{pkgGorm, "ChainInterface", "Scan"}, "gorm", Read, 1, -1, -1, false},
	{key{pkgGorm, "ChainInterface", "Count"}, "gorm", Read, -1, -1, -1, false},
	{key{pkgGorm, "ChainInterface", "Delete"}, "gorm", Delete, -1, -1, -1, false},
	{key{pkgGorm, "ChainInterface", "Update"}, "gorm", Write, -1, -1, -1, false},
	{key{pkgGorm, "ChainInterface", "Updates"}, "gorm", Write, -1, -1, -1, false},
	{key{pkgGorm, "ExecInterface", "First"}, "gorm", Read, -1, -1, -1, false},
	{key{pkgGorm, "ExecInterface", "Last"}, "gorm", Read, -1, -1, -1, false},
	{key{pkgGorm, "ExecInterface", "Take"}, "gorm", Read, -1, -1, -1, false},
	{key{pkgGorm, "ExecInterface", "Find"}, "gorm", Read, -1, -1, -1, false},
	{key{pkgGorm, "ExecInterface", "Scan"}, "gorm", Read, 1, -1, -1, false},
	{key{pkgGorm, "Interface", "Exec"}, "gorm", Write, -1, 1, 2, true},
	{key{pkgGorm, "Interface", "Create"}, "gorm", Write, -1, -1, -1, false},
	{key{pkgGorm, "CreateInterface", "Create"}, "gorm", Write, -1, -1, -1, false},
	{key{pkgGorm, "CreateInterface", "Delete"}, "gorm", Delete, -1, -1, -1, false},
	{key{pkgGorm, "CreateInterface", "Update"}, "gorm", Write, -1, -1, -1, false},
	{key{pkgGorm, "CreateInterface", "Updates"}, "gorm", Write, -1, -1, -1, false},
	{key{pkgGorm, "CreateInterface", "First"}, "gorm", Read, -1, -1, -1, false},
	{key{pkgGorm, "CreateInterface", "Find"}, "gorm", Read, -1, -1, -1, false},
	{key{pkgGorm, "CreateInterface", "Take"}, "gorm", Read, -1, -1, -1, false},
	{key{pkgGorm, "CreateInterface", "Last"}, "gorm", Read, -1, -1, -1, false},
}

// gormCondMethods are *gorm.DB chain methods whose arguments select rows
// (value: index of the first selector arg when arg 0 is a constant
// query string).
var gormCondMethods = map[string]bool{
	"Where": true, "Not": true, "Or": true, "Joins": true, "InnerJoins": true, "WhereOr": true, // WhereOr: bun
	"Raw": true, "Having": true, "Model": false,
}

// initAccessRows adds the generated rows of accessRows (moved out of
// init, which calls it right after initRouterRows).
func initAccessRows() {
	// database/sql: *DB, *Tx, *Conn share Query/QueryRow/Exec (+Context);
	// *Stmt has them without the SQL argument.
	for _, recv := range []string{"DB", "Tx", "Conn"} {
		for _, m := range []struct {
			name       string
			ctx        bool
			kind       AccessKind
			hasContext bool
		}{{"Query", false, Read, false}, {"QueryRow", false, Read, false}, {"Exec", false, Write, false}} {
			if recv != "Conn" {
				accessRows = append(accessRows, accessRow{key{pkgSQL, recv, m.name}, "database/sql", m.kind, -1, 0, 1, true})
			}
			accessRows = append(accessRows, accessRow{key{pkgSQL, recv, m.name + "Context"}, "database/sql", m.kind, -1, 1, 2, true})
		}
	}
	for _, m := range []struct {
		name string
		kind AccessKind
	}{{"Query", Read}, {"QueryRow", Read}, {"Exec", Write}} {
		accessRows = append(accessRows,
			accessRow{key{pkgSQL, "Stmt", m.name}, "database/sql", m.kind, -1, -1, 0, false},
			accessRow{key{pkgSQL, "Stmt", m.name + "Context"}, "database/sql", m.kind, -1, -1, 1, false})
	}
	// pgx v5 (conn.go, tx.go: the Tx interface; pgxpool pool.go, conn.go,
	// tx.go) and v4: Query/QueryRow/Exec(ctx, sql, args...) on *Conn,
	// Tx, *pgxpool.Pool, *pgxpool.Conn, *pgxpool.Tx.
	for _, rk := range []struct{ pkg, recv string }{
		{pkgPgx, "Conn"}, {pkgPgx, "Tx"}, {pkgPgxPool, "Pool"}, {pkgPgxPool, "Conn"}, {pkgPgxPool, "Tx"},
		{pkgPgx4, "Conn"}, {pkgPgx4, "Tx"}, {pkgPgx4Pool, "Pool"}, {pkgPgx4Pool, "Conn"}, {pkgPgx4Pool, "Tx"},
	} {
		accessRows = append(accessRows,
			accessRow{key{rk.pkg, rk.recv, "Query"}, "pgx", Read, -1, 1, 2, true},
			accessRow{key{rk.pkg, rk.recv, "QueryRow"}, "pgx", Read, -1, 1, 2, true},
			accessRow{key{rk.pkg, rk.recv, "Exec"}, "pgx", Write, -1, 1, 2, true})
	}
	// bun v1 (query_select.go, query_update.go, query_delete.go,
	// query_insert.go): the finishers of the query builders; the model,
	// its destination and the conditions are in the receiver chain
	// (NewSelect().Model(&o).Where("id = ?", id).Scan(ctx)).
	for _, q := range []struct {
		recv    string
		kind    AccessKind
		methods []string
	}{
		{"SelectQuery", Read, []string{"Scan", "Exec", "Count", "ScanAndCount", "Exists"}},
		{"UpdateQuery", Write, []string{"Scan", "Exec"}},
		{"DeleteQuery", Delete, []string{"Scan", "Exec"}},
		{"InsertQuery", Write, []string{"Scan", "Exec"}},
	} {
		for _, name := range q.methods {
			accessRows = append(accessRows, accessRow{key{pkgBun, q.recv, name}, "bun", q.kind, -1, -1, -1, false})
		}
	}
	// sqlx (sqlx.go, sqlx_context.go, named.go): *DB and *Tx.
	for _, recv := range []string{"DB", "Tx"} {
		accessRows = append(accessRows,
			accessRow{key{pkgSqlx, recv, "Get"}, "sqlx", Read, 0, 1, 2, true},
			accessRow{key{pkgSqlx, recv, "Select"}, "sqlx", Read, 0, 1, 2, true},
			accessRow{key{pkgSqlx, recv, "GetContext"}, "sqlx", Read, 1, 2, 3, true},
			accessRow{key{pkgSqlx, recv, "SelectContext"}, "sqlx", Read, 1, 2, 3, true},
			accessRow{key{pkgSqlx, recv, "Queryx"}, "sqlx", Read, -1, 0, 1, true},
			accessRow{key{pkgSqlx, recv, "QueryRowx"}, "sqlx", Read, -1, 0, 1, true},
			accessRow{key{pkgSqlx, recv, "QueryxContext"}, "sqlx", Read, -1, 1, 2, true},
			accessRow{key{pkgSqlx, recv, "QueryRowxContext"}, "sqlx", Read, -1, 1, 2, true},
			accessRow{key{pkgSqlx, recv, "MustExec"}, "sqlx", Write, -1, 0, 1, true},
			accessRow{key{pkgSqlx, recv, "MustExecContext"}, "sqlx", Write, -1, 1, 2, true},
			accessRow{key{pkgSqlx, recv, "NamedExec"}, "sqlx", Write, -1, 0, 1, true},
			accessRow{key{pkgSqlx, recv, "NamedExecContext"}, "sqlx", Write, -1, 1, 2, true},
			accessRow{key{pkgSqlx, recv, "NamedQuery"}, "sqlx", Read, -1, 0, 1, true},
		)
	}
	accessRows = append(accessRows,
		accessRow{key{pkgSqlx, "DB", "NamedQueryContext"}, "sqlx", Read, -1, 1, 2, true},
		accessRow{key{pkgSqlx, "", "Get"}, "sqlx", Read, 1, 2, 3, true},
		accessRow{key{pkgSqlx, "", "Select"}, "sqlx", Read, 1, 2, 3, true},
		accessRow{key{pkgSqlx, "", "GetContext"}, "sqlx", Read, 2, 3, 4, true},
		accessRow{key{pkgSqlx, "", "SelectContext"}, "sqlx", Read, 2, 3, 4, true},
		accessRow{key{pkgSqlx, "", "NamedExec"}, "sqlx", Write, -1, 1, 2, true},
		accessRow{key{pkgSqlx, "", "NamedExecContext"}, "sqlx", Write, -1, 2, 3, true},
	)

	// gorm v1 (github.com/jinzhu/gorm v1.9.16 main.go): the finishers
	// gorm.io/gorm has, with the same parameters, except the batch ones.
	for _, r := range accessRows {
		if r.k.pkg == pkgGorm && r.k.recv == "DB" && r.k.name != "FindInBatches" && r.k.name != "CreateInBatches" {
			r.k.pkg = pkgGormV1
			accessRows = append(accessRows, r)
		}
	}
	accessRows = append(accessRows, accessRow{key{pkgGormV1, "DB", "Related"}, "gorm", Read, 0, -1, -1, false})
	// mongo-driver (v1.17.2, v2.5.0 collection.go): the filter (arg 1)
	// selects the documents; the update/replacement does not.
	for _, p := range []string{pkgMongo, pkgMongo2} {
		for _, m := range []struct {
			name string
			kind AccessKind
			sel  bool
		}{
			{"Find", Read, true}, {"FindOne", Read, true}, {"CountDocuments", Read, true}, {"Distinct", Read, false},
			{"FindOneAndDelete", Delete, true}, {"FindOneAndUpdate", Write, true}, {"FindOneAndReplace", Write, true},
			{"UpdateOne", Write, true}, {"UpdateMany", Write, true}, {"UpdateByID", Write, true}, {"ReplaceOne", Write, true},
			{"DeleteOne", Delete, true}, {"DeleteMany", Delete, true}, {"InsertOne", Write, false}, {"InsertMany", Write, false},
		} {
			k := key{p, "Collection", m.name}
			if m.sel {
				accessRows = append(accessRows, accessRow{k, "mongo", m.kind, -1, -1, 1, false})
				accessSelectorCount[k] = 1
			} else {
				accessRows = append(accessRows, accessRow{k, "mongo", m.kind, -1, -1, -1, false})
			}
		}
	}
}

// sqlKind returns the access kind of constant SQL text, or "" if unknown.
func sqlKind(sql string) AccessKind {
	s := strings.ToUpper(strings.TrimSpace(sql))
	for strings.HasPrefix(s, "WITH ") || strings.HasPrefix(s, "(") {
		// CTE: find the main statement verb.
		for _, v := range []string{"DELETE ", "UPDATE ", "INSERT "} {
			if strings.Contains(s, v) {
				return verbKind(v)
			}
		}
		return Read
	}
	for _, v := range []string{"SELECT", "DELETE", "UPDATE", "INSERT", "UPSERT", "REPLACE", "MERGE"} {
		if strings.HasPrefix(s, v) {
			return verbKind(v)
		}
	}
	return ""
}

func verbKind(v string) AccessKind {
	switch strings.TrimSpace(v) {
	case "SELECT":
		return Read
	case "DELETE":
		return Delete
	}
	return Write
}
