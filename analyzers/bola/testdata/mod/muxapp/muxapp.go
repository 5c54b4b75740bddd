// Package muxapp is a gorilla/mux + database/sql service with a repository.
package muxapp

import (
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/gorilla/mux"

	"example.com/bolatest/auth"
	"example.com/bolatest/repo"
)

type API struct{ Invoices *repo.Invoices }

func (a *API) Router() *mux.Router {
	r := mux.NewRouter()
	r.Use(auth.Middleware)
	r.HandleFunc("/invoices/{id}", a.getInvoice).Methods(http.MethodGet)
	r.HandleFunc("/invoices/{id}/checked", a.getInvoiceChecked).Methods(http.MethodGet)
	r.HandleFunc("/invoices/{id}", a.deleteInvoice).Methods(http.MethodDelete)
	return r
}

// Bad.
func (a *API) getInvoice(w http.ResponseWriter, r *http.Request) {
	id, _ := strconv.ParseInt(mux.Vars(r)["id"], 10, 64)
	inv, err := a.Invoices.Get(r.Context(), id) // want `path parameter "id" selects store.Invoice`
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	json.NewEncoder(w).Encode(inv)
}

// Good: tenant compared, mismatch stops.
func (a *API) getInvoiceChecked(w http.ResponseWriter, r *http.Request) {
	me := auth.FromContext(r.Context())
	id, _ := strconv.ParseInt(mux.Vars(r)["id"], 10, 64)
	inv, err := a.Invoices.Get(r.Context(), id)
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	if inv.TenantID != me.TenantID {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	json.NewEncoder(w).Encode(inv)
}

// Good: tenant-scoped delete.
func (a *API) deleteInvoice(w http.ResponseWriter, r *http.Request) {
	me := auth.FromContext(r.Context())
	id, _ := strconv.ParseInt(mux.Vars(r)["id"], 10, 64)
	if err := a.Invoices.DeleteForTenant(r.Context(), me.TenantID, id); err != nil {
		http.Error(w, "error", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
