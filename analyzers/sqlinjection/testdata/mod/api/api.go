package api

import (
	"database/sql"
	"fmt"
	"net/http"
	"strconv"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/lib/pq"
	"github.com/uptrace/bun"
	"gorm.io/gorm"

	"example.com/sqli/store"
)

type API struct {
	db   *sql.DB
	gdb  *gorm.DB
	pool *pgxpool.Pool
	bdb  *bun.DB
	st   *store.Store
}

func (a *API) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /orders", a.list)
	mux.HandleFunc("GET /orders/search", a.search)
	mux.HandleFunc("GET /orders/{id}", a.get)
	mux.HandleFunc("GET /gorm", a.gormList)
	mux.HandleFunc("GET /pgx", a.pgxList)
	mux.HandleFunc("GET /bun", a.bunList)
	mux.HandleFunc("DELETE /orders", a.deleteBy)
	mux.HandleFunc("GET /query", a.query)
}

func (a *API) list(w http.ResponseWriter, r *http.Request) {
	sort := r.URL.Query().Get("sort")
	rows, err := a.db.Query("SELECT id, total FROM orders ORDER BY " + sort) // want `query parameter "sort" is built into the SQL text of \(\*sql.DB\).Query`
	if err == nil {
		rows.Close()
	}
	// An allowlisted direction is fine.
	dir := r.URL.Query().Get("dir")
	switch dir {
	case "asc", "desc":
	default:
		dir = "asc"
	}
	rows, err = a.db.Query("SELECT id FROM orders ORDER BY id " + dir)
	if err == nil {
		rows.Close()
	}
	// Quoted identifiers are fine.
	col := r.URL.Query().Get("col")
	rows, err = a.db.Query("SELECT " + pq.QuoteIdentifier(col) + " FROM orders")
	if err == nil {
		rows.Close()
	}
}

func (a *API) search(w http.ResponseWriter, r *http.Request) {
	q := r.FormValue("q")
	rows, err := a.st.Search(r.Context(), q) // want `form field "q" reaches the SQL text of \(\*sql.DB\).QueryContext in \(\*store.Store\).Search \(store.go:\d+\)`
	if err == nil {
		rows.Close()
	}
	rows, err = a.st.SearchSafe(r.Context(), q)
	if err == nil {
		rows.Close()
	}
	_, _ = a.st.Sorted(r.FormValue("sort"))
	_ = a.st.Filter(r.FormValue("field"), r.FormValue("value")) // want `form field "field" reaches the SQL text of \(\*sql.DB\).Exec in \(\*store.Store\).Filter`
	n, _ := strconv.Atoi(r.FormValue("limit"))
	rows, err = a.st.ByLimit(n)
	if err == nil {
		rows.Close()
	}
	cond := store.Where(r.FormValue("col"))
	rows, err = a.db.Query("SELECT id FROM orders WHERE "+cond, 1) // want `form field "col" is built into the SQL text`
	if err == nil {
		rows.Close()
	}
}

func (a *API) get(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	// The input is an argument: fine.
	row := a.db.QueryRow("SELECT total FROM orders WHERE id = $1", id)
	var total int64
	_ = row.Scan(&total)
	// Sprintf with %s of a path parameter is not.
	row = a.db.QueryRow(fmt.Sprintf("SELECT total FROM orders WHERE id = '%s'", id)) // want `path parameter "id" is built into the SQL text of \(\*sql.DB\).QueryRow`
	_ = row.Scan(&total)
	// A number parsed from it cannot inject.
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil {
		return
	}
	row = a.db.QueryRow(fmt.Sprintf("SELECT total FROM orders WHERE id = %d", n))
	_ = row.Scan(&total)
}

func (a *API) gormList(w http.ResponseWriter, r *http.Request) {
	var orders []store.Order
	order := r.URL.Query().Get("order")
	a.gdb.Order(order).Find(&orders) // want `query parameter "order" is built into the SQL text of \(\*gorm.DB\).Order`
	note := r.URL.Query().Get("note")
	a.gdb.Where("note = ?", note).Find(&orders)
	a.gdb.Where("note = '" + note + "'").Find(&orders) // want `query parameter "note" is built into the SQL text of \(\*gorm.DB\).Where`
	a.gdb.Where(&store.Order{Note: note}).Find(&orders)
	a.gdb.Where(map[string]any{"note": note}).Find(&orders)
	a.gdb.Raw("SELECT * FROM orders WHERE note = " + note).Scan(&orders) // want `query parameter "note" is built into the SQL text of \(\*gorm.DB\).Raw`
	a.gdb.Raw("SELECT * FROM orders WHERE note = ?", note).Scan(&orders)
}

func (a *API) pgxList(w http.ResponseWriter, r *http.Request) {
	table := r.Header.Get("X-Table")
	rows, err := a.pool.Query(r.Context(), "SELECT id FROM "+table) // want `header "X-Table" is built into the SQL text of \(\*pgxpool.Pool\).Query`
	if err == nil {
		rows.Close()
	}
	rows, err = a.pool.Query(r.Context(), "SELECT id FROM orders WHERE note = $1", table)
	if err == nil {
		rows.Close()
	}
}

func (a *API) bunList(w http.ResponseWriter, r *http.Request) {
	var orders []store.Order
	f := r.URL.Query().Get("f")
	_ = a.bdb.NewSelect().Model(&orders).Where("note = ?", f).Scan(r.Context())
	_ = a.bdb.NewSelect().Model(&orders).Where("note = " + f).Scan(r.Context())   // want `query parameter "f" is built into the SQL text of \(\*bun.SelectQuery\).Where`
	_ = a.bdb.NewSelect().Model(&orders).OrderExpr(f + " DESC").Scan(r.Context()) // want `query parameter "f" is built into the SQL text of \(\*bun.SelectQuery\).OrderExpr`
}

func (a *API) deleteBy(w http.ResponseWriter, r *http.Request) {
	status := r.URL.Query().Get("status")
	if status != "open" && status != "closed" {
		http.Error(w, "bad status", http.StatusBadRequest)
		return
	}
	_, _ = a.db.Exec("DELETE FROM orders WHERE status = '" + status + "'")
}

func (a *API) query(w http.ResponseWriter, r *http.Request) {
	rows, err := a.st.QueryWith(r.FormValue("q"), r.FormValue("order"))
	if err == nil {
		rows.Close()
	}
	_, stmt := store.Unlisted(r.FormValue("q"))
	rows, err = a.db.Query(stmt) // want `form field "q" is built into the SQL text of \(\*sql.DB\).Query`
	if err == nil {
		rows.Close()
	}
}
