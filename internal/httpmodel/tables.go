package httpmodel

// Library knowledge, as data. Signatures were read from the module cache:
// net/http (Go 1.26), github.com/go-chi/chi/v5 v5.5.0, go-chi/render
// v1.0.3, go-chi/httprate v0.16.1, github.com/gin-gonic/gin v1.12.0,
// github.com/labstack/echo/v4 v4.16.0, github.com/gofiber/fiber/v2
// v2.52.15, github.com/gorilla/mux v1.8.1, gorm.io/gorm v1.31.2,
// github.com/jmoiron/sqlx v1.4.0, golang-jwt v5, golang.org/x/time/rate.
//
// The rows are in tables_handlers.go (handler signatures, request
// inputs, principals, responses), tables_access.go (data access) and
// tables_routers.go (middleware classification, routers); this file
// holds the keys, package paths and the lookup tables built from the
// rows.

import (
	"go/types"
)

// key identifies a function or method: package path, receiver type name
// (without pointer, "" for package functions) and name.
type key struct{ pkg, recv, name string }

// keyOf returns the key of fn (generic methods by their origin).
func keyOf(fn *types.Func) key {
	if fn == nil || fn.Pkg() == nil {
		return key{}
	}
	fn = fn.Origin()
	k := key{pkg: fn.Pkg().Path(), name: fn.Name()}
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		switch t := types.Unalias(t).(type) {
		case *types.Named:
			k.recv = t.Origin().Obj().Name()
		case *types.Interface:
			// method of an embedded interface: find the named type through
			// the method's scope is not possible; leave recv empty.
		}
	}
	return k
}

// Package paths.
const (
	pkgChi      = "github.com/go-chi/chi/v5"
	pkgChiMW    = "github.com/go-chi/chi/v5/middleware"
	pkgRender   = "github.com/go-chi/render"
	pkgHttprate = "github.com/go-chi/httprate"
	pkgGin      = "github.com/gin-gonic/gin"
	pkgEcho     = "github.com/labstack/echo/v4"
	pkgEchoMW   = "github.com/labstack/echo/v4/middleware"
	pkgEcho5    = "github.com/labstack/echo/v5"
	pkgEcho5MW  = "github.com/labstack/echo/v5/middleware"
	pkgFiber    = "github.com/gofiber/fiber/v2"
	pkgFiber3   = "github.com/gofiber/fiber/v3"
	pkgMux      = "github.com/gorilla/mux"
	pkgGorm     = "gorm.io/gorm"
	pkgSQL      = "database/sql"
	pkgSqlx     = "github.com/jmoiron/sqlx"
	pkgRate     = "golang.org/x/time/rate"
	// github.com/jinzhu/gorm v1.9.16 (main.go): gorm v1, the same *DB
	// chain API as gorm.io/gorm for the methods listed in accessRows.
	pkgGormV1 = "github.com/jinzhu/gorm"
	// github.com/julienschmidt/httprouter v1.3.0 (router.go).
	pkgHttprouter = "github.com/julienschmidt/httprouter"
	// github.com/jackc/pgx v5.13.0 (conn.go, tx.go, rows.go, pgxpool) and
	// v4, whose Query/QueryRow/Exec have the same shape.
	pkgPgx      = "github.com/jackc/pgx/v5"
	pkgPgxPool  = "github.com/jackc/pgx/v5/pgxpool"
	pkgPgx4     = "github.com/jackc/pgx/v4"
	pkgPgx4Pool = "github.com/jackc/pgx/v4/pgxpool"
	// github.com/uptrace/bun v1 (query_*.go).
	pkgBun = "github.com/uptrace/bun"
	// go.mongodb.org/mongo-driver v1.17.2 and /v2 v2.5.0 (collection.go).
	pkgMongo  = "go.mongodb.org/mongo-driver/mongo"
	pkgMongo2 = "go.mongodb.org/mongo-driver/v2/mongo"
)

// knownImports are the package paths whose import makes a package worth
// modelling. A package importing none of them (directly) gets an empty
// Result, except that function summaries (facts) are still computed when
// it imports net/http or a package that exports facts (see run).
var knownImports = map[string]bool{
	"net/http": true, pkgChi: true, pkgGin: true, pkgEcho: true, pkgEcho5: true,
	pkgFiber: true, pkgFiber3: true, pkgMux: true, pkgGorm: true, pkgSQL: true,
	pkgSqlx: true, pkgRender: true, "context": true,
	pkgGormV1: true, pkgHttprouter: true, pkgMongo: true, pkgMongo2: true,
	pkgPgx: true, pkgPgxPool: true, pkgPgx4: true, pkgPgx4Pool: true, pkgBun: true,
	"github.com/golang-jwt/jwt/v5": true, "github.com/golang-jwt/jwt/v4": true,
	pkgConnect: true,
}

func init() {
	initRouterRows()
	initAccessRows()
	for _, r := range inputRows {
		inputTable[r.k] = r
	}
	for _, r := range principalRows {
		principalTable[r.k] = r
	}
	for _, r := range responseRows {
		responseTable[r.k] = r
	}
	for _, r := range accessRows {
		accessTable[r.k] = r
		accessLibraries[r.k.pkg] = true
	}
	for _, r := range middlewareRows {
		middlewareTable[key{r.pkg, r.recv, r.name}] = r.kind
	}
	for _, r := range routerRows {
		routerTable[r.k] = r
	}
}

var (
	inputTable     = map[key]inputRow{}
	principalTable = map[key]principalRow{}
	responseTable  = map[key]responseRow{}
	accessTable    = map[key]accessRow{}
	// accessLibraries are the packages of accessTable: their functions
	// are known by the table alone, never by summaries of their own code
	// (gorm's Where calls gorm internally; that is not a project access).
	accessLibraries = map[string]bool{}
	middlewareTable = map[key]MiddlewareKind{}
	routerTable     = map[key]routerRow{}
	// accessSelectorCount limits the selector args of a row to n
	// (mongo: the filter, not the update).
	accessSelectorCount = map[key]int{}
)
