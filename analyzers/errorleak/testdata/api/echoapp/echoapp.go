// Package echoapp: echo handlers and error handlers.
package echoapp

import (
	"database/sql"
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"
)

type H struct{ db *sql.DB }

func (h *H) get(c echo.Context) error {
	var name string
	if err := h.db.QueryRow("SELECT name FROM users WHERE id = ?", c.Param("id")).Scan(&name); err != nil {
		return echo.NewHTTPError(http.StatusNotFound, err.Error()) // want `err.Error\(\) of a database error is sent to the client by echo.NewHTTPError`
	}
	return c.String(http.StatusOK, name)
}

func (h *H) del(c echo.Context) error {
	if _, err := h.db.Exec("DELETE FROM users WHERE id = ?", c.Param("id")); err != nil {
		return echo.NewHTTPError(http.StatusInternalServerError, err) // want `err of a database error is sent to the client by echo.NewHTTPError`
	}
	return c.NoContent(http.StatusNoContent)
}

func (h *H) list(c echo.Context) error {
	rows, err := h.db.Query("SELECT name FROM users")
	if err != nil {
		return c.JSON(http.StatusInternalServerError, map[string]string{"error": err.Error()}) // want `err.Error\(\) of a database error is sent to the client by c.JSON`
	}
	defer rows.Close()
	return c.NoContent(http.StatusOK)
}

func New() *echo.Echo {
	e := echo.New()
	e.Debug = true // want `echo's Debug mode is on`
	e.HTTPErrorHandler = func(err error, c echo.Context) {
		_ = c.JSON(http.StatusInternalServerError, map[string]string{"message": err.Error()}) // want `err.Error\(\) of every error reaches the client in this error handler`
	}
	return e
}

// ---- not reported ----

type req struct {
	Name string `json:"name"`
}

func (h *H) create(c echo.Context) error {
	var in req
	if err := c.Bind(&in); err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, err.Error())
	}
	if _, err := h.db.Exec("INSERT INTO users(name) VALUES (?)", in.Name); err != nil {
		return echo.NewHTTPError(http.StatusInternalServerError).SetInternal(err)
	}
	return c.NoContent(http.StatusCreated)
}

func Safe(debug bool) *echo.Echo {
	e := echo.New()
	e.Debug = debug
	if debug {
		e.Debug = true // want `echo's Debug mode is turned on under a condition`
	}
	e.HTTPErrorHandler = func(err error, c echo.Context) {
		var he *echo.HTTPError
		if errors.As(err, &he) {
			_ = c.JSON(he.Code, map[string]any{"message": he.Message})
			return
		}
		_ = c.JSON(http.StatusInternalServerError, map[string]string{"message": "internal error"})
	}
	return e
}
