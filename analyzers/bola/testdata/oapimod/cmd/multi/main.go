// Command multi serves the same API through the echo, gin, fiber and
// std-http generated servers, with implementations in this package.
package main

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
	openapi_types "github.com/oapi-codegen/runtime/types"
	"gorm.io/gorm"

	"example.com/oapibola/api/echo"
	"example.com/oapibola/api/fiber"
	"example.com/oapibola/api/gin"
	"example.com/oapibola/api/std"
	"example.com/oapibola/auth"
	"example.com/oapibola/store"
)

// echoServer is served behind an authenticating echo middleware.
type echoServer struct{ db *gorm.DB }

func (s *echoServer) GetOrder(ctx echo.Context, orderId string) error {
	var o store.Order
	s.db.First(&o, "id = ?", orderId) // want `path parameter "orderId" selects store.Order in \(\*gorm.DB\).First on GET /orders/:orderId`
	return ctx.JSON(http.StatusOK, o)
}

func (s *echoServer) GetMyOrder(ctx echo.Context, orderId string) error {
	me := auth.FromContext(ctx.Request().Context())
	var o store.Order
	s.db.Where("user_id = ?", me.ID).First(&o, "id = ?", orderId)
	return ctx.JSON(http.StatusOK, o)
}

func (s *echoServer) DeleteOrder(ctx echo.Context, orderId openapi_types.UUID) error {
	s.db.Delete(&store.Order{}, "id = ?", orderId.String()) // want `path parameter "orderId" selects store.Order in \(\*gorm.DB\).Delete on DELETE /orders/:orderId`
	return ctx.NoContent(http.StatusNoContent)
}

// UpdateOrder checks the owner before the change.
func (s *echoServer) UpdateOrder(ctx echo.Context, orderId string) error {
	me := auth.FromContext(ctx.Request().Context())
	var o store.Order
	s.db.First(&o, "id = ?", orderId)
	if o.UserID != me.ID {
		return echo.ErrForbidden
	}
	s.db.Model(&o).Update("item", ctx.FormValue("item"))
	return ctx.NoContent(http.StatusNoContent)
}

// ListOrders lists the caller's orders; limit is no identifier.
func (s *echoServer) ListOrders(ctx echo.Context, params echoapi.ListOrdersParams) error {
	me := auth.FromContext(ctx.Request().Context())
	var os []store.Order
	s.db.Where("user_id = ?", me.ID).Limit(*params.Limit).Find(&os)
	return ctx.JSON(http.StatusOK, os)
}

func (s *echoServer) GetProduct(ctx echo.Context, productId string) error {
	var p store.Product
	s.db.First(&p, "id = ?", productId) // catalog data: no owner
	return ctx.JSON(http.StatusOK, p)
}

// ginServer is served on an admin-only group.
type ginServer struct{ db *gorm.DB }

func (s *ginServer) GetOrder(c *gin.Context, orderId string) {
	var o store.Order
	s.db.First(&o, "id = ?", orderId)
	c.JSON(http.StatusOK, o)
}
func (s *ginServer) GetMyOrder(c *gin.Context, orderId string) { s.GetOrder(c, orderId) }
func (s *ginServer) DeleteOrder(c *gin.Context, orderId openapi_types.UUID) {
	s.db.Delete(&store.Order{}, "id = ?", orderId.String())
}
func (s *ginServer) UpdateOrder(c *gin.Context, orderId string)                {}
func (s *ginServer) ListOrders(c *gin.Context, params ginapi.ListOrdersParams) {}
func (s *ginServer) GetProduct(c *gin.Context, productId string)               {}

// requireAdmin lets only administrators through.
func requireAdmin(c *gin.Context) {
	if c.GetHeader("X-Admin") == "" {
		c.AbortWithStatus(http.StatusForbidden)
		return
	}
	c.Next()
}

// fiberServer is served with no authentication: its reads are public by
// design, its changes are not.
type fiberServer struct{ db *gorm.DB }

func (s *fiberServer) GetOrder(c *fiber.Ctx, orderId string) error {
	var o store.Order
	s.db.First(&o, "id = ?", orderId)
	return c.JSON(o)
}
func (s *fiberServer) GetMyOrder(c *fiber.Ctx, orderId string) error { return nil }
func (s *fiberServer) DeleteOrder(c *fiber.Ctx, orderId openapi_types.UUID) error {
	s.db.Delete(&store.Order{}, "id = ?", orderId.String()) // want `no caller known: fiberServer's 1 route acts on owned objects by client-chosen IDs \(DELETE /orders/:orderId: path parameter "orderId" selects store.Order\)`
	return nil
}
func (s *fiberServer) UpdateOrder(c *fiber.Ctx, orderId string) error                  { return nil }
func (s *fiberServer) ListOrders(c *fiber.Ctx, params fiberapi.ListOrdersParams) error { return nil }
func (s *fiberServer) GetProduct(c *fiber.Ctx, productId string) error                 { return nil }

// stdServer is served with a per-operation admin middleware, and on a
// public mux (reads public by design, the delete not).
type stdServer struct{ db *gorm.DB }

func (s *stdServer) GetOrder(w http.ResponseWriter, r *http.Request, orderId string) {
	var o store.Order
	s.db.First(&o, "id = ?", orderId)
}
func (s *stdServer) GetMyOrder(w http.ResponseWriter, r *http.Request, orderId string) {}
func (s *stdServer) DeleteOrder(w http.ResponseWriter, r *http.Request, orderId openapi_types.UUID) {
	s.db.Delete(&store.Order{}, "id = ?", orderId.String()) // want `no caller known: stdServer's 1 route acts on owned objects by client-chosen IDs \(DELETE /orders/{orderId}: path parameter "orderId" selects store.Order\)`
}
func (s *stdServer) UpdateOrder(w http.ResponseWriter, r *http.Request, orderId string) {}

// ListOrders lists the orders of an account the client names: only to
// admins, or publicly.
func (s *stdServer) ListOrders(w http.ResponseWriter, r *http.Request, params stdapi.ListOrdersParams) {
	var os []store.Order
	s.db.Where("user_id = ?", *params.AccountId).Find(&os)
}
func (s *stdServer) GetProduct(w http.ResponseWriter, r *http.Request, productId string) {}

func echoAuth(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if c.Request().Header.Get("Authorization") == "" {
			return echo.ErrUnauthorized
		}
		return next(c)
	}
}

func main() {
	var db *gorm.DB

	e := echo.New()
	e.Use(echoAuth)
	echoapi.RegisterHandlers(e, &echoServer{db: db})

	g := gin.New()
	admin := g.Group("/admin", requireAdmin)
	ginapi.RegisterHandlersWithOptions(admin, &ginServer{db: db}, ginapi.GinServerOptions{BaseURL: "/v1"})

	app := fiber.New()
	fiberapi.RegisterHandlers(app, &fiberServer{db: db})

	mux := http.NewServeMux()
	stdapi.HandlerWithOptions(&stdServer{db: db}, stdapi.StdHTTPServerOptions{BaseRouter: mux, Middlewares: []stdapi.MiddlewareFunc{auth.RequireAdmin}})

	public := http.NewServeMux()
	stdapi.HandlerFromMux(&stdServer{db: db}, public)

	go e.Start(":8081")
	go g.Run(":8082")
	go app.Listen(":8083")
	go http.ListenAndServe(":8085", public)
	http.ListenAndServe(":8084", mux)
}
