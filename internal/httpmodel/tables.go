package httpmodel

// Library knowledge, as data. Signatures were read from the module cache:
// net/http (Go 1.26), github.com/go-chi/chi/v5 v5.5.0, go-chi/render
// v1.0.3, go-chi/httprate v0.16.1, github.com/gin-gonic/gin v1.12.0,
// github.com/labstack/echo/v4 v4.16.0, github.com/gofiber/fiber/v2
// v2.52.15, github.com/gorilla/mux v1.8.1, gorm.io/gorm v1.31.2,
// github.com/jmoiron/sqlx v1.4.0, golang-jwt v5, golang.org/x/time/rate.

import (
	"go/types"
	"strings"
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

// ---- handler signatures ----

// handlerParam describes the request/context parameter type of a
// framework's handler: func(T) R.
type handlerParam struct {
	pkg, name string // named type
	pointer   bool
	result    bool // handler returns error
	fw        Framework
}

var handlerParams = []handlerParam{
	{pkgGin, "Context", true, false, Gin},
	{pkgEcho, "Context", false, true, Echo},
	{pkgEcho5, "Context", true, true, EchoV5},
	{pkgFiber, "Ctx", true, true, Fiber},
	{pkgFiber3, "Ctx", false, true, FiberV3},
}

// handlerTypes are named handler function types (results of factories,
// conversions).
var handlerTypes = map[[2]string]Framework{
	{"net/http", "HandlerFunc"}: NetHTTP,
	{"net/http", "Handler"}:     NetHTTP,
	{pkgGin, "HandlerFunc"}:     Gin,
	{pkgEcho, "HandlerFunc"}:    Echo,
	{pkgEcho5, "HandlerFunc"}:   EchoV5,
	{pkgFiber, "Handler"}:       Fiber,
	{pkgFiber3, "Handler"}:      FiberV3,
	{pkgHttprouter, "Handle"}:   HTTPRouter,
}

// ---- request inputs ----

type inputRow struct {
	k       key
	kind    InputKind
	nameArg int // index of the parameter-name argument, -1 if none
	target  int // index of the bind/decode destination, -1 if none
}

var inputRows = []inputRow{
	// net/http
	{key{"net/http", "Request", "PathValue"}, PathParam, 0, -1},
	{key{"net/http", "Request", "FormValue"}, Form, 0, -1},
	{key{"net/http", "Request", "PostFormValue"}, Form, 0, -1},
	{key{"net/http", "Request", "FormFile"}, Form, 0, -1},
	{key{"net/http", "Request", "Cookie"}, Cookie, 0, -1},
	{key{"net/http", "Request", "Cookies"}, Cookie, -1, -1},
	{key{"net/http", "Request", "CookiesNamed"}, Cookie, 0, -1},
	{key{"net/http", "Request", "BasicAuth"}, Header, -1, -1},
	{key{"net/url", "URL", "Query"}, QueryParam, -1, -1},
	// gorilla/mux: Vars returns the map; indexing it is the named input
	// (handled in the scanner).
	{key{pkgMux, "", "Vars"}, PathParam, -1, -1},
	// chi
	{key{pkgChi, "", "URLParam"}, PathParam, 1, -1},
	{key{pkgChi, "", "URLParamFromCtx"}, PathParam, 1, -1},
	{key{pkgChi, "Context", "URLParam"}, PathParam, 0, -1},
	// julienschmidt/httprouter: func(w, r, ps httprouter.Params)
	{key{pkgHttprouter, "Params", "ByName"}, PathParam, 0, -1},
	// go-chi/render
	{key{pkgRender, "", "Bind"}, Body, -1, 1},
	{key{pkgRender, "", "Decode"}, Body, -1, 1},
	{key{pkgRender, "", "DecodeJSON"}, Body, -1, 1},
	// gin
	{key{pkgGin, "Context", "Param"}, PathParam, 0, -1},
	{key{pkgGin, "Context", "Query"}, QueryParam, 0, -1},
	{key{pkgGin, "Context", "DefaultQuery"}, QueryParam, 0, -1},
	{key{pkgGin, "Context", "GetQuery"}, QueryParam, 0, -1},
	{key{pkgGin, "Context", "QueryArray"}, QueryParam, 0, -1},
	{key{pkgGin, "Context", "GetQueryArray"}, QueryParam, 0, -1},
	{key{pkgGin, "Context", "QueryMap"}, QueryParam, 0, -1},
	{key{pkgGin, "Context", "GetQueryMap"}, QueryParam, 0, -1},
	{key{pkgGin, "Context", "PostForm"}, Form, 0, -1},
	{key{pkgGin, "Context", "DefaultPostForm"}, Form, 0, -1},
	{key{pkgGin, "Context", "GetPostForm"}, Form, 0, -1},
	{key{pkgGin, "Context", "PostFormArray"}, Form, 0, -1},
	{key{pkgGin, "Context", "GetPostFormArray"}, Form, 0, -1},
	{key{pkgGin, "Context", "PostFormMap"}, Form, 0, -1},
	{key{pkgGin, "Context", "GetPostFormMap"}, Form, 0, -1},
	{key{pkgGin, "Context", "FormFile"}, Form, 0, -1},
	{key{pkgGin, "Context", "MultipartForm"}, Form, -1, -1},
	{key{pkgGin, "Context", "GetHeader"}, Header, 0, -1},
	{key{pkgGin, "Context", "Cookie"}, Cookie, 0, -1},
	{key{pkgGin, "Context", "GetRawData"}, Body, -1, -1},
	{key{pkgGin, "Context", "Bind"}, Body, -1, 0},
	{key{pkgGin, "Context", "BindJSON"}, Body, -1, 0},
	{key{pkgGin, "Context", "BindXML"}, Body, -1, 0},
	{key{pkgGin, "Context", "BindYAML"}, Body, -1, 0},
	{key{pkgGin, "Context", "BindTOML"}, Body, -1, 0},
	{key{pkgGin, "Context", "BindPlain"}, Body, -1, 0},
	{key{pkgGin, "Context", "BindWith"}, Body, -1, 0},
	{key{pkgGin, "Context", "MustBindWith"}, Body, -1, 0},
	{key{pkgGin, "Context", "BindQuery"}, QueryParam, -1, 0},
	{key{pkgGin, "Context", "BindHeader"}, Header, -1, 0},
	{key{pkgGin, "Context", "BindUri"}, PathParam, -1, 0},
	{key{pkgGin, "Context", "ShouldBind"}, Body, -1, 0},
	{key{pkgGin, "Context", "ShouldBindJSON"}, Body, -1, 0},
	{key{pkgGin, "Context", "ShouldBindXML"}, Body, -1, 0},
	{key{pkgGin, "Context", "ShouldBindYAML"}, Body, -1, 0},
	{key{pkgGin, "Context", "ShouldBindTOML"}, Body, -1, 0},
	{key{pkgGin, "Context", "ShouldBindPlain"}, Body, -1, 0},
	{key{pkgGin, "Context", "ShouldBindWith"}, Body, -1, 0},
	{key{pkgGin, "Context", "ShouldBindBodyWith"}, Body, -1, 0},
	{key{pkgGin, "Context", "ShouldBindBodyWithJSON"}, Body, -1, 0},
	{key{pkgGin, "Context", "ShouldBindBodyWithXML"}, Body, -1, 0},
	{key{pkgGin, "Context", "ShouldBindBodyWithYAML"}, Body, -1, 0},
	{key{pkgGin, "Context", "ShouldBindBodyWithTOML"}, Body, -1, 0},
	{key{pkgGin, "Context", "ShouldBindBodyWithPlain"}, Body, -1, 0},
	{key{pkgGin, "Context", "ShouldBindQuery"}, QueryParam, -1, 0},
	{key{pkgGin, "Context", "ShouldBindHeader"}, Header, -1, 0},
	{key{pkgGin, "Context", "ShouldBindUri"}, PathParam, -1, 0},
	// echo v4 (Context is an interface) and v5 (*Context)
	{key{pkgEcho, "Context", "Param"}, PathParam, 0, -1},
	{key{pkgEcho, "Context", "ParamValues"}, PathParam, -1, -1},
	{key{pkgEcho, "Context", "QueryParam"}, QueryParam, 0, -1},
	{key{pkgEcho, "Context", "QueryParams"}, QueryParam, -1, -1},
	{key{pkgEcho, "Context", "QueryString"}, QueryParam, -1, -1},
	{key{pkgEcho, "Context", "FormValue"}, Form, 0, -1},
	{key{pkgEcho, "Context", "FormParams"}, Form, -1, -1},
	{key{pkgEcho, "Context", "FormFile"}, Form, 0, -1},
	{key{pkgEcho, "Context", "Cookie"}, Cookie, 0, -1},
	{key{pkgEcho, "Context", "Bind"}, Body, -1, 0},
	{key{pkgEcho5, "Context", "Param"}, PathParam, 0, -1},
	{key{pkgEcho5, "Context", "QueryParam"}, QueryParam, 0, -1},
	{key{pkgEcho5, "Context", "FormValue"}, Form, 0, -1},
	{key{pkgEcho5, "Context", "Cookie"}, Cookie, 0, -1},
	{key{pkgEcho5, "Context", "Bind"}, Body, -1, 0},
	{key{pkgEcho5, "", "PathParam"}, PathParam, 1, -1},
	{key{pkgEcho5, "", "QueryParam"}, QueryParam, 1, -1},
	// fiber v2
	{key{pkgFiber, "Ctx", "Params"}, PathParam, 0, -1},
	{key{pkgFiber, "Ctx", "ParamsInt"}, PathParam, 0, -1},
	{key{pkgFiber, "Ctx", "AllParams"}, PathParam, -1, -1},
	{key{pkgFiber, "Ctx", "ParamsParser"}, PathParam, -1, 0},
	{key{pkgFiber, "Ctx", "Query"}, QueryParam, 0, -1},
	{key{pkgFiber, "Ctx", "QueryInt"}, QueryParam, 0, -1},
	{key{pkgFiber, "Ctx", "QueryBool"}, QueryParam, 0, -1},
	{key{pkgFiber, "Ctx", "QueryFloat"}, QueryParam, 0, -1},
	{key{pkgFiber, "Ctx", "Queries"}, QueryParam, -1, -1},
	{key{pkgFiber, "Ctx", "QueryParser"}, QueryParam, -1, 0},
	{key{pkgFiber, "Ctx", "Get"}, Header, 0, -1},
	{key{pkgFiber, "Ctx", "GetReqHeaders"}, Header, -1, -1},
	{key{pkgFiber, "Ctx", "ReqHeaderParser"}, Header, -1, 0},
	{key{pkgFiber, "Ctx", "Cookies"}, Cookie, 0, -1},
	{key{pkgFiber, "Ctx", "CookieParser"}, Cookie, -1, 0},
	{key{pkgFiber, "Ctx", "FormValue"}, Form, 0, -1},
	{key{pkgFiber, "Ctx", "FormFile"}, Form, 0, -1},
	{key{pkgFiber, "Ctx", "Body"}, Body, -1, -1},
	{key{pkgFiber, "Ctx", "BodyRaw"}, Body, -1, -1},
	{key{pkgFiber, "Ctx", "BodyParser"}, Body, -1, 0},
	// fiber v3 (Ctx interface)
	{key{pkgFiber3, "Ctx", "Params"}, PathParam, 0, -1},
	{key{pkgFiber3, "Ctx", "Query"}, QueryParam, 0, -1},
	{key{pkgFiber3, "Ctx", "Get"}, Header, 0, -1},
	{key{pkgFiber3, "Ctx", "Cookies"}, Cookie, 0, -1},
	{key{pkgFiber3, "Ctx", "FormValue"}, Form, 0, -1},
	{key{pkgFiber3, "Ctx", "Body"}, Body, -1, -1},
}

// headerGet: http.Header.Get on the request's headers is a header input.
var headerGetKey = key{"net/http", "Header", "Get"}

// url.Values.Get on r.URL.Query() is a named query input, on r.Form /
// r.PostForm a form input.
var valuesGetKey = key{"net/url", "Values", "Get"}

// ---- principals ----

type principalRow struct {
	k      key
	keyArg int
	source string
	// onlyArgs, when > 0, requires exactly this many args (fiber Locals
	// with one argument reads, with two it writes).
	onlyArgs int
}

var principalRows = []principalRow{
	{key{"context", "Context", "Value"}, 0, "context.Value", 0},
	{key{pkgGin, "Context", "Get"}, 0, "gin.Get", 0},
	{key{pkgGin, "Context", "MustGet"}, 0, "gin.MustGet", 0},
	{key{pkgGin, "Context", "Value"}, 0, "gin.Value", 0},
	{key{pkgGin, "Context", "GetString"}, 0, "gin.GetString", 0},
	{key{pkgGin, "Context", "GetInt"}, 0, "gin.GetInt", 0},
	{key{pkgGin, "Context", "GetInt64"}, 0, "gin.GetInt64", 0},
	{key{pkgGin, "Context", "GetUint"}, 0, "gin.GetUint", 0},
	{key{pkgGin, "Context", "GetUint64"}, 0, "gin.GetUint64", 0},
	{key{pkgGin, "Context", "GetStringMap"}, 0, "gin.GetStringMap", 0},
	{key{pkgGin, "Context", "GetStringMapString"}, 0, "gin.GetStringMapString", 0},
	{key{pkgGin, "Context", "GetStringSlice"}, 0, "gin.GetStringSlice", 0},
	{key{pkgEcho, "Context", "Get"}, 0, "echo.Get", 0},
	{key{pkgEcho5, "Context", "Get"}, 0, "echo.Get", 0},
	{key{pkgFiber, "Ctx", "Locals"}, 0, "fiber.Locals", 1},
	{key{pkgFiber3, "Ctx", "Locals"}, 0, "fiber.Locals", 1},
	{key{"github.com/golang-jwt/jwt/v5", "", "Parse"}, -1, "jwt.Parse", 0},
	{key{"github.com/golang-jwt/jwt/v5", "", "ParseWithClaims"}, -1, "jwt.Parse", 0},
	{key{"github.com/golang-jwt/jwt/v5", "Parser", "Parse"}, -1, "jwt.Parse", 0},
	{key{"github.com/golang-jwt/jwt/v5", "Parser", "ParseWithClaims"}, -1, "jwt.Parse", 0},
	{key{"github.com/golang-jwt/jwt/v4", "", "Parse"}, -1, "jwt.Parse", 0},
	{key{"github.com/golang-jwt/jwt/v4", "", "ParseWithClaims"}, -1, "jwt.Parse", 0},
	{key{"net/http", "Request", "BasicAuth"}, -1, "http.BasicAuth", 0},
}

// ---- responses ----

type responseRow struct {
	k         key
	valueArg  int // -1: none
	statusArg int // -1: none
	format    string
	isError   bool
}

var responseRows = []responseRow{
	{key{"net/http", "", "Error"}, 1, -1, "text", true},
	{key{pkgRender, "", "JSON"}, 2, -1, "json", false},
	{key{pkgRender, "", "XML"}, 2, -1, "xml", false},
	{key{pkgRender, "", "Respond"}, 2, -1, "json", false},
	{key{pkgRender, "", "DefaultResponder"}, 2, -1, "json", false},
	{key{pkgRender, "", "Render"}, 2, -1, "json", false},
	{key{pkgRender, "", "RenderList"}, 2, -1, "json", false},
	{key{pkgRender, "", "PlainText"}, 2, -1, "text", false},
	{key{pkgRender, "", "Data"}, 2, -1, "bytes", false},
	{key{pkgGin, "Context", "JSON"}, 1, 0, "json", false},
	{key{pkgGin, "Context", "IndentedJSON"}, 1, 0, "json", false},
	{key{pkgGin, "Context", "SecureJSON"}, 1, 0, "json", false},
	{key{pkgGin, "Context", "JSONP"}, 1, 0, "json", false},
	{key{pkgGin, "Context", "AsciiJSON"}, 1, 0, "json", false},
	{key{pkgGin, "Context", "PureJSON"}, 1, 0, "json", false},
	{key{pkgGin, "Context", "XML"}, 1, 0, "xml", false},
	{key{pkgGin, "Context", "YAML"}, 1, 0, "yaml", false},
	{key{pkgGin, "Context", "TOML"}, 1, 0, "toml", false},
	{key{pkgGin, "Context", "ProtoBuf"}, 1, 0, "protobuf", false},
	{key{pkgGin, "Context", "BSON"}, 1, 0, "bson", false},
	{key{pkgGin, "Context", "HTML"}, 2, 0, "html", false},
	{key{pkgGin, "Context", "String"}, 1, 0, "text", false},
	{key{pkgGin, "Context", "Data"}, 2, 0, "bytes", false},
	{key{pkgGin, "Context", "AbortWithStatus"}, -1, 0, "", true},
	{key{pkgGin, "Context", "AbortWithStatusJSON"}, 1, 0, "json", true},
	{key{pkgGin, "Context", "AbortWithStatusPureJSON"}, 1, 0, "json", true},
	{key{pkgGin, "Context", "AbortWithError"}, 1, 0, "", true},
	{key{pkgEcho, "Context", "JSON"}, 1, 0, "json", false},
	{key{pkgEcho, "Context", "JSONPretty"}, 1, 0, "json", false},
	{key{pkgEcho, "Context", "JSONP"}, 2, 0, "json", false},
	{key{pkgEcho, "Context", "JSONBlob"}, 1, 0, "bytes", false},
	{key{pkgEcho, "Context", "XML"}, 1, 0, "xml", false},
	{key{pkgEcho, "Context", "XMLPretty"}, 1, 0, "xml", false},
	{key{pkgEcho, "Context", "String"}, 1, 0, "text", false},
	{key{pkgEcho, "Context", "HTML"}, 1, 0, "html", false},
	{key{pkgEcho, "Context", "Blob"}, 2, 0, "bytes", false},
	{key{pkgEcho, "Context", "NoContent"}, -1, 0, "", false},
	{key{pkgEcho5, "Context", "JSON"}, 1, 0, "json", false},
	{key{pkgEcho5, "Context", "JSONPretty"}, 1, 0, "json", false},
	{key{pkgEcho5, "Context", "XML"}, 1, 0, "xml", false},
	{key{pkgEcho5, "Context", "String"}, 1, 0, "text", false},
	{key{pkgFiber, "Ctx", "JSON"}, 0, -1, "json", false},
	{key{pkgFiber, "Ctx", "JSONP"}, 0, -1, "json", false},
	{key{pkgFiber, "Ctx", "XML"}, 0, -1, "xml", false},
	{key{pkgFiber, "Ctx", "SendString"}, 0, -1, "text", false},
	{key{pkgFiber, "Ctx", "Send"}, 0, -1, "bytes", false},
	{key{pkgFiber, "Ctx", "SendStatus"}, -1, 0, "", false},
	{key{pkgFiber3, "Ctx", "JSON"}, 0, -1, "json", false},
	{key{pkgFiber3, "Ctx", "XML"}, 0, -1, "xml", false},
	{key{pkgFiber3, "Ctx", "SendString"}, 0, -1, "text", false},
}

// Encoders whose Encode writes to the response when built on it.
var encodeKeys = map[key]string{
	{"encoding/json", "Encoder", "Encode"}: "json",
	{"encoding/xml", "Encoder", "Encode"}:  "xml",
}

// Marshalers whose bytes, written with w.Write / c.Data / c.Send, are a
// response of that format.
var marshalKeys = map[key]string{
	{"encoding/json", "", "Marshal"}:       "json",
	{"encoding/json", "", "MarshalIndent"}: "json",
	{"encoding/xml", "", "Marshal"}:        "xml",
	{"encoding/xml", "", "MarshalIndent"}:  "xml",
}

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

func init() {
	initRouterRows()
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

// ---- middleware classification ----

type middlewareRow struct {
	pkg, recv, name string
	kind            MiddlewareKind
}

// middlewareRows classify library middleware: constructors and wrappers
// (called or referenced on a chain) and, for "inside" calls, functions
// whose call inside a project's middleware body makes that middleware of
// the kind (recorded as a MiddlewareFact on the project function).
// Rows verified against the module cache by the ratelimit/bodylimit
// engineer (see /work/mail/httpmodel.md) and the httpmodel engineer.
var middlewareRows = []middlewareRow{
	// rate limit
	{pkgHttprate, "", "Limit", RateLimit},
	{pkgHttprate, "", "LimitAll", RateLimit},
	{pkgHttprate, "", "LimitByIP", RateLimit},
	{pkgHttprate, "", "LimitByRealIP", RateLimit},
	{pkgHttprate, "", "LimitBy", RateLimit},
	{pkgHttprate, "", "NewRateLimiter", RateLimit},
	{pkgHttprate, "RateLimiter", "Handler", RateLimit},
	{pkgHttprate, "RateLimiter", "OnLimit", RateLimit},
	{pkgHttprate, "RateLimiter", "RespondOnLimit", RateLimit},
	{pkgChiMW, "", "Throttle", RateLimit},
	{pkgChiMW, "", "ThrottleBacklog", RateLimit},
	{pkgChiMW, "", "ThrottleWithOpts", RateLimit},
	{"github.com/didip/tollbooth/v7", "", "LimitHandler", RateLimit},
	{"github.com/didip/tollbooth/v7", "", "LimitFuncHandler", RateLimit},
	{"github.com/didip/tollbooth/v7", "", "LimitByRequest", RateLimit},
	{"github.com/didip/tollbooth/v7", "", "LimitByKeys", RateLimit},
	{"github.com/didip/tollbooth/v7", "", "LimitByKeysAndReturn", RateLimit},
	{"github.com/didip/tollbooth_gin", "", "LimitHandler", RateLimit},
	{"github.com/ulule/limiter/v3/drivers/middleware/stdlib", "", "NewMiddleware", RateLimit},
	{"github.com/ulule/limiter/v3/drivers/middleware/stdlib", "Middleware", "Handler", RateLimit},
	{"github.com/ulule/limiter/v3/drivers/middleware/gin", "", "NewMiddleware", RateLimit},
	{"github.com/ulule/limiter/v3/drivers/middleware/fasthttp", "", "NewMiddleware", RateLimit},
	{"github.com/ulule/limiter/v3/drivers/middleware/fasthttp", "Middleware", "Handle", RateLimit},
	{"github.com/sethvargo/go-limiter/httplimit", "", "NewMiddleware", RateLimit},
	{"github.com/sethvargo/go-limiter/httplimit", "Middleware", "Handle", RateLimit},
	{"github.com/throttled/throttled/v2", "HTTPRateLimiterCtx", "RateLimit", RateLimit},
	{"github.com/throttled/throttled/v2", "HTTPRateLimiter", "RateLimit", RateLimit},
	{"github.com/throttled/throttled/v2", "Throttler", "Throttle", RateLimit},
	{"github.com/throttled/throttled/v2", "GCRARateLimiterCtx", "RateLimitCtx", RateLimit},
	{pkgEchoMW, "", "RateLimiter", RateLimit},
	{pkgEchoMW, "", "RateLimiterWithConfig", RateLimit},
	{pkgEchoMW, "RateLimiterMemoryStore", "Allow", RateLimit},
	{pkgEcho5MW, "", "RateLimiter", RateLimit},
	{pkgEcho5MW, "", "RateLimiterWithConfig", RateLimit},
	{"github.com/gofiber/fiber/v2/middleware/limiter", "", "New", RateLimit},
	{"github.com/gofiber/fiber/v3/middleware/limiter", "", "New", RateLimit},
	{"github.com/JGLTechnologies/gin-rate-limit", "", "RateLimiter", RateLimit},
	{pkgRate, "Limiter", "Allow", RateLimit},
	{pkgRate, "Limiter", "AllowN", RateLimit},
	{pkgRate, "Limiter", "Wait", RateLimit},
	{pkgRate, "Limiter", "WaitN", RateLimit},
	{pkgRate, "Limiter", "Reserve", RateLimit},
	{pkgRate, "Limiter", "ReserveN", RateLimit},
	// body limit
	{"net/http", "", "MaxBytesHandler", BodyLimit},
	{"net/http", "", "MaxBytesReader", BodyLimit},
	{pkgEchoMW, "", "BodyLimit", BodyLimit},
	{pkgEchoMW, "", "BodyLimitWithConfig", BodyLimit},
	{pkgEcho5MW, "", "BodyLimit", BodyLimit},
	{pkgEcho5MW, "", "BodyLimitWithConfig", BodyLimit},
	{pkgChiMW, "", "RequestSize", BodyLimit},
	// CORS
	{"github.com/go-chi/cors", "", "Handler", CORS},
	{"github.com/go-chi/cors", "", "AllowAll", CORS},
	{"github.com/go-chi/cors", "", "New", CORS},
	{"github.com/go-chi/cors", "Cors", "Handler", CORS},
	{"github.com/rs/cors", "", "New", CORS},
	{"github.com/rs/cors", "", "Default", CORS},
	{"github.com/rs/cors", "", "AllowAll", CORS},
	{"github.com/rs/cors", "Cors", "Handler", CORS},
	{"github.com/rs/cors", "Cors", "HandlerFunc", CORS},
	{"github.com/gin-contrib/cors", "", "New", CORS},
	{"github.com/gin-contrib/cors", "", "Default", CORS},
	{pkgEchoMW, "", "CORS", CORS},
	{pkgEchoMW, "", "CORSWithConfig", CORS},
	{pkgEcho5MW, "", "CORS", CORS},
	{pkgEcho5MW, "", "CORSWithConfig", CORS},
	{"github.com/gofiber/fiber/v2/middleware/cors", "", "New", CORS},
	{"github.com/gofiber/fiber/v3/middleware/cors", "", "New", CORS},
	{"github.com/gorilla/handlers", "", "CORS", CORS},
	// authentication
	{pkgChiMW, "", "BasicAuth", Auth},
	{"github.com/go-chi/jwtauth/v5", "", "Verifier", Auth},
	{"github.com/go-chi/jwtauth/v5", "", "Authenticator", Auth},
	{"github.com/go-chi/jwtauth/v5", "", "Verify", Auth},
	{pkgGin, "", "BasicAuth", Auth},
	{pkgGin, "", "BasicAuthForRealm", Auth},
	{pkgGin, "", "BasicAuthForProxy", Auth},
	{pkgEchoMW, "", "BasicAuth", Auth},
	{pkgEchoMW, "", "BasicAuthWithConfig", Auth},
	{pkgEchoMW, "", "KeyAuth", Auth},
	{pkgEchoMW, "", "KeyAuthWithConfig", Auth},
	{pkgEchoMW, "", "JWT", Auth},
	{pkgEchoMW, "", "JWTWithConfig", Auth},
	{"github.com/labstack/echo-jwt/v4", "", "JWT", Auth},
	{"github.com/labstack/echo-jwt/v4", "", "WithConfig", Auth},
	{"github.com/gofiber/fiber/v2/middleware/basicauth", "", "New", Auth},
	{"github.com/gofiber/fiber/v2/middleware/keyauth", "", "New", Auth},
	{"github.com/gofiber/contrib/jwt", "", "New", Auth},
	{"github.com/appleboy/gin-jwt/v2", "GinJWTMiddleware", "MiddlewareFunc", Auth},
	{"github.com/golang-jwt/jwt/v5", "", "Parse", Auth},
	{"github.com/golang-jwt/jwt/v5", "", "ParseWithClaims", Auth},
	{"github.com/golang-jwt/jwt/v5", "Parser", "Parse", Auth},
	{"github.com/golang-jwt/jwt/v5", "Parser", "ParseWithClaims", Auth},
	{"github.com/golang-jwt/jwt/v4", "", "Parse", Auth},
	{"github.com/golang-jwt/jwt/v4", "", "ParseWithClaims", Auth},
	{"github.com/lestrrat-go/jwx/v2/jwt", "", "Parse", Auth},
	{"github.com/lestrrat-go/jwx/v2/jwt", "", "ParseRequest", Auth},
	{"github.com/coreos/go-oidc/v3/oidc", "IDTokenVerifier", "Verify", Auth},
	{"net/http", "Request", "BasicAuth", Auth},
}

// ---- routers ----

type routerOp int

const (
	opNew          routerOp = iota + 1 // constructor: a new root router
	opRegister                         // a route registration
	opUse                              // adds middleware to the receiver
	opPre                              // echo Pre: global middleware before routing
	opWith                             // chi With: a child router with more middleware
	opGroup                            // gin/echo/fiber Group(prefix, mws...): a child router
	opGroupFn                          // chi Group(fn), Route(prefix, fn), fiber Route(prefix, fn)
	opMount                            // chi Mount(prefix, h), fiber Mount(prefix, app)
	opMuxRoute                         // gorilla: Router.{Path,PathPrefix,Methods,NewRoute,Host,...}: a pending route
	opMuxRouteSet                      // gorilla: Route.{Path,PathPrefix,Methods,...}: refines the pending route
	opMuxHandler                       // gorilla: Route.Handler/HandlerFunc: registers the pending route
	opMuxSubrouter                     // gorilla: Route.Subrouter
	opSame                             // returns the receiver (fiber Name, gin Use result...)
)

type routerRow struct {
	k  key
	op routerOp
	fw Framework
	// method: fixed HTTP method ("GET"), "*" any, "" from methodArg or
	// the pattern (net/http "GET /x").
	method    string
	methodArg int // -1
	pathArg   int // -1
	// handlerArg is the handler argument; -2 means the last of a variadic
	// handler list whose earlier elements are middleware (gin, fiber).
	handlerArg int
	// mwFrom is the first middleware argument (variadic), -1 if none.
	mwFrom int
	// fnArg is the func(Router) argument of opGroupFn.
	fnArg int
	// dynamic: middleware added with Use applies to routes registered
	// before it too (gorilla, echo root).
	dynamic bool
}

func initRouterRows() {
	methods := []string{"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "CONNECT", "TRACE"}
	title := func(m string) string { return m[:1] + strings.ToLower(m[1:]) }
	add := func(r routerRow) { routerRows = append(routerRows, r) }
	// net/http
	add(routerRow{k: key{"net/http", "", "NewServeMux"}, op: opNew, fw: NetHTTP})
	for _, recv := range []string{"ServeMux", ""} {
		add(routerRow{k: key{"net/http", recv, "Handle"}, op: opRegister, fw: NetHTTP, methodArg: -1, pathArg: 0, handlerArg: 1, mwFrom: -1})
		add(routerRow{k: key{"net/http", recv, "HandleFunc"}, op: opRegister, fw: NetHTTP, methodArg: -1, pathArg: 0, handlerArg: 1, mwFrom: -1})
	}
	// chi (chi.go Router interface, mux.go *Mux)
	for _, recv := range []string{"Router", "Mux"} {
		for _, m := range methods {
			add(routerRow{k: key{pkgChi, recv, title(m)}, op: opRegister, fw: Chi, method: m, methodArg: -1, pathArg: 0, handlerArg: 1, mwFrom: -1})
		}
		add(routerRow{k: key{pkgChi, recv, "Handle"}, op: opRegister, fw: Chi, method: "", methodArg: -1, pathArg: 0, handlerArg: 1, mwFrom: -1})
		add(routerRow{k: key{pkgChi, recv, "HandleFunc"}, op: opRegister, fw: Chi, method: "", methodArg: -1, pathArg: 0, handlerArg: 1, mwFrom: -1})
		add(routerRow{k: key{pkgChi, recv, "Method"}, op: opRegister, fw: Chi, methodArg: 0, pathArg: 1, handlerArg: 2, mwFrom: -1})
		add(routerRow{k: key{pkgChi, recv, "MethodFunc"}, op: opRegister, fw: Chi, methodArg: 0, pathArg: 1, handlerArg: 2, mwFrom: -1})
		add(routerRow{k: key{pkgChi, recv, "Use"}, op: opUse, fw: Chi, mwFrom: 0})
		add(routerRow{k: key{pkgChi, recv, "With"}, op: opWith, fw: Chi, mwFrom: 0})
		add(routerRow{k: key{pkgChi, recv, "Group"}, op: opGroupFn, fw: Chi, pathArg: -1, fnArg: 0, mwFrom: -1})
		add(routerRow{k: key{pkgChi, recv, "Route"}, op: opGroupFn, fw: Chi, pathArg: 0, fnArg: 1, mwFrom: -1})
		add(routerRow{k: key{pkgChi, recv, "Mount"}, op: opMount, fw: Chi, pathArg: 0, handlerArg: 1, mwFrom: -1})
	}
	add(routerRow{k: key{pkgChi, "", "NewRouter"}, op: opNew, fw: Chi})
	add(routerRow{k: key{pkgChi, "", "NewMux"}, op: opNew, fw: Chi})
	// gin (gin.go, routergroup.go): *Engine embeds RouterGroup.
	add(routerRow{k: key{pkgGin, "", "New"}, op: opNew, fw: Gin})
	add(routerRow{k: key{pkgGin, "", "Default"}, op: opNew, fw: Gin})
	for _, recv := range []string{"RouterGroup", "IRoutes", "IRouter"} {
		for _, m := range []string{"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"} {
			add(routerRow{k: key{pkgGin, recv, m}, op: opRegister, fw: Gin, method: m, methodArg: -1, pathArg: 0, handlerArg: -2, mwFrom: 1})
		}
		add(routerRow{k: key{pkgGin, recv, "Any"}, op: opRegister, fw: Gin, method: "*", methodArg: -1, pathArg: 0, handlerArg: -2, mwFrom: 1})
		add(routerRow{k: key{pkgGin, recv, "Handle"}, op: opRegister, fw: Gin, methodArg: 0, pathArg: 1, handlerArg: -2, mwFrom: 2})
		add(routerRow{k: key{pkgGin, recv, "Match"}, op: opRegister, fw: Gin, methodArg: 0, pathArg: 1, handlerArg: -2, mwFrom: 2})
		add(routerRow{k: key{pkgGin, recv, "Use"}, op: opUse, fw: Gin, mwFrom: 0})
		add(routerRow{k: key{pkgGin, recv, "Group"}, op: opGroup, fw: Gin, pathArg: 0, mwFrom: 1})
	}
	add(routerRow{k: key{pkgGin, "Engine", "Use"}, op: opUse, fw: Gin, mwFrom: 0})
	// echo v4 (echo.go, group.go) and v5
	for _, p := range []struct {
		pkg string
		fw  Framework
	}{{pkgEcho, Echo}, {pkgEcho5, EchoV5}} {
		add(routerRow{k: key{p.pkg, "", "New"}, op: opNew, fw: p.fw, dynamic: true})
		for _, recv := range []string{"Echo", "Group"} {
			for _, m := range methods {
				add(routerRow{k: key{p.pkg, recv, m}, op: opRegister, fw: p.fw, method: m, methodArg: -1, pathArg: 0, handlerArg: 1, mwFrom: 2})
			}
			add(routerRow{k: key{p.pkg, recv, "Any"}, op: opRegister, fw: p.fw, method: "*", methodArg: -1, pathArg: 0, handlerArg: 1, mwFrom: 2})
			add(routerRow{k: key{p.pkg, recv, "Match"}, op: opRegister, fw: p.fw, methodArg: 0, pathArg: 1, handlerArg: 2, mwFrom: 3})
			add(routerRow{k: key{p.pkg, recv, "Add"}, op: opRegister, fw: p.fw, methodArg: 0, pathArg: 1, handlerArg: 2, mwFrom: 3})
			add(routerRow{k: key{p.pkg, recv, "Use"}, op: opUse, fw: p.fw, mwFrom: 0})
			add(routerRow{k: key{p.pkg, recv, "Group"}, op: opGroup, fw: p.fw, pathArg: 0, mwFrom: 1})
		}
		add(routerRow{k: key{p.pkg, "Echo", "Pre"}, op: opPre, fw: p.fw, mwFrom: 0})
	}
	// fiber v2 (app.go, group.go, router.go Router interface) and v3
	for _, p := range []struct {
		pkg string
		fw  Framework
	}{{pkgFiber, Fiber}, {pkgFiber3, FiberV3}} {
		add(routerRow{k: key{p.pkg, "", "New"}, op: opNew, fw: p.fw})
		for _, recv := range []string{"App", "Group", "Router"} {
			for _, m := range methods {
				add(routerRow{k: key{p.pkg, recv, title(m)}, op: opRegister, fw: p.fw, method: m, methodArg: -1, pathArg: 0, handlerArg: -2, mwFrom: 1})
			}
			add(routerRow{k: key{p.pkg, recv, "All"}, op: opRegister, fw: p.fw, method: "*", methodArg: -1, pathArg: 0, handlerArg: -2, mwFrom: 1})
			add(routerRow{k: key{p.pkg, recv, "Add"}, op: opRegister, fw: p.fw, methodArg: 0, pathArg: 1, handlerArg: -2, mwFrom: 2})
			add(routerRow{k: key{p.pkg, recv, "Use"}, op: opUse, fw: p.fw, mwFrom: 0})
			add(routerRow{k: key{p.pkg, recv, "Group"}, op: opGroup, fw: p.fw, pathArg: 0, mwFrom: 1})
			add(routerRow{k: key{p.pkg, recv, "Route"}, op: opGroupFn, fw: p.fw, pathArg: 0, fnArg: 1, mwFrom: -1})
			add(routerRow{k: key{p.pkg, recv, "Mount"}, op: opMount, fw: p.fw, pathArg: 0, handlerArg: 1, mwFrom: -1})
			add(routerRow{k: key{p.pkg, recv, "Name"}, op: opSame, fw: p.fw})
		}
	}
	// gorilla/mux (mux.go, route.go, middleware.go)
	add(routerRow{k: key{pkgMux, "", "NewRouter"}, op: opNew, fw: GorillaMux, dynamic: true})
	add(routerRow{k: key{pkgMux, "Router", "Handle"}, op: opRegister, fw: GorillaMux, method: "*", methodArg: -1, pathArg: 0, handlerArg: 1, mwFrom: -1})
	add(routerRow{k: key{pkgMux, "Router", "HandleFunc"}, op: opRegister, fw: GorillaMux, method: "*", methodArg: -1, pathArg: 0, handlerArg: 1, mwFrom: -1})
	add(routerRow{k: key{pkgMux, "Router", "Use"}, op: opUse, fw: GorillaMux, mwFrom: 0})
	for _, m := range []string{"UseEncodedPath", "StrictSlash", "SkipClean"} {
		add(routerRow{k: key{pkgMux, "Router", m}, op: opSame, fw: GorillaMux}) // options that return the router
	}
	for _, m := range []string{"NewRoute", "Path", "PathPrefix", "Methods", "Host", "Headers", "HeadersRegexp", "Queries", "Schemes", "MatcherFunc", "Name"} {
		add(routerRow{k: key{pkgMux, "Router", m}, op: opMuxRoute, fw: GorillaMux})
		add(routerRow{k: key{pkgMux, "Route", m}, op: opMuxRouteSet, fw: GorillaMux})
	}
	add(routerRow{k: key{pkgMux, "Route", "Handler"}, op: opMuxHandler, fw: GorillaMux, handlerArg: 0})
	add(routerRow{k: key{pkgMux, "Route", "HandlerFunc"}, op: opMuxHandler, fw: GorillaMux, handlerArg: 0})
	add(routerRow{k: key{pkgMux, "Route", "Subrouter"}, op: opMuxSubrouter, fw: GorillaMux})
	// julienschmidt/httprouter v1.3.0 (router.go)
	add(routerRow{k: key{pkgHttprouter, "", "New"}, op: opNew, fw: HTTPRouter})
	for _, m := range []string{"GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"} {
		add(routerRow{k: key{pkgHttprouter, "Router", m}, op: opRegister, fw: HTTPRouter, method: m, methodArg: -1, pathArg: 0, handlerArg: 1, mwFrom: -1})
	}
	for _, m := range []string{"Handle", "Handler", "HandlerFunc"} {
		add(routerRow{k: key{pkgHttprouter, "Router", m}, op: opRegister, fw: HTTPRouter, methodArg: 0, pathArg: 1, handlerArg: 2, mwFrom: -1})
	}
}

var routerRows []routerRow

// transparentWrappers are handler wrappers that are not middleware the
// checks care about and do not change the route: the handler is their
// argument at the given index.
var transparentWrappers = map[key]int{
	{"net/http", "", "StripPrefix"}: 1,
	{pkgGin, "", "WrapH"}:           0,
	{pkgGin, "", "WrapF"}:           0,
	{pkgEcho, "", "WrapHandler"}:    0,
	{pkgEcho5, "", "WrapHandler"}:   0,
	{"github.com/gofiber/fiber/v2/middleware/adaptor", "", "HTTPHandler"}:     0,
	{"github.com/gofiber/fiber/v2/middleware/adaptor", "", "HTTPHandlerFunc"}: 0,
}
