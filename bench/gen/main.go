// Command gen writes a synthetic but realistic Go API service of N
// handlers spread over the six frameworks apivet models (net/http 1.22
// patterns, chi, gorilla/mux, gin, echo, fiber), with persistence models,
// a repository layer in another package, auth and rate-limit middleware,
// JWT parsing and plenty of string constants — so apivet's cost can be
// measured as the code grows (bench/bench.sh).
//
//	go run ./bench/gen -n 1000 -o /tmp/svc1000
//
// About a third of the handlers are the vulnerable twin of the rest (no
// ownership check, a model serialized whole), as in real code.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"log"
	"os"
	"path/filepath"
	"strings"
	"text/template"
)

// framework describes how to write a handler and its routes in one framework.
type framework struct {
	Name    string // package name suffix
	Imports []string
	Handler string // template of one handler (fields of handlerData)
	Routes  string // template of the route registration (fields of pkgData)
}

type handlerData struct {
	I, M       int
	Vulnerable bool
	Whole      bool
}

type pkgData struct {
	Pkg      string
	Handlers []handlerData
}

const perPackage = 200 // handlers per package, a realistic large package
const perModel = 10    // handlers per model

var frameworks = []framework{
	{
		Name:    "std",
		Imports: []string{"encoding/json", "net/http", "strconv"},
		Handler: `
func (h *Handlers) Get{{.I}}(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(r.PathValue("id"))
	if err != nil {
		http.Error(w, "bad id", http.StatusBadRequest)
		return
	}
	m, err := h.Repo.GetModel{{.M}}(r.Context(), uint(id))
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
{{- if not .Vulnerable}}
	if m.OwnerID != auth.UserID(r.Context()) {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
{{- end}}
	// Work for the taint engine: inputs into a repository query whose
	// sort column is allowlisted (no finding).
	_, _ = h.Repo.SearchModel{{.M}}(r.Context(), r.URL.Query().Get("q"), r.URL.Query().Get("sort"))
{{- if .Whole}}
	json.NewEncoder(w).Encode(m)
{{- else}}
	json.NewEncoder(w).Encode(dto.FromModel{{.M}}(m))
{{- end}}
}
`,
		Routes: `
func Register(mux *http.ServeMux, h *Handlers) {
{{- range .Handlers}}
	mux.Handle("GET /{{$.Pkg}}/items{{.I}}/{id}", auth.Middleware(http.HandlerFunc(h.Get{{.I}})))
{{- end}}
}
`,
	},
	{
		Name:    "chi",
		Imports: []string{"net/http", "strconv", "github.com/go-chi/chi/v5", "github.com/go-chi/render"},
		Handler: `
func (h *Handlers) Get{{.I}}(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(chi.URLParam(r, "id"))
	if err != nil {
		http.Error(w, "bad id", http.StatusBadRequest)
		return
	}
	m, err := h.Repo.GetModel{{.M}}(r.Context(), uint(id))
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
{{- if not .Vulnerable}}
	if m.OwnerID != auth.UserID(r.Context()) {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
{{- end}}
{{- if .Whole}}
	render.JSON(w, r, m)
{{- else}}
	render.JSON(w, r, dto.FromModel{{.M}}(m))
{{- end}}
}
`,
		Routes: `
func Register(r chi.Router, h *Handlers) {
	r.Route("/{{.Pkg}}", func(r chi.Router) {
		r.Use(auth.Middleware)
{{- range .Handlers}}
		r.Get("/items{{.I}}/{id}", h.Get{{.I}})
{{- end}}
	})
}
`,
	},
	{
		Name:    "mux",
		Imports: []string{"encoding/json", "net/http", "strconv", "github.com/gorilla/mux"},
		Handler: `
func (h *Handlers) Get{{.I}}(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(mux.Vars(r)["id"])
	if err != nil {
		http.Error(w, "bad id", http.StatusBadRequest)
		return
	}
	m, err := h.Repo.GetModel{{.M}}(r.Context(), uint(id))
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
{{- if not .Vulnerable}}
	if m.OwnerID != auth.UserID(r.Context()) {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
{{- end}}
	w.Header().Set("Content-Type", "application/json")
{{- if .Whole}}
	json.NewEncoder(w).Encode(m)
{{- else}}
	json.NewEncoder(w).Encode(dto.FromModel{{.M}}(m))
{{- end}}
}
`,
		Routes: `
func Register(r *mux.Router, h *Handlers) {
	s := r.PathPrefix("/{{.Pkg}}").Subrouter()
	s.Use(auth.Middleware)
{{- range .Handlers}}
	s.HandleFunc("/items{{.I}}/{id}", h.Get{{.I}}).Methods(http.MethodGet)
{{- end}}
}
`,
	},
	{
		Name:    "gin",
		Imports: []string{"net/http", "strconv", "github.com/gin-gonic/gin"},
		Handler: `
func (h *Handlers) Get{{.I}}(c *gin.Context) {
	id, err := strconv.Atoi(c.Param("id"))
	if err != nil {
		c.AbortWithStatusJSON(http.StatusBadRequest, gin.H{"error": "bad id"})
		return
	}
	m, err := h.Repo.GetModel{{.M}}(c.Request.Context(), uint(id))
	if err != nil {
		c.AbortWithStatusJSON(http.StatusNotFound, gin.H{"error": "not found"})
		return
	}
{{- if not .Vulnerable}}
	if m.OwnerID != c.GetUint("uid") {
		c.AbortWithStatusJSON(http.StatusNotFound, gin.H{"error": "not found"})
		return
	}
{{- end}}
{{- if .Whole}}
	c.JSON(http.StatusOK, m)
{{- else}}
	c.JSON(http.StatusOK, dto.FromModel{{.M}}(m))
{{- end}}
}
`,
		Routes: `
func Register(r *gin.Engine, h *Handlers) {
	g := r.Group("/{{.Pkg}}", auth.Gin())
{{- range .Handlers}}
	g.GET("/items{{.I}}/:id", h.Get{{.I}})
{{- end}}
}
`,
	},
	{
		Name:    "echo",
		Imports: []string{"net/http", "strconv", "github.com/labstack/echo/v4"},
		Handler: `
func (h *Handlers) Get{{.I}}(c echo.Context) error {
	id, err := strconv.Atoi(c.Param("id"))
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, "bad id")
	}
	m, err := h.Repo.GetModel{{.M}}(c.Request().Context(), uint(id))
	if err != nil {
		return echo.NewHTTPError(http.StatusNotFound, "not found")
	}
{{- if not .Vulnerable}}
	if uid, _ := c.Get("uid").(uint); m.OwnerID != uid {
		return echo.NewHTTPError(http.StatusNotFound, "not found")
	}
{{- end}}
{{- if .Whole}}
	return c.JSON(http.StatusOK, m)
{{- else}}
	return c.JSON(http.StatusOK, dto.FromModel{{.M}}(m))
{{- end}}
}
`,
		Routes: `
func Register(e *echo.Echo, h *Handlers) {
	g := e.Group("/{{.Pkg}}", auth.Echo)
{{- range .Handlers}}
	g.GET("/items{{.I}}/:id", h.Get{{.I}})
{{- end}}
}
`,
	},
	{
		Name:    "fiber",
		Imports: []string{"github.com/gofiber/fiber/v2"},
		Handler: `
func (h *Handlers) Get{{.I}}(c *fiber.Ctx) error {
	id, err := c.ParamsInt("id")
	if err != nil {
		return fiber.NewError(fiber.StatusBadRequest, "bad id")
	}
	m, err := h.Repo.GetModel{{.M}}(c.UserContext(), uint(id))
	if err != nil {
		return fiber.NewError(fiber.StatusNotFound, "not found")
	}
{{- if not .Vulnerable}}
	if uid, _ := c.Locals("uid").(uint); m.OwnerID != uid {
		return fiber.NewError(fiber.StatusNotFound, "not found")
	}
{{- end}}
{{- if .Whole}}
	return c.JSON(m)
{{- else}}
	return c.JSON(dto.FromModel{{.M}}(m))
{{- end}}
}
`,
		Routes: `
func Register(app *fiber.App, h *Handlers) {
	g := app.Group("/{{.Pkg}}", auth.Fiber)
{{- range .Handlers}}
	g.Get("/items{{.I}}/:id", h.Get{{.I}})
{{- end}}
}
`,
	},
}

func main() {
	n := flag.Int("n", 1000, "number of handlers")
	out := flag.String("o", "", "output directory (created)")
	flag.Parse()
	if *out == "" || *n < len(frameworks) {
		log.Fatalf("usage: gen -n N (>= %d) -o DIR", len(frameworks))
	}
	g := &generator{root: *out}
	g.generate(*n)
	if g.err != nil {
		log.Fatal(g.err)
	}
	fmt.Printf("wrote %d handlers, %d models, %d lines in %d files to %s\n", *n, g.models, g.lines, g.files, *out)
}

type generator struct {
	root                 string
	models, lines, files int
	err                  error
}

func (g *generator) write(rel, src string) {
	if g.err != nil {
		return
	}
	formatted := []byte(src)
	if strings.HasSuffix(rel, ".go") {
		var err error
		if formatted, err = format.Source(formatted); err != nil {
			g.err = fmt.Errorf("%s: %v\n%s", rel, err, src)
			return
		}
	}
	path := filepath.Join(g.root, rel)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		g.err = err
		return
	}
	g.err = os.WriteFile(path, formatted, 0o644)
	g.lines += bytes.Count(formatted, []byte("\n"))
	g.files++
}

func (g *generator) generate(n int) {
	g.models = (n + perModel - 1) / perModel
	g.write("go.mod", "module example.com/svc\n\ngo 1.26\n\nrequire (\n"+
		"\tgithub.com/gin-gonic/gin v1.12.0\n\tgithub.com/go-chi/chi/v5 v5.5.0\n\tgithub.com/go-chi/render v1.0.3\n"+
		"\tgithub.com/gofiber/fiber/v2 v2.52.15\n\tgithub.com/golang-jwt/jwt/v5 v5.3.1\n\tgithub.com/gorilla/mux v1.8.1\n"+
		"\tgithub.com/labstack/echo/v4 v4.16.0\n\tgolang.org/x/time v0.16.0\n\tgorm.io/gorm v1.31.2\n)\n")
	g.modelsAndRepo()
	g.auth()
	g.config(n)

	// Handlers: framework f gets every len(frameworks)-th handler.
	perFW := make([][]handlerData, len(frameworks))
	for i := 0; i < n; i++ {
		h := handlerData{I: i, M: i / perModel, Vulnerable: i%3 == 1, Whole: i%5 == 2}
		perFW[i%len(frameworks)] = append(perFW[i%len(frameworks)], h)
	}
	for fi, fw := range frameworks {
		hs := perFW[fi]
		var pkgs []string
		for start := 0; start < len(hs); start += perPackage {
			end := min(start+perPackage, len(hs))
			pkg := fmt.Sprintf("%s%d", fw.Name, start/perPackage)
			pkgs = append(pkgs, pkg)
			g.handlerPackage(fw, pkg, hs[start:end])
		}
		g.mainFor(fw, pkgs)
	}
}

func (g *generator) handlerPackage(fw framework, pkg string, hs []handlerData) {
	var b strings.Builder
	fmt.Fprintf(&b, "// Package %s serves items over %s.\npackage %s\n\nimport (\n", pkg, fw.Name, pkg)
	for _, imp := range fw.Imports {
		fmt.Fprintf(&b, "\t%q\n", imp)
	}
	b.WriteString("\n\t\"example.com/svc/auth\"\n\t\"example.com/svc/dto\"\n\t\"example.com/svc/repo\"\n)\n\n")
	b.WriteString("// Handlers holds the dependencies of the handlers.\ntype Handlers struct{ Repo *repo.Repo }\n")
	handler := template.Must(template.New("h").Parse(fw.Handler))
	for _, h := range hs {
		if err := handler.Execute(&b, h); err != nil {
			g.err = err
			return
		}
	}
	routes := template.Must(template.New("r").Parse(fw.Routes))
	if err := routes.Execute(&b, pkgData{Pkg: pkg, Handlers: hs}); err != nil {
		g.err = err
		return
	}
	// Keep every import used whatever the handler mix.
	b.WriteString("\nvar _ = auth.UserID\nvar _ = dto.FromModel0\n")
	g.write(filepath.Join("api", pkg, "handlers.go"), b.String())
}

func (g *generator) mainFor(fw framework, pkgs []string) {
	var b strings.Builder
	fmt.Fprintf(&b, "// Command %s serves the %s API.\npackage main\n\nimport (\n\t\"log\"\n\t\"net/http\"\n\t\"time\"\n\n", fw.Name, fw.Name)
	switch fw.Name {
	case "chi":
		b.WriteString("\t\"github.com/go-chi/chi/v5\"\n")
	case "mux":
		b.WriteString("\t\"github.com/gorilla/mux\"\n")
	case "gin":
		b.WriteString("\t\"github.com/gin-gonic/gin\"\n")
	case "echo":
		b.WriteString("\t\"github.com/labstack/echo/v4\"\n")
	case "fiber":
		b.WriteString("\t\"github.com/gofiber/fiber/v2\"\n")
	}
	b.WriteString("\t\"example.com/svc/auth\"\n\t\"example.com/svc/config\"\n\t\"example.com/svc/repo\"\n")
	for _, p := range pkgs {
		fmt.Fprintf(&b, "\t%q\n", "example.com/svc/api/"+p)
	}
	b.WriteString(")\n\nvar (\n\t_ = time.Second\n\t_ = auth.UserID\n\t_ = http.StatusOK\n)\n\nfunc main() {\n\tr := repo.New(config.DSN())\n")
	reg := func(router string) {
		for _, p := range pkgs {
			fmt.Fprintf(&b, "\t%s.Register(%s, &%s.Handlers{Repo: r})\n", p, router, p)
		}
	}
	switch fw.Name {
	case "std":
		b.WriteString("\tmux := http.NewServeMux()\n")
		reg("mux")
		b.WriteString("\tsrv := &http.Server{Addr: \":8080\", Handler: auth.RateLimit(mux), ReadHeaderTimeout: 5 * time.Second}\n\tlog.Fatal(srv.ListenAndServe())\n")
	case "chi":
		b.WriteString("\tr0 := chi.NewRouter()\n\tr0.Use(auth.RateLimit)\n")
		reg("r0")
		b.WriteString("\tsrv := &http.Server{Addr: \":8081\", Handler: r0, ReadHeaderTimeout: 5 * time.Second}\n\tlog.Fatal(srv.ListenAndServe())\n")
	case "mux":
		b.WriteString("\tr0 := mux.NewRouter()\n")
		reg("r0")
		b.WriteString("\tlog.Fatal(http.ListenAndServe(\":8082\", r0))\n")
	case "gin":
		b.WriteString("\te := gin.New()\n")
		reg("e")
		b.WriteString("\tsrv := &http.Server{Addr: \":8083\", Handler: e, ReadTimeout: 5 * time.Second}\n\tlog.Fatal(srv.ListenAndServe())\n")
	case "echo":
		b.WriteString("\te := echo.New()\n")
		reg("e")
		b.WriteString("\tlog.Fatal(e.Start(\":8084\"))\n")
	case "fiber":
		b.WriteString("\tapp := fiber.New()\n")
		reg("app")
		b.WriteString("\tlog.Fatal(app.Listen(\":8085\"))\n")
	}
	b.WriteString("}\n")
	g.write(filepath.Join("cmd", fw.Name, "main.go"), b.String())
}

func (g *generator) modelsAndRepo() {
	var models, repo, dto strings.Builder
	models.WriteString("// Package models holds the persistence models.\npackage models\n\nimport \"gorm.io/gorm\"\n")
	repo.WriteString(`// Package repo reads and writes the models.
package repo

import (
	"context"

	"gorm.io/gorm"

	"example.com/svc/models"
)

// Repo is the data access layer.
type Repo struct{ db *gorm.DB }

// New opens the repository; the dialector is chosen at deploy time.
func New(dsn string) *Repo { _ = dsn; return &Repo{} }

// sortable are the columns searches may sort by.
var sortable = map[string]bool{"id": true, "name": true}
`)
	dto.WriteString("// Package dto holds the response shapes.\npackage dto\n\nimport \"example.com/svc/models\"\n")
	for m := 0; m < g.models; m++ {
		fmt.Fprintf(&models, `
// Model%[1]d is stored in table model%[1]d.
type Model%[1]d struct {
	gorm.Model
	OwnerID   uint   `+"`gorm:\"index\" json:\"owner_id\"`"+`
	Name      string `+"`json:\"name\"`"+`
	APIToken  string `+"`json:\"api_token\"`"+`
	Notes     string `+"`json:\"notes\"`"+`
}
`, m)
		fmt.Fprintf(&repo, `
// GetModel%[1]d loads a Model%[1]d by id.
func (r *Repo) GetModel%[1]d(ctx context.Context, id uint) (*models.Model%[1]d, error) {
	var m models.Model%[1]d
	if err := r.db.WithContext(ctx).First(&m, id).Error; err != nil {
		return nil, err
	}
	return &m, nil
}

// SearchModel%[1]d finds Model%[1]d rows by name, sorted by an allowlisted column.
func (r *Repo) SearchModel%[1]d(ctx context.Context, name, sort string) ([]models.Model%[1]d, error) {
	if !sortable[sort] {
		sort = "id"
	}
	var out []models.Model%[1]d
	err := r.db.WithContext(ctx).Where("name LIKE ?", "%%"+name+"%%").Order(sort).Find(&out).Error
	return out, err
}
`, m)
		fmt.Fprintf(&dto, `
// Model%[1]d is the response shape of models.Model%[1]d.
type Model%[1]d struct {
	ID   uint   `+"`json:\"id\"`"+`
	Name string `+"`json:\"name\"`"+`
}

// FromModel%[1]d builds the response.
func FromModel%[1]d(m *models.Model%[1]d) Model%[1]d { return Model%[1]d{ID: m.ID, Name: m.Name} }
`, m)
	}
	g.write("models/models.go", models.String())
	g.write("repo/repo.go", repo.String())
	g.write("dto/dto.go", dto.String())
}

func (g *generator) auth() {
	g.write("auth/auth.go", `// Package auth authenticates callers and limits their request rate.
package auth

import (
	"context"
	"net/http"
	"os"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/golang-jwt/jwt/v5"
	"github.com/labstack/echo/v4"
	"golang.org/x/time/rate"
)

type ctxKey struct{}

// Claims are the token claims.
type Claims struct {
	UID uint `+"`json:\"uid\"`"+`
	jwt.RegisteredClaims
}

var secret = []byte(os.Getenv("JWT_SECRET"))

func parse(raw string) (*Claims, error) {
	c := &Claims{}
	_, err := jwt.ParseWithClaims(raw, c, func(*jwt.Token) (any, error) { return secret, nil }, jwt.WithValidMethods([]string{"HS256"}))
	return c, err
}

// Middleware authenticates net/http requests.
func Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := parse(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "))
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, c.UID)))
	})
}

// UserID is the caller's id.
func UserID(ctx context.Context) uint {
	id, _ := ctx.Value(ctxKey{}).(uint)
	return id
}

// Gin authenticates gin requests.
func Gin() gin.HandlerFunc {
	return func(c *gin.Context) {
		cl, err := parse(strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer "))
		if err != nil {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Set("uid", cl.UID)
		c.Next()
	}
}

// Echo authenticates echo requests.
func Echo(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		cl, err := parse(strings.TrimPrefix(c.Request().Header.Get("Authorization"), "Bearer "))
		if err != nil {
			return echo.ErrUnauthorized
		}
		c.Set("uid", cl.UID)
		return next(c)
	}
}

// Fiber authenticates fiber requests.
func Fiber(c *fiber.Ctx) error {
	cl, err := parse(strings.TrimPrefix(c.Get("Authorization"), "Bearer "))
	if err != nil {
		return fiber.ErrUnauthorized
	}
	c.Locals("uid", cl.UID)
	return c.Next()
}

var limiter = rate.NewLimiter(100, 200)

// RateLimit rejects requests over the service-wide rate.
func RateLimit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !limiter.Allow() {
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		next.ServeHTTP(w, r)
	})
}
`)
}

// config writes many string constants: names, messages, paths and a few
// secrets-looking values, as real services have.
func (g *generator) config(n int) {
	var b strings.Builder
	b.WriteString("// Package config holds settings and messages.\npackage config\n\nimport \"os\"\n\n")
	b.WriteString("// DSN is the database connection string.\nfunc DSN() string { return os.Getenv(\"DATABASE_URL\") }\n\nconst (\n")
	for i := 0; i < n; i++ {
		switch i % 4 {
		case 0:
			fmt.Fprintf(&b, "\tMsgItem%dNotFound = \"item %d was not found, check the id and try again\"\n", i, i)
		case 1:
			fmt.Fprintf(&b, "\tPathItem%d = \"/api/v1/items%d/{id}\"\n", i, i)
		case 2:
			fmt.Fprintf(&b, "\tTokenHeader%d = \"X-Item%d-Token\"\n", i, i)
		case 3:
			fmt.Fprintf(&b, "\tCacheKey%d = \"items:%d:%%s:v2\"\n", i, i)
		}
	}
	b.WriteString(")\n")
	g.write("config/config.go", b.String())
}
