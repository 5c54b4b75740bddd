package echoapi

import (
	"net/http"

	"github.com/jmoiron/sqlx"
	"github.com/labstack/echo/v4"

	"example.com/api/models"
)

type H struct{ DB *sqlx.DB }

func (h *H) customer(c echo.Context) error {
	var cu models.Customer
	if err := h.DB.Get(&cu, "SELECT * FROM customers WHERE id = $1", c.Param("id")); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, cu) // want `JSON sends persistence model models.Customer with its sensitive field SSN`
}

type envelope struct {
	Data  any    `json:"data"`
	Error string `json:"error,omitempty"`
}

func (h *H) enveloped(c echo.Context) error {
	var cu models.Customer
	_ = h.DB.Get(&cu, "SELECT * FROM customers WHERE id = $1", c.Param("id"))
	return c.JSONPretty(http.StatusOK, envelope{Data: &cu}, "  ") // want `JSONPretty sends persistence model models.Customer \(at "data"\) with its sensitive field SSN`
}

type customerList struct {
	Items []models.Customer `json:"items"`
	Next  string            `json:"next"`
}

func (h *H) listTyped(c echo.Context) error {
	var out customerList
	_ = h.DB.Select(&out.Items, "SELECT * FROM customers")
	return c.JSON(http.StatusOK, out) // want `sends persistence model models.Customer \(at "items\[\]"\) with its sensitive field SSN`
}

// ---- negatives ----

func (h *H) account(c echo.Context) error {
	var a models.Account
	_ = h.DB.Get(&a, "SELECT * FROM accounts WHERE id = $1", c.Param("id"))
	return c.JSON(http.StatusOK, a) // want `JSON sends models.Account whole.*a persistence model: its fields have db tags`
}

func (h *H) card(c echo.Context) error {
	var cd models.Card
	_ = h.DB.Get(&cd, "SELECT * FROM cards WHERE id = $1", c.Param("id"))
	return c.JSON(http.StatusOK, cd) // custom MarshalJSON
}

func (h *H) cardXMLNote(c echo.Context) error {
	var cu models.Customer
	_ = h.DB.Get(&cu, "SELECT * FROM customers WHERE id = $1", c.Param("id"))
	return c.String(http.StatusOK, cu.SSN.String[5:]) // text
}

func (h *H) envelopeDTO(c echo.Context) error {
	return c.JSON(http.StatusOK, envelope{Data: map[string]string{"status": "ok"}})
}
