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
	return auth.Middleware(mux)
}

// Bad: database/sql read by id.
func (s *Server) getInvoice(w http.ResponseWriter, r *http.Request) {
	var inv store.Invoice
	err := s.DB.QueryRowContext(r.Context(), `SELECT id, tenant_id, amount, note FROM invoices WHERE id = $1`, r.PathValue("id")). // want `path parameter "id" selects invoices`
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
