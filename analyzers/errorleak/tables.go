package errorleak

import "strings"

// Knowledge of library APIs, as data: where errors come from, and which
// calls write text to a response.

// origin is where an error value comes from.
type origin int

const (
	unknownOrigin  origin = iota // a project function, a parameter
	clientOrigin                 // the client's own input (bind, strconv, validation)
	fixedOrigin                  // a fixed message (errors.New("..."), a sentinel, a public error type)
	internalOrigin               // the database, the filesystem, an upstream service, a command
)

type callKey struct{ pkg, recv, name string }

// internalPkgs: every error returned by a function or method of these
// packages (or their sub-packages) describes the service's internals: SQL,
// table and column names, hosts, file paths. The value names the source.
var internalPkgs = []struct{ prefix, what string }{
	{"database/sql", "database"},
	{"github.com/jmoiron/sqlx", "database"},
	{"gorm.io/gorm", "database"},
	{"github.com/jinzhu/gorm", "database"},
	{"go.mongodb.org/mongo-driver", "database"},
	{"github.com/redis/go-redis", "Redis"},
	{"github.com/go-redis/redis", "Redis"},
	{"github.com/jackc/pgx", "database"},
	{"github.com/lib/pq", "database"},
	{"github.com/uptrace/bun", "database"},
	{"github.com/go-sql-driver/mysql", "database"},
	{"go.etcd.io/bbolt", "database"},
	{"github.com/boltdb/bolt", "database"},
	{"github.com/elastic/go-elasticsearch", "search backend"},
	{"github.com/aws/aws-sdk-go", "AWS"},
	{"cloud.google.com/go", "cloud API"},
	{"os/exec", "command"},
	{"net/smtp", "mail server"},
}

// internalFuncs are functions and methods of packages that also have
// harmless ones (os.Getenv, http.NewRequest): only these are internal.
var internalFuncs = map[callKey]string{
	{"os", "", "Open"}: "filesystem", {"os", "", "OpenFile"}: "filesystem", {"os", "", "Create"}: "filesystem",
	{"os", "", "ReadFile"}: "filesystem", {"os", "", "WriteFile"}: "filesystem", {"os", "", "Remove"}: "filesystem",
	{"os", "", "RemoveAll"}: "filesystem", {"os", "", "Mkdir"}: "filesystem", {"os", "", "MkdirAll"}: "filesystem",
	{"os", "", "Stat"}: "filesystem", {"os", "", "Lstat"}: "filesystem", {"os", "", "ReadDir"}: "filesystem",
	{"os", "", "Rename"}: "filesystem", {"os", "", "MkdirTemp"}: "filesystem", {"os", "", "CreateTemp"}: "filesystem",
	{"os", "File", "Read"}: "filesystem", {"os", "File", "Write"}: "filesystem", {"os", "File", "Close"}: "filesystem",
	{"os", "File", "Stat"}: "filesystem", {"os", "File", "ReadDir"}: "filesystem", {"os", "File", "Readdir"}: "filesystem",
	{"io/ioutil", "", "ReadFile"}: "filesystem", {"io/ioutil", "", "WriteFile"}: "filesystem",
	{"io/ioutil", "", "ReadDir"}: "filesystem", {"io/ioutil", "", "TempFile"}: "filesystem",
	{"path/filepath", "", "Walk"}: "filesystem", {"path/filepath", "", "WalkDir"}: "filesystem",
	{"path/filepath", "", "Glob"}: "filesystem", {"io", "", "Copy"}: "filesystem",
	{"net/http", "Client", "Do"}: "upstream service", {"net/http", "Client", "Get"}: "upstream service",
	{"net/http", "Client", "Post"}: "upstream service", {"net/http", "Client", "PostForm"}: "upstream service",
	{"net/http", "Client", "Head"}: "upstream service", {"net/http", "", "Get"}: "upstream service",
	{"net/http", "", "Post"}: "upstream service", {"net/http", "", "PostForm"}: "upstream service",
	{"net/http", "", "Head"}: "upstream service", {"net/http", "Transport", "RoundTrip"}: "upstream service",
	{"net", "", "Dial"}: "network", {"net", "", "DialTimeout"}: "network", {"net", "Dialer", "DialContext"}: "network",
	{"google.golang.org/grpc", "ClientConn", "Invoke"}: "upstream service",
}

// clientFuncs return errors about the client's own input: a 4xx answer
// that repeats them tells the client what it sent wrong.
var clientFuncs = map[callKey]bool{
	{"encoding/json", "", "Unmarshal"}: true, {"encoding/json", "Decoder", "Decode"}: true,
	{"encoding/xml", "", "Unmarshal"}: true, {"encoding/xml", "Decoder", "Decode"}: true,
	{"net/url", "", "Parse"}: true, {"net/url", "", "ParseQuery"}: true, {"net/url", "", "ParseRequestURI"}: true,
	{"net/url", "", "PathUnescape"}: true, {"net/url", "", "QueryUnescape"}: true,
	{"net/mail", "", "ParseAddress"}: true, {"time", "", "Parse"}: true, {"time", "", "ParseDuration"}: true,
	{"time", "", "ParseInLocation"}: true, {"net", "", "ParseCIDR"}: true,
	{"net/http", "Request", "ParseForm"}: true, {"net/http", "Request", "ParseMultipartForm"}: true,
	{"net/http", "Request", "FormFile"}: true, {"net/http", "Request", "Cookie"}: true,
	{"github.com/google/uuid", "", "Parse"}: true, {"github.com/gofrs/uuid", "", "FromString"}: true,
	{"github.com/go-playground/validator/v10", "Validate", "Struct"}:    true,
	{"github.com/go-playground/validator/v10", "Validate", "StructCtx"}: true,
	{"github.com/go-playground/validator/v10", "Validate", "Var"}:       true,
	{"github.com/labstack/echo/v4", "Context", "Bind"}:                  true, {"github.com/labstack/echo/v4", "Context", "Validate"}: true,
	{"github.com/labstack/echo/v4", "Context", "FormFile"}:   true,
	{"github.com/labstack/echo/v4", "DefaultBinder", "Bind"}: true,
	{"github.com/gofiber/fiber/v2", "Ctx", "BodyParser"}:     true, {"github.com/gofiber/fiber/v2", "Ctx", "QueryParser"}: true,
	{"github.com/gofiber/fiber/v2", "Ctx", "ParamsParser"}: true, {"github.com/gofiber/fiber/v2", "Ctx", "ParamsInt"}: true,
	{"github.com/gofiber/fiber/v2", "Ctx", "FormFile"}: true, {"github.com/gofiber/fiber/v2", "Ctx", "ReqHeaderParser"}: true,
	{"github.com/gin-gonic/gin", "Context", "FormFile"}: true, {"github.com/gin-gonic/gin", "Context", "MultipartForm"}: true,
}

// encodeFuncs encode a value of the program for the response: their
// errors name a Go type ("json: unsupported type: chan int") or say the
// write failed, when the client is gone; neither is internal data.
var encodeFuncs = map[callKey]bool{
	{"encoding/json", "", "Marshal"}: true, {"encoding/json", "", "MarshalIndent"}: true,
	{"encoding/json", "Encoder", "Encode"}: true,
	{"encoding/xml", "", "Marshal"}:        true, {"encoding/xml", "", "MarshalIndent"}: true,
	{"encoding/xml", "Encoder", "Encode"}: true,
}

// clientPkgs: every error of these packages is about a value the caller
// gave (strconv.Atoi(c.Param("id"))).
var clientPkgs = map[string]bool{"strconv": true, "github.com/go-playground/validator/v10": true, "github.com/go-playground/validator": true}

// clientMethodPrefixes: gin/echo/fiber bind methods (Bind, ShouldBindJSON, BindQuery, ...).
func isBindMethod(k callKey) bool {
	switch k.pkg {
	case "github.com/gin-gonic/gin", "github.com/labstack/echo/v4", "github.com/labstack/echo/v5", "github.com/gofiber/fiber/v2", "github.com/gofiber/fiber/v3":
		return strings.HasPrefix(k.name, "Bind") || strings.HasPrefix(k.name, "ShouldBind") || strings.HasPrefix(k.name, "MustBind")
	}
	return false
}

// driverErrorTypes are concrete error types of drivers whose text (and
// exported fields) describe the database.
var driverErrorTypes = map[callKey]bool{
	{"github.com/lib/pq", "", "Error"}:                   true,
	{"github.com/go-sql-driver/mysql", "", "MySQLError"}: true,
	{"github.com/jackc/pgx/v5/pgconn", "", "PgError"}:    true,
	{"github.com/jackc/pgconn", "", "PgError"}:           true,
	{"github.com/mattn/go-sqlite3", "", "Error"}:         true,
	{"os", "", "PathError"}:                              true,
	{"io/fs", "", "PathError"}:                           true,
	{"net", "", "OpError"}:                               true,
	{"net/url", "", "Error"}:                             false, // *url.Error: client.Do failures come through internalFuncs
}

// wrapFuncs wrap an error into a new one whose text includes it: the
// origin is the wrapped error's (argument index).
var wrapFuncs = map[callKey]int{
	{"github.com/pkg/errors", "", "Wrap"}:        0,
	{"github.com/pkg/errors", "", "Wrapf"}:       0,
	{"github.com/pkg/errors", "", "WithStack"}:   0,
	{"github.com/pkg/errors", "", "WithMessage"}: 0,
	{"errors", "", "Join"}:                       -1, // every argument
}

// formatFuncs turn their arguments into text (an error argument into its
// Error() text): the index of the first formatted argument.
var formatFuncs = map[callKey]int{
	{"fmt", "", "Sprint"}: 0, {"fmt", "", "Sprintf"}: 1, {"fmt", "", "Sprintln"}: 0,
	{"fmt", "", "Errorf"}: 1, {"fmt", "", "Append"}: 1, {"fmt", "", "Appendf"}: 2,
	{"github.com/pkg/errors", "", "Errorf"}: 1,
}

// textSinks are response writes that the HTTP model does not list (or
// lists with only some of their text arguments): the status argument
// (-1: none), the first argument written as text, and whether an error
// argument is written as its Error() text.
type textSink struct {
	status, first int
	errText       bool
	name          string
}

var textSinks = map[callKey]textSink{
	{"fmt", "", "Fprint"}:                                          {-1, 1, true, "fmt.Fprint"},
	{"fmt", "", "Fprintf"}:                                         {-1, 2, true, "fmt.Fprintf"},
	{"fmt", "", "Fprintln"}:                                        {-1, 1, true, "fmt.Fprintln"},
	{"io", "", "WriteString"}:                                      {-1, 1, false, "io.WriteString"},
	{"github.com/gin-gonic/gin", "Context", "String"}:              {0, 1, true, "c.String"},
	{"github.com/labstack/echo/v4", "", "NewHTTPError"}:            {0, 1, true, "echo.NewHTTPError"},
	{"github.com/labstack/echo/v5", "", "NewHTTPError"}:            {0, 1, true, "echo.NewHTTPError"},
	{"github.com/gofiber/fiber/v2", "", "NewError"}:                {0, 1, false, "fiber.NewError"},
	{"github.com/gofiber/fiber/v3", "", "NewError"}:                {0, 1, false, "fiber.NewError"},
	{"github.com/gofiber/fiber/v2", "Ctx", "SendString"}:           {-1, 0, false, "c.SendString"},
	{"github.com/gofiber/fiber/v2", "Ctx", "JSON"}:                 {-1, 0, false, "c.JSON"},
	{"github.com/gofiber/fiber/v2", "Ctx", "Send"}:                 {-1, 0, false, "c.Send"},
	{"github.com/gofiber/fiber/v3", "Ctx", "SendString"}:           {-1, 0, false, "c.SendString"},
	{"github.com/gofiber/fiber/v3", "Ctx", "JSON"}:                 {-1, 0, false, "c.JSON"},
	{"github.com/labstack/echo/v4", "Context", "JSON"}:             {0, 1, false, "c.JSON"},
	{"github.com/labstack/echo/v4", "Context", "String"}:           {0, 1, false, "c.String"},
	{"github.com/labstack/echo/v4", "Context", "HTML"}:             {0, 1, false, "c.HTML"},
	{"github.com/gin-gonic/gin", "Context", "JSON"}:                {0, 1, false, "c.JSON"},
	{"github.com/gin-gonic/gin", "Context", "AbortWithStatusJSON"}: {0, 1, false, "c.AbortWithStatusJSON"},
	{"net/http", "", "Error"}:                                      {2, 1, false, "http.Error"},
	{"net/http", "ResponseWriter", "Write"}:                        {-1, 0, false, "w.Write"},
}

// statusSetters set the status of a later write (w.WriteHeader(500);
// w.Write(...)): the status argument.
var statusSetters = map[callKey]int{
	{"net/http", "ResponseWriter", "WriteHeader"}:     0,
	{"github.com/go-chi/render", "", "Status"}:        1,
	{"github.com/gofiber/fiber/v2", "Ctx", "Status"}:  0,
	{"github.com/gofiber/fiber/v3", "Ctx", "Status"}:  0,
	{"github.com/gin-gonic/gin", "Context", "Status"}: 0,
}
