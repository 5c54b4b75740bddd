package echoapi

import (
	"net/http"

	"github.com/jmoiron/sqlx"
	"github.com/labstack/echo/v4"

	"example.com/api/models"
)

type H struct{ DB *sqlx.DB }

func (h *H) createProduct(c echo.Context) error {
	var p models.Product
	if err := c.Bind(&p); err != nil { // want `Bind binds client input into persistence model models.Product, which \(\*sqlx.DB\).NamedExec writes at line \d+: the client can set Price`
		return err
	}
	_, err := h.DB.NamedExec(`INSERT INTO products (name, price) VALUES (:name, :price)`, &p)
	return err
}

func (h *H) renameProduct(c echo.Context) error {
	var p models.Product
	if err := c.Bind(&p); err != nil {
		return err
	}
	// Only the name is written.
	_, err := h.DB.NamedExec(`UPDATE products SET name = :name WHERE id = :id`, &p)
	return err
}

func (h *H) wallet(c echo.Context) error {
	var w models.Wallet
	if err := c.Bind(&w); err != nil {
		return err
	}
	_, err := h.DB.NamedExec(`INSERT INTO wallets (label, balance) VALUES (:label, :balance)`, w)
	return err
}

func (h *H) priceSQL(c echo.Context) error {
	var p models.Product
	if err := c.Bind(&p); err != nil { // want `which \(\*sql.DB\).Exec \(SQL UPDATE\) writes .*Price`
		return err
	}
	_, err := h.DB.Exec(`UPDATE products SET name = $1, price = $2 WHERE id = $3`, p.Name, p.Price, c.Param("id"))
	return err
}

func (h *H) nameSQL(c echo.Context) error {
	var p models.Product
	if err := c.Bind(&p); err != nil {
		return err
	}
	_, err := h.DB.Exec(`UPDATE products SET name = $1 WHERE id = $2`, p.Name, c.Param("id"))
	if err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
