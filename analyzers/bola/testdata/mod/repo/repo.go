// Package repo is the data layer the handlers call.
package repo

import (
	"context"
	"database/sql"

	"github.com/jmoiron/sqlx"
	"gorm.io/gorm"

	"example.com/bolatest/store"
)

// Orders reads and writes orders with gorm.
type Orders struct{ DB *gorm.DB }

// ByID loads an order by its id alone.
func (r *Orders) ByID(ctx context.Context, id uint) (*store.Order, error) {
	var o store.Order
	err := r.DB.WithContext(ctx).First(&o, id).Error
	return &o, err
}

// ByIDForUser loads an order of the given user.
func (r *Orders) ByIDForUser(ctx context.Context, id, userID uint) (*store.Order, error) {
	var o store.Order
	err := r.DB.WithContext(ctx).Where("id = ? AND user_id = ?", id, userID).First(&o).Error
	return &o, err
}

// Delete removes an order by id.
func (r *Orders) Delete(ctx context.Context, id uint) error {
	return r.DB.WithContext(ctx).Delete(&store.Order{}, id).Error
}

// Documents reads documents with sqlx.
type Documents struct{ DB *sqlx.DB }

// Get loads a document by id.
func (r *Documents) Get(ctx context.Context, id string) (store.Document, error) {
	var d store.Document
	err := r.DB.GetContext(ctx, &d, `SELECT id, owner_id, title, body FROM documents WHERE id = $1`, id)
	return d, err
}

// GetOwned loads a document of the given owner.
func (r *Documents) GetOwned(ctx context.Context, id, ownerID string) (store.Document, error) {
	var d store.Document
	err := r.DB.GetContext(ctx, &d, `SELECT id, owner_id, title, body FROM documents WHERE id = $1 AND owner_id = $2`, id, ownerID)
	return d, err
}

// Invoices uses database/sql.
type Invoices struct{ DB *sql.DB }

// Get loads an invoice by id.
func (r *Invoices) Get(ctx context.Context, id int64) (store.Invoice, error) {
	var inv store.Invoice
	err := r.DB.QueryRowContext(ctx, `SELECT id, tenant_id, amount, note FROM invoices WHERE id = $1`, id).
		Scan(&inv.ID, &inv.TenantID, &inv.Amount, &inv.Note)
	return inv, err
}

// DeleteForTenant deletes an invoice of the given tenant.
func (r *Invoices) DeleteForTenant(ctx context.Context, tenantID, id int64) error {
	_, err := r.DB.ExecContext(ctx, `DELETE FROM invoices WHERE id = $1 AND tenant_id = $2`, id, tenantID)
	return err
}

// Countries is reference data.
type Countries struct{ DB *sqlx.DB }

// Get loads a country by code.
func (r *Countries) Get(ctx context.Context, code string) (store.Country, error) {
	var c store.Country
	err := r.DB.GetContext(ctx, &c, `SELECT code, name FROM countries WHERE code = $1`, code)
	return c, err
}
