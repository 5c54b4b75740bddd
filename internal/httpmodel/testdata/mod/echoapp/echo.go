package echoapp

import (
	"net/http"

	"github.com/jmoiron/sqlx"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

type API struct{ db *sqlx.DB }

type Invoice struct {
	ID    string `db:"id"`
	Owner string `db:"owner"`
}

func New(a *API) *echo.Echo {
	e := echo.New()
	e.Pre(middleware.RemoveTrailingSlash())
	g := e.Group("/v1", middleware.KeyAuth(func(k string, c echo.Context) (bool, error) { return k == "x", nil }))
	g.GET("/invoices/:id", a.getInvoice, middleware.BodyLimit("1M")) // want `route GET /v1/invoices/:id -> \(\*API\).getInvoice@echo.go:\d+ \[RemoveTrailingSlash CORS\(cors\) KeyAuth\(auth\) BodyLimit\(bodylimit\)\]`
	g.Use(middleware.RateLimiter(middleware.NewRateLimiterMemoryStore(10)))
	g.DELETE("/invoices/:id", a.deleteInvoice) // want `route DELETE /v1/invoices/:id -> \(\*API\).deleteInvoice@echo.go:\d+ \[RemoveTrailingSlash CORS\(cors\) KeyAuth\(auth\) RateLimiter\(ratelimit\)\]`
	e.Use(middleware.CORS())
	return e
}

func (a *API) getInvoice(c echo.Context) error { // want `handler \(\*API\).getInvoice echo`
	var inv Invoice
	owner := c.Get("user").(string)                                                                    // want `principal echo.Get user`
	err := a.db.Get(&inv, "SELECT * FROM invoices WHERE id = $1 AND owner = $2", c.Param("id"), owner) // want `access sqlx read Get \[c.Param\("id"\)<path:id, owner<principal\] conds=0` `input path id`
	if err != nil {
		return c.JSON(http.StatusNotFound, map[string]string{"error": "not found"}) // want `response json error map\[string\]string\{…\}`
	}
	return c.JSON(http.StatusOK, inv) // want `response json inv`
}

func (a *API) deleteInvoice(c echo.Context) error { // want `handler \(\*API\).deleteInvoice echo`
	id := c.Param("id")                                     // want `input path id`
	a.db.MustExec("DELETE FROM invoices WHERE id = $1", id) // want `access sqlx delete MustExec \[id<path:id\] conds=0`
	return c.NoContent(204)                                 // want `response $`
}

// Context keys returned by functions (memos v0.9.0's
// getUserIDContextKey): the key is named by what the function returns.
const userIDKey = "user-id"

var sessionUserKey = "session-user"

func getUserIDKey() string { return userIDKey }

func getSessionUserKey() string { return sessionUserKey }

func getRequestIDKey() string { return "request-id" }

func (a *API) keyedInvoice(c echo.Context) error { // want `handler \(\*API\).keyedInvoice echo`
	uid, _ := c.Get(getUserIDKey()).(string)     // want `principal echo.Get user-id`
	su, _ := c.Get(getSessionUserKey()).(string) // want `principal echo.Get sessionUserKey`
	var inv Invoice
	err := a.db.Get(&inv, "SELECT * FROM invoices WHERE id = $1 AND owner IN ($2, $3)", c.Param("id"), uid, su) // want `access sqlx read Get \[c.Param\("id"\)<path:id, uid<principal, su<principal\] conds=0` `input path id`
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, inv) // want `response json inv`
}

// callerID returns the caller read under a key a function returns.
func callerID(c echo.Context) string { // want `fact principal\(echo.Get\)`
	id, _ := c.Get(getUserIDKey()).(string)
	return id
}

// requestID reads request plumbing, under a key a function returns: no
// principal.
func requestID(c echo.Context) string {
	id, _ := c.Get(getRequestIDKey()).(string)
	return id
}
