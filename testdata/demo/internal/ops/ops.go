// Package ops is the operations API: a second listener the on-call team
// uses to fix orders by hand. Nothing on it authenticates and no handler
// knows who calls it, so anyone who reaches the port can change any
// customer's order.
package ops

import (
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/httprate"
	"gorm.io/gorm"

	"example.com/demo/internal/store"
)

// Ops serves the operations routes.
type Ops struct{ DB *gorm.DB }

// Bad: bound to every interface with no authentication (one warning for
// the whole service; each access is in its related information).
func (o *Ops) Server(addr string) *http.Server {
	r := chi.NewRouter()
	r.Use(httprate.LimitByIP(20, time.Minute))
	r.Post("/orders/{id}/cancel", o.cancelOrder)
	r.Delete("/orders/{id}", o.purgeOrder)
	return &http.Server{Addr: addr, Handler: r, ReadHeaderTimeout: 5 * time.Second}
}

func (o *Ops) cancelOrder(w http.ResponseWriter, r *http.Request) {
	err := o.DB.Model(&store.Order{}).Where("id = ?", chi.URLParam(r, "id")).Update("item", "cancelled").Error
	if err != nil {
		http.Error(w, "cancel failed", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (o *Ops) purgeOrder(w http.ResponseWriter, r *http.Request) {
	if err := o.DB.Delete(&store.Order{}, chi.URLParam(r, "id")).Error; err != nil {
		http.Error(w, "purge failed", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
