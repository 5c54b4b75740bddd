package api

import (
	"log/slog"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/render"
	"gorm.io/gorm"

	"example.com/demo/internal/auth"
	"example.com/demo/internal/billing"
	"example.com/demo/internal/store"
)

func mountOrders(r chi.Router, db *gorm.DB) {
	invoices := &billing.Invoices{DB: db}

	r.Get("/orders/{id}", getOrder(db))
	r.Get("/me/orders/{id}", getMyOrder(db))
	r.Delete("/orders/{id}", deleteOrder(db))
	r.Delete("/me/orders/{id}", deleteMyOrder(db))
	r.Get("/orders/{id}/receipt", getReceipt(db))
	r.Get("/orders/{id}/summary", getOrderSummary(db))
	r.Get("/me/orders/count", countMyOrders(db))
	r.Get("/me/orders/spent", spentByMe(db))

	r.Get("/invoices/{id}", getInvoice(invoices))
	r.Get("/me/invoices/{id}", getMyInvoice(invoices))
	r.Get("/me/invoices/{id}/pdf", getInvoicePDF(invoices))

	// Support staff may look at and cancel any order.
	r.Route("/admin", func(r chi.Router) {
		r.Use(requireAdmin)
		r.Get("/orders/{id}", getOrderAsAdmin(db))
		r.Delete("/invoices/{id}", deleteInvoiceAsAdmin(invoices))
	})
}

// requireAdmin lets only administrators through.
func requireAdmin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if c := auth.FromContext(r.Context()); c == nil || c.Role != "admin" {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// parseID parses a numeric id; 0 never matches a row.
func parseID(s string) uint {
	n, _ := strconv.ParseUint(s, 10, 64)
	return uint(n)
}

// Bad: any authenticated caller can read any order by guessing its id.
func getOrder(db *gorm.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var o store.Order
		if err := db.First(&o, chi.URLParam(r, "id")).Error; err != nil {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		render.JSON(w, r, o)
	}
}

// Good: the query is scoped to the caller.
func getMyOrder(db *gorm.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		me := auth.FromContext(r.Context())
		var o store.Order
		if err := db.Where("user_id = ?", me.UserID).First(&o, chi.URLParam(r, "id")).Error; err != nil {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		render.JSON(w, r, o)
	}
}

// Bad: any caller can delete any order.
func deleteOrder(db *gorm.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := db.Delete(&store.Order{}, parseID(chi.URLParam(r, "id"))).Error; err != nil {
			http.Error(w, "could not delete", http.StatusInternalServerError)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}
}

// Good: the delete only matches the caller's own order.
func deleteMyOrder(db *gorm.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		me := auth.FromContext(r.Context())
		res := db.Where("user_id = ?", me.UserID).Delete(&store.Order{}, parseID(chi.URLParam(r, "id")))
		if res.Error != nil || res.RowsAffected == 0 {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}
}

// Bad: the owner is compared, but a mismatch is only logged and the
// receipt is sent anyway.
func getReceipt(db *gorm.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		me := auth.FromContext(r.Context())
		var o store.Order
		if err := db.First(&o, parseID(chi.URLParam(r, "id"))).Error; err != nil {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		if o.UserID != me.UserID {
			slog.Warn("receipt of another user's order", "order", o.ID, "caller", me.UserID)
		}
		render.JSON(w, r, o)
	}
}

// Good: loaded by id, then the owner is compared and a mismatch answers
// 404 (not 403, so that ids of other users' orders are not confirmed).
func getOrderSummary(db *gorm.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		me := auth.FromContext(r.Context())
		var o store.Order
		if err := db.First(&o, parseID(chi.URLParam(r, "id"))).Error; err != nil {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		if o.UserID != me.UserID {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		render.JSON(w, r, map[string]any{"id": o.ID, "item": o.Item, "total": o.Total})
	}
}

// Bad: the repository in package billing loads the invoice by id alone.
func getInvoice(invoices *billing.Invoices) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		inv, err := invoices.ByID(r.Context(), parseID(chi.URLParam(r, "id")))
		if err != nil {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		render.JSON(w, r, inv)
	}
}

// Good: the repository is asked for the caller's invoice.
func getMyInvoice(invoices *billing.Invoices) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		me := auth.FromContext(r.Context())
		inv, err := invoices.ForCustomer(r.Context(), me.UserID, parseID(chi.URLParam(r, "id")))
		if err != nil {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		render.JSON(w, r, inv)
	}
}

// canSeeInvoice decides whether the caller may see an invoice: its
// customer, or support staff.
func canSeeInvoice(c *auth.Claims, inv *store.Invoice) bool {
	return c.Role == "admin" || inv.CustomerID == c.UserID
}

// Good: an authorization helper decides before anything is sent.
func getInvoicePDF(invoices *billing.Invoices) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		me := auth.FromContext(r.Context())
		inv, err := invoices.ByID(r.Context(), parseID(chi.URLParam(r, "id")))
		if err != nil {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		if !canSeeInvoice(me, inv) {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		http.ServeFile(w, r, inv.PDFPath)
	}
}

// Good: only administrators reach the /admin group.
func getOrderAsAdmin(db *gorm.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var o store.Order
		if err := db.First(&o, parseID(chi.URLParam(r, "id"))).Error; err != nil {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		render.JSON(w, r, o)
	}
}

// Good: only administrators reach the /admin group.
func deleteInvoiceAsAdmin(invoices *billing.Invoices) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := invoices.Delete(r.Context(), parseID(chi.URLParam(r, "id"))); err != nil {
			http.Error(w, "could not delete", http.StatusInternalServerError)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}
}

// Bad: the database error's text (SQL, table and column names) goes to
// the client.
func countMyOrders(db *gorm.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		me := auth.FromContext(r.Context())
		var n int64
		if err := db.Model(&store.Order{}).Where("user_id = ?", me.UserID).Count(&n).Error; err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		render.JSON(w, r, map[string]int64{"count": n})
	}
}

// Good: the error is logged; the client gets a fixed message.
func spentByMe(db *gorm.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		me := auth.FromContext(r.Context())
		var total int64
		if err := db.Model(&store.Order{}).Where("user_id = ?", me.UserID).Select("COALESCE(SUM(total), 0)").Scan(&total).Error; err != nil {
			slog.Error("sum orders", "user", me.UserID, "err", err)
			http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
			return
		}
		render.JSON(w, r, map[string]int64{"spent": total})
	}
}
