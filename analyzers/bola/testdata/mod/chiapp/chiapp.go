// Package chiapp is a chi + gorm service.
package chiapp

import (
	"encoding/json"
	"log"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"
	"gorm.io/gorm"

	"example.com/bolatest/auth"
	"example.com/bolatest/authz"
	"example.com/bolatest/repo"
	"example.com/bolatest/store"
)

type API struct {
	DB     *gorm.DB
	Orders *repo.Orders
}

func (a *API) Routes() http.Handler {
	r := chi.NewRouter()
	r.Use(auth.Middleware)
	r.Get("/orders/{id}", a.getOrder)
	r.Put("/orders/{id}", a.updateOrder)
	r.Delete("/orders/{id}", a.deleteOrder)
	r.Get("/orders/{id}/logged", a.getOrderLogsOnly)
	r.Get("/users/{uid}/orders", a.listUserOrders)

	r.Get("/me/orders/{id}", a.getMyOrder)
	r.Get("/me/orders/{id}/checked", a.getOrderChecked)
	r.Get("/me/orders/{id}/guarded", a.getOrderGuarded)
	r.Get("/me/orders/{id}/authorized", a.getOrderAuthorized)
	r.Delete("/me/orders/{id}", a.deleteMyOrder)
	r.Get("/me/users/{uid}/orders", a.listUserOrdersChecked)
	r.Get("/me/orders", a.listMyOrders)
	r.Get("/products/{id}", a.getProduct)
	r.Get("/feeds/{id}/orders", a.getFeedOrders)
	r.Get("/people/{uid}/orders", a.listEffectiveUserOrders)
	r.Get("/people/{uid}/orders/confirmed", a.listConfirmedUserOrders)

	r.Route("/admin", func(r chi.Router) {
		r.Use(auth.RequireAdmin)
		r.Delete("/orders/{id}", a.adminDeleteOrder)
	})
	return r
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

// Bad: any caller reads any order.
func (a *API) getOrder(w http.ResponseWriter, r *http.Request) {
	var o store.Order
	if err := a.DB.First(&o, chi.URLParam(r, "id")).Error; err != nil { // want `path parameter "id" selects store.Order .*GET /orders/\{id\}`
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	writeJSON(w, o)
}

// Bad: any caller rewrites any order.
func (a *API) updateOrder(w http.ResponseWriter, r *http.Request) {
	id := chi.URLParam(r, "id")
	var in struct{ Item string }
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	a.DB.Model(&store.Order{}).Where("id = ?", id).Update("item", in.Item) // want `path parameter "id" selects store.Order`
	w.WriteHeader(http.StatusNoContent)
}

// Bad: the repository deletes by id alone.
func (a *API) deleteOrder(w http.ResponseWriter, r *http.Request) {
	id, _ := strconv.ParseUint(chi.URLParam(r, "id"), 10, 64)
	if err := a.Orders.Delete(r.Context(), uint(id)); err != nil { // want `path parameter "id" selects store.Order .*repo`
		http.Error(w, "error", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// Bad: the owner comparison only logs.
func (a *API) getOrderLogsOnly(w http.ResponseWriter, r *http.Request) {
	me := auth.FromContext(r.Context())
	var o store.Order
	if err := a.DB.First(&o, chi.URLParam(r, "id")).Error; err != nil { // want `path parameter "id" selects store.Order`
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	if o.UserID != me.ID {
		log.Printf("user %d reads order of user %d", me.ID, o.UserID)
	}
	writeJSON(w, o)
}

// Bad: the owner id itself comes from the path.
func (a *API) listUserOrders(w http.ResponseWriter, r *http.Request) {
	var orders []store.Order
	a.DB.Where("user_id = ?", chi.URLParam(r, "uid")).Find(&orders) // want `path parameter "uid" selects store.Order`
	writeJSON(w, orders)
}

// Good: the query is scoped to the caller.
func (a *API) getMyOrder(w http.ResponseWriter, r *http.Request) {
	me := auth.FromContext(r.Context())
	var o store.Order
	if err := a.DB.Where("user_id = ?", me.ID).First(&o, chi.URLParam(r, "id")).Error; err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	writeJSON(w, o)
}

// Good: the owner is compared and a mismatch stops with 404.
func (a *API) getOrderChecked(w http.ResponseWriter, r *http.Request) {
	me := auth.FromContext(r.Context())
	var o store.Order
	if err := a.DB.First(&o, chi.URLParam(r, "id")).Error; err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	if o.UserID != me.ID {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	writeJSON(w, o)
}

// Good: the response is written only when the caller owns the order.
func (a *API) getOrderGuarded(w http.ResponseWriter, r *http.Request) {
	me := auth.FromContext(r.Context())
	o, err := a.Orders.ByID(r.Context(), parseID(chi.URLParam(r, "id")))
	if err != nil {
		http.Error(w, "error", http.StatusInternalServerError)
		return
	}
	if o != nil && o.UserID == me.ID {
		writeJSON(w, o)
	} else {
		http.Error(w, "not found", http.StatusNotFound)
	}
}

// Good: a project authorization function decides.
func (a *API) getOrderAuthorized(w http.ResponseWriter, r *http.Request) {
	me := auth.FromContext(r.Context())
	o, err := a.Orders.ByID(r.Context(), parseID(chi.URLParam(r, "id")))
	if err != nil {
		http.Error(w, "error", http.StatusInternalServerError)
		return
	}
	if !authz.CanViewOrder(me, o) {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	writeJSON(w, o)
}

// Good: the repository receives the caller too.
func (a *API) deleteMyOrder(w http.ResponseWriter, r *http.Request) {
	me := auth.FromContext(r.Context())
	id := parseID(chi.URLParam(r, "id"))
	if _, err := a.Orders.ByIDForUser(r.Context(), id, me.ID); err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	a.DB.Where("user_id = ?", me.ID).Delete(&store.Order{}, id)
	w.WriteHeader(http.StatusNoContent)
}

// Good: the path's user id must be the caller's.
func (a *API) listUserOrdersChecked(w http.ResponseWriter, r *http.Request) {
	me := auth.FromContext(r.Context())
	uid := parseID(chi.URLParam(r, "uid"))
	if uid != me.ID {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	var orders []store.Order
	a.DB.Where("user_id = ?", uid).Find(&orders)
	writeJSON(w, orders)
}

// Good: no client-chosen id at all.
func (a *API) listMyOrders(w http.ResponseWriter, r *http.Request) {
	me := auth.FromContext(r.Context())
	var orders []store.Order
	a.DB.Where("user_id = ?", me.ID).Find(&orders)
	writeJSON(w, orders)
}

// Good: products are catalog data, not per-user objects.
func (a *API) getProduct(w http.ResponseWriter, r *http.Request) {
	var p store.Product
	if err := a.DB.First(&p, chi.URLParam(r, "id")).Error; err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	writeJSON(w, p)
}

// Good: only administrators reach this route.
func (a *API) adminDeleteOrder(w http.ResponseWriter, r *http.Request) {
	a.DB.Delete(&store.Order{}, chi.URLParam(r, "id"))
	w.WriteHeader(http.StatusNoContent)
}

func parseID(s string) uint {
	n, _ := strconv.ParseUint(s, 10, 64)
	return uint(n)
}

// Good: the helper receives the request and scopes by the caller itself.
func (a *API) getFeedOrders(w http.ResponseWriter, r *http.Request) {
	a.findOrders(w, r, parseID(chi.URLParam(r, "id")))
}

func (a *API) findOrders(w http.ResponseWriter, r *http.Request, feedID uint) {
	me := auth.FromContext(r.Context())
	var orders []store.Order
	a.DB.Where("user_id = ? AND feed_id = ?", me.ID, feedID).Find(&orders)
	writeJSON(w, orders)
}

// effectiveUserID returns the user the path names once it is the caller,
// else answers 403 (wakapi's CheckEffectiveUser): comparing the principal
// with the path parameter makes it an authorizer.
func effectiveUserID(w http.ResponseWriter, r *http.Request) (uint, error) { // want effectiveUserID:"authorizer: compares the caller's me.ID with request input uint.uid."
	uid, _ := strconv.ParseUint(chi.URLParam(r, "uid"), 10, 64)
	me := auth.FromContext(r.Context())
	if me == nil || me.ID != uint(uid) {
		http.Error(w, "forbidden", http.StatusForbidden)
		return 0, authz.ErrForbidden
	}
	return uint(uid), nil
}

// confirmedUserID compares two request inputs, not the caller with one:
// not an authorizer.
func confirmedUserID(w http.ResponseWriter, r *http.Request) (uint, error) {
	uid, _ := strconv.ParseUint(chi.URLParam(r, "uid"), 10, 64)
	if r.URL.Query().Get("confirm") != chi.URLParam(r, "uid") {
		http.Error(w, "unconfirmed", http.StatusBadRequest)
		return 0, authz.ErrForbidden
	}
	return uint(uid), nil
}

// Good: effectiveUserID stops every caller but the user the path names.
func (a *API) listEffectiveUserOrders(w http.ResponseWriter, r *http.Request) {
	uid, err := effectiveUserID(w, r)
	if err != nil {
		return
	}
	var orders []store.Order
	a.DB.Where("user_id = ?", uid).Find(&orders)
	writeJSON(w, orders)
}

// Bad: confirmedUserID checks the path against the query, not the caller.
func (a *API) listConfirmedUserOrders(w http.ResponseWriter, r *http.Request) {
	uid, err := confirmedUserID(w, r)
	if err != nil {
		return
	}
	var orders []store.Order
	a.DB.Where("user_id = ?", uid).Find(&orders) // want `path parameter "uid" selects store.Order`
	writeJSON(w, orders)
}
