// Package billing is the repository layer for invoices.
package billing

import (
	"context"

	"gorm.io/gorm"

	"example.com/demo/internal/store"
)

// Invoices reads and deletes invoices.
type Invoices struct{ DB *gorm.DB }

// ByID loads an invoice by its id alone: callers must check the customer.
func (r *Invoices) ByID(ctx context.Context, id uint) (*store.Invoice, error) {
	var inv store.Invoice
	if err := r.DB.WithContext(ctx).First(&inv, id).Error; err != nil {
		return nil, err
	}
	return &inv, nil
}

// ForCustomer loads an invoice of the given customer.
func (r *Invoices) ForCustomer(ctx context.Context, customerID, id uint) (*store.Invoice, error) {
	var inv store.Invoice
	err := r.DB.WithContext(ctx).Where("customer_id = ?", customerID).First(&inv, id).Error
	if err != nil {
		return nil, err
	}
	return &inv, nil
}

// Delete removes an invoice by id.
func (r *Invoices) Delete(ctx context.Context, id uint) error {
	return r.DB.WithContext(ctx).Delete(&store.Invoice{}, id).Error
}
