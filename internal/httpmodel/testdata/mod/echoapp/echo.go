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
