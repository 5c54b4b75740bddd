// Package ifaces reaches its data through interfaces whose
// implementations are not in the program (another module, generated
// clients, mocks), and decides access through an authorizer object.
package ifaces

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"

	"example.com/bolatest/auth"
	"example.com/bolatest/ids"
	"example.com/bolatest/store"
)

// OrderStore is implemented in another module.
type OrderStore interface {
	GetOrder(ctx context.Context, id string) (*store.Order, error)
	GetOrderFor(ctx context.Context, userID uint, id string) (*store.Order, error)
	DeleteOrder(ctx context.Context, id string) error
	CountOrders(ctx context.Context) (int, error)
	GetOrderInTenant(ctx context.Context, id string, tenant TenantID) (*store.Order, error)
	GetOrderOfTenant(ctx context.Context, id string, tenant ids.Tenant) (*store.Order, error)
}

// TenantID is a parsed tenant identifier (signoz's valuer.UUID).
type TenantID struct{ v int64 }

// MustTenant converts the caller's tenant to its typed form.
func MustTenant(n int64) TenantID { return TenantID{n} }

// ParseTenant converts it, with an error (signoz's valuer.NewUUID).
func ParseTenant(n int64) (TenantID, error) {
	if n == 0 {
		return TenantID{}, errForbidden
	}
	return TenantID{n}, nil
}

// Catalog serves public data.
type Catalog interface {
	GetProduct(ctx context.Context, id string) (*store.Product, error)
}

// Policy decides what a caller may do with an object.
type Policy interface {
	Check(ctx context.Context, u *auth.User, action string, obj any) bool
}

// Health is not an authorizer: Check says nothing about the order.
type Health interface {
	Check(ctx context.Context, what string) bool
}

type API struct {
	Orders  OrderStore
	Catalog Catalog
	Policy  Policy
	Health  Health
	Users   UsersClient
}

// UsersClient is a generated client of another service's API: that
// service authorizes the calls it receives.
type UsersClient interface {
	DeleteUser(ctx context.Context, userID string) (*http.Response, error)
	DeleteUserWithResponse(ctx context.Context, userID string) (*DeleteUserResponse, error)
}

// DeleteUserResponse is the shape of oapi-codegen's client responses.
type DeleteUserResponse struct {
	Body         []byte
	HTTPResponse *http.Response
}

func (a *API) Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /orders/{id}", a.getOrder)
	mux.HandleFunc("GET /mine/orders/{id}", a.getMyOrder)
	mux.HandleFunc("DELETE /orders/{id}", a.deleteOrder)
	mux.HandleFunc("GET /checked/orders/{id}", a.getCheckedOrder)
	mux.HandleFunc("GET /health/orders/{id}", a.getOrderAfterHealth)
	mux.HandleFunc("GET /products/{id}", a.getProduct)
	mux.HandleFunc("GET /orders/count", a.countOrders)
	mux.HandleFunc("DELETE /checked/orders/{id}", a.deleteCheckedOrder)
	mux.HandleFunc("GET /tenant/orders/{id}", a.getTenantOrder)
	mux.HandleFunc("GET /tenant2/orders/{id}", a.getParsedTenantOrder)
	mux.HandleFunc("GET /tenant3/orders/{id}", a.getClaimsTenantOrder)
	mux.HandleFunc("GET /tenant4/orders/{id}", a.getModuleTenantOrder)
	mux.HandleFunc("DELETE /normalized/orders/{id}", a.deleteNormalized)
	mux.HandleFunc("DELETE /unchecked/orders/{id}", a.deleteUncheckedOrder)
	mux.HandleFunc("DELETE /proxy/users/{userID}", a.deleteUpstreamUser)
	mux.HandleFunc("DELETE /proxy2/users/{userID}", a.deleteUpstreamUser2)
	return auth.Middleware(mux)
}

func (a *API) getOrder(w http.ResponseWriter, r *http.Request) {
	o, err := a.Orders.GetOrder(r.Context(), r.PathValue("id")) // want `path parameter "id" selects store.Order in \(ifaces.OrderStore\).GetOrder on GET /orders/{id}`
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	json.NewEncoder(w).Encode(o)
}

func (a *API) getMyOrder(w http.ResponseWriter, r *http.Request) {
	me := auth.FromContext(r.Context())
	o, _ := a.Orders.GetOrderFor(r.Context(), me.ID, r.PathValue("id"))
	json.NewEncoder(w).Encode(o)
}

func (a *API) deleteOrder(w http.ResponseWriter, r *http.Request) {
	a.Orders.DeleteOrder(r.Context(), r.PathValue("id")) // want `path parameter "id" selects store.Order in \(ifaces.OrderStore\).DeleteOrder on DELETE /orders/{id}`
	w.WriteHeader(http.StatusNoContent)
}

// getCheckedOrder asks the policy about the loaded order and stops.
func (a *API) getCheckedOrder(w http.ResponseWriter, r *http.Request) {
	me := auth.FromContext(r.Context())
	o, err := a.Orders.GetOrder(r.Context(), r.PathValue("id"))
	if err != nil || !a.Policy.Check(r.Context(), me, "read", o) {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	json.NewEncoder(w).Encode(o)
}

// getOrderAfterHealth calls a Check that is no authorization.
func (a *API) getOrderAfterHealth(w http.ResponseWriter, r *http.Request) {
	if !a.Health.Check(r.Context(), "db") {
		http.Error(w, "unavailable", http.StatusServiceUnavailable)
		return
	}
	o, _ := a.Orders.GetOrder(r.Context(), r.PathValue("id")) // want `path parameter "id" selects store.Order in \(ifaces.OrderStore\).GetOrder on GET /health/orders/{id}`
	json.NewEncoder(w).Encode(o)
}

func (a *API) getProduct(w http.ResponseWriter, r *http.Request) {
	p, _ := a.Catalog.GetProduct(r.Context(), r.PathValue("id"))
	json.NewEncoder(w).Encode(p)
}

func (a *API) countOrders(w http.ResponseWriter, r *http.Request) {
	n, _ := a.Orders.CountOrders(r.Context())
	json.NewEncoder(w).Encode(n)
}

// CheckOrderAccess is a project helper handed the policy (harness's
// apiauth.CheckRegistry(ctx, c.Authorizer, session, ...)).
func CheckOrderAccess(ctx context.Context, p Policy, u *auth.User, action string) error {
	if !p.Check(ctx, u, action, nil) {
		return errForbidden
	}
	return nil
}

// CheckOrderFormat is named the same way but is handed no authorizer.
func CheckOrderFormat(ctx context.Context, u *auth.User, action string) error {
	if action == "" {
		return errForbidden
	}
	return nil
}

var errForbidden = errors.New("forbidden")

// deleteCheckedOrder decides through the helper and the policy.
func (a *API) deleteCheckedOrder(w http.ResponseWriter, r *http.Request) {
	me := auth.FromContext(r.Context())
	if err := CheckOrderAccess(r.Context(), a.Policy, me, "delete"); err != nil {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	a.Orders.DeleteOrder(r.Context(), r.PathValue("id"))
}

// deleteUncheckedOrder's check is not handed any authorizer.
func (a *API) deleteUncheckedOrder(w http.ResponseWriter, r *http.Request) {
	me := auth.FromContext(r.Context())
	if err := CheckOrderFormat(r.Context(), me, "delete"); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	a.Orders.DeleteOrder(r.Context(), r.PathValue("id")) // want `path parameter "id" selects store.Order in \(ifaces.OrderStore\).DeleteOrder on DELETE /unchecked/orders/{id}`
}

// getTenantOrder scopes the lookup by the caller's tenant, converted by a
// project function (signoz's module.Get(ctx, req.FunnelID,
// valuer.MustNewUUID(claims.OrgID))).
func (a *API) getTenantOrder(w http.ResponseWriter, r *http.Request) {
	me := auth.FromContext(r.Context())
	o, _ := a.Orders.GetOrderInTenant(r.Context(), r.PathValue("id"), MustTenant(me.TenantID))
	json.NewEncoder(w).Encode(o)
}

// getParsedTenantOrder is the same with a two-result conversion, through
// a helper of the package.
func (a *API) getParsedTenantOrder(w http.ResponseWriter, r *http.Request) {
	me := auth.FromContext(r.Context())
	tenant, err := ParseTenant(me.TenantID)
	if err != nil {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	o, _ := a.orderInTenant(r.Context(), tenant, r.PathValue("id"))
	json.NewEncoder(w).Encode(o)
}

func (a *API) orderInTenant(ctx context.Context, tenant TenantID, id string) (*store.Order, error) {
	return a.Orders.GetOrderInTenant(ctx, id, tenant)
}

// getClaimsTenantOrder learns the caller from a two-result claims helper.
func (a *API) getClaimsTenantOrder(w http.ResponseWriter, r *http.Request) {
	claims, err := auth.ClaimsFromContext(r.Context())
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	tenant, err := ParseTenant(claims.OrgID)
	if err != nil {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	o, _ := a.orderInTenant(r.Context(), tenant, r.PathValue("id"))
	json.NewEncoder(w).Encode(o)
}

// getModuleTenantOrder converts the caller's tenant with a function of
// another package of the module: still the caller's.
func (a *API) getModuleTenantOrder(w http.ResponseWriter, r *http.Request) {
	claims, err := auth.ClaimsFromContext(r.Context())
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	o, _ := a.Orders.GetOrderOfTenant(r.Context(), r.PathValue("id"), ids.MustNewTenant(claims.OrgID))
	json.NewEncoder(w).Encode(o)
}

// deleteNormalized converts the client's ID the same way: still the
// client's choice.
func (a *API) deleteNormalized(w http.ResponseWriter, r *http.Request) {
	a.Orders.DeleteOrder(r.Context(), ids.FromPath(r.PathValue("id"))) // want `path parameter "id" selects store.Order in \(ifaces.OrderStore\).DeleteOrder on DELETE /normalized/orders/{id}`
}

// deleteUpstreamUser forwards to the users service's API: no store of
// this service is touched.
func (a *API) deleteUpstreamUser(w http.ResponseWriter, r *http.Request) {
	resp, err := a.Users.DeleteUser(r.Context(), r.PathValue("userID"))
	if err != nil {
		http.Error(w, "upstream", http.StatusBadGateway)
		return
	}
	w.WriteHeader(resp.StatusCode)
}

func (a *API) deleteUpstreamUser2(w http.ResponseWriter, r *http.Request) {
	resp, err := a.Users.DeleteUserWithResponse(r.Context(), r.PathValue("userID"))
	if err != nil {
		http.Error(w, "upstream", http.StatusBadGateway)
		return
	}
	w.WriteHeader(resp.HTTPResponse.StatusCode)
}
