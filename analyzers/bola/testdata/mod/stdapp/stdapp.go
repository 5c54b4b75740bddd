// Package stdapp is a net/http (Go 1.22 patterns) + database/sql service.
package stdapp

import (
	"database/sql"
	"encoding/json"
	"net/http"

	"example.com/bolatest/auth"
	"example.com/bolatest/store"
)

type Server struct{ DB *sql.DB }

func (s *Server) Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /invoices/{id}", s.getInvoice)
	mux.HandleFunc("DELETE /invoices/{id}", s.deleteInvoice)
	mux.HandleFunc("GET /tenant/invoices/{id}", s.getTenantInvoice)
	mux.HandleFunc("GET /countries/{code}", s.getCountry)
	mux.HandleFunc("POST /settings", s.saveSettings)
	mux.HandleFunc("GET /invoices/search", s.searchInvoices)
	mux.HandleFunc("GET /v2/invoices/{id}", s.getInvoiceV2)
	mux.HandleFunc("GET /admin/invoices/{id}", s.getInvoiceAdmin)
	return auth.Middleware(mux)
}

// Bad: database/sql read by id.
func (s *Server) getInvoice(w http.ResponseWriter, r *http.Request) {
	var inv store.Invoice
	err := s.DB.QueryRowContext(r.Context(), `SELECT id, tenant_id, amount, note FROM invoices WHERE id = $1`, r.PathValue("id")). // want `path parameter "id" selects store.Invoice`
																	Scan(&inv.ID, &inv.TenantID, &inv.Amount, &inv.Note)
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	json.NewEncoder(w).Encode(inv)
}

// Bad: database/sql delete by id.
func (s *Server) deleteInvoice(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if _, err := s.DB.ExecContext(r.Context(), `DELETE FROM invoices WHERE id = $1`, id); err != nil { // want `path parameter "id" selects invoices`
		http.Error(w, "error", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// Good: tenant-scoped SQL.
func (s *Server) getTenantInvoice(w http.ResponseWriter, r *http.Request) {
	me := auth.FromContext(r.Context())
	var inv store.Invoice
	err := s.DB.QueryRowContext(r.Context(), `SELECT id, tenant_id, amount, note FROM invoices WHERE id = $1 AND tenant_id = $2`, r.PathValue("id"), me.TenantID).
		Scan(&inv.ID, &inv.TenantID, &inv.Amount, &inv.Note)
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	json.NewEncoder(w).Encode(inv)
}

// Good: reference data, no owner column.
func (s *Server) getCountry(w http.ResponseWriter, r *http.Request) {
	var c store.Country
	err := s.DB.QueryRowContext(r.Context(), `SELECT code, name FROM countries WHERE code = $1`, r.PathValue("code")).Scan(&c.Code, &c.Name)
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	json.NewEncoder(w).Encode(c)
}

// Bad: the client names whose settings to change (the uid form field).
func (s *Server) saveSettings(w http.ResponseWriter, r *http.Request) {
	_, err := s.DB.ExecContext(r.Context(), `UPDATE settings SET theme = $1 WHERE uid = $2`, r.FormValue("theme"), r.FormValue("uid")) // want `form field "uid" selects settings`
	if err != nil {
		http.Error(w, "error", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// Not an object ID: a number typed into a search box (a listing that is
// not scoped is another problem than BOLA).
func (s *Server) searchInvoices(w http.ResponseWriter, r *http.Request) {
	var inv store.Invoice
	err := s.DB.QueryRowContext(r.Context(), `SELECT id, tenant_id, amount, note FROM invoices WHERE note = $1`, r.URL.Query().Get("number")).
		Scan(&inv.ID, &inv.TenantID, &inv.Amount, &inv.Note)
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	json.NewEncoder(w).Encode(inv)
}

// getInvoiceV2 only delegates: loadInvoice is served on its route.
func (s *Server) getInvoiceV2(w http.ResponseWriter, r *http.Request) {
	s.loadInvoice(w, r)
}

// getInvoiceAdmin checks the caller's role, then delegates.
func (s *Server) getInvoiceAdmin(w http.ResponseWriter, r *http.Request) {
	if auth.FromContext(r.Context()).Role != "admin" {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	s.loadInvoice(w, r)
}

// loadInvoice is a handler no route names: judged on its delegators'
// routes (one unguarded).
func (s *Server) loadInvoice(w http.ResponseWriter, r *http.Request) {
	var inv store.Invoice
	err := s.DB.QueryRowContext(r.Context(), `SELECT id, tenant_id, amount, note FROM invoices WHERE id = $1`, r.PathValue("id")). // want `path parameter "id" selects store.Invoice in \(\*sql.DB\).QueryRowContext on GET /v2/invoices/\{id\}`
																	Scan(&inv.ID, &inv.TenantID, &inv.Amount, &inv.Note)
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	json.NewEncoder(w).Encode(inv)
}
